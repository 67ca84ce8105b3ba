"""Movements: trips built across sentences, route points, operators, identifiers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from wirewatch.model import Analysis, Movement

SEED = (
    Path(__file__).resolve().parents[2]
    / "examples"
    / "corpus"
    / "seed"
    / "an124-venezuela-2019-03-25.txt"
)
Analyze = Callable[..., Analysis]


def seed() -> tuple[str, str]:
    """The seed article's body and date (the file begins `date YYYY-MM-DD `)."""
    _, date, text = SEED.read_text("utf-8").split(None, 2)
    return text, date


def _name(analysis: Analysis, place_id: str | None) -> str | None:
    place = analysis.place(place_id)
    return place.name if place else None


def _country(analysis: Analysis, place_id: str | None) -> str | None:
    place = analysis.place(place_id)
    return place.country if place else None


def _by_model(analysis: Analysis, model: str) -> list[Movement]:
    return [m for m in analysis.movements if m.asset.model == model]


@pytest.fixture(scope="module")
def geocoded(geocoded_text: Analyze) -> Analyze:
    """The full pipeline with geocoding on (places get countries and gazetteer names)."""

    def run(text: str, date: str = "2019-03-25") -> Analysis:
        return geocoded_text(text, date)

    return run


@pytest.fixture(scope="module")
def seed_analysis(geocoded: Analyze) -> Analysis:
    return geocoded(*seed())


def test_seed_gives_exactly_the_three_trips(seed_analysis: Analysis) -> None:
    analysis = seed_analysis
    assert len(analysis.movements) == 3
    out, back = sorted(_by_model(analysis, "An-124"), key=lambda m: m.arrive is None)
    (il62,) = _by_model(analysis, "Il-62M")
    for trip in (out, il62):
        assert _country(analysis, trip.origin) == "RUS"
        assert "Simón Bolívar" in (_name(analysis, trip.destination) or "")
        assert trip.arrive is not None and str(trip.arrive.start) == "2019-03-23"
        assert trip.asset.operator is not None and trip.asset.operator.country == "RUS"
    assert [_name(analysis, v) for v in out.via] == ["Khmeimim air base"] or "Khmeimim" in (
        _name(analysis, out.via[0]) or ""
    )
    assert [_name(analysis, v) for v in il62.via] == ["Damascus"]
    assert _country(analysis, back.destination) == "RUS"
    assert back.depart is not None and str(back.depart.start) == "2019-03-25"
    assert "Simón Bolívar" in (_name(analysis, back.origin) or "")


def test_arrival_then_origin_in_next_sentence(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "A Turkish Air Force A400M landed at Mitiga International Airport in Tripoli on "
        "Monday. The aircraft had flown in from Kayseri.",
        date="2023-09-19",
    )
    (trip,) = analysis.movements
    assert trip.asset.model == "A400M" and trip.asset.kind == "aircraft"
    assert trip.asset.operator is not None and trip.asset.operator.country == "TUR"
    assert _name(analysis, trip.origin) == "Kayseri"
    assert "Mitiga" in (_name(analysis, trip.destination) or "")
    assert trip.arrive is not None and str(trip.arrive.start) == "2023-09-18"


def test_tail_numbers_make_one_trip_per_airframe(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "Two US Air Force C-17A transports, tail numbers 07-7178 and 10-0213, landed at "
        "Rzeszow airport in Poland on Wednesday. Both had left Dover Air Force Base on "
        "Tuesday.",
        date="2024-04-11",
    )
    assert sorted(m.asset.identifier or "" for m in analysis.movements) == ["07-7178", "10-0213"]
    for trip in analysis.movements:
        assert trip.asset.operator is not None and trip.asset.operator.country == "USA"
        assert trip.depart is not None and str(trip.depart.start) == "2024-04-09"


def test_future_and_negated_trips_are_not_movements(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "Russia will send two Tu-160 bombers to Venezuela next week. A Russian Il-76 did not "
        "land in Minsk on Monday."
    )
    assert analysis.movements == []


def test_every_movement_has_a_destination(analyze_text: Analyze) -> None:
    analysis = analyze_text("A Russian Il-76 took off from Moscow on Monday.")
    assert all(m.destination for m in analysis.movements)


