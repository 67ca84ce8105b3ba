"""Migration 0002 creates exactly the tables resolve/tables.py declares, on both backends."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from wirewatch.resolve.tables import metadata
from wirewatch.store import Store


def _ours(difference) -> bool:
    """Differences about resolve tables; the store's own tables are the store's to check."""
    item = difference[0] if isinstance(difference, list) else difference
    for part in item[1:]:
        table = getattr(part, "table", part)
        name = getattr(table, "name", None)
        if isinstance(name, str):
            return name.startswith("resolve_")
        if isinstance(part, str) and part.startswith("resolve_"):
            return True
    return False


def test_migrated_resolve_tables_match_their_definitions(store: Store) -> None:
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = [d for d in compare_metadata(context, metadata) if _ours(d)]
    assert differences == []
