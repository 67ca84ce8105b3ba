"""Filtered pages of events, movements, claims and places, each with its source document
and, for events and movements, the places they point to."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Row, Select, Table, select

from wirewatch.model import Claim, Event, Filters, Movement, Place
from wirewatch.store.filtersql import document_condition, event_condition, movement_condition
from wirewatch.store.pages import fetch_page
from wirewatch.store.records import ClaimRecord, EventRecord, MovementRecord, Page, PlaceRecord
from wirewatch.store.spans import window_arms
from wirewatch.store.tables import claims, documents, events, movements, places

SOURCE_COLUMNS = [documents.c.date.label("document_date"), documents.c.outlet]


def _places_of(connection: Connection, doc_ids: set[str]) -> dict[tuple[str, str], Place]:
    """Every place of these documents, by (document id, place id)."""
    if not doc_ids:
        return {}
    rows = connection.execute(
        select(places.c.document_id, places.c.id, places.c.data).where(
            places.c.document_id.in_(sorted(doc_ids))
        )
    )
    return {(doc, pid): Place.model_validate_json(data) for doc, pid, data in rows}


def _source(row: Row[Any]) -> dict[str, Any]:
    return {
        "document_id": row.document_id,
        "document_date": row.document_date,
        "outlet": row.outlet,
    }


def _windowed(
    connection: Connection, query: Select[Any], table: Table, f: Filters
) -> Select[Any] | list[Select[Any]]:
    """With a `since`, the query as one index range scan per span class (see spans.py)."""
    return window_arms(connection, query, table, f.since) if f.since else query


def events_page(
    connection: Connection, f: Filters, limit: int, cursor: str | None
) -> Page[EventRecord]:
    query = (
        select(
            events.c.document_id, events.c.id, events.c.date_start, events.c.data, *SOURCE_COLUMNS
        )
        .join(documents, documents.c.id == events.c.document_id)
        .where(event_condition(f))
    )

    def build(rows: Sequence[Row[Any]]) -> list[EventRecord]:
        found = _places_of(connection, {row.document_id for row in rows})
        items = []
        for row in rows:
            event = Event.model_validate_json(row.data)
            place = found.get((row.document_id, event.place or ""))
            items.append(EventRecord(event=event, place=place, **_source(row)))
        return items

    key = [events.c.date_start, events.c.id, events.c.document_id]
    return fetch_page(
        connection, _windowed(connection, query, events, f), key, limit, cursor, build
    )


def movements_page(
    connection: Connection, f: Filters, limit: int, cursor: str | None
) -> Page[MovementRecord]:
    query = (
        select(
            movements.c.document_id,
            movements.c.id,
            movements.c.date_start,
            movements.c.data,
            *SOURCE_COLUMNS,
        )
        .join(documents, documents.c.id == movements.c.document_id)
        .where(movement_condition(f))
    )

    def build(rows: Sequence[Row[Any]]) -> list[MovementRecord]:
        found = _places_of(connection, {row.document_id for row in rows})
        items = []
        for row in rows:
            movement = Movement.model_validate_json(row.data)

            def place(pid: str | None, doc: str = row.document_id) -> Place | None:
                return found.get((doc, pid)) if pid else None

            via = [p for p in (place(pid) for pid in movement.via) if p is not None]
            items.append(
                MovementRecord(
                    movement=movement,
                    origin=place(movement.origin),
                    via=via,
                    destination=place(movement.destination),
                    **_source(row),
                )
            )
        return items

    key = [movements.c.date_start, movements.c.id, movements.c.document_id]
    return fetch_page(
        connection, _windowed(connection, query, movements, f), key, limit, cursor, build
    )


def claims_page(
    connection: Connection, f: Filters, limit: int, cursor: str | None
) -> Page[ClaimRecord]:
    """Claims by document filters, date (`when`, else the document's), claimant country and
    name; the event, asset and bbox filters do not apply to claims."""
    conditions = [document_condition(f)]
    if f.since:
        conditions.append(claims.c.date_end >= f.since)
    if f.until:
        conditions.append(claims.c.date_start <= f.until)
    if f.country:
        conditions.append(claims.c.claimant_country == f.country.upper())
    if f.actor:
        conditions.append(claims.c.claimant_name_key.contains(f.actor.casefold(), autoescape=True))
    query = (
        select(
            claims.c.document_id, claims.c.id, claims.c.date_start, claims.c.data, *SOURCE_COLUMNS
        )
        .join(documents, documents.c.id == claims.c.document_id)
        .where(*conditions)
    )
    key = [claims.c.date_start, claims.c.id, claims.c.document_id]
    windowed = _windowed(connection, query, claims, f)
    return fetch_page(
        connection,
        windowed,
        key,
        limit,
        cursor,
        lambda rows: [
            ClaimRecord(claim=Claim.model_validate_json(row.data), **_source(row)) for row in rows
        ],
    )


def places_page(
    connection: Connection, f: Filters, limit: int, cursor: str | None
) -> Page[PlaceRecord]:
    """Places by document filters, document date, country and bbox."""
    conditions = [document_condition(f)]
    if f.since:
        conditions.append(places.c.date >= f.since)
    if f.until:
        conditions.append(places.c.date <= f.until)
    if f.country:
        conditions.append(places.c.country == f.country.upper())
    if f.bbox is not None:
        min_lon, min_lat, max_lon, max_lat = f.bbox
        conditions += [
            places.c.lat.between(min_lat, max_lat),
            places.c.lon.between(min_lon, max_lon),
        ]
    query = (
        select(places.c.document_id, places.c.id, places.c.date, places.c.data, *SOURCE_COLUMNS)
        .join(documents, documents.c.id == places.c.document_id)
        .where(*conditions)
    )
    key = [places.c.date, places.c.id, places.c.document_id]
    return fetch_page(
        connection,
        query,
        key,
        limit,
        cursor,
        lambda rows: [
            PlaceRecord(place=Place.model_validate_json(row.data), **_source(row)) for row in rows
        ],
    )
