"""Resolution across documents: canonical entities with aliases, merge log and split
decisions; stories with their member events; asset tracks with legs and member movements.

The tables are defined in wirewatch/resolve/tables.py (derived data: `wirewatch rebuild`
recomputes them from the stored analyses).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 03:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.String(length=64)
KEY = sa.String(length=200)


def upgrade() -> None:
    op.create_table(
        "resolve_entities",
        sa.Column("id", ID, nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("name_key", sa.Text(), nullable=False),
        sa.Column("country", sa.String(length=8), nullable=True),
        sa.Column("mentions", sa.Integer(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resolve_entities")),
    )
    op.create_index(op.f("ix_resolve_entities_name_key"), "resolve_entities", ["name_key"])
    op.create_index(op.f("ix_resolve_entities_country"), "resolve_entities", ["country"])
    op.create_table(
        "resolve_entity_nodes",
        sa.Column("id", ID, nullable=False),
        sa.Column("block", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=True),
        sa.Column("country", sa.String(length=8), nullable=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("alias_key", sa.Text(), nullable=False),
        sa.Column("kb", sa.Text(), nullable=True),
        sa.Column("entity_id", ID, nullable=False),
        sa.Column("mentions", sa.Integer(), nullable=False),
        sa.Column("documents", sa.Integer(), nullable=False),
        sa.Column("first_document", ID, nullable=False),
        sa.Column("first_mention", KEY, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resolve_entity_nodes")),
    )
    for column in ("block", "alias_key", "kb", "entity_id"):
        op.create_index(op.f(f"ix_resolve_entity_nodes_{column}"), "resolve_entity_nodes", [column])
    op.create_table(
        "resolve_entity_mentions",
        sa.Column("document_id", ID, nullable=False),
        sa.Column("mention_id", KEY, nullable=False),
        sa.Column("node_id", ID, nullable=False),
        sa.PrimaryKeyConstraint(
            "document_id", "mention_id", name=op.f("pk_resolve_entity_mentions")
        ),
    )
    op.create_index(
        op.f("ix_resolve_entity_mentions_node_id_document_id_mention_id"),
        "resolve_entity_mentions",
        ["node_id", "document_id", "mention_id"],
    )
    op.create_table(
        "resolve_merges",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("entity_id", ID, nullable=False),
        sa.Column("alias", sa.Text(), nullable=False),
        sa.Column("linked_to", sa.Text(), nullable=False),
        sa.Column("rule", sa.String(length=16), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resolve_merges")),
    )
    op.create_index(op.f("ix_resolve_merges_entity_id"), "resolve_merges", ["entity_id"])
    op.create_table(
        "resolve_splits",
        sa.Column("country", sa.String(length=8), nullable=False),
        sa.Column("alias", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("country", "alias", name=op.f("pk_resolve_splits")),
    )
    op.create_table(
        "resolve_stories",
        sa.Column("id", ID, nullable=False),
        sa.Column("event_type", sa.String(length=16), nullable=False),
        sa.Column("date_start", sa.Date(), nullable=False),
        sa.Column("date_end", sa.Date(), nullable=False),
        sa.Column("source_count", sa.Integer(), nullable=False),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("data", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resolve_stories")),
    )
    op.create_index(op.f("ix_resolve_stories_event_type"), "resolve_stories", ["event_type"])
    op.create_index(
        op.f("ix_resolve_stories_date_start_id"), "resolve_stories", ["date_start", "id"]
    )
    op.create_table(
        "resolve_story_members",
        sa.Column("document_id", ID, nullable=False),
        sa.Column("event_id", ID, nullable=False),
        sa.Column("story_id", ID, nullable=False),
        sa.PrimaryKeyConstraint("document_id", "event_id", name=op.f("pk_resolve_story_members")),
    )
    op.create_index(
        op.f("ix_resolve_story_members_story_id"), "resolve_story_members", ["story_id"]
    )
    op.create_table(
        "resolve_story_countries",
        sa.Column("story_id", ID, nullable=False),
        sa.Column("country", sa.String(length=8), nullable=False),
        sa.PrimaryKeyConstraint("story_id", "country", name=op.f("pk_resolve_story_countries")),
    )
    op.create_index(
        op.f("ix_resolve_story_countries_country"), "resolve_story_countries", ["country"]
    )
    op.create_table(
        "resolve_tracks",
        sa.Column("key", KEY, nullable=False),
        sa.Column("model_key", sa.Text(), nullable=True),
        sa.Column("identifier", sa.Text(), nullable=True),
        sa.Column("operator_country", sa.String(length=8), nullable=True),
        sa.Column("date_start", sa.Date(), nullable=False),
        sa.Column("date_end", sa.Date(), nullable=False),
        sa.Column("legs", sa.Integer(), nullable=False),
        sa.Column("flags", sa.Integer(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_resolve_tracks")),
    )
    op.create_index(op.f("ix_resolve_tracks_model_key"), "resolve_tracks", ["model_key"])
    op.create_index(op.f("ix_resolve_tracks_identifier"), "resolve_tracks", ["identifier"])
    op.create_index(
        op.f("ix_resolve_tracks_date_start_key"), "resolve_tracks", ["date_start", "key"]
    )
    op.create_table(
        "resolve_track_legs",
        sa.Column("track_key", KEY, nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("depart", sa.Date(), nullable=True),
        sa.Column("arrive", sa.Date(), nullable=True),
        sa.Column("origin", sa.Text(), nullable=True),
        sa.Column("destination", sa.Text(), nullable=True),
        sa.Column("sources", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("track_key", "position", name=op.f("pk_resolve_track_legs")),
    )
    op.create_table(
        "resolve_track_members",
        sa.Column("document_id", ID, nullable=False),
        sa.Column("movement_id", ID, nullable=False),
        sa.Column("track_key", KEY, nullable=False),
        sa.Column("block", sa.Text(), nullable=False),
        sa.Column("ident_key", sa.Text(), nullable=True),
        sa.Column("date_start", sa.Date(), nullable=False),
        sa.Column("date_end", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint(
            "document_id", "movement_id", name=op.f("pk_resolve_track_members")
        ),
    )
    op.create_index(
        op.f("ix_resolve_track_members_track_key"), "resolve_track_members", ["track_key"]
    )
    op.create_index(
        op.f("ix_resolve_track_members_ident_key"), "resolve_track_members", ["ident_key"]
    )
    op.create_index(
        op.f("ix_resolve_track_members_block_date_start"),
        "resolve_track_members",
        ["block", "date_start"],
    )


def downgrade() -> None:
    for table in (
        "resolve_track_members",
        "resolve_track_legs",
        "resolve_tracks",
        "resolve_story_countries",
        "resolve_story_members",
        "resolve_stories",
        "resolve_splits",
        "resolve_merges",
        "resolve_entity_mentions",
        "resolve_entity_nodes",
        "resolve_entities",
    ):
        op.drop_table(table)
