"""Reads of whole documents and analyses: one by id, a page of documents, a stream."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, Row, Select, exists, or_, select

from wirewatch.model import Analysis, Document, Filters
from wirewatch.store.filtersql import (
    document_condition,
    event_condition,
    has_item_filters,
    movement_condition,
)
from wirewatch.store.pages import fetch_page
from wirewatch.store.records import Page
from wirewatch.store.tables import analyses, documents, events, movements

DOCUMENT_COLUMNS = [
    documents.c.id,
    documents.c.date,
    documents.c.outlet,
    documents.c.url,
    documents.c.title,
    documents.c.lang,
    documents.c.text,
]


def _document(row: Row[Any]) -> Document:
    return Document.model_validate(dict(row._mapping))


def get_document(connection: Connection, doc_id: str) -> Document | None:
    row = connection.execute(select(*DOCUMENT_COLUMNS).where(documents.c.id == doc_id)).first()
    return _document(row) if row else None


def get_analysis(connection: Connection, doc_id: str) -> Analysis | None:
    data = connection.execute(
        select(analyses.c.data).where(analyses.c.document_id == doc_id)
    ).scalar()
    return Analysis.model_validate_json(data) if data is not None else None


def documents_page(
    connection: Connection, f: Filters, limit: int, cursor: str | None
) -> Page[Document]:
    """Documents by outlet and text (as `matches_document`) and by their own date."""
    conditions = [document_condition(f)]
    if f.since:
        conditions.append(documents.c.date >= f.since)
    if f.until:
        conditions.append(documents.c.date <= f.until)
    query = select(*DOCUMENT_COLUMNS).where(*conditions)
    return fetch_page(
        connection,
        query,
        [documents.c.date, documents.c.id],
        limit,
        cursor,
        lambda rows: [_document(row) for row in rows],
    )


def analyses_query(f: Filters | None) -> Select[str]:
    """Analyses whose document matches and, when `f` constrains items, that hold at least
    one matching event or movement (so an exporter filtering items loses none)."""
    query = (
        select(analyses.c.data)
        .join(documents, documents.c.id == analyses.c.document_id)
        .order_by(documents.c.date, documents.c.id)
    )
    if f is None:
        return query
    query = query.where(document_condition(f))
    if has_item_filters(f):
        query = query.where(
            or_(
                exists(
                    select(1).where(
                        events.c.document_id == analyses.c.document_id, event_condition(f)
                    )
                ),
                exists(
                    select(1).where(
                        movements.c.document_id == analyses.c.document_id, movement_condition(f)
                    )
                ),
            )
        )
    return query


def iter_analyses(
    connection: Connection, f: Filters | None, batch: int = 200
) -> Iterator[Analysis]:
    """Stream analyses with a server-side cursor: memory holds one batch, not the table."""
    result = connection.execution_options(yield_per=batch).execute(analyses_query(f))
    for data in result.scalars():
        yield Analysis.model_validate_json(data)
