"""Engines for a path or URL: SQLite gets WAL, foreign keys and a casefold() function."""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url


def database_url(url_or_path: str) -> str:
    """A bare path means a SQLite file; anything with `://` is a SQLAlchemy URL."""
    if not url_or_path.strip():
        raise ValueError("store: empty database path or URL")
    if "://" in url_or_path:
        make_url(url_or_path)  # raises ArgumentError naming the bad URL
        return url_or_path
    return f"sqlite:///{url_or_path}"


def make_engine(url: str) -> Engine:
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_setup)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_setup(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # WAL lets readers (the API) run while a batch writes; foreign keys are off by default.
    cursor = dbapi_connection.cursor()
    # The timeout first: switching to WAL needs a lock, and a second process opening the
    # database at that moment must wait for it rather than fail with "database is locked".
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA journal_mode=WAL")
    # In WAL mode NORMAL syncs at checkpoints, not at every commit: a crash can lose the last
    # commits but never corrupts the file, and per-document commits stop costing an fsync each.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
    # Let SQLAlchemy, not the sqlite3 module, open transactions: the module's own handling
    # breaks SAVEPOINT and transactional DDL (the recipe in SQLAlchemy's SQLite notes).
    dbapi_connection.isolation_level = None
    # SQLite's lower() folds ASCII only; the text filter must fold as Python does.
    dbapi_connection.create_function("casefold", 1, _casefold, deterministic=True)


def _casefold(value: str | None) -> str | None:
    return value.casefold() if value is not None else None


WRITE = "wirewatch_write"  # execution option: this connection's transaction will write


def _sqlite_begin(connection: Any) -> None:
    # A writer takes the write lock up front (IMMEDIATE): two deferred transactions that both
    # read, then both try to write, would fail with "database is locked" instead of waiting.
    writes = connection.get_execution_options().get(WRITE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")
