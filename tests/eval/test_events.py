from __future__ import annotations

from tests.eval.builders import analysis, event, gold, north_of, place, speculated, when
from wirewatch.eval import score

TEXT = "Russia sent troops to Caracas in January; Russia and Venezuela held talks."
CARACAS = (10.488, -66.879)


def _score(items, preds, places=(), exhaustive=True):
    g = gold(TEXT, {"events": items}, {"events": exhaustive})
    return score([(g, analysis(TEXT, events=list(preds), places=list(places)))])


def test_type_in_list_and_countries_in_any_position_of_the_lists():
    item = {"event": ["AID", "MOBILIZE"], "actor_country": "RUS", "recipient_country": "VEN"}
    ok = event("e1", "MOBILIZE", actors=("BLR", "RUS"), recipients=("VEN",))
    assert _score([item], [ok]).events.tp == 1
    for wrong in (
        event("e2", "ASSAULT", ("RUS",), ("VEN",)),
        event("e3", "MOBILIZE", ("VEN",), ("RUS",)),  # roles swapped, not reciprocal
        event("e4", "MOBILIZE", ("RUS",), ()),
    ):
        report = _score([item], [wrong])
        assert (report.events.tp, report.events.fp, report.events.fn) == (0, 1, 1)


def test_reciprocal_matches_either_order_or_both_as_actors():
    item = {
        "event": "CONSULT",
        "actor_country": "RUS",
        "recipient_country": "VEN",
        "reciprocal": True,
    }
    for pred in (
        event("a", "CONSULT", ("RUS",), ("VEN",)),
        event("b", "CONSULT", ("VEN",), ("RUS",)),
        event("c", "CONSULT", ("RUS", "VEN"), ()),
    ):
        assert _score([item], [pred]).figure("events.f1") == 1.0
    assert _score([item], [event("d", "CONSULT", ("RUS",), ("CUB",))]).events.tp == 0


def test_day_dates_match_within_one_day_of_the_predicted_interval():
    item = {"event": "MOBILIZE", "date": "2019-03-23"}
    assert _score([item], [event("a", "MOBILIZE", when=when("2019-03-24"))]).events.tp == 1
    assert _score([item], [event("b", "MOBILIZE", when=when("2019-03-25"))]).events.tp == 0
    # A range ending the day before still touches it.
    assert (
        _score([item], [event("c", "MOBILIZE", when=when("2019-03-01", "2019-03-22"))]).events.tp
        == 1
    )
    # No predicted date cannot match a gold date.
    assert _score([item], [event("d", "MOBILIZE")]).events.tp == 0


def test_month_granularity_gold_date_matches_any_day_inside_the_month():
    item = {"event": "MOBILIZE", "date": "2019-01"}
    for day, hit in (
        ("2019-01-01", 1),
        ("2019-01-17", 1),
        ("2019-01-31", 1),
        ("2019-02-01", 1),
        ("2018-12-31", 1),  # ±1 day at the edges
        ("2019-02-02", 0),
        ("2018-12-30", 0),
    ):
        assert _score([item], [event("a", "MOBILIZE", when=when(day))]).events.tp == hit, day
    whole = when("2019-01-01", "2019-01-31", precision="month")
    assert _score([item], [event("m", "MOBILIZE", when=whole)]).events.tp == 1


def test_place_within_100_km_looked_up_in_the_analysis():
    item = {"event": "MOBILIZE", "place": {"name": "Caracas", "lat": CARACAS[0], "lon": CARACAS[1]}}
    near = place("near", "La Guaira", north_of(CARACAS[0], 99.0), CARACAS[1])
    far = place("far", "Valencia", north_of(CARACAS[0], 101.0), CARACAS[1])
    assert _score([item], [event("a", "MOBILIZE", place="near")], [near, far]).events.tp == 1
    assert _score([item], [event("b", "MOBILIZE", place="far")], [near, far]).events.tp == 0
    assert _score([item], [event("c", "MOBILIZE", place="gone")], [near]).events.tp == 0
    assert _score([item], [event("d", "MOBILIZE")], [near]).events.tp == 0


def test_negated_and_speculated_predictions_are_set_aside():
    item = {"event": "MOBILIZE", "actor_country": "RUS"}
    preds = [
        event("neg", "MOBILIZE", ("RUS",), negated=True),
        event("spec", "MOBILIZE", ("RUS",), attribution=speculated()),
        event("spec2", "ASSAULT", ("RUS",), attribution=speculated()),
    ]
    report = _score([item], preds)
    # Neither true positives nor false positives: the gold stays missed, precision is vacuous.
    assert (report.events.tp, report.events.fp, report.events.fn) == (0, 0, 1)
    assert report.events.set_aside == 3
    assert report.per_document[0].alignment["events"].set_aside == ["neg", "spec", "spec2"]


def test_greedy_gives_the_specific_gold_item_its_prediction_first():
    vague = {"event": ["COOPERATE", "CONSULT"], "actor_country": "RUS"}
    specific = {"event": "COOPERATE", "actor_country": "RUS", "date": "2019-03-23"}
    preds = [
        event("dated", "COOPERATE", ("RUS",), when=when("2019-03-23")),
        event("undated", "CONSULT", ("RUS",)),
    ]
    report = _score([vague, specific], preds)
    assert report.events.tp == 2 and report.events.f1 == 1.0
    # Two predictions for one gold event: one matches, the other is a false positive.
    again = event("again", "COOPERATE", ("RUS",), when=when("2019-03-22"))
    report = _score([specific], [preds[0], again])
    assert (report.events.tp, report.events.fp, report.events.fn) == (1, 1, 0)
    assert report.per_document[0].alignment["events"].matched[0].pred == "dated COOPERATE"


def test_per_type_counts_each_match_under_the_gold_first_type():
    items = [{"event": ["AID", "MOBILIZE"]}, {"event": "ASSAULT"}]
    preds = [event("a", "MOBILIZE"), event("b", "PROTEST")]
    report = _score(items, preds)
    aid = report.events.by_type["AID"]
    assert (aid.tp, aid.fp, aid.fn, aid.precision, aid.recall) == (1, 0, 0, 1.0, 1.0)
    assert "MOBILIZE" not in report.events.by_type
    assert report.figure("events.by_type.MOBILIZE.recall") is None
    assert report.figure("events.by_type.ASSAULT.recall") == 0.0
    assert report.figure("events.by_type.PROTEST.precision") == 0.0
    assert report.figure("events.by_type.PROTEST.recall") is None
    assert report.figure("events.by_type.SANCTION.f1") is None
    assert report.events.precision == 0.5 and report.events.recall == 0.5
    # Summed over types, the counts are the kind's counts.
    rows = report.events.by_type.values()
    assert sum(r.tp for r in rows) == 1 and sum(r.fp for r in rows) == 1
    assert sum(r.fn for r in rows) == 1
    # Not exhaustive: recall per type only.
    loose = _score(items, preds, exhaustive=False)
    assert loose.figure("events.by_type.AID.precision") is None
    assert "PROTEST" not in loose.events.by_type
