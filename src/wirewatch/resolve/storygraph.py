"""Which events tell the same story: a compatibility test between two events of different
reports, and the connected components it induces. Pure: no database here.

Components (single linkage) make the result independent of the order reports arrive in,
which is what lets `update` recompute only the neighbourhood of new reports and still agree
with a full rebuild.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

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

    @property
    def key(self) -> NodeKey:
        return (self.document_id, self.event_id)


def eligible(node: EventNode, negated: bool, status: str, config: StoryRules) -> bool:
    """Negated, speculated and vaguely dated events are not clustered (stay singletons)."""
    wide = (node.end - node.start).days > config.max_interval_days
    return not negated and status not in config.skip_statuses and not wide


def compatible(a: EventNode, b: EventNode, config: StoryRules) -> bool:
    if a.document_id == b.document_id or a.event != b.event:
        return False
    tol = dt.timedelta(days=config.date_tolerance_days)
    if a.start > b.end + tol or b.start > a.end + tol:
        return False
    if a.countries and b.countries and not (a.countries & b.countries):
        return False
    a_point = a.lat is not None and a.lon is not None
    b_point = b.lat is not None and b.lon is not None
    if a_point and b_point:
        return km(a.lat, a.lon, b.lat, b.lon) <= config.max_distance_km  # type: ignore[arg-type]
    if not (a.countries and b.countries):
        return False  # no shared country and no two points: nothing ties them together
    if a_point or b_point:
        # One side has no point: the pointed side's country must be among the other's.
        pointed, other = (a, b) if a_point else (b, a)
        return pointed.place_country is None or pointed.place_country in other.countries
    return True


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
        tol = dt.timedelta(days=self.config.date_tolerance_days)
        reach = dt.timedelta(days=self.config.max_interval_days) + tol
        lo = bisect_left(self.starts, node.start - reach)
        hi = bisect_right(self.starts, node.end + tol)
        return [n for n in self.nodes[lo:hi] if compatible(node, n, self.config)]


def cluster_all(nodes: Iterable[EventNode], config: StoryRules) -> list[list[NodeKey]]:
    """Every component among `nodes` (the full rebuild)."""
    by_type: dict[str, list[EventNode]] = {}
    for node in nodes:
        by_type.setdefault(node.event, []).append(node)
    found = Components()
    for group in by_type.values():
        window = Window(group, config)
        for node in group:
            found.add(node.key)
            for other in window.near(node):
                found.add(other.key)
                found.union(node.key, other.key)
    return found.groups()
