"""Ingest as a resumable job: read every input, drop duplicates, analyse what is new, store it.

Each document is stored first (state `pending`), its analysis saved next (`analysed`), and
stories and tracks updated last (`resolved`); each step is one transaction that also moves the
state (store/state.py). A run first finishes whatever an earlier run left (killed, failed, or
stored with --no-analyze), so after a kill at any moment a rerun leaves every document
analysed once and stories and tracks as a rebuild would make them.

Documents are analysed in batches (spaCy `nlp.pipe`) in this process, or in worker processes
when `workers > 1`, each of which loads the resources once. Memory stays bounded: at most a few
batches are in flight whatever the corpus size.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path

from wirewatch.batch._flusher import Analyser, Flusher, OnSaved
from wirewatch.batch.summary import IngestSummary
from wirewatch.ingest import fingerprint, read_sources
from wirewatch.model import Document, IngestResult, Origin, Reject
from wirewatch.model.records import Incoming
from wirewatch.settings import Settings
from wirewatch.store import Store
from wirewatch.store.state import one_line

OnResult = Callable[[IngestResult], None]

__all__ = ["Analyser", "OnResult", "OnSaved", "admit", "ingest_documents", "run_ingest"]


def run_ingest(
    paths: Iterable[str | Path],
    store: Store,
    settings: Settings,
    *,
    analyser: Analyser | None,
    on_result: OnResult | None = None,
    on_saved: OnSaved | None = None,
) -> IngestSummary:
    """Ingest `paths` into `store`; `analyser=None` stores documents without analysing them.
    `on_saved` runs after each saved batch (the CLI updates stories and tracks there)."""
    summary = IngestSummary()
    started = time.perf_counter()
    with Flusher(store, summary, analyser, settings.workers, on_saved) as flusher:
        if analyser is not None:
            _resume(store, flusher, summary, settings.batch_size)
        pending = []
        for item in read_sources(
            paths, default_date=settings.default_date, max_chars=settings.max_chars
        ):
            result = admit(item, store, settings)
            summary.add(result)
            if on_result:
                on_result(result)
            if result.outcome == "stored" and analyser is not None:
                assert isinstance(item, Incoming)
                pending.append(item.document)
                if len(pending) >= settings.batch_size:
                    flusher.submit(pending)
                    pending = []
        if pending:
            flusher.submit(pending)
        if analyser is not None:
            flusher.drain()
            _catch_up(store, flusher)
    if summary.stored or summary.resumed:
        store.refresh_statistics()
    summary.seconds = time.perf_counter() - started
    return summary


def admit(item: Incoming | Reject, store: Store, settings: Settings) -> IngestResult:
    """Store one input or record why not; a database error on it rejects it alone."""
    if isinstance(item, Reject):
        return _reject(store, item)
    threshold = settings.near_duplicate_threshold
    try:
        fp = fingerprint(item.document.text, threshold=threshold)
        return store.add_document(
            item.document, fp, item.origin, threshold, replaced=getattr(item, "replaced", 0)
        )
    except Exception as error:  # this record only: the batch goes on
        return _reject(
            store,
            Reject(
                origin=item.origin,
                reason="store_failed",
                message=f"cannot store {item.document.id}: {one_line(error)}",
            ),
        )


def _reject(store: Store, reject: Reject) -> IngestResult:
    try:
        store.add_reject(reject)
    except Exception as error:  # the reject still counts in the summary and is printed
        reject = reject.model_copy(
            update={"message": f"{reject.message} (not recorded: {one_line(error)})"}
        )
    return IngestResult(
        origin=reject.origin, outcome="rejected", reason=reject.reason, message=reject.message
    )


def _resume(store: Store, flusher: Flusher, summary: IngestSummary, batch_size: int) -> None:
    """Finish what earlier runs left: fold analysed documents into stories and tracks, then
    analyse what is pending or failed."""
    for ids in store.unresolved_ids():
        summary.resolved_again += len(ids)
        flusher.resolve(ids)
    for page in store.unfinished_documents():
        documents = []
        for found in page:
            if isinstance(found, tuple):  # stored by an older version, refused by the model
                flusher.fail(*found, resumed=True)
            else:
                documents.append(found)
        summary.resumed += len(page)
        for start in range(0, len(documents), batch_size):
            flusher.submit(documents[start : start + batch_size], resumed=True)


def _catch_up(store: Store, flusher: Flusher) -> None:
    """Originals whose copies arrived in this run list them in their stories: update those."""
    for ids in store.unresolved_ids():
        flusher.resolve(ids)


def ingest_documents(
    documents: Iterable[tuple[Document, Origin]],
    store: Store,
    settings: Settings,
    *,
    analyser: Analyser,
    on_saved: OnSaved | None = None,
) -> tuple[list[IngestResult], IngestSummary]:
    """The same job for documents already in memory (the API's POST): admit each, analyse
    and save the new ones, update stories and tracks; one result per document, in order."""
    summary, results = IngestSummary(), []
    started = time.perf_counter()
    with Flusher(store, summary, analyser, 1, on_saved) as flusher:
        fresh = []
        for document, origin in documents:
            result = admit(Incoming(origin=origin, document=document), store, settings)
            summary.add(result)
            results.append(result)
            if result.outcome == "stored":
                fresh.append(document)
        for start in range(0, len(fresh), settings.batch_size):
            flusher.submit(fresh[start : start + settings.batch_size])
        flusher.drain()
        _catch_up(store, flusher)
    summary.seconds = time.perf_counter() - started
    return [_final(result, summary) for result in results], summary


def _final(result: IngestResult, summary: IngestSummary) -> IngestResult:
    """A stored document whose analysis then failed is reported as the reject it counts as."""
    reason = summary.failed.get(result.document_id or "") if result.outcome == "stored" else None
    if reason is None:
        return result
    return result.model_copy(
        update={"outcome": "rejected", "reason": reason.split(":", 1)[0], "message": reason}
    )
