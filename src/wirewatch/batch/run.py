"""Ingest: read every input, drop duplicates, analyse what is new, store it all.

Documents are analysed in batches (spaCy `nlp.pipe`) in this process, or in worker processes
when `workers > 1`, each of which loads the resources once. Memory stays bounded: at most a few
batches are in flight whatever the corpus size.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from wirewatch.batch.summary import IngestSummary
from wirewatch.ingest import fingerprint, read_sources
from wirewatch.model import Analysis, Document, IngestResult, Reject
from wirewatch.settings import Settings
from wirewatch.store import Store

Analyser = Callable[[list[Document]], list[Analysis | Exception]]
OnResult = Callable[[IngestResult], None]
OnSaved = Callable[[list[str]], None]  # ids of documents whose analyses were just saved


def run_ingest(paths: Iterable[str | Path], store: Store, settings: Settings, *,
               analyser: Analyser | None, on_result: OnResult | None = None,
               on_saved: OnSaved | None = None) -> IngestSummary:
    """Ingest `paths` into `store`; `analyser=None` stores documents without analysing them.
    `on_saved` runs after each saved batch (the CLI updates stories and tracks there)."""
    summary = IngestSummary()
    started = time.perf_counter()
    pending: list[Document] = []
    with _Flusher(store, summary, analyser, settings.workers, on_saved) as flusher:
        for item in read_sources(paths, default_date=settings.default_date,
                                 max_chars=settings.max_chars):
            result = _admit(item, store, settings)
            summary.add(result)
            if on_result:
                on_result(result)
            if result.outcome == "stored" and analyser is not None and not isinstance(item, Reject):
                pending.append(item.document)
                if len(pending) >= settings.batch_size:
                    flusher.submit(pending)
                    pending = []
        if pending:
            flusher.submit(pending)
    if summary.stored:
        store.refresh_statistics()
    summary.seconds = time.perf_counter() - started
    return summary


def _admit(item, store: Store, settings: Settings) -> IngestResult:
    if isinstance(item, Reject):
        store.add_reject(item)
        return IngestResult(origin=item.origin, outcome="rejected", reason=item.reason,
                            message=item.message)
    threshold = settings.near_duplicate_threshold
    fp = fingerprint(item.document.text, threshold=threshold)
    return store.add_document(item.document, fp, item.origin, threshold)


class _Flusher:
    """Analyses batches (inline or in a process pool) and saves each analysis as it lands."""

    def __init__(self, store: Store, summary: IngestSummary, analyser: Analyser | None,
                 workers: int, on_saved: OnSaved | None) -> None:
        self.store, self.summary, self.analyser = store, summary, analyser
        self.on_saved = on_saved
        self.workers = workers
        self.pool: ProcessPoolExecutor | None = None
        self.in_flight: list[Future[list[Analysis | Exception]]] = []

    def __enter__(self) -> _Flusher:
        if self.workers > 1 and self.analyser is not None:
            self.pool = ProcessPoolExecutor(max_workers=self.workers)
        return self

    def submit(self, batch: list[Document]) -> None:
        assert self.analyser is not None
        if self.pool is None:
            self._save(self.analyser(batch))
            return
        self.in_flight.append(self.pool.submit(self.analyser, batch))
        while len(self.in_flight) > 2 * self.workers:  # bound memory: wait for the oldest
            self._save(self.in_flight.pop(0).result())

    def _save(self, outcomes: list[Analysis | Exception]) -> None:
        analyses = []
        for outcome in outcomes:
            if isinstance(outcome, Exception):
                self.summary.analysis_failed += 1
                self.summary.failures.append(str(outcome))
            else:
                analyses.append(outcome)
        self.summary.analysed += self.store.save_analyses(analyses)  # one transaction a batch
        if analyses and self.on_saved is not None:
            self.on_saved([a.document.id for a in analyses])

    def __exit__(self, *exc: object) -> None:
        for future in self.in_flight:
            self._save(future.result())
        if self.pool is not None:
            self.pool.shutdown()
