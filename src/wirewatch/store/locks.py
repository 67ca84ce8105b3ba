"""Serialising writers that must not interleave, on both backends.

SQLite needs nothing more: every write transaction begins IMMEDIATE (engine.py), so writers
already take turns. PostgreSQL runs writers side by side, so the steps that read, decide and
then write (admitting a document, updating stories and tracks) take a transaction-level
advisory lock, released when the transaction ends, whatever way it ends.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

# Fixed 64-bit keys, one per kind of step (ASCII "wire" + a letter).
ADMIT = 0x7769726561
RESOLVE = 0x7769726572
ANALYSIS = 0x7769726573


def hold(connection: Connection, key: int) -> None:
    """Wait for the lock `key` and keep it until this transaction ends (no-op on SQLite)."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


def hold_document(connection: Connection, document_id: str) -> None:
    """Lock one document for this transaction: two saves of its analysis take turns."""
    if connection.dialect.name == "postgresql":
        connection.execute(
            text("SELECT pg_advisory_xact_lock(:key, hashtext(:id))"),
            {"key": ANALYSIS & 0x7FFFFFFF, "id": document_id},
        )
