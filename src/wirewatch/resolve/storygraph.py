"""Which events tell the same story: a compatibility test between two events of different
reports, and the connected components it induces. Pure: no database here.

Components (single linkage) make the result independent of the order reports arrive in,
which is what lets `update` recompute only the neighbourhood of new reports and still agree
with a full rebuild.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from wirewatch.model.calendar import clamp_days
from wirewatch.resolve.config import StoryRules
from wirewatch.resolve.distance import km

NodeKey = tuple[str, str]  # (document id, event id)


@dataclass(frozen=True)
class EventNode:
    document_id: str
    event_id: str
    event: str
    start: dt.date
    end: dt.date
    lat: float | None
    lon: float | None
    place_country: str | None
    countries: frozenset[str]  # parties' countries and the place's
    # How far the place may be from its point (the gazetteer's precision); None: a point.
    precision_km: float | None = None
    # For an event its report does not place: the countries of the places the report names
    # in the event's evidence or in its lead (storydb reads them).
    report_countries: frozenset[str] = frozenset()
    # A source denies the act ("Moscow denied its plane carried weapons"): it joins the story
    # of the act, where the denial is shown, but never makes a story on its own.
    denied: bool = False

    @property
    def key(self) -> NodeKey:
        return (self.document_id, self.event_id)


def eligible(node: EventNode, negated: bool, status: str, config: StoryRules) -> bool:
    """Negated (unless denied by a source), speculated and vaguely dated events are not
    clustered (stay out of stories)."""
    wide = (node.end - node.start).days > config.max_interval_days
    denied_by_source = status in config.denied_statuses
    return (not negated or denied_by_source) and status not in config.skip_statuses and not wide


def denial(negated: bool, status: str, config: StoryRules) -> bool:
    """An act a source denies: negated, and attributed as a denial."""
    return negated and status in config.denied_statuses


def _located(node: EventNode) -> bool:
    return node.lat is not None and node.lon is not None


def _point(node: EventNode, config: StoryRules) -> bool:
    """A place precise enough to measure distances from; coarser ones are areas."""
    return _located(node) and (
        node.precision_km is None or node.precision_km <= config.area_precision_km
    )


def _radius(node: EventNode, config: StoryRules) -> float:
    return 0.0 if _point(node, config) else node.precision_km or 0.0


def compatible(a: EventNode, b: EventNode, config: StoryRules) -> bool:
    if a.document_id == b.document_id or a.event != b.event:
        return False
    tol = config.date_tolerance_days
    if a.start > clamp_days(b.end, tol) or b.start > clamp_days(a.end, tol):
        return False
    if a.countries and b.countries and not (a.countries & b.countries):
        return False
    if _point(a, config) and _point(b, config):
        return km(a.lat, a.lon, b.lat, b.lon) <= config.max_distance_km  # type: ignore[arg-type]
    if _located(a) and _located(b):
        # An area on one side at least (a country, a large province, a sea): the distance
        # between centres says little. Two places with countries compare by country; a place
        # with none (a sea) by distance, widened by the areas' extent.
        if a.place_country and b.place_country:
            return a.place_country == b.place_country
        reach = config.max_distance_km + _radius(a, config) + _radius(b, config)
        return km(a.lat, a.lon, b.lat, b.lon) <= reach  # type: ignore[arg-type]
    if not (a.countries and b.countries):
        return False  # no shared country and no two places: nothing ties them together
    if _located(a) or _located(b):
        # One side is not placed: the placed side's country must be among the other's
        # parties' countries or the countries its report names (the report does not say
        # where this act happened, but it names where the other report places it).
        placed, other = (a, b) if _located(a) else (b, a)
        if placed.place_country is None:
            # A place in no country (a strait, open sea): an unplaced report may tell the
            # same act, but a denial, which only follows the act it denies, needs a country
            # to follow (a frigate's strait transit is not the airlift the Kremlin denied).
            return not other.denied
        return placed.place_country in other.countries | other.report_countries
    # Neither is placed: besides a party's country, their reports must name a country in
    # common where they tell it (a shared actor alone would chain every unplaced act of
    # that state in the window into one story).
    return bool(a.report_countries & b.report_countries)


def reported(
    groups: list[list[NodeKey]], nodes: Mapping[NodeKey, EventNode]
) -> list[list[NodeKey]]:
    """The components that hold at least one event a source reports rather than denies."""
    return [g for g in groups if any(not nodes[k].denied for k in g)]


class Components:
    """Union-find over node keys."""

    def __init__(self) -> None:
        self.parent: dict[NodeKey, NodeKey] = {}

    def add(self, key: NodeKey) -> None:
        self.parent.setdefault(key, key)

    def find(self, key: NodeKey) -> NodeKey:
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def union(self, a: NodeKey, b: NodeKey) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # The smaller key is the root: deterministic whatever the order of unions.
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo

    def groups(self) -> list[list[NodeKey]]:
        out: dict[NodeKey, list[NodeKey]] = {}
        for key in self.parent:
            out.setdefault(self.find(key), []).append(key)
        return [sorted(members) for members in out.values()]


class Window:
    """Nodes of one type sorted by start date, to find the ones near a given node."""

    def __init__(self, nodes: Iterable[EventNode], config: StoryRules) -> None:
        self.nodes = sorted(nodes, key=lambda n: (n.start, n.key))
        self.starts = [n.start for n in self.nodes]
        self.config = config

    def near(self, node: EventNode) -> list[EventNode]:
        tol = self.config.date_tolerance_days
        reach = self.config.max_interval_days + tol
        lo = bisect_left(self.starts, clamp_days(node.start, -reach))
        hi = bisect_right(self.starts, clamp_days(node.end, tol))
        return [n for n in self.nodes[lo:hi] if compatible(node, n, self.config)]


def cluster_all(nodes: Iterable[EventNode], config: StoryRules) -> list[list[NodeKey]]:
    """Every component among `nodes` (the full rebuild) with a reported event."""
    by_key = {node.key: node for node in nodes}
    by_type: dict[str, list[EventNode]] = {}
    for node in by_key.values():
        by_type.setdefault(node.event, []).append(node)
    found = Components()
    for group in by_type.values():
        window = Window(group, config)
        for node in group:
            found.add(node.key)
            for other in window.near(node):
                found.add(other.key)
                found.union(node.key, other.key)
    return reported(found.groups(), by_key)
