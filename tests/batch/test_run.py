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
    return [RuntimeError(f"analysis of {d.id} failed: boom") if "boom" in d.text
            else Analysis(document=d) for d in batch]


def _inputs(tmp_path: Path, count: int) -> Path:
    path = tmp_path / "in.jsonl"
    rows = [{"id": f"d{i}", "date": "2025-10-01",
             "text": f"Report {i}: " + " ".join(f"w{i}x{j}" for j in range(30))}
            for i in range(count)]
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
    assert summary.stored == 10 and summary.rejected == {"malformed": 1}
    assert summary.total == 11
    assert summary.analysed == 9 and summary.analysis_failed == 1
    assert "d3" in summary.failures[0]
    assert summary.exit_code == 1
    assert sum(1 for _ in store.iter_analyses(Filters())) == 9
    store.close()


def test_store_only_mode_analyses_nothing(tmp_path):
    db = str(tmp_path / "s.db")
    store = Store(db)
    store.migrate()
    summary = run_ingest([_inputs(tmp_path, 5)], store, Settings(db=db), analyser=None)
    assert summary.stored == 5 and summary.analysed == 0
    assert store.stats().analyses == 0
    store.close()