def test_ship_operator_from_hull_prefix(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "Last week the USS Ralph Johnson, an Arleigh Burke-class destroyer, passed through "
        "the Taiwan Strait and docked in Yokosuka, Japan.",
        date="2024-11-22",
    )
    (trip,) = analysis.movements
    assert trip.asset.model == "Arleigh Burke-class" and trip.asset.kind == "ship"
    assert trip.asset.operator is not None and trip.asset.operator.country == "USA"
    assert _name(analysis, trip.destination) == "Yokosuka"


def test_deployment_abroad_gives_one_mobilize_event(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "Two Russian Air Force Tu-160 bombers landed in Venezuela on Monday. Russia "
        "dispatched the bombers for joint drills. The Tu-160s later flew back home.",
        date="2018-12-12",
    )
    mobilize = [e for e in analysis.events if e.event == "MOBILIZE"]
    assert len(mobilize) == 1
    assert [a.country for a in mobilize[0].actor] == ["RUS"]
    assert [a.country for a in mobilize[0].recipient] == ["VEN"]


def test_identifier_picks_the_airframe_that_leaves(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "Two Russian Air Force Il-76MD transports, registered RF-78830 and RF-76551, landed in "
        "Bamako, Mali, on Thursday. One of the aircraft, RF-76551, left for Syria the "
        "following day.",
        date="2024-02-03",
    )
    legs = sorted(
        (m.asset.identifier or "", _name(analysis, m.destination) or "") for m in analysis.movements
    )
    assert legs == [("RF-76551", "Bamako"), ("RF-76551", "Syria"), ("RF-78830", "Bamako")]
    (back,) = [m for m in analysis.movements if _name(analysis, m.destination) == "Syria"]
    assert _name(analysis, back.origin) == "Bamako"


def test_sender_operates_what_it_sends(geocoded: Analyze) -> None:
    analysis = geocoded(
        "Brazil has sent EE-9 Cascavel armoured vehicles to Manaus.", date="2023-12-30"
    )
    (trip,) = analysis.movements
    assert trip.asset.model == "EE-9 Cascavel" and trip.asset.kind == "vehicle"
    assert trip.asset.operator is not None and trip.asset.operator.country == "BRA"


def test_unit_named_by_its_personnel_is_the_asset(geocoded: Analyze) -> None:
    analysis = geocoded(
        "About 500 soldiers from the 173rd Airborne Brigade left Stuttgart on Monday for "
        "Latvia, the army said.",
        date="2024-05-08",
    )
    (trip,) = analysis.movements
    assert trip.asset.model == "173rd Airborne Brigade" and trip.asset.kind == "unit"
    assert _name(analysis, trip.origin) == "Stuttgart"
    assert _country(analysis, trip.destination) == "LVA"
    assert trip.depart is not None and str(trip.depart.start) == "2024-05-06"


def test_unit_in_a_relative_clause_takes_the_senders_operator(geocoded: Analyze) -> None:
    analysis = geocoded(
        "Canada has sent 300 troops of the 2nd Battalion, Royal Canadian Regiment, who arrived "
        "in Riga on Tuesday.",
        date="2024-05-09",
    )
    (trip,) = analysis.movements
    assert trip.asset.model == "2nd Battalion, Royal Canadian Regiment"
    assert trip.asset.operator is not None and trip.asset.operator.country == "CAN"
    assert _name(analysis, trip.destination) == "Riga"
    assert trip.arrive is not None and str(trip.arrive.start) == "2024-05-07"


def test_transitive_motion_verb_moves_its_object(geocoded: Analyze) -> None:
    analysis = geocoded("Spain moved two Patriot batteries to Adana in June.", date="2024-08-01")
    (trip,) = analysis.movements
    assert trip.asset.kind == "weapon_system"
    assert trip.asset.operator is not None and trip.asset.operator.country == "ESP"
    assert _name(analysis, trip.destination) == "Adana"


def test_second_verb_moves_the_craft_the_first_one_boarded(geocoded: Analyze) -> None:
    analysis = geocoded(
        "The delegation left Lagos on Sunday aboard an Il-76 and reached Moscow after a "
        "long flight.",
        date="2024-03-05",
    )
    (trip,) = analysis.movements
    assert _name(analysis, trip.origin) == "Lagos"
    assert _name(analysis, trip.destination) == "Moscow"
    assert trip.depart is not None and str(trip.depart.start) == "2024-03-03"
    # Sunday is the departure's date, not the arrival's (which is only bounded by it).
    assert trip.arrive is None or trip.arrive.text is None


