"""Query filters shared by the CLI, the REST API and exports.

The store turns a `Filters` into SQL; `matches_*` apply the same rules in Python so that a
writer handed analyses can keep only the matching events without a second query language.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field, ValidationInfo, field_validator

from wirewatch.model.contract import Analysis, Event, Model, Movement
from wirewatch.model.limits import check_storable
from wirewatch.model.vocab import PloverType


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

    @field_validator("country", "outlet", "actor", "asset_model", "text")
    @classmethod
    def _bindable(cls, value: str | None, info: ValidationInfo) -> str | None:
        # Every filter becomes a query parameter: PostgreSQL refuses NUL in text and no
        # encoder takes a lone surrogate, so either would be a database error, not "no match".
        return None if value is None else check_storable(str(info.field_name), value)

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
        places = [analysis.place(pid) for pid in
                  [movement.origin, *movement.via, movement.destination] if pid]
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
