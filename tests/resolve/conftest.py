"""A migrated store per test, on SQLite and PostgreSQL (the shared `db_url` fixture)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from wirewatch.store import Store


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store(db_url) as opened:
        opened.migrate()
        yield opened
