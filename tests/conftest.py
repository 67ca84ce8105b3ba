"""Fixtures shared by every test module: database URLs for both backends, a full Analysis."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

from tests.samples import sample_analysis as _sample_analysis
from wirewatch.model import Analysis

# Property tests: bounded in `make test` ("default"); `make fuzz` runs them under "fuzz",
# many more examples each, round after round with fresh seeds until its time is up.
settings.register_profile(
    "default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "fuzz", max_examples=5_000, deadline=None, suppress_health_check=list(HealthCheck)
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

PG_URL = os.environ.get(
    "WIREWATCH_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def _postgres_reachable() -> str | None:
    """None when PostgreSQL answers, else the reason it does not."""
    try:
        import psycopg

        with psycopg.connect(PG_URL.replace("postgresql+psycopg", "postgresql"), connect_timeout=3):
            return None
    except Exception as error:  # any failure means: skip, and say why
        return f"PostgreSQL not reachable at {PG_URL}: {error}".splitlines()[0]


_PG_SKIP = _postgres_reachable()


@pytest.fixture(scope="session", autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Every test, the CLI's included, caches the gazetteer in the session's temp dir (the
    same folder tests/geo builds into), never in the user's data directory."""
    previous = os.environ.get("WIREWATCH_DATA_DIR")
    os.environ["WIREWATCH_DATA_DIR"] = str(tmp_path_factory.getbasetemp() / "wirewatch-gazetteer")
    yield
    if previous is None:
        os.environ.pop("WIREWATCH_DATA_DIR", None)
    else:
        os.environ["WIREWATCH_DATA_DIR"] = previous


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A URL to a fresh, empty PostgreSQL schema, dropped after the test."""
    if _PG_SKIP:
        pytest.skip(_PG_SKIP)
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    plain = PG_URL.replace("postgresql+psycopg", "postgresql")
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in PG_URL else "?"
    try:
        yield f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path) -> str:
    """Each store/CLI/API test runs twice: on a fresh SQLite file and a fresh PG schema."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.db'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def sample_analysis() -> Analysis:
    return _sample_analysis()
