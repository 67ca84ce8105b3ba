"""Counts over the whole store, and the listings of what was not stored."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Connection, Row, Table, func, select

from wirewatch.model import Origin, Reject
from wirewatch.store import state
from wirewatch.store.changes import word_changes
from wirewatch.store.pages import fetch_page
from wirewatch.store.records import DuplicateRecord, Page, StoreStats, Versions
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


def _count_by(connection: Connection, column: ColumnElement[Any]) -> dict[str, int]:
    rows = connection.execute(select(column, func.count()).group_by(column).order_by(column))
    return {key: count for key, count in rows}


def stats(connection: Connection) -> StoreStats:
    first, last = connection.execute(
        select(func.min(documents.c.date), func.max(documents.c.date))
    ).one()
    states = {name: 0 for name in state.STATES} | _count_by(connection, documents.c.state)
    refused = _count_by(connection, rejects.c.reason)
    if states[state.FAILED]:
        # Kept (and retried by the next ingest), but not analysed: counted with the rejects,
        # as the ingest summary counts them.
        refused["analysis_failed"] = refused.get("analysis_failed", 0) + states[state.FAILED]
    return StoreStats(
        documents=_count(connection, documents),
        analyses=_count(connection, analyses),
        states=states,
        duplicates=_count_by(connection, duplicates.c.kind),
        rejects=refused,
        events=_count_by(connection, events.c.event_type),
        movements=_count(connection, movements),
        claims=_count(connection, claims),
        places=_count(connection, places),
        first_date=first,
        last_date=last,
    )


def rejects_page(connection: Connection, limit: int, cursor: str | None) -> Page[Reject]:
    """Rejects in the order they were recorded."""
    query = select(
        rejects.c.id,
        rejects.c.origin_source,
        rejects.c.origin_locator,
        rejects.c.reason,
        rejects.c.message,
    )
    return fetch_page(
        connection,
        query,
        [rejects.c.id],
        limit,
        cursor,
        lambda rows: [
            Reject(
                origin=Origin(source=r.origin_source, locator=r.origin_locator),
                reason=r.reason,
                message=r.message,
            )
            for r in rows
        ],
    )


def duplicates_page(
    connection: Connection, limit: int, cursor: str | None, kind: str | None = None
) -> Page[DuplicateRecord]:
    query = select(duplicates)
    if kind is not None:
        query = query.where(duplicates.c.kind == kind)
    key = [
        duplicates.c.date,
        duplicates.c.document_id,
        duplicates.c.origin_source,
        duplicates.c.origin_locator,
    ]
    return fetch_page(
        connection, query, key, limit, cursor, lambda rows: [_duplicate(r) for r in rows]
    )


def _duplicate(r: Row[*tuple[Any, ...]]) -> DuplicateRecord:
    return DuplicateRecord(
        document_id=r.document_id,
        duplicate_of=r.duplicate_of,
        kind=r.kind,
        similarity=r.similarity,
        date=r.date,
        outlet=r.outlet,
        url=r.url,
        title=r.title,
        origin=Origin(source=r.origin_source, locator=r.origin_locator),
        text=r.text,
    )


def versions(connection: Connection, document_id: str) -> list[Versions]:
    """Every kept later text of `document_id` (or recorded under that id), with its changes
    against the stored original."""
    rows = connection.execute(
        select(duplicates)
        .where(
            duplicates.c.text.is_not(None),
            (duplicates.c.document_id == document_id) | (duplicates.c.duplicate_of == document_id),
        )
        .order_by(duplicates.c.added_at, duplicates.c.origin_source, duplicates.c.origin_locator)
    ).all()
    found = []
    for row in rows:
        original = connection.execute(
            select(documents.c.text).where(documents.c.id == row.duplicate_of)
        ).scalar()
        if original is not None:
            found.append(
                Versions(
                    duplicate=_duplicate(row),
                    original_id=row.duplicate_of,
                    changes=word_changes(original, row.text),
                )
            )
    return found


def failed_documents(connection: Connection, limit: int) -> list[Reject]:
    """Documents kept but not analysed (their analysis failed), as rejects with the reason."""
    d = documents.c
    rows = connection.execute(
        select(d.id, d.origin_source, d.origin_locator, d.failure)
        .where(d.state == state.FAILED)
        .order_by(d.seq)
        .limit(limit)
    )
    return [
        Reject(
            origin=Origin(source=r.origin_source or "document", locator=r.origin_locator or r.id),
            reason="analysis_failed",
            message=f"document {r.id}: {r.failure or 'analysis failed'}",
        )
        for r in rows
    ]
