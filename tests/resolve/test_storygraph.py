"""The same-story test between two events, and components independent of order."""

from __future__ import annotations

import datetime as dt
import random

from wirewatch.resolve.config import rules
from wirewatch.resolve.storygraph import EventNode, cluster_all, compatible

CONFIG = rules().stories
MOSUL = (36.34, 43.13)


def node(doc: str, start: str, end: str | None = None, kind: str = "ASSAULT",
         point: tuple[float, float] | None = MOSUL, place_country: str | None = "IRQ",
         countries: tuple[str, ...] = ("TUR", "IRQ")) -> EventNode:
    lat, lon = point if point else (None, None)
    return EventNode(doc, "e1", kind, dt.date.fromisoformat(start),
                     dt.date.fromisoformat(end or start), lat, lon, place_country,
                     frozenset(countries))


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
    libya_point = node("c", "2026-10-17", point=(32.9, 13.2), place_country="LBY",
                       countries=("LBY", "IRQ"))
    assert not compatible(libya_point, vague, CONFIG)


def test_same_document_or_other_type_never_match() -> None:
    assert not compatible(node("a", "2026-10-17"), node("a", "2026-10-17"), CONFIG)
    assert not compatible(node("a", "2026-10-17"), node("b", "2026-10-17", kind="PROTEST"),
                          CONFIG)


def test_components_do_not_depend_on_order() -> None:
    rng = random.Random(7)
    nodes = [node(f"d{i}", f"2026-10-{rng.randint(1, 28):02d}",
                  kind=rng.choice(["ASSAULT", "PROTEST"]),
                  point=(36 + rng.random(), 43 + rng.random())) for i in range(60)]
    first = sorted(cluster_all(nodes, CONFIG))
    rng.shuffle(nodes)
    assert sorted(cluster_all(nodes, CONFIG)) == first
    assert any(len(c) > 1 for c in first) and any(len(c) == 1 for c in first)
