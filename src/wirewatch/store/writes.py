"""Writes: documents (with dedup), analyses with their flat rows, rejects."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter

from sqlalchemy import Connection, delete, insert, select

from wirewatch.model import Analysis, Document, Fingerprint, IngestResult, Origin, Reject, text_hash
from wirewatch.store import tables as t
from wirewatch.store.conflict import insert_new
from wirewatch.store.dedup import band_keys, find_duplicate
from wirewatch.store.flatten import flat_rows, fold

# Children first: the order rows of an earlier analysis are deleted in.
FLAT_TABLES = [t.event_parties, t.movement_places, t.events, t.movements, t.claims, t.places,
               t.entities]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def document_row(doc: Document, fp: Fingerprint | None, origin: Origin | None) -> dict:
    return {
        "id": doc.id, "date": doc.date, "outlet": doc.outlet,
        "outlet_key": fold(doc.outlet) if doc.outlet is not None else None, "url": doc.url,
        "title": doc.title, "lang": doc.lang, "text": doc.text,
        "text_hash": fp.text_hash if fp else text_hash(doc.text),
        "signature": json.dumps(fp.signature if fp else []),
        "origin_source": origin.source if origin else None,
        "origin_locator": origin.locator if origin else None, "added_at": _now(),
    }


def _known(connection: Connection, doc_id: str) -> str | None:
    """The id this document id is stored as: itself, or the original it duplicates."""
    if connection.execute(select(t.documents.c.id).where(t.documents.c.id == doc_id)).first():
        return doc_id
    return connection.execute(
        select(t.duplicates.c.duplicate_of).where(t.duplicates.c.document_id == doc_id)
    ).scalar()


def add_document(
    connection: Connection, doc: Document, fp: Fingerprint, origin: Origin, threshold: float
) -> IngestResult:
    known = _known(connection, doc.id)
    if known is not None:
        return IngestResult(origin=origin, outcome="duplicate", document_id=doc.id,
                            duplicate_of=known, message="already stored")
    match = find_duplicate(connection, fp, threshold)
    if match is not None and match[0] == doc.id:
        # Another writer committed this very document since `_known` looked.
        return IngestResult(origin=origin, outcome="duplicate", document_id=doc.id,
                            duplicate_of=doc.id, message="already stored")
    if match is not None:
        return _record_duplicate(connection, doc, origin, *match)
    if not insert_new(connection, t.documents, document_row(doc, fp, origin)):
        # Another writer stored the same id between our check and this insert.
        return IngestResult(origin=origin, outcome="duplicate", document_id=doc.id,
                            duplicate_of=doc.id, message="already stored")
    bands = [{"band": key, "document_id": doc.id} for key in dict.fromkeys(band_keys(fp))]
    if bands:
        connection.execute(insert(t.document_bands), bands)
    return IngestResult(origin=origin, outcome="stored", document_id=doc.id)


def _record_duplicate(connection: Connection, doc: Document, origin: Origin, original: str,
                      score: float) -> IngestResult:
    kind = "exact" if score >= 1.0 else "near"
    insert_new(connection, t.duplicates, {
        "document_id": doc.id, "duplicate_of": original, "kind": kind, "similarity": score,
        "date": doc.date, "outlet": doc.outlet, "url": doc.url, "title": doc.title,
        "origin_source": origin.source, "origin_locator": origin.locator, "added_at": _now(),
    })
    return IngestResult(origin=origin, outcome="duplicate", document_id=doc.id,
                        duplicate_of=original, message=f"{kind} duplicate ({score:.2f})")


def save_analysis(connection: Connection, analysis: Analysis) -> None:
    """Replace any earlier analysis of the document; stores the document if it is new."""
    rows = flat_rows(analysis)
    _check_unique_ids(analysis)
    doc_id = analysis.document.id
    insert_new(connection, t.documents, document_row(analysis.document, None, None))
    saved_before = connection.execute(
        select(t.analyses.c.document_id).where(t.analyses.c.document_id == doc_id)).first()
    if saved_before:
        # Explicit deletes rather than ON DELETE CASCADE alone: no reliance on a pragma.
        for table in FLAT_TABLES:
            connection.execute(delete(table).where(table.c.document_id == doc_id))
        connection.execute(delete(t.analyses).where(t.analyses.c.document_id == doc_id))
    connection.execute(insert(t.analyses).values(
        document_id=doc_id, version=analysis.version, data=analysis.model_dump_json(),
        saved_at=_now(),
    ))
    for table in reversed(FLAT_TABLES):
        if rows[table.name]:
            connection.execute(insert(table), rows[table.name])


def _check_unique_ids(analysis: Analysis) -> None:
    kinds = {"entity": analysis.entities, "place": analysis.places, "event": analysis.events,
             "movement": analysis.movements, "claim": analysis.claims}
    for kind, items in kinds.items():
        repeated = [i for i, n in Counter(item.id for item in items).items() if n > 1]
        if repeated:
            raise ValueError(f"analysis of document {analysis.document.id}: {kind} id "
                             f"{repeated[0]} appears more than once")


def add_reject(connection: Connection, reject: Reject) -> None:
    """Record a reject once: the same origin rejected for the same reason again adds nothing."""
    insert_new(connection, t.rejects, {
        "origin_source": reject.origin.source, "origin_locator": reject.origin.locator,
        "reason": reject.reason, "message": reject.message, "added_at": _now(),
    })
