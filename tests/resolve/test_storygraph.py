"""The same-story test between two events, and components independent of order."""

from __future__ import annotations

import datetime as dt
import random

from wirewatch.resolve.config import rules
from wirewatch.resolve.storygraph import EventNode, cluster_all, compatible, eligible

CONFIG = rules().stories
MOSUL = (36.34, 43.13)


def node(
    doc: str,
    start: str,
    end: str | None = None,
    kind: str = "ASSAULT",
    point: tuple[float, float] | None = MOSUL,
    place_country: str | None = "IRQ",
    countries: tuple[str, ...] = ("TUR", "IRQ"),
    precision: float | None = None,
    named: tuple[str, ...] = (),
    denied: bool = False,
) -> EventNode:
    lat, lon = point if point else (None, None)
    return EventNode(
        doc,
        "e1",
        kind,
        dt.date.fromisoformat(start),
        dt.date.fromisoformat(end or start),
        lat,
        lon,
        place_country,
        frozenset(countries),
        precision,
        frozenset(named),
        denied,
    )


def test_dates_within_tolerance_match_and_beyond_do_not() -> None:
    assert compatible(node("a", "2026-10-17"), node("b", "2026-10-19"), CONFIG)
    assert not compatible(node("a", "2026-10-17"), node("b", "2026-10-20"), CONFIG)


def test_interval_dates_compare_by_overlap() -> None:
    week = node("a", "2026-10-12", "2026-10-16")
    assert compatible(week, node("b", "2026-10-18"), CONFIG)
    assert compatible(node("b", "2026-10-10"), week, CONFIG)
    assert not compatible(week, node("b", "2026-10-19"), CONFIG)


def test_distance_and_countries() -> None:
    near = node("b", "2026-10-17", point=(36.7, 43.1))  # ~40 km north
    far = node("b", "2026-10-17", point=(32.9, 13.2))  # Tripoli, Libya
    assert compatible(node("a", "2026-10-17"), near, CONFIG)
    assert not compatible(node("a", "2026-10-17"), far, CONFIG)
    other = node("b", "2026-10-17", point=None, place_country=None, countries=("LBY",))
    assert not compatible(node("a", "2026-10-17"), other, CONFIG)


def test_one_side_without_point_needs_the_same_country() -> None:
    vague = node("b", "2026-10-17", point=None, place_country=None, countries=("IRQ",))
    assert compatible(node("a", "2026-10-17"), vague, CONFIG)
    libya_point = node(
        "c", "2026-10-17", point=(32.9, 13.2), place_country="LBY", countries=("LBY", "IRQ")
    )
    assert not compatible(libya_point, vague, CONFIG)


def test_same_document_or_other_type_never_match() -> None:
    assert not compatible(node("a", "2026-10-17"), node("a", "2026-10-17"), CONFIG)
    assert not compatible(node("a", "2026-10-17"), node("b", "2026-10-17", kind="PROTEST"), CONFIG)


def test_components_do_not_depend_on_order() -> None:
    rng = random.Random(7)
    nodes = [
        node(
            f"d{i}",
            f"2026-10-{rng.randint(1, 28):02d}",
            kind=rng.choice(["ASSAULT", "PROTEST"]),
            point=(36 + rng.random(), 43 + rng.random()),
        )
        for i in range(60)
    ]
    first = sorted(cluster_all(nodes, CONFIG))
    rng.shuffle(nodes)
    assert sorted(cluster_all(nodes, CONFIG)) == first
    assert any(len(c) > 1 for c in first) and any(len(c) == 1 for c in first)


ROMANIA = (45.78, 25.20)  # the country's centre in the gazetteer (precision 275 km)
AIR_BASE = (44.36, 28.49)  # Mihail Kogalniceanu, near Constanta: 300 km from that centre
CHISINAU = (47.01, 28.86)  # Moldova, 290 km from Romania's centre


def _deploy(
    doc: str,
    point,
    country: str | None,
    precision: float | None = None,
    countries: tuple[str, ...] = ("USA", "ROU"),
    **kw,
) -> EventNode:
    return node(
        doc,
        "2026-10-12",
        kind="MOBILIZE",
        point=point,
        place_country=country,
        countries=countries,
        precision=precision,
        **kw,
    )


