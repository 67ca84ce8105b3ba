"""Initial schema: documents, dedup, rejects, analyses and their flat query tables.

Plus full-text search: an FTS5 index kept in sync by triggers on SQLite; on PostgreSQL a
generated tsvector column `documents.fulltext` with a GIN index (see store/search.py).

Revision ID: 0001
Revises:
Create Date: 2026-11-25 03:09:56
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("outlet", sa.Text(), nullable=True),
        sa.Column("outlet_key", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("lang", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("text_hash", sa.String(length=64), nullable=False),
        sa.Column("signature", sa.Text(), nullable=False),
        sa.Column("origin_source", sa.Text(), nullable=True),
        sa.Column("origin_locator", sa.Text(), nullable=True),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_documents")),
        sa.UniqueConstraint("id", name=op.f("uq_documents_id")),
    )
    op.create_index(op.f("ix_documents_date"), "documents", ["date"], unique=False)
    op.create_index(op.f("ix_documents_outlet_key"), "documents", ["outlet_key"], unique=False)
    op.create_index(op.f("ix_documents_text_hash"), "documents", ["text_hash"], unique=False)
    op.create_table(
        "rejects",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("origin_source", sa.Text(), nullable=False),
        sa.Column("origin_locator", sa.Text(), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rejects")),
        sa.UniqueConstraint(
            "origin_source",
            "origin_locator",
            "reason",
            name=op.f("uq_rejects_origin_source_origin_locator_reason"),
        ),
    )
    op.create_index(op.f("ix_rejects_reason"), "rejects", ["reason"], unique=False)
    op.create_table(
        "analyses",
        sa.Column("document_id", sa.String(length=64), nullable=False),
        sa.Column("version", sa.String(length=16), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_analyses_document_id"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_analyses")),
    )
    op.create_table(
        "document_bands",
        sa.Column("band", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("document_id", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_document_bands_document_id"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("band", "document_id", name=op.f("pk_document_bands")),
    )
    op.create_table(
        "duplicates",
        sa.Column("document_id", sa.String(length=64), nullable=False),
        sa.Column("duplicate_of", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("similarity", sa.Float(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("outlet", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("origin_source", sa.Text(), nullable=False),
        sa.Column("origin_locator", sa.Text(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["duplicate_of"],
            ["documents.id"],
            name=op.f("fk_duplicates_duplicate_of"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_duplicates")),
    )
    op.create_index(
        op.f("ix_duplicates_duplicate_of"), "duplicates", ["duplicate_of"], unique=False
    )
    op.create_table(
        "claims",
        sa.Column("document_id", sa.String(length=64), nullable=False),
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("claimant_name", sa.Text(), nullable=False),
        sa.Column("claimant_name_key", sa.Text(), nullable=False),
        sa.Column("claimant_kind", sa.String(length=16), nullable=False),
        sa.Column("claimant_country", sa.String(length=8), nullable=True),
        sa.Column("outlet", sa.Text(), nullable=True),
        sa.Column("stance", sa.String(length=8), nullable=False),
        sa.Column("assessed", sa.String(length=16), nullable=True),
        sa.Column("date_start", sa.Date(), nullable=False),
        sa.Column("date_end", sa.Date(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["analyses.document_id"],
            name=op.f("fk_claims_document_id"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", "id", name=op.f("pk_claims")),
    )
    op.create_index(
        op.f("ix_claims_claimant_country"), "claims", ["claimant_country"], unique=False
    )
    op.create_index(
        op.f("ix_claims_claimant_name_key"), "claims", ["claimant_name_key"], unique=False
    )
    op.create_index(
        op.f("ix_claims_date_start_id_document_id"),
        "claims",
        ["date_start", "id", "document_id"],
        unique=False,
    )
    op.create_table(
        "entities",
        sa.Column("document_id", sa.String(length=64), nullable=False),
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("name_key", sa.Text(), nullable=False),
        sa.Column("country", sa.String(length=8), nullable=True),
        sa.Column("sector", sa.String(length=8), nullable=True),
        sa.Column("kb", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["analyses.document_id"],
            name=op.f("fk_entities_document_id"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", "id", name=op.f("pk_entities")),
    )
    op.create_index(op.f("ix_entities_country"), "entities", ["country"], unique=False)
    op.create_index(op.f("ix_entities_kb"), "entities", ["kb"], unique=False)
    op.create_index(op.f("ix_entities_name_key"), "entities", ["name_key"], unique=False)
    op.create_table(
        "events",
        sa.Column("document_id", sa.String(length=64), nullable=False),
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("event_type", sa.String(length=16), nullable=False),
        sa.Column("mode", sa.Text(), nullable=True),
        sa.Column("cameo", sa.String(length=2), nullable=True),
        sa.Column("date_start", sa.Date(), nullable=False),
        sa.Column("date_end", sa.Date(), nullable=False),
        sa.Column("place_id", sa.String(length=64), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("place_country", sa.String(length=8), nullable=True),
        sa.Column("negated", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["analyses.document_id"],
            name=op.f("fk_events_document_id"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", "id", name=op.f("pk_events")),
    )
    op.create_index(op.f("ix_events_date_end"), "events", ["date_end"], unique=False)
    op.create_index(
        op.f("ix_events_date_start_id_document_id"),
        "events",
        ["date_start", "id", "document_id"],
        unique=False,
    )
    op.create_index(op.f("ix_events_event_type"), "events", ["event_type"], unique=False)
    op.create_index(op.f("ix_events_lat_lon"), "events", ["lat", "lon"], unique=False)
    op.create_index(op.f("ix_events_place_country"), "events", ["place_country"], unique=False)
    op.create_table(
        "movements",
        sa.Column("document_id", sa.String(length=64), nullable=False),
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("asset_kind", sa.String(length=16), nullable=False),
        sa.Column("asset_model", sa.Text(), nullable=True),
        sa.Column("asset_model_key", sa.Text(), nullable=True),
        sa.Column("asset_identifier", sa.Text(), nullable=True),
        sa.Column("operator_name", sa.Text(), nullable=True),
        sa.Column("operator_name_key", sa.Text(), nullable=True),
        sa.Column("operator_country", sa.String(length=8), nullable=True),
        sa.Column("origin_id", sa.String(length=64), nullable=True),
        sa.Column("origin_lat", sa.Float(), nullable=True),
        sa.Column("origin_lon", sa.Float(), nullable=True),
        sa.Column("destination_id", sa.String(length=64), nullable=True),
        sa.Column("destination_lat", sa.Float(), nullable=True),
        sa.Column("destination_lon", sa.Float(), nullable=True),
        sa.Column("depart_start", sa.Date(), nullable=True),
        sa.Column("depart_end", sa.Date(), nullable=True),
        sa.Column("arrive_start", sa.Date(), nullable=True),
        sa.Column("arrive_end", sa.Date(), nullable=True),
        sa.Column("date_start", sa.Date(), nullable=False),
        sa.Column("date_end", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["analyses.document_id"],
            name=op.f("fk_movements_document_id"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", "id", name=op.f("pk_movements")),
    )
    op.create_index(
        op.f("ix_movements_asset_identifier"), "movements", ["asset_identifier"], unique=False
    )
    op.create_index(
        op.f("ix_movements_asset_model_key"), "movements", ["asset_model_key"], unique=False
    )
    op.create_index(op.f("ix_movements_date_end"), "movements", ["date_end"], unique=False)
    op.create_index(
        op.f("ix_movements_date_start_id_document_id"),
        "movements",
        ["date_start", "id", "document_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_movements_operator_country"), "movements", ["operator_country"], unique=False
    )
    op.create_table(
        "places",
        sa.Column("document_id", sa.String(length=64), nullable=False),
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("country", sa.String(length=8), nullable=True),
        sa.Column("admin1", sa.Text(), nullable=True),
        sa.Column("feature", sa.String(length=16), nullable=True),
        sa.Column("precision_km", sa.Float(), nullable=True),
        sa.Column("kb", sa.Text(), nullable=True),
        sa.Column("data", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["analyses.document_id"],
            name=op.f("fk_places_document_id"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", "id", name=op.f("pk_places")),
    )
    op.create_index(op.f("ix_places_country"), "places", ["country"], unique=False)
    op.create_index(
        op.f("ix_places_date_id_document_id"), "places", ["date", "id", "document_id"], unique=False
    )
    op.create_index(op.f("ix_places_kb"), "places", ["kb"], unique=False)
    op.create_index(op.f("ix_places_lat_lon"), "places", ["lat", "lon"], unique=False)
    op.create_table(
        "event_parties",
        sa.Column("document_id", sa.String(length=64), nullable=False),
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("name_key", sa.Text(), nullable=False),
        sa.Column("country", sa.String(length=8), nullable=True),
        sa.Column("sector", sa.String(length=8), nullable=True),
        sa.Column("entity_id", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id", "event_id"],
            ["events.document_id", "events.id"],
            name=op.f("fk_event_parties_document_id_event_id"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "document_id", "event_id", "role", "position", name=op.f("pk_event_parties")
        ),
    )
    op.create_index(op.f("ix_event_parties_country"), "event_parties", ["country"], unique=False)
    op.create_index(
        op.f("ix_event_parties_entity_id"), "event_parties", ["entity_id"], unique=False
    )
    op.create_index(op.f("ix_event_parties_name_key"), "event_parties", ["name_key"], unique=False)
    op.create_table(
        "movement_places",
        sa.Column("document_id", sa.String(length=64), nullable=False),
        sa.Column("movement_id", sa.String(length=64), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("place_id", sa.String(length=64), nullable=False),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("country", sa.String(length=8), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id", "movement_id"],
            ["movements.document_id", "movements.id"],
            name=op.f("fk_movement_places_document_id_movement_id"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "document_id", "movement_id", "position", name=op.f("pk_movement_places")
        ),
    )
    op.create_index(
        op.f("ix_movement_places_country"), "movement_places", ["country"], unique=False
    )
    op.create_index(
        op.f("ix_movement_places_lat_lon"), "movement_places", ["lat", "lon"], unique=False
    )
    _create_fulltext()


def downgrade() -> None:
    _drop_fulltext()
    op.drop_index(op.f("ix_movement_places_lat_lon"), table_name="movement_places")
    op.drop_index(op.f("ix_movement_places_country"), table_name="movement_places")
    op.drop_table("movement_places")
    op.drop_index(op.f("ix_event_parties_name_key"), table_name="event_parties")
    op.drop_index(op.f("ix_event_parties_entity_id"), table_name="event_parties")
    op.drop_index(op.f("ix_event_parties_country"), table_name="event_parties")
    op.drop_table("event_parties")
    op.drop_index(op.f("ix_places_lat_lon"), table_name="places")
    op.drop_index(op.f("ix_places_kb"), table_name="places")
    op.drop_index(op.f("ix_places_date_id_document_id"), table_name="places")
    op.drop_index(op.f("ix_places_country"), table_name="places")
    op.drop_table("places")
    op.drop_index(op.f("ix_movements_operator_country"), table_name="movements")
    op.drop_index(op.f("ix_movements_date_start_id_document_id"), table_name="movements")
    op.drop_index(op.f("ix_movements_date_end"), table_name="movements")
    op.drop_index(op.f("ix_movements_asset_model_key"), table_name="movements")
    op.drop_index(op.f("ix_movements_asset_identifier"), table_name="movements")
    op.drop_table("movements")
    op.drop_index(op.f("ix_events_place_country"), table_name="events")
    op.drop_index(op.f("ix_events_lat_lon"), table_name="events")
    op.drop_index(op.f("ix_events_event_type"), table_name="events")
    op.drop_index(op.f("ix_events_date_start_id_document_id"), table_name="events")
    op.drop_index(op.f("ix_events_date_end"), table_name="events")
    op.drop_table("events")
    op.drop_index(op.f("ix_entities_name_key"), table_name="entities")
    op.drop_index(op.f("ix_entities_kb"), table_name="entities")
    op.drop_index(op.f("ix_entities_country"), table_name="entities")
    op.drop_table("entities")
    op.drop_index(op.f("ix_claims_date_start_id_document_id"), table_name="claims")
    op.drop_index(op.f("ix_claims_claimant_name_key"), table_name="claims")
    op.drop_index(op.f("ix_claims_claimant_country"), table_name="claims")
    op.drop_table("claims")
    op.drop_index(op.f("ix_duplicates_duplicate_of"), table_name="duplicates")
    op.drop_table("duplicates")
    op.drop_table("document_bands")
    op.drop_table("analyses")
    op.drop_index(op.f("ix_rejects_reason"), table_name="rejects")
    op.drop_table("rejects")
    op.drop_index(op.f("ix_documents_text_hash"), table_name="documents")
    op.drop_index(op.f("ix_documents_outlet_key"), table_name="documents")
    op.drop_index(op.f("ix_documents_date"), table_name="documents")
    op.drop_table("documents")


# The statements are frozen here (not imported from store/search.py) so this revision keeps
# creating exactly what it created, whatever later code does.
SQLITE_FULLTEXT = [
    "CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', "
    "content_rowid='seq', tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN "
    "INSERT INTO documents_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); END",
    "CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN "
    "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
    "VALUES ('delete', old.seq, old.title, old.text); END",
    "CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN "
    "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
    "VALUES ('delete', old.seq, old.title, old.text); "
    "INSERT INTO documents_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); END",
]
SQLITE_FULLTEXT_DROP = [
    "DROP TRIGGER IF EXISTS documents_fts_update",
    "DROP TRIGGER IF EXISTS documents_fts_delete",
    "DROP TRIGGER IF EXISTS documents_fts_insert",
    "DROP TABLE IF EXISTS documents_fts",
]
# A stored vector, not an expression index: ranking reads it instead of re-parsing every
# matching text (a common word matches most of a news corpus).
POSTGRES_FULLTEXT = [
    "ALTER TABLE documents ADD COLUMN fulltext tsvector GENERATED ALWAYS AS "
    "(to_tsvector('english'::regconfig, coalesce(title, '') || ' ' || text)) STORED",
    "CREATE INDEX ix_documents_fulltext ON documents USING gin (fulltext)",
]
POSTGRES_FULLTEXT_DROP = [
    "DROP INDEX IF EXISTS ix_documents_fulltext",
    "ALTER TABLE documents DROP COLUMN IF EXISTS fulltext",
]


def _dialect() -> str:
    return op.get_bind().dialect.name


def _create_fulltext() -> None:
    statements = {"sqlite": SQLITE_FULLTEXT, "postgresql": POSTGRES_FULLTEXT}
    for statement in statements.get(_dialect(), []):
        op.execute(statement)


def _drop_fulltext() -> None:
    statements = {"sqlite": SQLITE_FULLTEXT_DROP, "postgresql": POSTGRES_FULLTEXT_DROP}
    for statement in statements.get(_dialect(), []):
        op.execute(statement)
