"""Reads of the store's own tables that every resolver needs, in bounded chunks."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import TypeVar

from sqlalchemy import Connection, select

from wirewatch.model import Analysis
from wirewatch.resolve.models import Copy
from wirewatch.store import tables as st

T = TypeVar("T")
CHUNK = 500  # ids per IN (...): well under SQLite's bound-parameter limit


def chunks(items: Iterable[T], size: int = CHUNK) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def analyses(connection: Connection, doc_ids: Iterable[str]) -> dict[str, Analysis]:
    out: dict[str, Analysis] = {}
    for batch in chunks(sorted(set(doc_ids))):
        rows = connection.execute(select(st.analyses.c.document_id, st.analyses.c.data)
                                  .where(st.analyses.c.document_id.in_(batch)))
        for doc_id, data in rows:
            out[doc_id] = Analysis.model_validate_json(data)
    return out


def fingerprints(connection: Connection,
                 doc_ids: Iterable[str]) -> dict[str, tuple[str, list[int]]]:
    """Each document's text hash and MinHash signature, as the store's dedup recorded them."""
    out: dict[str, tuple[str, list[int]]] = {}
    d = st.documents.c
    for batch in chunks(sorted(set(doc_ids))):
        rows = connection.execute(select(d.id, d.text_hash, d.signature).where(d.id.in_(batch)))
        out.update({doc_id: (digest, json.loads(sig)) for doc_id, digest, sig in rows})
    return out


def copies(connection: Connection, doc_ids: Iterable[str]) -> dict[str, list[Copy]]:
    """Duplicates the store recorded (and never analysed) of each document."""
    out: dict[str, list[Copy]] = {}
    d = st.duplicates.c
    for batch in chunks(sorted(set(doc_ids))):
        rows = connection.execute(select(d.document_id, d.duplicate_of, d.outlet, d.date, d.kind,
                                         d.similarity).where(d.duplicate_of.in_(batch))
                                  .order_by(d.date, d.document_id))
        for row in rows:
            out.setdefault(row.duplicate_of, []).append(Copy(
                document_id=row.document_id, outlet=row.outlet, date=row.date, kind=row.kind,
                similarity=row.similarity))
    return out


def all_ids(connection: Connection, column, where=None) -> Sequence:
    query = select(column).distinct()
    if where is not None:
        query = query.where(where)
    return connection.execute(query).scalars().all()


def day(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value