def test_purpose_clause_place_is_the_destination(geocoded: Analyze) -> None:
    analysis = geocoded(
        "A KC-46A flew out of Ramstein Air Base to refuel fighters over the Baltic Sea.",
        date="2024-06-01",
    )
    (trip,) = analysis.movements
    assert "Ramstein" in (_name(analysis, trip.origin) or "")
    assert _name(analysis, trip.destination) == "Baltic Sea"
    assert trip.via == []


def test_narrower_of_two_destinations_wins(geocoded: Analyze) -> None:
    analysis = geocoded(
        "Brazil has sent EE-9 Cascavel armoured vehicles to Manaus, in Amazonas state.",
        date="2023-12-30",
    )
    (trip,) = analysis.movements
    assert _name(analysis, trip.destination) == "Manaus"


def test_coordinated_objects_and_a_stop_are_route_points(geocoded: Analyze) -> None:
    analysis = geocoded(
        "Two Russian Tu-22M3 bombers crossed the Barents Sea and the Norwegian Sea on Friday "
        "and landed at Olenya air base with a refuelling stop at Engels air base.",
        date="2024-10-12",
    )
    (trip,) = analysis.movements
    vias = {_name(analysis, v) for v in trip.via}
    assert {"Barents Sea", "Norwegian Sea"} <= vias
    assert any("Engels" in (v or "") for v in vias)


def test_the_aircraft_after_a_pair_means_both(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "Two Russian Air Force Il-76MD transports, registered RF-78801 and RF-78802, landed in "
        "Bangui on Monday. The aircraft had flown in from Khartoum.",
        date="2024-02-07",
    )
    origins = sorted(
        (m.asset.identifier or "", _name(analysis, m.origin) or "") for m in analysis.movements
    )
    assert origins == [("RF-78801", "Khartoum"), ("RF-78802", "Khartoum")]


def test_date_the_parser_hangs_on_the_object(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "A Chinese Type 055 destroyer sailed south through the Miyako Strait on Monday and "
        "anchored off Sihanoukville the following day.",
        date="2024-07-10",
    )
    (trip,) = analysis.movements
    assert trip.arrive is not None and str(trip.arrive.start) == "2024-07-09"


def test_no_movement_from_an_agency_photo_caption(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "Two Russian Su-35 fighters landed in Tehran on Monday.\n\n"
        "AP Photo The Su-35 landed in Minsk during an air show.",
        date="2024-09-04",
    )
    assert [_name(analysis, m.destination) for m in analysis.movements] == ["Tehran"]


def test_narrower_origin_and_every_overflown_country(geocoded: Analyze) -> None:
    analysis = geocoded(
        "On Monday a Type 45 destroyer had left Limassol, Cyprus, and was heading for Haifa. "
        "Two Russian Tu-160 bombers flew over Iran and Iraq to Damascus on Monday.",
        date="2024-02-14",
    )
    (ship,) = _by_model(analysis, "Type 45")
    assert _name(analysis, ship.origin) == "Limassol"
    assert _name(analysis, ship.destination) == "Haifa"
    (bombers,) = _by_model(analysis, "Tu-160")
    assert [_country(analysis, v) for v in bombers.via] == ["IRN", "IRQ"]


def test_where_the_targets_are_is_not_a_destination(geocoded: Analyze) -> None:
    analysis = geocoded(
        "Two Tu-22M3 bombers took off from Engels air base to strike targets in Ukraine on Monday.",
        date="2024-05-01",
    )
    assert analysis.movements == []


def test_a_deployment_into_a_sea_is_placed_there(geocoded_text: Analyze) -> None:
    """ "entered the Red Sea ... had transited the Suez Canal": the deployment's event is
    in the sea it went to, not the canal it passed (a passage is the event only when the
    trip ends elsewhere)."""
    analysis = geocoded_text(
        "The Greek frigate Psara entered the Red Sea on Sunday to join the EU mission. The "
        "MEKO 200HN frigate had transited the Suez Canal on Saturday.",
        date="2024-05-10",
    )
    (mobilize,) = [e for e in analysis.events if e.event == "MOBILIZE"]
    assert _name(analysis, mobilize.place) == "Red Sea"
