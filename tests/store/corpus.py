"""A small hand-made corpus of analyses that exercises every filter's edge.

Each document varies one thing the filters look at: outlet, dates (with and without `when`),
party and place countries, actor names, asset models written differently, places with and
without coordinates, route points that do not resolve. The texts are short invented wire copy.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from wirewatch.model import (
    Actor,
    Analysis,
    Asset,
    Claim,
    Claimant,
    Document,
    Event,
    Movement,
    Place,
    When,
    stable_id,
)

# name: (lat, lon, country, feature); None coordinates = an unresolved place.
GAZETTEER: dict[str, tuple[float | None, float | None, str | None, str | None]] = {
    "Caracas": (10.488, -66.879, "VEN", "city"),
    "Khmeimim": (35.4011, 35.9486, "SYR", "airbase"),
    "Tartus": (34.889, 35.887, "SYR", "port"),
    "Kaliningrad": (54.71, 20.51, "RUS", "city"),
    "Riga": (56.946, 24.106, "LVA", "city"),
    "Havana": (23.133, -82.383, "CUB", "city"),
    "Élysée": (48.8704, 2.3167, "FRA", "site"),
    "Nowhere": (None, None, None, None),
}
PARTIES = {
    "Russia": ("RUS", "GOV"),
    "Russian Air Force": ("RUS", "MIL"),
    "Venezuela": ("VEN", "GOV"),
    "Syria": ("SYR", "GOV"),
    "Latvia": ("LVA", "GOV"),
    "Cuba": ("CUB", "GOV"),
    "France": ("FRA", "GOV"),
    "rebels": (None, "REB"),
}


@dataclass
class EventSpec:
    kind: str
    actor: str
    recipient: str | None = None
    place: str | None = None
    when: dt.date | tuple[dt.date, dt.date] | None = None


@dataclass
class MoveSpec:
    model: str | None
    operator: str | None
    destination: str | None
    origin: str | None = None
    via: list[str] = field(default_factory=list)
    arrive: dt.date | None = None
    depart: dt.date | tuple[dt.date, dt.date] | None = None


@dataclass
class DocSpec:
    date: dt.date
    outlet: str | None
    text: str
    places: list[str]
    events: list[EventSpec] = field(default_factory=list)
    moves: list[MoveSpec] = field(default_factory=list)
    claimants: list[str] = field(default_factory=list)


def _day(month: int, day: int) -> dt.date:
    return dt.date(2019, month, day)


SPECS = [
    DocSpec(
        _day(3, 25),
        "Test Wire",
        "Two Russian aircraft landed in Caracas after a stop at Khmeimim.",
        ["Caracas", "Khmeimim"],
        [EventSpec("MOBILIZE", "Russia", "Venezuela", "Caracas", _day(3, 23))],
        [
            MoveSpec(
                "An-124", "Russian Air Force", "Caracas", via=["Khmeimim"], arrive=_day(3, 23)
            ),
            MoveSpec("Il-62M", "Russian Air Force", "Caracas", origin="Nowhere"),
        ],
        ["Venezuela"],
    ),
    DocSpec(
        _day(3, 28),
        "test wire",
        "Officials in Havana met a delegation; the ministry said talks went well.",
        ["Havana"],
        [
            EventSpec("CONSULT", "Cuba", "Russia", "Havana", None),
            EventSpec("AGREE", "Russia", "Cuba", None, (_day(3, 1), _day(3, 31))),
        ],
        [],
        ["Cuba"],
    ),
    DocSpec(
        _day(4, 2),
        "Baltic Desk",
        "A ship left Tartus for Kaliningrad, and Riga protested the transit.",
        ["Tartus", "Kaliningrad", "Riga", "Nowhere"],
        [
            EventSpec("PROTEST", "Latvia", "Russia", "Riga", _day(4, 1)),
            EventSpec("THREATEN", "rebels", None, "Nowhere", _day(3, 30)),
        ],
        [
            MoveSpec(
                "Project 22350",
                "Russia",
                "Kaliningrad",
                origin="Tartus",
                depart=(_day(3, 20), _day(3, 29)),
            ),
            MoveSpec(None, None, "Riga"),
        ],
        ["Latvia", "rebels"],
    ),
    DocSpec(
        _day(4, 10),
        None,
        "Paris summoned the envoy to the Élysée over the AN124 flights.",
        ["Élysée"],
        [EventSpec("COERCE", "France", "Russia", "Élysée", _day(4, 9))],
        [MoveSpec("an124", "Russia", "Havana", arrive=_day(4, 8))],
        ["France"],
    ),
    DocSpec(
        _day(4, 12),
        "Baltic Desk",
        "Latvia reported a quiet week with no incidents.",
        [],
        [],
        [],
        [],
    ),
]


def _place(doc_id: str, name: str) -> Place:
    lat, lon, country, feature = GAZETTEER[name]
    return Place(
        id=stable_id("plc", doc_id, name),
        name=name,
        lat=lat,
        lon=lon,
        country=country,
        feature=feature,
    )


def _actor(name: str) -> Actor:
    country, sector = PARTIES[name]
    return Actor(name=name, country=country, sector=sector)


def _when(day: dt.date | tuple[dt.date, dt.date] | None) -> When | None:
    if isinstance(day, tuple):
        return When(start=day[0], end=day[1], precision="range")
    return When(start=day, end=day, precision="day") if day else None


def build(spec: DocSpec) -> Analysis:
    doc = Document(date=spec.date, outlet=spec.outlet, title=spec.text[:30], text=spec.text)

    def pid(name: str | None) -> str | None:
        # An unlisted name gives an id no place has: a dangling reference.
        return stable_id("plc", doc.id, name) if name else None

    events = [
        Event(
            id=stable_id("evt", doc.id, i),
            event=e.kind,
            actor=[_actor(e.actor)],
            recipient=[_actor(e.recipient)] if e.recipient else [],
            place=pid(e.place),
            when=_when(e.when),
        )
        for i, e in enumerate(spec.events)
    ]
    movements = [
        Movement(
            id=stable_id("mov", doc.id, i),
            asset=Asset(
                kind="aircraft", model=m.model, operator=_actor(m.operator) if m.operator else None
            ),
            origin=pid(m.origin),
            via=[p for p in map(pid, m.via) if p],
            destination=pid(m.destination),
            arrive=_when(m.arrive),
            depart=_when(m.depart),
        )
        for i, m in enumerate(spec.moves)
    ]
    claims = [
        Claim(
            id=stable_id("clm", doc.id, i),
            claimant=Claimant(name=name, kind="government", country=PARTIES[name][0]),
            content=spec.text,
        )
        for i, name in enumerate(spec.claimants)
    ]
    return Analysis(
        document=doc,
        places=[_place(doc.id, n) for n in spec.places],
        events=events,
        movements=movements,
        claims=claims,
    )


def corpus() -> list[Analysis]:
    return [build(spec) for spec in SPECS]


# Lengths in days around the span-class edges (2**c - 1, 2**c), up to more than a decade.
LENGTHS = [0, 1, 2, 3, 4, 7, 8, 30, 31, 32, 200, 365, 366, 1000, 4000]
BASE = dt.date(2020, 1, 1)


def _claim(doc_id: str, n: int, start: dt.date, length: int) -> Claim:
    return Claim(
        id=stable_id("clm", doc_id, n),
        content="Latvia said so.",
        claimant=Claimant(name="Latvia", kind="government", country="LVA"),
        when=When(start=start, end=start + dt.timedelta(days=length), precision="range"),
    )


def of_every_length() -> list[Analysis]:
    """Per length, two documents 400 days apart; each with an event, a movement and a claim
    of that length, and an event with no `when` (it takes the document's date)."""
    out = []
    for n, length in enumerate(LENGTHS):
        for k in range(2):
            start = BASE + dt.timedelta(days=40 * n + 400 * k)
            end = start + dt.timedelta(days=length)
            spec = DocSpec(
                start + dt.timedelta(days=3),
                "Windows",
                f"Report {n}.{k} from Riga.",
                ["Riga"],
                [
                    EventSpec(
                        "AGREE" if n % 2 else "CONSULT", "Latvia", "Russia", "Riga", (start, end)
                    ),
                    EventSpec("PROTEST", "Russia", None, "Riga"),
                ],
                [MoveSpec("Tu-154", "Russia", "Riga", depart=(start, end))],
            )
            analysis = build(spec)
            out.append(
                analysis.model_copy(
                    update={"claims": [_claim(analysis.document.id, 0, start, length)]}
                )
            )
    return out
