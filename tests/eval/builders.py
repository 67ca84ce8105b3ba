"""Small builders for hand-made gold and Analyses in the eval tests."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from wirewatch.eval import GoldDocument
from wirewatch.model import (
    Actor,
    Analysis,
    Asset,
    Attribution,
    Claim,
    Claimant,
    Document,
    Event,
    Movement,
    Place,
    Span,
    TimeExpr,
    When,
)

DOC_DATE = "2019-03-25"
KM_PER_DEGREE_LAT = 6371.0088 * math.pi / 180


def gold(
    text: str,
    expect: dict[str, Any],
    exhaustive: dict[str, bool] | None = None,
    doc_id: str = "doc-1",
) -> GoldDocument:
    return GoldDocument.model_validate(
        {
            "document": {"id": doc_id, "date": DOC_DATE, "text": text},
            "expect": expect,
            "exhaustive": exhaustive or {},
        }
    )


def analysis(text: str, doc_id: str = "doc-1", **lists: Any) -> Analysis:
    document = Document(id=doc_id, date=dt.date.fromisoformat(DOC_DATE), text=text)
    return Analysis(document=document, **lists)


def span(text: str, needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(start=start, end=start + len(needle))


def north_of(lat: float, km: float) -> float:
    """The latitude `km` due north of `lat` (on the same meridian)."""
    return lat + km / KM_PER_DEGREE_LAT


def place(
    pid: str,
    name: str,
    lat: float | None = None,
    lon: float | None = None,
    country: str | None = None,
    mentions: list[Span] | None = None,
) -> Place:
    return Place(id=pid, name=name, lat=lat, lon=lon, country=country, mentions=mentions or [])


def when(start: str, end: str | None = None, precision: str = "day") -> When:
    first = dt.date.fromisoformat(start)
    return When(start=first, end=dt.date.fromisoformat(end) if end else first, precision=precision)  # type: ignore[arg-type]


def date(text: str, needle: str, start: str, end: str | None = None, nth: int = 0) -> TimeExpr:
    first = dt.date.fromisoformat(start)
    return TimeExpr(
        text=needle,
        span=span(text, needle, nth),
        start=first,
        end=dt.date.fromisoformat(end) if end else first,
        precision="day",
        anchor="absolute",
    )


def actor(country: str) -> Actor:
    return Actor(name=country, country=country)


def event(
    eid: str,
    kind: str,
    actors: tuple[str, ...] = (),
    recipients: tuple[str, ...] = (),
    **fields: Any,
) -> Event:
    return Event(
        id=eid,
        event=kind,
        actor=[actor(c) for c in actors],  # type: ignore[arg-type]
        recipient=[actor(c) for c in recipients],
        **fields,
    )


def movement(
    mid: str,
    model: str | None,
    destination: str | None = None,
    operator: str | None = None,
    **fields: Any,
) -> Movement:
    asset = Asset(kind="aircraft", model=model, operator=actor(operator) if operator else None)
    return Movement(id=mid, asset=asset, destination=destination, **fields)


def claim(
    cid: str,
    claimant: str,
    outlet: str | None = None,
    stance: str = "asserts",
    assessed: str | None = None,
    kind: str = "person",
) -> Claim:
    return Claim(
        id=cid,
        claimant=Claimant(name=claimant, kind=kind),  # type: ignore[arg-type]
        outlet=outlet,
        content="something",
        stance=stance,  # type: ignore[arg-type]
        assessed=assessed,
    )  # type: ignore[arg-type]


def speculated() -> Attribution:
    return Attribution(status="speculated")
