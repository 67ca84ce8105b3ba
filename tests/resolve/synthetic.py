"""Seeded synthetic reports: clustered events, repeated assets and name variants, so that
stories, tracks and entities all have merges to get right (used by tests and benchmarks)."""

from __future__ import annotations

import datetime as dt
import random

from tests.resolve.builders import Report, when

CITIES = [
    ("Mosul", 36.34, 43.13, "IRQ"),
    ("Tripoli", 32.89, 13.19, "LBY"),
    ("Tartus", 34.89, 35.87, "SYR"),
    ("Tbilisi", 41.72, 44.79, "GEO"),
    ("Constanta", 44.17, 28.64, "ROU"),
    ("Port Sudan", 19.62, 37.22, "SDN"),
]
PARTIES = {
    "IRQ": ("Turkey", "TUR"),
    "LBY": ("militia", "LBY"),
    "SYR": ("Russia", "RUS"),
    "GEO": ("protesters", "GEO"),
    "ROU": ("United States", "USA"),
    "SDN": ("Germany", "DEU"),
}
TYPES = ["ASSAULT", "PROTEST", "MOBILIZE", "CONSULT", "AID"]
NAMES = [
    ("Nicolas Maduro", "PERSON", "VEN"),
    ("Maduro", "PERSON", "VEN"),
    ("President Nicolas Maduro", "PERSON", "VEN"),
    ("Juan Guaido", "PERSON", "VEN"),
    ("Juan Guiado", "PERSON", "VEN"),
    ("Kiev", "GPE", "UKR"),
    ("Kyiv", "GPE", "UKR"),
    ("Khmeimim", "FAC", "SYR"),
    ("Hmeimim", "FAC", "SYR"),
    ("Georgia", "GPE", "GEO"),
    ("Georgia", "GPE", "USA"),
]
ASSETS = [
    ("An-124", "RUS", "RA-82038"),
    ("An-124", "RUS", None),
    ("C-17A", "USA", "07-7183"),
    ("Il-76MD", "RUS", "RA-78830"),
    ("C-17A", "USA", None),
]


GIVEN = [
    "Anatoly",
    "Boris",
    "Dmitry",
    "Elena",
    "Igor",
    "Irina",
    "Maria",
    "Oleg",
    "Pavel",
    "Sergei",
    "Tatiana",
    "Viktor",
    "Yuri",
    "Nadia",
    "Lev",
    "Kira",
]
SYLLABLES = [
    "ka",
    "ro",
    "vin",
    "tel",
    "mar",
    "zo",
    "lu",
    "pet",
    "gor",
    "sha",
    "bel",
    "dun",
    "chi",
    "nov",
    "rad",
    "kes",
    "tam",
    "vol",
    "zar",
    "min",
]


def _newcomer(era: int, k: int) -> str:
    """A person who enters the news in this era: a given name and a surname made of
    syllables, so surnames are as varied as in a real archive (some still shared)."""
    rng = random.Random(era * 1000 + k)
    surname = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize() + "ov"
    return f"{rng.choice(GIVEN)} {surname}"


def reports(
    count: int,
    seed: int = 1,
    start: dt.date = dt.date(2026, 10, 1),
    per_day: int = 10,
    prefix: str = "syn",
    first: int = 0,
    rotate_days: int | None = None,
) -> list[Report]:
    """`count` reports, about `per_day` a day from `start` (density stays constant as the
    corpus grows, as with a real news archive). With `rotate_days`, airframe identifiers and
    a share of the names change every that many days, as new people and aircraft enter the
    news; the hot names (Maduro, Kyiv ...) stay throughout."""
    rng = random.Random(seed)
    out = []
    for i in range(first, first + count):
        date = start + dt.timedelta(days=i // per_day)
        era = (i // per_day) // rotate_days if rotate_days else 0
        r = Report(f"{prefix}-{i:07d}", date.isoformat(), rng.choice(["A", "B", "C", None]))
        for _ in range(rng.randint(1, 3)):
            name, lat, lon, country = rng.choice(CITIES)
            place = r.place(
                name, lat + rng.uniform(-0.3, 0.3), lon + rng.uniform(-0.3, 0.3), country
            )
            happened = date - dt.timedelta(days=rng.randint(0, 2))
            kind = rng.choice(TYPES)
            toll = rng.choice(["Four", "Five", "Six"])
            r.event(
                kind,
                f"{toll} people were killed in {name}.",
                when(happened.isoformat()),
                [PARTIES[country]],
                [(name, country)],
                place=place,
            )
        if rng.random() < 0.3:
            r.claim(
                "Kremlin",
                "government",
                "the report is false",
                stance=rng.choice(["asserts", "denies"]),
                country="RUS",
            )
        for name, kind, country in rng.sample(NAMES, rng.randint(1, 3)):
            r.entity(name, kind, country)
        if rotate_days:
            r.entity(_newcomer(era, rng.randint(0, 20)), "PERSON", "RUS")
        if rng.random() < 0.4:
            model, operator, ident = rng.choice(ASSETS)
            if ident and rotate_days:
                ident = f"{ident}-{era}"
            origin, destination = rng.sample(CITIES, 2)
            o = r.place(origin[0], *origin[1:])
            d = r.place(destination[0], *destination[1:])
            arrive = (date - dt.timedelta(days=rng.randint(0, 1))).isoformat()
            r.movement(model, operator, identifier=ident, origin=o, destination=d, arrive=arrive)
        out.append(r)
    return out
