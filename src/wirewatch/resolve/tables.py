"""Resolution tables (created by store migration 0002_resolve).

Kept in their own MetaData so the store's schema stays the store's: these are derived data,
rebuilt from stored analyses at any time by `resolve.rebuild`.
"""

from __future__ import annotations

from sqlalchemy import Column, Date, DateTime, Float, Index, Integer, MetaData, String, Table, Text

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "pk": "pk_%(table_name)s",
    }
)
ID = String(64)

entities = Table(
    "resolve_entities",
    metadata,
    Column("id", ID, primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("name", Text, nullable=False),
    Column("name_key", Text, nullable=False, index=True),
    Column("country", String(8), index=True),
    Column("mentions", Integer, nullable=False),
    Column("data", Text, nullable=False),  # CanonicalEntity JSON
)

# One row per distinct name as used (block, kind, country, name, kb): what clustering works
# on, so the work of an update grows with the names in a block, not with their mentions.
entity_nodes = Table(
    "resolve_entity_nodes",
    metadata,
    Column("id", ID, primary_key=True),
    Column("block", Text, nullable=False, index=True),  # skeleton of the last name word
    Column("kind", String(16)),  # null: an actor or claimant of unknown kind
    Column("country", String(8)),
    Column("name", Text, nullable=False),
    Column("alias_key", Text, nullable=False, index=True),
    Column("kb", Text, index=True),
    Column("entity_id", ID, nullable=False, index=True),
    Column("mentions", Integer, nullable=False),
    Column("documents", Integer, nullable=False),
    Column("first_document", ID, nullable=False),  # the earliest mention: names the entity
    Column("first_mention", String(200), nullable=False),
)

# One row per mention: a document's entity, an event party or a claimant.
entity_mentions = Table(
    "resolve_entity_mentions",
    metadata,
    Column("document_id", ID, primary_key=True),
    Column("mention_id", String(200), primary_key=True),
    Column("node_id", ID, nullable=False),
    Index(None, "node_id", "document_id", "mention_id"),
)

merges = Table(
    "resolve_merges",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("entity_id", ID, nullable=False, index=True),
    Column("alias", Text, nullable=False),
    Column("linked_to", Text, nullable=False),
    Column("rule", String(16), nullable=False),
    Column("score", Float, nullable=False),
)

# A user's decision that an alias (as written, folded) is its own entity; every rebuild
# honours it. Folded surface form, not alias key: "Hmeimim" can be split from "Khmeimim"
# although the alias table maps one to the other.
splits = Table(
    "resolve_splits",
    metadata,
    Column("country", String(8), primary_key=True),  # "" when the entity has none
    Column("alias", Text, primary_key=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

stories = Table(
    "resolve_stories",
    metadata,
    Column("id", ID, primary_key=True),
    Column("event_type", String(16), nullable=False, index=True),
    Column("date_start", Date, nullable=False),
    Column("date_end", Date, nullable=False),
    Column("source_count", Integer, nullable=False),
    Column("lat", Float),
    Column("lon", Float),
    Column("data", Text, nullable=False),  # Story JSON
    Index(None, "date_start", "id"),
)

story_members = Table(
    "resolve_story_members",
    metadata,
    Column("document_id", ID, primary_key=True),
    Column("event_id", ID, primary_key=True),
    Column("story_id", ID, nullable=False, index=True),
)

story_countries = Table(
    "resolve_story_countries",
    metadata,
    Column("story_id", ID, primary_key=True),
    Column("country", String(8), primary_key=True, index=True),
)

tracks = Table(
    "resolve_tracks",
    metadata,
    Column("key", String(200), primary_key=True),
    Column("model_key", Text, index=True),
    Column("identifier", Text, index=True),
    Column("operator_country", String(8)),
    Column("date_start", Date, nullable=False),
    Column("date_end", Date, nullable=False),
    Column("legs", Integer, nullable=False),
    Column("flags", Integer, nullable=False),
    Column("data", Text, nullable=False),  # Track JSON
    Index(None, "date_start", "key"),
)

track_legs = Table(
    "resolve_track_legs",
    metadata,
    Column("track_key", String(200), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("depart", Date),
    Column("arrive", Date),
    Column("origin", Text),
    Column("destination", Text),
    Column("sources", Integer, nullable=False),
)

track_members = Table(
    "resolve_track_members",
    metadata,
    Column("document_id", ID, primary_key=True),
    Column("movement_id", ID, primary_key=True),
    Column("track_key", String(200), nullable=False, index=True),
    Column("block", Text, nullable=False),  # model key + operator country
    Column("ident_key", Text, index=True),  # normalised identifier; null when unidentified
    Column("date_start", Date, nullable=False),  # the movement's dates (Sighting.span)
    Column("date_end", Date, nullable=False),
    Index(None, "block", "date_start"),
)
