"""Query filters shared by the CLI, the REST API and exports, and validated here once.

Every shell hands the values it was given (text from a command line or a query string, or
typed values from Python) to `Filters`; what is wrong is a pydantic error on the field, with
a message each shell shows under its own name for the field. What a kind of record cannot
be filtered by is decided here too (`check_supported`), as is the largest page (`MAX_LIMIT`).

The store turns a `Filters` into SQL; `matches_*` apply the same rules in Python so that a
writer handed analyses can keep only the matching events without a second query language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from pydantic import Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from wirewatch.model.contract import Analysis, Event, Model, Movement
from wirewatch.model.limits import check_storable
from wirewatch.model.vocab import PLOVER_TYPES, PloverType

MAX_LIMIT = 1000  # the most items one page holds: the store, the API and the CLI cap here

# What each kind of resolved record can be filtered by (field names). Any other filter given
# is refused: ignoring it would return more than was asked for.
STORY_FILTERS = frozenset({"since", "until", "event_type", "country", "outlet", "bbox"})
TRACK_FILTERS = frozenset({"since", "until", "country", "asset_model", "outlet"})
ENTITY_FILTERS = frozenset({"country"})


def check_limit(limit: int) -> int:
    """`limit` unchanged, or a ValueError when it is not a page size the store serves."""
    if not 1 <= limit <= MAX_LIMIT:
        raise ValueError(f"limit must be between 1 and {MAX_LIMIT}, got {limit}")
    return limit


def _invalid(reason: str) -> PydanticCustomError:
    # The reason goes in as context, so braces in a quoted value are never a template.
    return PydanticCustomError("invalid_filter", "{reason}", {"reason": reason})


class UnsupportedFilters(ValueError):
    """Filters given for a kind of record that cannot be filtered by them. `message` names
    the fields as the caller calls them (the API's `type` for `event_type`)."""

    def __init__(self, what: str, refused: Iterable[str], usable: Iterable[str]) -> None:
        self.what, self.refused, self.usable = what, sorted(refused), sorted(usable)
        super().__init__(self.message())

    def message(self, name: Callable[[str], str] = str) -> str:
        refused = ", ".join(sorted(name(field) for field in self.refused))
        usable = ", ".join(sorted(name(field) for field in self.usable))
        return f"{self.what} cannot be filtered by {refused}; use {usable}"


class Filters(Model):
    since: dt.date | None = Field(default=None, description="on or after this date")
    until: dt.date | None = Field(default=None, description="on or before this date")
    event_type: list[PloverType] = Field(default_factory=list, description="PLOVER types")
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-3 of a party or place")
    outlet: str | None = Field(default=None, description="publisher name, case-insensitive")
    actor: str | None = Field(default=None, description="substring of an actor or recipient name")
    asset_model: str | None = Field(default=None, description="asset designator, e.g. An-124")
    text: str | None = Field(default=None, description="full-text query over documents")
    bbox: tuple[float, float, float, float] | None = Field(
        default=None, description="min_lon, min_lat, max_lon, max_lat"
    )

    @field_validator("since", "until", mode="before")
    @classmethod
    def _date(cls, value: object) -> object:
        """A date, or text in YYYY-MM-DD (never a number: pydantic would read a timestamp)."""
        if value is None or value == "":
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise _invalid(f"{value!r} is not a date; use YYYY-MM-DD")

    @field_validator("event_type", mode="before")
    @classmethod
    def _types(cls, value: object) -> object:
        """PLOVER types in any case, as a list or comma-separated; an unknown one is named."""
        if value is None:
            return []
        given = [value] if isinstance(value, str) else value
        if not isinstance(given, list | tuple):
            return value  # not text: pydantic's own error says what was expected
        types = [
            part.strip().upper() for item in given for part in str(item).split(",") if part.strip()
        ]
        unknown = sorted({t for t in types if t not in PLOVER_TYPES})
        if unknown:
            raise _invalid(
                f"unknown PLOVER type(s) {', '.join(unknown)}; "
                f"choose from {', '.join(PLOVER_TYPES)}"
            )
        return types

    @field_validator("country", mode="before")
    @classmethod
    def _country(cls, value: object) -> object:
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            return value
        code = value.strip().upper()
        if not (code.isascii() and code.isalpha() and len(code) == 3):
            raise _invalid(f"{value!r} is not an ISO 3166-1 alpha-3 code (e.g. RUS)")
        return code

    @field_validator("bbox", mode="before")
    @classmethod
    def _bbox(cls, value: object) -> object:
        """Four numbers, as a sequence or as text `min_lon,min_lat,max_lon,max_lat`, inside
        the globe and in order (NaN and infinity are neither)."""
        if value is None or value == "":
            return None
        parts = value.split(",") if isinstance(value, str) else value
        try:
            numbers = [float(p) for p in parts] if isinstance(parts, list | tuple) else []
        except (TypeError, ValueError):
            numbers = []
        if len(numbers) != 4:
            raise _invalid(f"{value!r} is not four numbers min_lon,min_lat,max_lon,max_lat")
        min_lon, min_lat, max_lon, max_lat = numbers
        if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
            raise _invalid(
                f"{value!r} must satisfy -180 <= min_lon <= max_lon <= 180 "
                "and -90 <= min_lat <= max_lat <= 90"
            )
        return min_lon, min_lat, max_lon, max_lat

    @field_validator("country", "outlet", "actor", "asset_model", "text")
    @classmethod
    def _bindable(cls, value: str | None, info: ValidationInfo) -> str | None:
        # Every filter becomes a query parameter: PostgreSQL refuses NUL in text and no
        # encoder takes a lone surrogate, so either would be a database error, not "no match".
        # Empty text filters nothing, so it is no filter.
        return check_storable(str(info.field_name), value) if value else None

    @model_validator(mode="after")
    def _dates_in_order(self) -> Filters:
        if self.since and self.until and self.since > self.until:
            raise PydanticCustomError(
                "date_order",
                "since {since} is after until {until}",
                {"since": str(self.since), "until": str(self.until)},
            )
        return self

    def given(self) -> set[str]:
        """The fields that filter (set to something other than nothing)."""
        return {name for name, value in self if value not in (None, [], "")}

    def check_supported(self, allowed: frozenset[str], what: str) -> None:
        """Refuse (UnsupportedFilters) any given filter that `what` cannot be filtered by."""
        refused = self.given() - allowed
        if refused:
            raise UnsupportedFilters(what, refused, allowed)

    def _in_dates(self, start: dt.date, end: dt.date) -> bool:
        if self.since and end < self.since:
            return False
        return not (self.until and start > self.until)

    def _in_bbox(self, lat: float | None, lon: float | None) -> bool:
        if self.bbox is None:
            return True
        if lat is None or lon is None:
            return False
        min_lon, min_lat, max_lon, max_lat = self.bbox
        return min_lat <= lat <= max_lat and min_lon <= lon <= max_lon

    def matches_document(self, analysis: Analysis) -> bool:
        doc = analysis.document
        if self.outlet and (doc.outlet or "").casefold() != self.outlet.casefold():
            return False
        return not (self.text and self.text.casefold() not in doc.text.casefold())

    def matches_event(self, event: Event, analysis: Analysis) -> bool:
        if not self.matches_document(analysis):
            return False
        if self.event_type and event.event not in self.event_type:
            return False
        when = event.when
        start = when.start if when else analysis.document.date
        end = when.end if when else analysis.document.date
        if not self._in_dates(start, end):
            return False
        parties = event.actor + event.recipient
        place = analysis.place(event.place)
        if self.country:
            countries = {p.country for p in parties} | {place.country if place else None}
            if self.country.upper() not in countries:
                return False
        if self.actor:
            needle = self.actor.casefold()
            if not any(needle in p.name.casefold() for p in parties):
                return False
        if self.asset_model:
            return False  # events carry no asset; an asset filter selects movements only
        return self._in_bbox(place.lat if place else None, place.lon if place else None)

    def matches_movement(self, movement: Movement, analysis: Analysis) -> bool:
        if not self.matches_document(analysis):
            return False
        if self.event_type and "MOBILIZE" not in self.event_type:
            return False
        when = movement.arrive or movement.depart
        start = when.start if when else analysis.document.date
        end = when.end if when else analysis.document.date
        if not self._in_dates(start, end):
            return False
        if self.asset_model:
            model = (movement.asset.model or "").replace("-", "").casefold()
            if model != self.asset_model.replace("-", "").casefold():
                return False
        places = [
            analysis.place(pid)
            for pid in [movement.origin, *movement.via, movement.destination]
            if pid
        ]
        operator = movement.asset.operator
        if self.country:
            countries = {p.country for p in places if p} | {operator.country if operator else None}
            if self.country.upper() not in countries:
                return False
        if self.actor and not (operator and self.actor.casefold() in operator.name.casefold()):
            return False
        if self.bbox is not None:
            return any(self._in_bbox(p.lat, p.lon) for p in places if p)
        return True
