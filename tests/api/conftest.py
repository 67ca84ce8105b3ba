"""An app over a seeded store, on SQLite and PostgreSQL (the `db_url` fixture)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from tests.api import seed
from wirewatch.api import create_app
from wirewatch.model import Analysis
from wirewatch.settings import Settings
from wirewatch.store import Store


@pytest.fixture
def seeded(db_url: str) -> Iterator[tuple[str, list[Analysis]]]:
    store = Store(db_url)
    store.migrate()
    items = seed.fill(store)
    store.close()
    yield db_url, items


@pytest.fixture
def client(seeded: tuple[str, list[Analysis]]) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(db=seeded[0]))) as test_client:
        yield test_client


@pytest.fixture
def stored(seeded: tuple[str, list[Analysis]]) -> list[Analysis]:
    return seeded[1]


@pytest.fixture
def resolved(seeded: tuple[str, list[Analysis]]) -> Iterator[TestClient]:
    """A client over the seeded store after `resolve.rebuild`, as ingest leaves it (ingest
    resolves each saved batch; `seed.fill` writes through the store alone)."""
    from wirewatch.resolve import rebuild

    store = Store(seeded[0])
    rebuild(store)
    store.close()
    with TestClient(create_app(Settings(db=seeded[0]))) as test_client:
        yield test_client
