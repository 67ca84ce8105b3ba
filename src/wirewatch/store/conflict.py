"""INSERT ... ON CONFLICT DO NOTHING on either backend (both speak it; SQLAlchemy splits it)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.dialects import postgresql, sqlite


def insert_new(connection: Connection, table: Table, row: dict[str, Any]) -> bool:
    """Insert `row` unless a unique key already holds it; True when it was inserted."""
    dialect = connection.dialect.name
    statement: postgresql.Insert | sqlite.Insert
    if dialect == "postgresql":
        statement = postgresql.insert(table).values(row).on_conflict_do_nothing()
    elif dialect == "sqlite":
        statement = sqlite.insert(table).values(row).on_conflict_do_nothing()
    else:
        raise ValueError(
            f"store: unsupported database dialect {dialect!r} (SQLite and PostgreSQL are supported)"
        )
    # RETURNING, not rowcount: drivers report -1 for inserts that return rows.
    returned = statement.returning(*table.primary_key.columns)
    return connection.execute(returned).first() is not None
