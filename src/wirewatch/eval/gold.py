"""The gold annotation format (spec §3) as pydantic models.

Unknown fields are an error: a misspelt `recipient_country` would otherwise silently stop
being checked. `loader.py` reads files into these models.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    field_validator,
    model_validator,
)

from wirewatch.model import Document
from wirewatch.model.vocab import Assessment, PlaceFeature, PloverType, Stance

# "YYYY-MM-DD" is a day, "YYYY-MM" a whole month (spec §3, events' `date`).
_GOLD_DAY = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


class _Gold(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def gold_interval(value: str) -> tuple[dt.date, dt.date]:
    """The first and last day a gold date covers: one day, or every day of a month."""
    found = _GOLD_DAY.match(value)
    if not found:
        raise ValueError(f"date {value!r} is not YYYY-MM-DD or YYYY-MM")
    year, month, day = found.groups()
    try:
        first = dt.date(int(year), int(month), int(day or 1))
    except ValueError as error:
        raise ValueError(f"date {value!r} does not exist: {error}") from None
    if day is not None:
        return first, first
    following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first, following - dt.timedelta(days=1)


def _check_gold_day(value: str | None) -> str | None:
    if value is not None:
        gold_interval(value)  # raises on "2019-13" or "2019-02-30"
    return value


class GoldPlace(_Gold):
    """A place: one `name` or several `names` (alternates), and where it is."""

    name: str | None = None
    names: list[str] = Field(default_factory=list)
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    country: str | None = None
    feature: PlaceFeature | None = None

    @model_validator(mode="after")
    def _named(self) -> GoldPlace:
        if not self.all_names:
            raise ValueError("a gold place needs `name` or a non-empty `names`")
        if self.feature == "country" and not self.country:
            # A country is scored by its code (it has no single point), so the code is required.
            raise ValueError("a gold place with `feature: country` needs `country`")
        return self

    @property
    def all_names(self) -> list[str]:
        return [n for n in [self.name, *self.names] if n]

    @property
    def label(self) -> str:
        return self.all_names[0]


class GoldCountry(_Gold):
    """A route point known only by its country (`{ "country": "RUS" }`)."""

    country: str = Field(min_length=2)

    @property
    def label(self) -> str:
        return self.country


class GoldDate(_Gold):
    text: str = Field(min_length=1)
    start: dt.date
    end: dt.date

    @model_validator(mode="after")
    def _ordered(self) -> GoldDate:
        if self.end < self.start:
            raise ValueError(f"gold date {self.text!r} ends before it starts")
        return self


class GoldEvent(_Gold):
    event: list[PloverType] = Field(min_length=1)
    actor_country: str | None = None
    recipient_country: str | None = None
    reciprocal: bool = False
    date: str | None = None
    place: GoldPlace | None = None

    @field_validator("event", mode="before")
    @classmethod
    def _listed(cls, value: object) -> object:
        # A single type and a list of acceptable types are both allowed; keep one shape.
        return [value] if isinstance(value, str) else value

    @field_validator("date")
    @classmethod
    def _day(cls, value: str | None) -> str | None:
        return _check_gold_day(value)

    @property
    def first_type(self) -> str:
        """The type a gold event counts under in per-type recall: its first listed type."""
        return self.event[0]


GoldRoutePoint = GoldPlace | GoldCountry


class GoldMovement(_Gold):
    asset_model: str = Field(min_length=1)
    operator_country: str | None = None
    origin: GoldRoutePoint | None = None
    via: list[GoldRoutePoint] | None = None
    destination: GoldRoutePoint
    depart: str | None = None
    arrive: str | None = None

    @field_validator("depart", "arrive")
    @classmethod
    def _days(cls, value: str | None) -> str | None:
        return _check_gold_day(value)


class GoldClaim(_Gold):
    claimant: str = Field(min_length=1)
    outlet: str | None = None
    stance: Stance | None = None
    assessed: Assessment | None = None


Kind = Literal["places", "dates", "events", "movements", "claims"]
KINDS: tuple[Kind, ...] = ("places", "dates", "events", "movements", "claims")


class GoldExpect(_Gold):
    places: list[GoldPlace] = Field(default_factory=list)
    dates: list[GoldDate] = Field(default_factory=list)
    events: list[GoldEvent] = Field(default_factory=list)
    movements: list[GoldMovement] = Field(default_factory=list)
    claims: list[GoldClaim] = Field(default_factory=list)


class GoldExhaustive(_Gold):
    """Which lists are complete. A kind left out is taken as not exhaustive: scoring only its
    recall can never charge a system for a gap in the annotation."""

    places: bool = False
    dates: bool = False
    events: bool = False
    movements: bool = False
    claims: bool = False

    def of(self, kind: Kind) -> bool:
        return bool(getattr(self, kind))


class GoldSource(_Gold):
    """The document part of a gold file (spec §3, `document`)."""

    id: str | None = None
    date: dt.date
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    lang: str = "en"
    text: str = Field(min_length=1)


class GoldDocument(_Gold):
    document: GoldSource
    expect: GoldExpect = Field(default_factory=GoldExpect)
    exhaustive: GoldExhaustive = Field(default_factory=GoldExhaustive)
    _path: Path | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _dates_occur(self) -> GoldDocument:
        # Dates are matched by where their text occurs; a text that never occurs is a gold bug
        # that would silently count as a miss for every system.
        lowered = self.document.text.lower()
        for item in self.expect.dates:
            if item.text.lower() not in lowered:
                raise ValueError(f"gold date text {item.text!r} does not occur in the text")
        return self

    @property
    def path(self) -> Path | None:
        """The file this document was loaded from, if any."""
        return self._path

    @property
    def id(self) -> str:
        """The given id, or the content hash `Document` derives (the same one analyze uses)."""
        return self.to_document().id

    def to_document(self) -> Document:
        source = self.document
        return Document(
            id=source.id or "",
            date=source.date,
            outlet=source.outlet,
            url=source.url,
            title=source.title,
            lang=source.lang,
            text=source.text,
        )
