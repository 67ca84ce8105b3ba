"""Alembic environment: runs on the connection the Store hands over (see store/migrate.py).

Run programmatically only, so no alembic.ini is needed where wirewatch runs. The version table
goes to the connection's default schema: on PostgreSQL the first schema of `search_path`.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from wirewatch.store.tables import metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        # SQLite cannot ALTER most things; batch mode copies the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = create_engine(context.config.get_main_option("sqlalchemy.url") or "")
    with engine.connect() as fresh:
        _run(fresh)
    engine.dispose()


if context.is_offline_mode():
    raise RuntimeError("wirewatch migrations run online only (Store.migrate())")
run_online()
