"""Writes: documents (with dedup), analyses with their flat rows, rejects."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter

from sqlalchemy import Connection, Row, delete, insert, select, update

from wirewatch.model import Analysis, Document, Fingerprint, IngestResult, Origin, Reject, text_hash
from wirewatch.store import locks
from wirewatch.store import tables as t
from wirewatch.store.conflict import insert_new
from wirewatch.store.dedup import band_keys, find_duplicate, similarity
from wirewatch.store.flatten import flat_rows, fold
from wirewatch.store.state import ANALYSED, RESOLVED

# Children first: the order rows of an earlier analysis are deleted in.
FLAT_TABLES = [
    t.event_parties,
    t.movement_places,
    t.events,
    t.movements,
    t.claims,
    t.places,
    t.entities,
]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def document_row(doc: Document, fp: Fingerprint | None, origin: Origin | None) -> dict:
    return {
        "id": doc.id,
        "date": doc.date,
        "outlet": doc.outlet,
        "outlet_key": fold(doc.outlet) if doc.outlet is not None else None,
        "url": doc.url,
        "title": doc.title,
        "lang": doc.lang,
        "text": doc.text,
        "text_hash": fp.text_hash if fp else text_hash(doc.text),
        "signature": json.dumps(fp.signature if fp else []),
        "origin_source": origin.source if origin else None,
        "origin_locator": origin.locator if origin else None,
        "added_at": _now(),
    }


def add_document(
    connection: Connection,
    doc: Document,
    fp: Fingerprint,
    origin: Origin,
    threshold: float,
    replaced: int = 0,
) -> IngestResult:
    """Store `doc`, or record it as a duplicate of what is stored: check and write under one
    lock (locks.ADMIT), with the unique text hash as the last word if a check is ever wrong."""
    locks.hold(connection, locks.ADMIT)
    stored = connection.execute(
        select(
            t.documents.c.text_hash,
            t.documents.c.signature,
            t.documents.c.origin_source,
            t.documents.c.origin_locator,
        ).where(t.documents.c.id == doc.id)
    ).first()
    if stored is not None:
        return _same_id(connection, doc, fp, origin, stored)
    match = find_duplicate(connection, fp, threshold)
    if match is not None:
        return _record_duplicate(connection, doc, origin, *match, fp=fp)
    row = {**document_row(doc, fp, origin), "replaced": replaced}
    if not insert_new(connection, t.documents, row):
        # Only a writer that bypassed the lock can get here; the unique keys held.
        return _record_duplicate(connection, doc, origin, *_holder(connection, doc, fp), fp=fp)
    bands = [{"band": key, "document_id": doc.id} for key in dict.fromkeys(band_keys(fp))]
    if bands:
        connection.execute(insert(t.document_bands), bands)
    message = f"{replaced} undecodable byte(s) replaced" if replaced else None
    return IngestResult(origin=origin, outcome="stored", document_id=doc.id, message=message)


def _holder(connection: Connection, doc: Document, fp: Fingerprint) -> tuple[str, float]:
    found = connection.execute(
        select(t.documents.c.id).where(
            (t.documents.c.id == doc.id) | (t.documents.c.text_hash == fp.text_hash)
        )
    ).scalar()
    if found is None:
        raise RuntimeError(f"document {doc.id} was neither stored nor found")
    return found, 1.0


def _same_id(
    connection: Connection, doc: Document, fp: Fingerprint, origin: Origin, stored: Row
) -> IngestResult:
    """An id already stored: the same input again, a copy from elsewhere, or a new version."""
    if stored.text_hash != fp.text_hash:
        score = similarity(fp.signature, json.loads(stored.signature))
        return _record_duplicate(connection, doc, origin, doc.id, score, fp=fp, kind="version")
    if (stored.origin_source, stored.origin_locator) == (origin.source, origin.locator):
        return IngestResult(
            origin=origin,
            outcome="duplicate",
            document_id=doc.id,
            duplicate_of=doc.id,
            kind="again",
            message="already stored",
        )
    return _record_duplicate(connection, doc, origin, doc.id, 1.0, fp=fp)


def _record_duplicate(
    connection: Connection,
    doc: Document,
    origin: Origin,
    original: str,
    score: float,
    *,
    fp: Fingerprint,
    kind: str | None = None,
) -> IngestResult:
    kind = kind or ("exact" if score >= 1.0 else "near")
    # The text of an exact copy is the original's; a near copy or a new version may carry the
    # one changed figure a user is looking for, so it is kept.
    kept = None if kind == "exact" else doc.text
    added = insert_new(
        connection,
        t.duplicates,
        {
            "document_id": doc.id,
            "duplicate_of": original,
            "kind": kind,
            "similarity": score,
            "date": doc.date,
            "outlet": doc.outlet,
            "url": doc.url,
            "title": doc.title,
            "origin_source": origin.source,
            "origin_locator": origin.locator,
            "added_at": _now(),
            "text": kept,
        },
    )
    if not added:
        return IngestResult(
            origin=origin,
            outcome="duplicate",
            document_id=doc.id,
            duplicate_of=original,
            kind="again",
            message="already recorded",
        )
    if kind != "version" and original != doc.id:
        # The original's stories list its copies: they are brought up to date again.
        connection.execute(
            update(t.documents)
            .where(t.documents.c.id == original, t.documents.c.state == RESOLVED)
            .values(state=ANALYSED)
        )
    what = {
        "exact": "exact duplicate",
        "near": "near duplicate",
        "version": "a different text under a stored id, kept as a version",
    }[kind]
    return IngestResult(
        origin=origin,
        outcome="duplicate",
        document_id=doc.id,
        duplicate_of=original,
        kind=kind,  # type: ignore[arg-type]
        message=f"{what} ({score:.2f})",
    )


def save_analysis(connection: Connection, analysis: Analysis) -> None:
    """Replace any earlier analysis of the document; stores the document if it is new."""
    rows = flat_rows(analysis)
    _check_unique_ids(analysis)
    doc_id = analysis.document.id
    locks.hold_document(connection, doc_id)
    if not insert_new(connection, t.documents, document_row(analysis.document, None, None)):
        _check_stored(connection, analysis.document)
    saved_before = connection.execute(
        select(t.analyses.c.document_id).where(t.analyses.c.document_id == doc_id)
    ).first()
    if saved_before:
        # Explicit deletes rather than ON DELETE CASCADE alone: no reliance on a pragma.
        for table in FLAT_TABLES:
            connection.execute(delete(table).where(table.c.document_id == doc_id))
        connection.execute(delete(t.analyses).where(t.analyses.c.document_id == doc_id))
    connection.execute(
        insert(t.analyses).values(
            document_id=doc_id,
            version=analysis.version,
            data=analysis.model_dump_json(),
            saved_at=_now(),
        )
    )
    for table in reversed(FLAT_TABLES):
        if rows[table.name]:
            connection.execute(insert(table), rows[table.name])
    connection.execute(
        update(t.documents).where(t.documents.c.id == doc_id).values(state=ANALYSED, failure=None)
    )


def _check_stored(connection: Connection, doc: Document) -> None:
    """The document row exists, or a clear error: one text is stored once, under one id."""
    holder = connection.execute(
        select(t.documents.c.id).where(
            (t.documents.c.id == doc.id) | (t.documents.c.text_hash == text_hash(doc.text))
        )
    ).scalar()
    if holder != doc.id:
        raise ValueError(
            f"document {doc.id} has the same text as stored document {holder}: "
            "a text is stored once (ingest records it as a duplicate); save "
            f"the analysis of {holder} instead"
        )


def _check_unique_ids(analysis: Analysis) -> None:
    ids = {
        "entity": [item.id for item in analysis.entities],
        "place": [item.id for item in analysis.places],
        "event": [item.id for item in analysis.events],
        "movement": [item.id for item in analysis.movements],
        "claim": [item.id for item in analysis.claims],
    }
    for kind, kind_ids in ids.items():
        repeated = [i for i, n in Counter(kind_ids).items() if n > 1]
        if repeated:
            raise ValueError(
                f"analysis of document {analysis.document.id}: {kind} id "
                f"{repeated[0]} appears more than once"
            )


def add_reject(connection: Connection, reject: Reject) -> None:
    """Record a reject once: the same origin rejected for the same reason again adds nothing."""
    insert_new(
        connection,
        t.rejects,
        {
            "origin_source": reject.origin.source,
            "origin_locator": reject.origin.locator,
            "reason": reject.reason,
            "message": reject.message,
            "added_at": _now(),
        },
    )
