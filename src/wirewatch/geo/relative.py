"""Relative locations: "75 miles south of Caracas", "about 30 km from X", "near X".

`RelativeReader.find(text, anchor_start)` reads the words just before a place mention;
`project()` computes the point on the WGS84 ellipsoid (geodesic direct problem) with a precision
that grows with the distance and with hedges ("about", "around"). Words and units are data
(`geo_relative.yaml`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from geographiclib.geodesic import Geodesic

from wirewatch.kb.tables.geo_relative import Table as GeoRelative

LOOKBACK = 80  # characters before the anchor that may hold the phrase


@dataclass(frozen=True)
class Relative:
    start: int  # where the phrase begins; it ends where the anchor mention ends
    distance_km: float  # 0 for "near X"
    bearing: float | None  # degrees clockwise from north; None when no direction is given
    uncertainty_km: float  # before adding the anchor's own precision


class _Worded(Protocol):
    """A row of the geo_relative table: the words that name it."""

    @property
    def words(self) -> list[str]: ...


class RelativeReader:
    """Finds relative phrases by the words of one geo_relative table (compiled once)."""

    def __init__(self, table: GeoRelative) -> None:
        self.table = table
        number = rf"\d+(?:[.,]\d+)?|{_alternation(list(table.number_words))}"
        hedge = _alternation([w for h in table.hedges for w in h.words])
        unit = _alternation([w for u in table.units for w in u.words])
        direction = _alternation([w for d in table.directions for w in d.words])
        linker = _alternation(table.linkers)
        self._distance = re.compile(
            rf"(?:\b(?P<hedge>{hedge})\s+)?\b(?P<num>{number})[\s-]*(?P<unit>{unit})\b"
            rf"(?:\s*\([^)]{{1,30}}\))?\s+(?:(?P<dir>{direction})\s+)?(?:{linker})\s+"
            r"(?:the\s+)?$",
            re.IGNORECASE,
        )
        near = _alternation([w for n in table.near for w in n.words])
        self._near = re.compile(rf"\b(?P<near>{near})\s+(?:the\s+)?$", re.IGNORECASE)
        phrases = [*table.linkers, *(w for n in table.near for w in n.words)]
        self._final_words = tuple(sorted({re.split(r"[\s-]+", p.lower())[-1] for p in phrases}))

    def find(self, text: str, anchor_start: int) -> Relative | None:
        """The relative phrase ending right before the mention at `anchor_start`, if any."""
        window_start = max(0, anchor_start - LOOKBACK)
        before = text[window_start:anchor_start]
        if not self._may_match(before):
            return None
        rel = self.table
        match = self._distance.search(before)
        if match:
            num = match["num"].replace(",", ".")
            value = float(num) if num[0].isdigit() else rel.number_words[num.lower()]
            km = value * _lookup(rel.units, match["unit"], "km")
            share = (
                _lookup(rel.hedges, match["hedge"], "share") if match["hedge"] else rel.exact_share
            )
            bearing = _lookup(rel.directions, match["dir"], "bearing") if match["dir"] else None
            if bearing is None:  # "30 km from X": anywhere on a ring round X
                share = 1.0 + rel.undirected_share
            return Relative(window_start + match.start(), km, bearing, km * share)
        match = self._near.search(before) if rel.near_points else None
        if match:
            radius = _lookup(rel.near, match["near"], "radius_km")
            return Relative(window_start + match.start(), 0.0, None, radius)
        return None

    def _may_match(self, before: str) -> bool:
        """Both patterns end in a linker or a "near" word, an optional "the", then white
        space. Most windows end otherwise; this test rules them out without the patterns'
        scan of every position in the window (a necessary condition, so no match is lost)."""
        core = before.rstrip()
        if len(core) == len(before):
            return False
        last = core.lower().rsplit(None, 2)[-2:]
        return any(word.endswith(self._final_words) for word in last)


def _alternation(words: list[str]) -> str:
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in ordered)


def _lookup(groups: Sequence[_Worded], word: str, attr: str) -> float:
    """The `attr` number of the row whose words hold `word` (spaces and hyphens alike)."""
    folded = re.sub(r"[\s-]+", " ", word.lower())
    for group in groups:
        if folded in {re.sub(r"[\s-]+", " ", w.lower()) for w in group.words}:
            return float(getattr(group, attr))
    raise KeyError(word)


def project(lat: float, lon: float, rel: Relative) -> tuple[float, float]:
    """The point `rel.distance_km` from (lat, lon) along `rel.bearing` (or the anchor itself)."""
    if rel.bearing is None or rel.distance_km == 0:
        return lat, lon
    out = Geodesic.WGS84.Direct(lat, lon, rel.bearing, rel.distance_km * 1000)
    return out["lat2"], out["lon2"]
