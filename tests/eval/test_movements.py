from __future__ import annotations

from tests.eval.builders import analysis, gold, movement, north_of, place, when
from wirewatch.eval import score

TEXT = "An An-124 and a C-130J flew to Caracas via Damascus."
SBIA = (10.6031, -66.9906)
DAMASCUS = (33.5102, 36.2913)
AIRPORT = {"name": "Simón Bolívar International Airport", "lat": SBIA[0], "lon": SBIA[1]}
PLACES = [
    place("ccs", "Caracas", 10.488, -66.879, "VEN"),
    place("far", "Maracaibo", 10.64, -71.61, "VEN"),
    place("dam", "Damascus", *DAMASCUS, "SYR"),
    place("hmm", "Khmeimim", 35.4011, 35.9486, "SYR"),
    place("rus", "Russia", 60.0, 100.0, "RUS"),
    place("mow", "Moscow", 55.75, 37.62, "RUS"),
]


def _score(items, preds, exhaustive=True):
    g = gold(TEXT, {"movements": items}, {"movements": exhaustive})
    return score([(g, analysis(TEXT, movements=list(preds), places=PLACES))])


def test_model_ignores_case_hyphens_and_spaces_and_destination_within_100_km():
    item = {"asset_model": "An-124", "destination": AIRPORT}
    for model in ("an124", "AN 124", "An‑124"):  # the last has a non-breaking hyphen
        assert _score([item], [movement("m", model, "ccs")]).movements.tp == 1, model
    assert _score([item], [movement("m", "An-12", "ccs")]).movements.tp == 0
    report = _score([item], [movement("m", "An-124", "far")])  # ~500 km off
    assert (report.movements.tp, report.movements.fp, report.movements.fn) == (0, 1, 1)


def test_destination_given_only_as_a_country_uses_the_predicted_place_country():
    item = {"asset_model": "An-124", "destination": {"country": "RUS"}}
    assert _score([item], [movement("m", "An-124", "mow")]).movements.tp == 1
    assert _score([item], [movement("m", "An-124", "ccs")]).movements.tp == 0
    assert _score([item], [movement("m", "An-124", None)]).movements.tp == 0


def test_movement_without_model_is_set_aside():
    item = {"asset_model": "An-124", "destination": AIRPORT}
    report = _score([item], [movement("m", None, "ccs"), movement("n", " ", "ccs")])
    assert (report.movements.tp, report.movements.fp, report.movements.fn) == (0, 0, 1)
    assert report.movements.set_aside == 2


def test_field_accuracy_over_matched_movements():
    item = {
        "asset_model": "An-124",
        "operator_country": "RUS",
        "origin": {"country": "RUS"},
        "via": [
            {"name": "Damascus", "lat": DAMASCUS[0], "lon": DAMASCUS[1]},
            {"name": "Khmeimim", "lat": 35.4011, "lon": 35.9486},
        ],
        "destination": AIRPORT,
        "depart": "2019-03-21",
        "arrive": "2019-03-23",
    }
    pred = movement(
        "m",
        "An-124",
        "ccs",
        operator="RUS",
        origin="mow",
        via=["ccs", "dam"],
        depart=when("2019-03-19"),
        arrive=when("2019-03-22"),
    )
    report = _score([item], [pred])
    assert report.movements.tp == 1
    assert report.figure("movements.operator") == 1.0
    assert report.figure("movements.origin") == 1.0
    assert report.movements.via.hits == 1 and report.figure("movements.via") == 0.5
    assert report.figure("movements.depart") == 0.0  # two days early
    assert report.figure("movements.arrive") == 1.0  # one day off is within ±1
    # Fields gold leaves out are not measured.
    bare = _score([{"asset_model": "An-124", "destination": AIRPORT}], [pred])
    assert bare.figure("movements.operator") is None and bare.figure("movements.via") is None


def test_origin_place_within_100_km():
    item = {
        "asset_model": "C-130J",
        "destination": {"country": "RUS"},
        "origin": {"name": "Caracas", "lat": 10.488, "lon": -66.879},
    }
    near = _score([item], [movement("m", "C-130J", "mow", origin="ccs")])
    far = _score([item], [movement("m", "C-130J", "mow", origin="far")])
    assert near.figure("movements.origin") == 1.0 and far.figure("movements.origin") == 0.0


def test_two_trips_of_one_model_are_told_apart_by_their_fields():
    first = {"asset_model": "An-124", "destination": AIRPORT, "arrive": "2019-03-23"}
    second = {"asset_model": "An-124", "destination": AIRPORT, "arrive": "2019-03-26"}
    # Listed in the other order, so index order alone would pair them wrongly.
    preds = [
        movement("later", "An-124", "ccs", arrive=when("2019-03-26")),
        movement("earlier", "An-124", "ccs", arrive=when("2019-03-23")),
    ]
    report = _score([first, second], preds)
    assert report.movements.tp == 2 and report.figure("movements.arrive") == 1.0
    links = report.per_document[0].alignment["movements"].matched
    assert [link.pred for link in links] == ["earlier An-124", "later An-124"]


def test_gold_destination_point_near_but_far_from_predicted_coordinates():
    item = {
        "asset_model": "An-124",
        "destination": {"name": "X", "lat": north_of(10.488, 101), "lon": -66.879},
    }
    assert _score([item], [movement("m", "An-124", "ccs")]).movements.tp == 0
