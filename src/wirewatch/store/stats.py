"""Counts over the whole store, and the listings of what was not stored."""

from __future__ import annotations

from sqlalchemy import Connection, Table, func, select

from wirewatch.model import Origin, Reject
from wirewatch.store.pages import fetch_page
from wirewatch.store.records import DuplicateRecord, Page, StoreStats
from wirewatch.store.tables import (
    analyses,
    claims,
    documents,
    duplicates,
    events,
    movements,
    places,
    rejects,
)


def _count(connection: Connection, table: Table) -> int:
    return connection.execute(select(func.count()).select_from(table)).scalar_one()


def _count_by(connection: Connection, column) -> dict[str, int]:
    rows = connection.execute(select(column, func.count()).group_by(column).order_by(column))
    return {key: count for key, count in rows}


def stats(connection: Connection) -> StoreStats:
    first, last = connection.execute(
        select(func.min(documents.c.date), func.max(documents.c.date))).one()
    return StoreStats(
        documents=_count(connection, documents), analyses=_count(connection, analyses),
        duplicates=_count_by(connection, duplicates.c.kind),
        rejects=_count_by(connection, rejects.c.reason),
        events=_count_by(connection, events.c.event_type),
        movements=_count(connection, movements), claims=_count(connection, claims),
        places=_count(connection, places), first_date=first, last_date=last,
    )


def rejects_page(connection: Connection, limit: int, cursor: str | None) -> Page[Reject]:
    """Rejects in the order they were recorded."""
    query = select(rejects.c.id, rejects.c.origin_source, rejects.c.origin_locator,
                   rejects.c.reason, rejects.c.message)
    return fetch_page(connection, query, [rejects.c.id], limit, cursor, lambda rows: [
        Reject(origin=Origin(source=r.origin_source, locator=r.origin_locator),
               reason=r.reason, message=r.message) for r in rows])


def duplicates_page(connection: Connection, limit: int,
                    cursor: str | None) -> Page[DuplicateRecord]:
    query = select(duplicates)
    key = [duplicates.c.date, duplicates.c.document_id]
    return fetch_page(connection, query, key, limit, cursor, lambda rows: [
        DuplicateRecord(
            document_id=r.document_id, duplicate_of=r.duplicate_of, kind=r.kind,
            similarity=r.similarity, date=r.date, outlet=r.outlet, url=r.url, title=r.title,
            origin=Origin(source=r.origin_source, locator=r.origin_locator),
        ) for r in rows])
