"""Where each stored document is in the ingest job, so an ingest can resume any other's work.

    pending ──analysis saved──► analysed ──stories, tracks, entities updated──► resolved
       └──analysis raised──► failed (with the reason; retried by the next ingest)

Every step is its own transaction and moves the state forward in that same transaction, so
after a kill at any moment the states say exactly what is left to do.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import ValidationError
from sqlalchemy import Connection, func, select, update

from wirewatch.model import Document
from wirewatch.store import tables as t

PENDING, ANALYSED, RESOLVED, FAILED = "pending", "analysed", "resolved", "failed"
STATES = (PENDING, ANALYSED, RESOLVED, FAILED)
PAGE = 500  # documents fetched per query while resuming


def mark_failed(connection: Connection, document_id: str, reason: str) -> None:
    connection.execute(
        update(t.documents)
        .where(t.documents.c.id == document_id)
        .values(state=FAILED, failure=reason[:2000])
    )


def mark_resolved(connection: Connection, document_ids: Sequence[str]) -> None:
    """Only analysed documents move on: a document analysed again meanwhile is not undone."""
    for start in range(0, len(document_ids), PAGE):
        chunk = list(document_ids[start : start + PAGE])
        connection.execute(
            update(t.documents)
            .where(t.documents.c.id.in_(chunk), t.documents.c.state == ANALYSED)
            .values(state=RESOLVED)
        )


def mark_all_resolved(connection: Connection) -> None:
    connection.execute(
        update(t.documents).where(t.documents.c.state == ANALYSED).values(state=RESOLVED)
    )


def ids_page(connection: Connection, states: Sequence[str], after: int) -> tuple[list[str], int]:
    """Up to PAGE ids of documents in `states` stored after `after` (a `seq`), and the last
    `seq` read: callers page with a fresh connection each time, holding no snapshot open."""
    rows = connection.execute(
        select(t.documents.c.seq, t.documents.c.id)
        .where(t.documents.c.state.in_(states), t.documents.c.seq > after)
        .order_by(t.documents.c.seq)
        .limit(PAGE)
    ).all()
    return [row.id for row in rows], (rows[-1].seq if rows else after)


def documents_page(
    connection: Connection, states: Sequence[str], after: int
) -> tuple[list[Document | tuple[str, str]], int]:
    """As `ids_page`, but the documents themselves; a stored row the model now refuses comes
    back as (id, reason) so the caller can mark it failed instead of stopping."""
    d = t.documents.c
    rows = connection.execute(
        select(d.seq, d.id, d.date, d.outlet, d.url, d.title, d.lang, d.text)
        .where(d.state.in_(states), d.seq > after)
        .order_by(d.seq)
        .limit(PAGE)
    ).all()
    found: list[Document | tuple[str, str]] = []
    for r in rows:
        try:
            found.append(
                Document(
                    id=r.id,
                    date=r.date,
                    outlet=r.outlet,
                    url=r.url,
                    title=r.title,
                    lang=r.lang,
                    text=r.text,
                )
            )
        except ValidationError as error:
            found.append((r.id, one_line(error)))
    return found, (rows[-1].seq if rows else after)


def counts(connection: Connection) -> dict[str, int]:
    rows = connection.execute(
        select(t.documents.c.state, func.count()).group_by(t.documents.c.state)
    )
    return {state: count for state, count in rows}


def one_line(error: BaseException) -> str:
    """`Type: message` on one line, short enough to list (pydantic's are many lines)."""
    text = " ".join(str(error).split())
    return f"{type(error).__name__}: {text}"[:500]
