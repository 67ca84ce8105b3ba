"""The ingest pipeline accounts for every input and keeps going past failed analyses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirewatch.batch import run_ingest
from wirewatch.model import Analysis, Document, Filters
from wirewatch.settings import Settings
from wirewatch.store import Store


def shallow_analyser(batch: list[Document]) -> list[Analysis | Exception]:
    """A stand-in analyser (module level, so worker processes can pickle it)."""
    return [
        RuntimeError(f"analysis of {d.id} failed: boom")
        if "boom" in d.text
        else Analysis(document=d)
        for d in batch
    ]


def _inputs(tmp_path: Path, count: int) -> Path:
    path = tmp_path / "in.jsonl"
    rows = [
        {
            "id": f"d{i}",
            "date": "2025-10-01",
            "text": f"Report {i}: " + " ".join(f"w{i}x{j}" for j in range(30)),
        }
        for i in range(count)
    ]
    if count > 3:
        rows[3]["text"] += " boom"
    lines = [json.dumps(r) for r in rows] + ["{broken"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("workers", [1, 2])
def test_every_input_is_counted_and_failures_do_not_stop_the_batch(db_url, tmp_path, workers):
    store = Store(db_url)
    store.migrate()
    settings = Settings(db=db_url, batch_size=4, workers=workers)
    summary = run_ingest([_inputs(tmp_path, 10)], store, settings, analyser=shallow_analyser)
    # The document whose analysis failed is kept (marked failed) but counted as rejected,
    # so the account still adds up to the inputs read.
    assert summary.stored == 9
    assert summary.rejected == {"malformed": 1, "analysis_failed": 1}
    assert summary.total == 11
    assert summary.analysed == 9 and summary.analysis_failed == 1
    assert "d3" in summary.failures[0] and "boom" in summary.failures[0]
    assert summary.exit_code == 1
    assert sum(1 for _ in store.iter_analyses(Filters())) == 9
    assert store.stats().states == {"failed": 1, "pending": 0, "analysed": 9, "resolved": 0}
    assert store.stats().rejects == {"malformed": 1, "analysis_failed": 1}
    store.close()


def test_next_run_retries_failed_and_pending_documents(db_url, tmp_path):
    store = Store(db_url)
    store.migrate()
    settings = Settings(db=db_url, batch_size=4)
    run_ingest([_inputs(tmp_path, 6)], store, settings, analyser=shallow_analyser)
    run_ingest(
        [_inputs(tmp_path, 6)], store, settings.model_copy(update={"batch_size": 2}), analyser=None
    )  # nothing new: every document is already in
    fixed = lambda batch: [Analysis(document=d) for d in batch]  # noqa: E731
    summary = run_ingest([_inputs(tmp_path, 6)], store, settings, analyser=fixed)
    assert summary.resumed == 1 and summary.analysed == 1 and summary.again == 6
    assert summary.exit_code == 1  # the broken line is still rejected, every run
    assert sum(1 for _ in store.iter_analyses(Filters())) == 6
    assert store.stats().states["failed"] == 0
    assert "analysis_failed" not in store.stats().rejects
    store.close()


def test_documents_stored_without_analysis_are_analysed_by_the_next_run(db_url, tmp_path):
    store = Store(db_url)
    store.migrate()
    settings = Settings(db=db_url, batch_size=2)
    run_ingest([_inputs(tmp_path, 5)], store, settings, analyser=None)
    saved: list[str] = []
    summary = run_ingest(
        [],
        store,
        settings,
        analyser=lambda b: [Analysis(document=d) for d in b],
        on_saved=saved.extend,
    )
    assert summary.resumed == 5 and summary.analysed == 5 and summary.total == 0
    assert sorted(set(saved)) == [f"d{i}" for i in range(5)]
    assert summary.exit_code == 0
    store.close()


def test_an_analyser_that_raises_fails_its_batch_not_the_run(db_url, tmp_path):
    def explode(batch: list[Document]) -> list[Analysis | Exception]:
        if any("Report 1:" in d.text for d in batch):
            raise MemoryError("simulated")  # raised, not reported per document
        return [Analysis(document=d) for d in batch]

    store = Store(db_url)
    store.migrate()
    summary = run_ingest(
        [_inputs(tmp_path, 4)], store, Settings(db=db_url, batch_size=2), analyser=explode
    )
    assert summary.analysed == 2 and summary.analysis_failed == 2
    assert store.stats().states["failed"] == 2
    store.close()


def test_a_failing_story_update_leaves_documents_to_the_next_run(db_url, tmp_path):
    def broken(ids: list[str]) -> None:
        raise RuntimeError("resolver down")

    store = Store(db_url)
    store.migrate()
    settings = Settings(db=db_url, batch_size=2)
    analyse = lambda b: [Analysis(document=d) for d in b]  # noqa: E731
    summary = run_ingest([_inputs(tmp_path, 3)], store, settings, analyser=analyse, on_saved=broken)
    assert summary.resolve_failed == 3 and summary.exit_code == 1  # and the broken line
    assert store.stats().states["analysed"] == 3
    caught_up: list[str] = []
    summary = run_ingest([], store, settings, analyser=analyse, on_saved=caught_up.extend)
    assert summary.resolved_again == 3 and sorted(set(caught_up)) == ["d0", "d1", "d2"]
    store.close()


def test_store_only_mode_analyses_nothing(tmp_path):
    db = str(tmp_path / "s.db")
    store = Store(db)
    store.migrate()
    summary = run_ingest([_inputs(tmp_path, 5)], store, Settings(db=db), analyser=None)
    assert summary.stored == 5 and summary.analysed == 0
    assert store.stats().analyses == 0
    store.close()
