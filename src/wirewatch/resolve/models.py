"""What resolution produces and the API returns: stories, tracks and canonical entities."""

from __future__ import annotations

import datetime as dt
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from wirewatch.model import Evidence

T = TypeVar("T")


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Page(_Out, Generic[T]):
    items: list[T]
    next_cursor: str | None = None


class Copy(_Out):
    """A duplicate of a source that the store recorded and did not analyse (syndication)."""

    document_id: str
    outlet: str | None = None
    date: dt.date
    kind: str  # exact | near
    similarity: float


class StorySource(_Out):
    """One report behind a story: which events of which document, and what it says."""

    document_id: str
    outlet: str | None = None
    date: dt.date  # the document's date
    event_ids: list[str]
    claim_ids: list[str] = Field(default_factory=list)
    when: tuple[dt.date, dt.date] | None = None
    place: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)
    copies: list[Copy] = Field(default_factory=list)
    # Set when this analysed document repeats an earlier source of the story (syndication
    # the store's dedup let through): listed, but not counted in `source_count`.
    copy_of: str | None = None


class SourceValue(_Out):
    document_id: str
    outlet: str | None = None
    value: str


class Disagreement(_Out):
    """Sources that say different things about one field, each with what it says."""

    field: str  # date | place | <quantity label> | denial | assessment | claims
    values: list[SourceValue]


class Story(_Out):
    id: str
    event: str  # PLOVER type
    start: dt.date
    end: dt.date
    countries: list[str]
    place: str | None = None
    lat: float | None = None
    lon: float | None = None
    source_count: int  # distinct reports: syndicated copies and re-posts count once
    sources: list[StorySource]
    disagreements: list[Disagreement] = Field(default_factory=list)


class LegSource(_Out):
    document_id: str
    outlet: str | None = None
    date: dt.date
    movement_id: str
    evidence: list[Evidence] = Field(default_factory=list)
    # A duplicate the store recorded and did not analyse (a syndicated copy): it tells the
    # leg as the report it copies (`copy_of`, whose movement and evidence these are).
    copy_of: str | None = None


class Stop(_Out):
    name: str
    lat: float | None = None
    lon: float | None = None
    country: str | None = None


class Leg(_Out):
    origin: Stop | None = None
    via: list[Stop] = Field(default_factory=list)
    destination: Stop | None = None
    depart: dt.date | None = None
    arrive: dt.date | None = None
    sources: list[LegSource]
    disagreements: list[Disagreement] = Field(default_factory=list)


class TrackFlag(_Out):
    kind: Literal["gap", "contradiction"]
    legs: tuple[int, int]  # positions in `legs`
    date: dt.date | None = None
    detail: str
    km: float | None = None


class Track(_Out):
    key: str  # the identifier, or model/operator for movements no report identifies
    identified: bool
    model: str | None = None
    identifier: str | None = None
    operator_country: str | None = None
    start: dt.date
    end: dt.date
    legs: list[Leg]
    flags: list[TrackFlag] = Field(default_factory=list)

    @property
    def sources(self) -> list[str]:
        return sorted({s.document_id for leg in self.legs for s in leg.sources})


class Alias(_Out):
    name: str
    key: str
    mentions: int
    documents: int


class Merge(_Out):
    """Why an alias is part of the entity: the alias it was linked to, by which rule."""

    alias: str
    linked_to: str
    rule: str  # same-key | alias-table | fuzzy | person-name | kb
    score: float


class CanonicalEntity(_Out):
    id: str
    kind: str
    name: str
    country: str | None = None
    kb: list[str] = Field(default_factory=list)
    mentions: int
    # Distinct reports; filled when one entity is read (a count over its mentions), None in
    # lists, where the per-alias counts are kept instead.
    documents: int | None = None
    aliases: list[Alias]
    merges: list[Merge] = Field(default_factory=list)
