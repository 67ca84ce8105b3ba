"""What the store's reads return: contract objects plus where they came from."""

from __future__ import annotations

import datetime as dt
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from wirewatch.model import Claim, Event, Movement, Origin, Place

T = TypeVar("T")


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Page(Record, Generic[T]):
    """One page of a keyset-paginated read; pass `next_cursor` back for the next one."""

    items: list[T]
    next_cursor: str | None = None


class Source(Record):
    """The document an item was found in."""

    document_id: str
    document_date: dt.date
    outlet: str | None = None


class EventRecord(Source):
    event: Event
    place: Place | None = None  # the place `event.place` points to, resolved


class MovementRecord(Source):
    movement: Movement
    origin: Place | None = None
    via: list[Place] = Field(default_factory=list)
    destination: Place | None = None


class ClaimRecord(Source):
    claim: Claim


class PlaceRecord(Source):
    place: Place


class DuplicateRecord(Record):
    """An input not stored because it repeats `duplicate_of`."""

    document_id: str
    duplicate_of: str
    kind: Literal["exact", "near", "version"]
    similarity: float
    date: dt.date
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    origin: Origin
    text: str | None = None  # kept for near duplicates and versions (what changed)


ChangeKind = Literal["changed", "removed", "added"]


class Change(Record):
    """One run of words that differs between a stored report and a later text of it."""

    kind: ChangeKind
    before: str
    after: str
    context_before: str  # the words just before, in the stored text
    context_after: str


class Versions(Record):
    """A stored report, a later text recorded against it, and what changed between them."""

    duplicate: DuplicateRecord
    original_id: str
    changes: list[Change]


class SearchHit(Record):
    document_id: str
    date: dt.date
    outlet: str | None = None
    title: str | None = None
    snippet: str  # matched terms wrapped in search.MARK_START / MARK_END
    score: float  # higher is better; comparable within one result list only


class StoreStats(Record):
    documents: int
    analyses: int
    states: dict[str, int] = {}  # documents by ingest state: pending, analysed, resolved, failed
    duplicates: dict[str, int]  # by kind: exact, near, version
    rejects: dict[str, int]  # by reason
    events: dict[str, int]  # by PLOVER type
    movements: int
    claims: int
    places: int
    first_date: dt.date | None = None
    last_date: dt.date | None = None
