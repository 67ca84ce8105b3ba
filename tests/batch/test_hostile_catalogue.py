"""Fifty-odd kinds of hostile input in ONE ingest: no traceback, exit 1, every file's records
accounted for as stored, duplicate or rejected with a reason, every stored document analysed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.batch.hostile import write_catalogue
from wirewatch.model import Origin
from wirewatch.store import Store
from wirewatch.store import tables as t

pytestmark = pytest.mark.slow

COMMAND = [sys.executable, "-c", "from wirewatch.cli import run; run()"]


def _sources(store: Store) -> set[str]:
    """Every file some outcome names: stored, recorded as a duplicate, or rejected."""
    with store.engine.connect() as connection:
        found = set()
        for table in (t.documents, t.duplicates, t.rejects):
            found |= set(connection.execute(select(table.c.origin_source)).scalars())
    return found


def _expected_files(folder: Path) -> set[str]:
    """The regular files, FIFOs and links below `folder` that a reader must account for;
    links into directories (cycles) are not inputs."""
    return {str(path) for path in _walk(folder)}


def _walk(folder: Path):
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(path)
        elif path.is_symlink() and path.is_dir():
            continue
        else:
            yield path


def test_one_batch_of_hostile_inputs(tmp_path: Path) -> None:
    folder = tmp_path / "hostile"
    kinds = write_catalogue(folder)
    assert kinds >= 50
    db = str(tmp_path / "hostile.db")
    env = {**os.environ, "WIREWATCH_MAX_CHARS": "200000"}
    done = subprocess.run(
        [*COMMAND, "--db", db, "ingest", "--date", "2026-03-03", str(folder)],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 1, done.stderr[-3000:]
    assert "Traceback" not in done.stderr and "Traceback" not in done.stdout, done.stderr
    with Store(db) as store:
        stats = store.stats()
        # Names that are not UTF-8 are stored escaped (\udce9), still naming the file.
        expected = {Origin(source=name).source for name in _expected_files(folder)}
        missing = expected - _sources(store)
        assert not missing, f"inputs with no outcome: {sorted(missing)}"
        assert stats.states["pending"] == 0
        assert stats.states["failed"] == 0, store.failed_documents()
        assert stats.analyses == stats.documents
        rejects = store.rejects(limit=1000).items
    assert all(r.message and "\n" not in r.message for r in rejects)
    reasons = {Path(r.origin.source).name: r.reason for r in rejects}
    assert reasons["pipe.jsonl"] == "not_a_file"
    assert reasons["year1.jsonl"] == reasons["year9999.jsonl"] == "bad_date"
    assert reasons["huge.txt"] == "too_large"
    assert reasons["bomb.txt.gz"] == "too_large"
    assert reasons["up"] == "not_a_file"  # a link into a directory is named, not followed
    assert stats.duplicates == {"exact": 1, "near": 1, "version": 1}
