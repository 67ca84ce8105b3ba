"""`Filters` as SQL conditions, following `Filters.matches_*` rule for rule.

A test checks that these conditions select exactly what the Python predicates select.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, false, or_, select, true
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import GenericFunction
from sqlalchemy.types import Text

from wirewatch.model import Filters
from wirewatch.store.flatten import fold, model_key
from wirewatch.store.tables import documents, event_parties, events, movement_places, movements

Condition = ColumnElement[bool]


class Casefold(GenericFunction):
    """Unicode case folding: a Python function on SQLite (engine.py), lower() on PostgreSQL."""

    name = "casefold"
    type = Text()
    inherit_cache = True


@compiles(Casefold, "postgresql")
def _casefold_postgresql(element: Casefold, compiler: SQLCompiler, **kw: Any) -> str:
    return f"lower({compiler.process(element.clauses, **kw)})"


def _all(conditions: list[Condition]) -> Condition:
    return and_(true(), *conditions)


def document_condition(f: Filters) -> Condition:
    """`Filters.matches_document`: outlet equal, text contained, both ignoring case."""
    conditions: list[Condition] = []
    if f.outlet:
        conditions.append(documents.c.outlet_key == fold(f.outlet))
    if f.text:
        conditions.append(Casefold(documents.c.text).contains(fold(f.text), autoescape=True))
    return _all(conditions)


def _dates(
    f: Filters, start: ColumnElement[dt.date], end: ColumnElement[dt.date]
) -> list[Condition]:
    conditions: list[Condition] = []
    if f.since:
        conditions.append(end >= f.since)
    if f.until:
        conditions.append(start <= f.until)
    return conditions


def _in_box(f: Filters, lat: ColumnElement[float], lon: ColumnElement[float]) -> Condition:
    assert f.bbox is not None
    min_lon, min_lat, max_lon, max_lat = f.bbox
    return and_(lat.between(min_lat, max_lat), lon.between(min_lon, max_lon))


def event_condition(f: Filters) -> Condition:
    """`Filters.matches_event`; join `events` to `documents` on document_id."""
    if f.asset_model:
        return false()  # events carry no asset
    conditions = [document_condition(f), *_dates(f, events.c.date_start, events.c.date_end)]
    if f.event_type:
        conditions.append(events.c.event_type.in_(f.event_type))
    party = and_(
        event_parties.c.document_id == events.c.document_id, event_parties.c.event_id == events.c.id
    )
    if f.country:
        country = f.country.upper()
        conditions.append(
            or_(
                events.c.place_country == country,
                exists(select(1).where(party, event_parties.c.country == country)),
            )
        )
    if f.actor:
        needle = event_parties.c.name_key.contains(fold(f.actor), autoescape=True)
        conditions.append(exists(select(1).where(party, needle)))
    if f.bbox is not None:
        conditions.append(_in_box(f, events.c.lat, events.c.lon))
    return _all(conditions)


def movement_condition(f: Filters) -> Condition:
    """`Filters.matches_movement`; join `movements` to `documents` on document_id."""
    if f.event_type and "MOBILIZE" not in f.event_type:
        return false()  # a movement counts as a MOBILIZE event
    conditions = [document_condition(f), *_dates(f, movements.c.date_start, movements.c.date_end)]
    if f.asset_model:
        conditions.append(movements.c.asset_model_key == model_key(f.asset_model))
    stop = and_(
        movement_places.c.document_id == movements.c.document_id,
        movement_places.c.movement_id == movements.c.id,
    )
    if f.country:
        country = f.country.upper()
        conditions.append(
            or_(
                movements.c.operator_country == country,
                exists(select(1).where(stop, movement_places.c.country == country)),
            )
        )
    if f.actor:
        conditions.append(movements.c.operator_name_key.contains(fold(f.actor), autoescape=True))
    if f.bbox is not None:
        box = _in_box(f, movement_places.c.lat, movement_places.c.lon)
        conditions.append(exists(select(1).where(stop, box)))
    return _all(conditions)


def has_item_filters(f: Filters) -> bool:
    """Whether `f` constrains items (events, movements), not only documents."""
    return bool(
        f.since
        or f.until
        or f.event_type
        or f.country
        or f.actor
        or f.asset_model
        or f.bbox is not None
    )
