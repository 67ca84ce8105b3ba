"""Reads of the store's own tables that every resolver needs, in bounded chunks."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import TypeVar

from sqlalchemy import ColumnElement, Connection, func, select

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
        rows = connection.execute(
            select(st.analyses.c.document_id, st.analyses.c.data).where(
                st.analyses.c.document_id.in_(batch)
            )
        )
        for doc_id, data in rows:
            out[doc_id] = Analysis.model_validate_json(data)
    return out


def fingerprints(
    connection: Connection, doc_ids: Iterable[str]
) -> dict[str, tuple[str, list[int]]]:
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
        # Copies from elsewhere: not new versions of an id (another text), not the original
        # itself met again in another file; one entry per copy, however many files held it.
        rows = connection.execute(
            select(
                d.document_id,
                d.duplicate_of,
                func.min(d.outlet).label("outlet"),
                func.min(d.date).label("date"),
                func.min(d.kind).label("kind"),
                func.max(d.similarity).label("similarity"),
            )
            .where(
                d.duplicate_of.in_(batch),
                d.kind.in_(("exact", "near")),
                d.document_id != d.duplicate_of,
            )
            .group_by(d.document_id, d.duplicate_of)
            .order_by(func.min(d.date), d.document_id)
        )
        for row in rows:
            out.setdefault(row.duplicate_of, []).append(
                Copy(
                    document_id=row.document_id,
                    outlet=row.outlet,
                    date=row.date,
                    kind=row.kind,
                    similarity=row.similarity,
                )
            )
    return out


def named_countries(
    connection: Connection, keys: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], frozenset[str]]:
    """For each (document id, event id): the countries of the places its report names in the
    event's own evidence or in the lead (the text's first line: a headline or the opening
    paragraph, where a news report says where its story happens)."""
    wanted: dict[str, set[str]] = {}
    for doc_id, event_id in keys:
        wanted.setdefault(doc_id, set()).add(event_id)
    out: dict[tuple[str, str], frozenset[str]] = {}
    d, e, p = st.documents.c, st.events.c, st.places.c
    for batch in chunks(sorted(wanted)):
        leads = {
            doc_id: _lead_end(text)
            for doc_id, text in connection.execute(select(d.id, d.text).where(d.id.in_(batch)))
        }
        spans: dict[tuple[str, str], list[tuple[int, int]]] = {}
        for doc_id, event_id, data in connection.execute(
            select(e.document_id, e.id, e.data).where(e.document_id.in_(batch))
        ):
            if event_id in wanted[doc_id]:
                spans[(doc_id, event_id)] = [
                    (ev["start"], ev["end"]) for ev in json.loads(data)["evidence"]
                ]
        named: dict[str, list[tuple[str, list[int]]]] = {}
        for doc_id, country, data in connection.execute(
            select(p.document_id, p.country, p.data).where(
                p.document_id.in_(batch), p.country.is_not(None)
            )
        ):
            named.setdefault(doc_id, []).append(
                (country, [m["start"] for m in json.loads(data)["mentions"]])
            )
        for key, evidence in spans.items():
            lead = leads.get(key[0], 0)
            out[key] = frozenset(
                country
                for country, starts in named.get(key[0], [])
                if any(at < lead or any(a <= at < b for a, b in evidence) for at in starts)
            )
    return out


def _lead_end(text: str) -> int:
    body = len(text) - len(text.lstrip())
    end = text.find("\n", body)
    return len(text) if end < 0 else end


def all_ids(
    connection: Connection, column: ColumnElement[str], where: ColumnElement[bool] | None = None
) -> Sequence[str]:
    query = select(column).distinct()
    if where is not None:
        query = query.where(where)
    return connection.execute(query).scalars().all()


def day(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value
