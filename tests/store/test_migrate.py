"""Migrations: an empty database gets the schema, the version table lands in the right schema,
and the migrated schema is exactly what the query code expects."""

from __future__ import annotations

import uuid

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from tests.store.corpus import of_every_length
from wirewatch.store import Store
from wirewatch.store.engine import WRITE
from wirewatch.store.migrate import alembic_config, head_revision
from wirewatch.store.tables import metadata


def test_migrate_empty_database_to_head(db_url: str) -> None:
    with Store(db_url) as store:
        assert store.revision() is None
        store.migrate()
        assert store.revision() == head_revision(store.engine)
        assert store.revision() is not None
        names = set(inspect(store.engine).get_table_names())
        assert set(metadata.tables) <= names
        assert "alembic_version" in names


def test_migrate_twice_changes_nothing(db_url: str) -> None:
    with Store(db_url) as store:
        store.migrate()
        store.migrate()
        assert store.revision() == head_revision(store.engine)
        assert store.stats().documents == 0


def test_migrated_schema_matches_table_definitions(db_url: str) -> None:
    with Store(db_url) as store:
        store.migrate()
        with store.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            differences = compare_metadata(context, metadata)
    # Full-text objects are created by raw SQL and are not in the metadata; tables of later
    # migrations (resolve_*) belong to the modules that own them.
    differences = [
        d
        for d in differences
        if "fts" not in repr(d) and "fulltext" not in repr(d) and not _other_module_table(d)
    ]
    assert differences == []


def _other_module_table(difference) -> bool:
    if not isinstance(difference, tuple) or difference[0] not in ("remove_table", "remove_index"):
        return False
    table = difference[1] if difference[0] == "remove_table" else difference[1].table
    return table.name not in metadata.tables


def test_postgres_version_table_in_test_schema(pg_url: str) -> None:
    with Store(pg_url) as store:
        store.migrate()
        with store.engine.connect() as connection:
            schema = connection.execute(text("SELECT current_schema()")).scalar()
            where = (
                connection.execute(
                    text(
                        "SELECT table_schema FROM information_schema.tables "
                        "WHERE table_name = 'alembic_version'"
                    )
                )
                .scalars()
                .all()
            )
    assert schema.startswith("t_")
    assert schema in where
    assert "public" not in where


def test_sqlite_uses_wal_and_foreign_keys(tmp_path) -> None:
    with Store(str(tmp_path / "plain path.db")) as store:
        store.migrate()
        with store.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert (tmp_path / "plain path.db").is_file()


def test_constructor_does_no_io(tmp_path) -> None:
    path = tmp_path / "never.db"
    store = Store(str(path))
    store.close()
    assert not path.exists()


def test_postgres_schemas_migrate_one_after_another(pg_url: str) -> None:
    """A second schema is migrated for real even though the first already is at head."""
    import psycopg

    from tests.conftest import PG_URL

    second = f"t_{uuid.uuid4().hex[:12]}"
    plain = PG_URL.replace("postgresql+psycopg", "postgresql")
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{second}"')
    try:
        with Store(pg_url) as first_store:
            first_store.migrate()
        second_url = pg_url.replace(pg_url.rsplit("%3D", 1)[1], second)
        with Store(second_url) as second_store:
            assert second_store.revision() is None
            second_store.migrate()
            assert second_store.revision() == head_revision(second_store.engine)
            assert second_store.stats().documents == 0
    finally:
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{second}" CASCADE')


def test_unmigrated_database_is_a_clear_error(db_url: str) -> None:
    with Store(db_url) as store, pytest.raises(RuntimeError, match="no wirewatch schema"):
        store.stats()


def test_bad_location_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="empty database"):
        Store("  ")


def _downgrade(store: Store, revision: str) -> None:
    config = alembic_config(store.engine)
    with (
        store.engine.connect() as connection,
        connection.execution_options(**{WRITE: True}).begin(),
    ):
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def _indexes(store: Store, table: str) -> dict[str, list[str]]:
    return {ix["name"]: ix["column_names"] for ix in inspect(store.engine).get_indexes(table)}


def _span_classes(store: Store, table: str) -> dict[str, int]:
    with store.engine.connect() as connection:
        return dict(connection.execute(text(f"SELECT id, span_class FROM {table}")).all())


def test_0003_indexes_date_windows_and_backfills_span_class(db_url: str) -> None:
    """Migrating a store that holds items computes each one's class in SQL, as the store
    computes it on write; the downgrade gives the 0002 schema back with the rows intact."""
    with Store(db_url) as store:
        store.migrate()
        analyses = of_every_length()
        store.save_analyses(analyses)
        written = {t: _span_classes(store, t) for t in ("events", "movements", "claims")}
        assert set(written["events"].values()) > {0, 1, 12}
        for table in ("events", "movements", "claims"):
            assert _indexes(store, table)[f"ix_{table}_span_class_date_start_id_document_id"] == [
                "span_class",
                "date_start",
                "id",
                "document_id",
            ]
        assert _indexes(store, "event_parties")[
            "ix_event_parties_country_document_id_event_id"
        ] == ["country", "document_id", "event_id"]
        assert "ix_event_parties_country" not in _indexes(store, "event_parties")
        assert "ix_movement_places_country_document_id_movement_id" in _indexes(
            store, "movement_places"
        )

        _downgrade(store, "0002")
        assert "span_class" not in {c["name"] for c in inspect(store.engine).get_columns("events")}
        assert _indexes(store, "event_parties")["ix_event_parties_country"] == ["country"]
        store.migrate()
        assert {t: _span_classes(store, t) for t in written} == written
        assert store.stats().documents == len(analyses)
        with store.engine.connect() as connection:
            parties = connection.execute(text("SELECT count(*) FROM event_parties")).scalar()
        assert parties == sum(len(e.actor) + len(e.recipient) for a in analyses for e in a.events)
