"""Ingest survives a kill at any moment and racing ingests, on SQLite and PostgreSQL.

These run the real command in child processes, as a user would: a kill -9 while it works,
then a second run; or two runs side by side over overlapping inputs. After either, the store
must hold one row per text, every document analysed once, and stories, tracks and entities
exactly as a rebuild makes them.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.resolve.test_incremental import assert_same, snapshot
from wirewatch import resolve
from wirewatch.store import Store
from wirewatch.store import tables as t

pytestmark = pytest.mark.slow

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"
COMMAND = [sys.executable, "-c", "from wirewatch.cli import run; run()"]
# Small batches: many commits, so a kill lands between and inside them.
ENV = {**os.environ, "WIREWATCH_BATCH_SIZE": "4"}


def _ingest(db: str, *inputs: str | Path, extra: tuple[str, ...] = ()) -> subprocess.Popen:
    return subprocess.Popen(
        [*COMMAND, "--db", db, "ingest", *map(str, inputs), *extra],
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _progress(store: Store) -> dict[str, int]:
    """How far the ingest got, read from a connection of our own while it runs."""
    d = t.documents.c
    try:
        with store.engine.connect() as connection:
            documents = connection.execute(select(func.count()).select_from(t.documents))
            analyses = connection.execute(select(func.count()).select_from(t.analyses))
            resolved = connection.execute(select(func.count()).where(d.state == "resolved"))
            return {
                "documents": documents.scalar_one(),
                "analyses": analyses.scalar_one(),
                "resolved": resolved.scalar_one(),
            }
    except Exception:  # the schema is not there yet
        return {"documents": 0, "analyses": 0, "resolved": 0}


def _kill_when(process: subprocess.Popen, store: Store, what: str, count: int) -> None:
    deadline = time.monotonic() + 120
    while process.poll() is None and time.monotonic() < deadline:
        if _progress(store)[what] >= count:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
            return
        time.sleep(0.01)
    pytest.fail(
        f"ingest ended (or hung) before {what} reached {count}: {process.communicate()[1][-2000:]}"
    )


def _assert_complete(store: Store, expected_documents: int) -> None:
    stats = store.stats()
    assert stats.documents == expected_documents
    assert stats.analyses == expected_documents  # each analysed, and only once (primary key)
    assert stats.states["resolved"] == expected_documents, stats.states
    with store.engine.connect() as connection:
        hashes = connection.execute(select(func.count(func.distinct(t.documents.c.text_hash))))
        assert hashes.scalar_one() == expected_documents  # one row per text
        if connection.dialect.name == "sqlite":
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []
    incremental = snapshot(store)
    resolve.rebuild(store)
    assert_same(snapshot(store), incremental)


def _finish(db: str, *inputs: str | Path) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [*COMMAND, "--db", db, "ingest", *map(str, inputs)],
        env=ENV,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done


@pytest.fixture(scope="module")
def corpus_counts(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, dict[str, int]]:
    """Documents and duplicates of the example corpus, from a run nobody interrupts."""
    db = str(tmp_path_factory.mktemp("reference") / "reference.db")
    done = subprocess.run(
        [*COMMAND, "--db", db, "ingest", "--no-analyze", str(CORPUS)],
        env=ENV,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    with Store(db) as store:
        stats = store.stats()
    return stats.documents, stats.duplicates


@pytest.mark.parametrize("what, count", [("documents", 3), ("analyses", 6), ("resolved", 20)])
def test_kill_mid_ingest_then_rerun_loses_nothing(
    db_url: str, what: str, count: int, corpus_counts
) -> None:
    documents, duplicates = corpus_counts
    with Store(db_url) as store:
        _kill_when(_ingest(db_url, CORPUS), store, what, count)
        rerun = _finish(db_url, CORPUS)
        assert rerun.returncode == 0, rerun.stderr
        _assert_complete(store, documents)
        assert store.stats().duplicates == duplicates


def test_kill_twice_then_rerun(db_url: str, corpus_counts) -> None:
    documents, duplicates = corpus_counts
    with Store(db_url) as store:
        _kill_when(_ingest(db_url, CORPUS), store, "analyses", 4)
        _kill_when(_ingest(db_url, CORPUS), store, "resolved", 12)
        assert _finish(db_url, CORPUS).returncode == 0
        _assert_complete(store, documents)
        assert store.stats().duplicates == duplicates


def _mirror(tmp_path: Path) -> Path:
    """The JSONL articles again with other metadata: other ids, the same texts."""
    lines = (CORPUS / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    mirrored = []
    for line in lines:
        record = json.loads(line)
        record.pop("id", None)
        record["outlet"] = "Mirror Wire"
        mirrored.append(json.dumps(record))
    path = tmp_path / "mirror.jsonl"
    path.write_text("\n".join(mirrored) + "\n", encoding="utf-8")
    return path


def test_concurrent_ingests_of_overlapping_inputs(
    db_url: str, tmp_path: Path, corpus_counts
) -> None:
    documents, _ = corpus_counts
    mirror = _mirror(tmp_path)
    runs = [
        _ingest(db_url, CORPUS, mirror),
        _ingest(db_url, mirror, CORPUS),
        _ingest(db_url, CORPUS),
    ]
    for process in runs:
        _, error = process.communicate(timeout=600)
        assert process.returncode in (0, 1), error
        assert "Traceback" not in error and "database is locked" not in error, error
    with Store(db_url) as store:
        _assert_complete(store, documents)


def test_concurrent_store_only_ingests_store_each_text_once(db_url: str, tmp_path: Path) -> None:
    texts = [
        f"Bulletin {n}: the harbour authority logged vessel {n * 7} at berth {n % 9}."
        for n in range(200)
    ]
    inputs = []
    for name in ("first", "second", "third"):
        path = tmp_path / f"{name}.jsonl"
        path.write_text(
            "".join(
                json.dumps({"date": "2026-03-01", "outlet": name, "text": x}) + "\n" for x in texts
            ),
            encoding="utf-8",
        )
        inputs.append(path)
    runs = [_ingest(db_url, path, extra=("--no-analyze",)) for path in inputs]
    for process in runs:
        _, error = process.communicate(timeout=600)
        assert process.returncode == 0, error
    with Store(db_url) as store:
        stats = store.stats()
        assert stats.documents == 200
        assert stats.duplicates == {"exact": 400}
