"""Analyse batches (inline or in a process pool) and save each one as it lands.

Every outcome is written down: an analysis is saved (one transaction a batch, or one a
document when the batch's transaction fails), a failure marks its document `failed` with the
reason, and a failed story/track update leaves its documents `analysed` for the next run.
Nothing raised by one document or one batch stops the run.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass

from wirewatch.batch.analyser import AnalysisFailed, failure
from wirewatch.batch.summary import IngestSummary
from wirewatch.model import Analysis, Document
from wirewatch.store import Store
from wirewatch.store.state import one_line

Analyser = Callable[[list[Document]], list[Analysis | Exception]]
OnSaved = Callable[[list[str]], object]  # ids of documents whose analyses were just saved


@dataclass
class _InFlight:
    future: Future[list[Analysis | Exception]]
    batch: list[Document]
    resumed: bool


class Flusher:
    def __init__(
        self,
        store: Store,
        summary: IngestSummary,
        analyser: Analyser | None,
        workers: int,
        on_saved: OnSaved | None,
    ) -> None:
        self.store, self.summary, self.analyser = store, summary, analyser
        self.on_saved = on_saved
        self.workers = workers
        self.pool: ProcessPoolExecutor | None = None
        self.in_flight: list[_InFlight] = []

    def __enter__(self) -> Flusher:
        if self.workers > 1 and self.analyser is not None:
            self.pool = ProcessPoolExecutor(max_workers=self.workers)
        return self

    def submit(self, batch: list[Document], *, resumed: bool = False) -> None:
        assert self.analyser is not None
        if not batch:
            return
        if self.pool is None:
            self._save(batch, self._analyse_here(batch), resumed)
            return
        self.in_flight.append(_InFlight(self.pool.submit(self.analyser, batch), batch, resumed))
        while len(self.in_flight) > 2 * self.workers:  # bound memory: wait for the oldest
            self._land(self.in_flight.pop(0))

    def _analyse_here(self, batch: list[Document]) -> list[Analysis | Exception]:
        assert self.analyser is not None
        try:
            return self.analyser(batch)
        except Exception as error:  # an analyser that raises instead of reporting
            return [failure(doc.id, error) for doc in batch]

    def _land(self, flight: _InFlight) -> None:
        try:
            outcomes = flight.future.result()
        except Exception as error:  # a worker died (killed, out of memory): a fresh pool
            outcomes = [failure(doc.id, error) for doc in flight.batch]
            self._restart_pool()
        self._save(flight.batch, outcomes, flight.resumed)

    def _restart_pool(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = ProcessPoolExecutor(max_workers=self.workers)

    def _save(
        self, batch: list[Document], outcomes: list[Analysis | Exception], resumed: bool
    ) -> None:
        analyses = []
        for document, outcome in zip(batch, outcomes, strict=True):
            if isinstance(outcome, Analysis):
                analyses.append(outcome)
            else:
                reason = (
                    outcome.reason
                    if isinstance(outcome, AnalysisFailed)
                    else failure(document.id, outcome).reason
                )
                self.fail(document.id, reason, resumed=resumed)
        saved = self._store(analyses, resumed)
        self.summary.analysed += len(saved)
        if saved:
            self.resolve(saved)

    def _store(self, analyses: list[Analysis], resumed: bool) -> list[str]:
        """Save in one transaction; when that fails, one by one, so only the bad one fails."""
        try:
            self.store.save_analyses(analyses)
            return [a.document.id for a in analyses]
        except Exception:
            saved = []
            for analysis in analyses:
                try:
                    self.store.save_analysis(analysis)
                    saved.append(analysis.document.id)
                except Exception as error:
                    self.fail(
                        analysis.document.id, f"store_failed: {one_line(error)}", resumed=resumed
                    )
            return saved

    def fail(self, document_id: str, reason: str, *, resumed: bool) -> None:
        """Keep the document, marked failed with the reason; the next run retries it."""
        self.summary.fail(document_id, reason, resumed=resumed)
        try:
            self.store.mark_failed(document_id, reason)
        except Exception as error:  # still pending, so the next run retries it all the same
            self.summary.failures.append(f"{document_id}: not marked failed: {one_line(error)}")

    def resolve(self, ids: list[str]) -> None:
        """Stories, tracks and entities for these documents; on failure they stay analysed
        and the next run resolves them."""
        if self.on_saved is None:
            return
        try:
            self.on_saved(ids)
        except Exception as error:
            if set(ids) <= self.summary.unresolved:
                return  # the same documents failed already in this run, and were reported
            self.summary.unresolved.update(ids)
            self.summary.failures.append(
                f"updating stories and tracks for {len(ids)} document(s) failed: {one_line(error)}"
            )

    def drain(self) -> None:
        """Wait for every batch in flight and save it."""
        while self.in_flight:
            self._land(self.in_flight.pop(0))

    def __exit__(self, *exc: object) -> None:
        try:
            self.drain()
        finally:
            if self.pool is not None:
                self.pool.shutdown()
