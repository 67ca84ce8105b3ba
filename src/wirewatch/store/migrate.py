"""Run the package's Alembic migrations on an open engine, with no alembic.ini on disk."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

from wirewatch.store.engine import WRITE

MIGRATIONS = Path(__file__).with_name("migrations")
MIGRATE_LOCK = 0x77697265  # any fixed 64-bit key; "wire" in ASCII


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    # `%` is interpolation syntax in Alembic's config parser; a password may contain one.
    url = engine.url.render_as_string(hide_password=False).replace("%", "%%")
    config.set_main_option("sqlalchemy.url", url)
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision` in one transaction per migration run."""
    config = alembic_config(engine)
    with engine.connect() as connection, connection.execution_options(**{WRITE: True}).begin():
        if connection.dialect.name == "postgresql":
            # Two processes starting at once (API workers, batch jobs) migrate one at a time;
            # the lock ends with the transaction.
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATE_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision(engine: Engine) -> str | None:
    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()