def test_a_country_is_an_area_compared_by_country_not_by_its_centre() -> None:
    whole = _deploy("a", ROMANIA, "ROU", precision=275)
    assert compatible(whole, _deploy("b", AIR_BASE, "ROU", precision=2), CONFIG)
    assert not compatible(
        whole, _deploy("b", CHISINAU, "MDA", precision=7, countries=("USA", "MDA", "ROU")), CONFIG
    )
    assert compatible(whole, _deploy("b", (44.43, 26.10), "ROU", precision=500), CONFIG)
    # Two precise points keep the distance test: the same centre as a point is 300 km off.
    assert not compatible(
        _deploy("a", ROMANIA, "ROU", precision=5),
        _deploy("b", AIR_BASE, "ROU", precision=2),
        CONFIG,
    )


def test_an_area_with_no_country_reaches_as_far_as_its_extent() -> None:
    sea = node(
        "a",
        "2026-10-20",
        kind="MOBILIZE",
        point=(40.0, 135.0),
        place_country=None,
        countries=("RUS", "JPN"),
        precision=800,
    )
    tokyo = node(
        "b",
        "2026-10-20",
        kind="MOBILIZE",
        point=(35.68, 139.69),
        place_country="JPN",
        countries=("RUS", "JPN"),
        precision=20,
    )
    black_sea = node(
        "c",
        "2026-10-20",
        kind="MOBILIZE",
        point=(43.4, 34.3),
        place_country=None,
        countries=("RUS",),
        precision=600,
    )
    assert compatible(sea, tokyo, CONFIG)
    assert not compatible(sea, black_sea, CONFIG)


def test_an_unplaced_event_takes_the_countries_its_lead_names() -> None:
    placed = _deploy("a", AIR_BASE, "ROU", precision=2)
    lead_names_romania = _deploy("b", None, None, countries=("USA",), named=("USA", "ROU"))
    lead_names_other = _deploy("c", None, None, countries=("USA",), named=("USA", "GRC"))
    assert compatible(placed, lead_names_romania, CONFIG)
    assert not compatible(placed, lead_names_other, CONFIG)
    # The lead's countries place the event; they do not stand in for its parties.
    other_parties = _deploy("d", None, None, countries=("FRA",), named=("ROU",))
    assert not compatible(placed, other_parties, CONFIG)


def test_a_denied_act_joins_the_story_of_the_act_and_makes_none_alone() -> None:
    benina = (32.10, 20.27)
    landed = node(
        "a",
        "2026-10-07",
        kind="MOBILIZE",
        point=benina,
        place_country="LBY",
        countries=("RUS", "LBY"),
    )
    denial = node(
        "b",
        "2026-10-05",
        "2026-10-11",
        kind="MOBILIZE",
        point=None,
        place_country=None,
        countries=("RUS",),
        named=("LBY",),
        denied=True,
    )
    assert eligible(denial, True, "denied", CONFIG)
    assert not eligible(denial, True, "asserted", CONFIG)  # "no plane landed": no act
    assert sorted(cluster_all([landed, denial], CONFIG)) == [[landed.key, denial.key]]
    assert cluster_all([denial], CONFIG) == []
    twice = node(
        "c",
        "2026-10-09",
        kind="MOBILIZE",
        point=None,
        place_country=None,
        countries=("RUS",),
        named=("LBY",),
        denied=True,
    )
    assert cluster_all([denial, twice], CONFIG) == []  # denials alone tell no act


def test_two_unplaced_events_need_a_country_both_reports_name() -> None:
    a = _deploy("a", None, None, countries=("USA",), named=("USA", "ROU"))
    assert compatible(a, _deploy("b", None, None, countries=("USA",), named=("ROU",)), CONFIG)
    # The same actor alone does not tie two acts neither report places.
    assert not compatible(a, _deploy("c", None, None, countries=("USA",)), CONFIG)
    assert not compatible(a, _deploy("d", None, None, countries=("USA",), named=("POL",)), CONFIG)
