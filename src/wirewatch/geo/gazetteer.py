"""The opened gazetteer: indexed name lookups over the read-only SQLite file.

One connection per process, memory-mapped, with a small per-name cache: lookups are plain index
seeks (~tens of microseconds) and analysis never opens a file per document. The keys worth
scanning running text for (countries, regions, seas, bases, cities of 100k+, large airports) are
held in memory as a set. Choosing among the entries a name reaches is the `Geocoder`'s work
(`wirewatch.geo.geocode`), which holds one of these.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypedDict

from wirewatch.geo.normalize import NameKeys
from wirewatch.kb import default_kb
from wirewatch.kb.tables.geo_cues import Table as GeoCues
from wirewatch.model.vocab import PlaceFeature

_COLUMNS = (
    "p.id, p.kb, p.name, p.lat, p.lon, p.country, p.admin1, p.feature, p.detail, "
    "p.prior, p.precision_km, n.how"
)
_SCAN = """SELECT DISTINCT n.key FROM name n JOIN place p ON p.id = n.place
WHERE n.how IN ('name', 'alt', 'title') AND (p.feature IN ('country', 'region', 'admin', 'water',
'base', 'airbase', 'site') OR p.detail IN ('curated', 'large_airport') OR p.prior >= 5)"""
MMAP_BYTES = 256 * 1024 * 1024
CACHE_LIMIT = 50_000
MAJOR_CITY_PRIOR = 5.5


@dataclass(frozen=True)
class Candidate:
    id: int
    kb: str
    name: str
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    feature: PlaceFeature
    detail: str
    prior: float
    precision_km: float
    how: str  # name | alt | title | code | served | abbr | bare | stem | skel | part | town


class _Pickled(TypedDict):
    path: Path
    cues: GeoCues


class Gazetteer:
    """Lookups by name key; `keys` defaults to the rules of the package's knowledge base."""

    def __init__(self, path: Path, keys: NameKeys | None = None) -> None:
        self._open(Path(path), keys if keys is not None else NameKeys(default_kb().geo_cues))

    def _open(self, path: Path, keys: NameKeys) -> None:
        self.path = path
        self.keys = keys
        self._conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        self._conn.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
        self._cache: dict[tuple[str, str], list[Candidate]] = {}
        # Recognition asks `features` of every capitalised run; the answer depends on the key.
        self._features: dict[str, frozenset[str]] = {}
        self.scan_keys: frozenset[str] = frozenset(r[0] for r in self._conn.execute(_SCAN))
        # First words of the scan keys: a capitalised word that opens none of them cannot
        # open a scanned name, so recognition skips it without building longer surfaces.
        self.scan_first_words: frozenset[str] = frozenset(k.split()[0] for k in self.scan_keys)

    # Pickled by path and rules (for worker processes): the connection is reopened there.
    def __getstate__(self) -> _Pickled:
        return {"path": self.path, "cues": self.keys.cues}

    def __setstate__(self, state: _Pickled) -> None:
        self._open(state["path"], NameKeys(state["cues"]))

    def close(self) -> None:
        self._conn.close()

    def lookup(self, name: str) -> list[Candidate]:
        """Entries whose name, alternate name or code has this key (served-city names too)."""
        return self._query("key", self.keys.key(name))

    def lookup_skeleton(self, name: str) -> list[Candidate]:
        """Entries whose transliteration skeleton matches (a weaker, spelling-tolerant match)."""
        found = self._query("skel", self.keys.skeleton(self.keys.key(name)))
        return [replace(c, how="skel") for c in found]

    def features(self, name: str) -> frozenset[str]:
        """What a name can be: the features of entries it names exactly or by code, plus
        "curated" when our own table has it (recognition asks this about unlabelled text)."""
        name_key = self.keys.key(name)
        # A code is written in capitals ("AIN" is an airfield's code, "Ain" a word).
        cache_key = name_key if name.isupper() else f"{name_key}\x00"
        kinds = self._features.get(cache_key)
        if kinds is None:
            if len(self._features) > CACHE_LIMIT:
                self._features.clear()
            found = self._query("key", name_key)
            if not name.isupper():
                found = [c for c in found if c.how != "code"]
            kinds = self._features[cache_key] = _features(found)
        return kinds

    def loose_features(self, name: str) -> frozenset[str]:
        """The features of entries the name matches exactly or by transliteration skeleton
        ("Chkalovsky" for "Chkalovskiy"): for slots that are places anyway (a motion verb's
        route), never for scanning running text."""
        exact = self.features(name)
        if exact:
            return exact
        # A skeleton match stands for the name it folds ("skel" is how it matched).
        return _features([replace(c, how="name") for c in self.lookup_skeleton(name)])

    def codes(self, code: str) -> list[Candidate]:
        """Airfields with this ICAO/IATA code."""
        return [c for c in self.lookup(code) if c.how == "code"]

    def may_open_scan_key(self, word: str) -> bool:
        """False when no scan key can begin with this word. A longer surface's key starts
        with this word's key unless the word is dropped (a leading article, punctuation) or
        joined to the next (an initial, "U. S."): only a real first word is ruled out."""
        first = self.keys.key(word).split()[:1]
        if not first or len(first[0]) == 1 or first[0] in self.keys.leading_articles:
            return True
        return first[0] in self.scan_first_words

    def key(self, name: str) -> str:
        return self.keys.key(name)

    def _query(self, column: str, value: str) -> list[Candidate]:
        if not value:
            return []
        hit = self._cache.get((column, value))
        if hit is None:
            rows = self._conn.execute(
                f"SELECT {_COLUMNS} FROM name n JOIN place p ON p.id = n.place "
                f"WHERE n.{column} = ?",
                (value,),
            ).fetchall()
            hit = _best_per_place([Candidate(*r) for r in rows])
            if len(self._cache) > CACHE_LIMIT:
                self._cache.clear()
            self._cache[(column, value)] = hit
        return hit


def _features(candidates: list[Candidate]) -> frozenset[str]:
    found = [c for c in candidates if c.how in ("name", "alt", "title", "code", "abbr", "bare")]
    kinds = {c.feature for c in found} | {"curated" for c in found if c.detail == "curated"}
    if any(c.feature == "city" and c.prior >= MAJOR_CITY_PRIOR for c in found):
        kinds.add("major")  # a city of ~300k people or more
    return frozenset(kinds)


_HOW_RANK = {
    "name": 0,
    "code": 1,
    "title": 2,
    "alt": 2,
    "bare": 3,
    "abbr": 4,
    "served": 5,
    "stem": 6,
}


def _best_per_place(found: list[Candidate]) -> list[Candidate]:
    """One candidate per place, by its strongest way of matching."""
    best: dict[int, Candidate] = {}
    for c in found:
        if c.id not in best or _HOW_RANK[c.how] < _HOW_RANK[best[c.id].how]:
            best[c.id] = c
    return list(best.values())
