"""The schema as SQLAlchemy Core tables: what queries are written against.

`migrations/versions` creates these tables; a change here needs a new migration there (the
schema test compares the migrated database with this metadata). The full contract objects are
kept as JSON (`data`) so reads are lossless; the flat columns exist only to filter and sort.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    text,
)

from wirewatch.store.spans import UNBOUNDED

# Named constraints, so a later migration can alter them on both backends.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_N_name)s",
        "pk": "pk_%(table_name)s",
    }
)

ID = String(64)
CASCADE = "CASCADE"


def _doc_fk(target: str = "documents.id") -> ForeignKey:
    return ForeignKey(target, ondelete=CASCADE)


documents = Table(
    "documents",
    metadata,
    # An integer key so SQLite's FTS5 index can use it as its rowid (external content).
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", ID, nullable=False, unique=True),
    Column("date", Date, nullable=False, index=True),
    Column("outlet", Text),
    Column("outlet_key", Text, index=True),  # casefolded outlet, for the outlet filter
    Column("url", Text),
    Column("title", Text),
    Column("lang", String(16), nullable=False),
    Column("text", Text, nullable=False),
    # Unique: one text is stored once, whichever writer gets there first (the others record
    # a duplicate), so racing ingests cannot store it twice.
    Column("text_hash", String(64), nullable=False, index=True, unique=True),
    Column("signature", Text, nullable=False),  # JSON list of MinHash values
    Column("origin_source", Text),
    Column("origin_locator", Text),
    Column("added_at", DateTime(timezone=True), nullable=False),
    # Where the document is in the ingest job (store/state.py): pending, analysed, resolved
    # or failed; `failure` says why. Every ingest resumes what is not resolved.
    Column("state", String(16), nullable=False, index=True, server_default="pending"),
    Column("failure", Text),
    Column("replaced", Integer, nullable=False, server_default="0"),  # bytes not decodable
)

document_bands = Table(
    "document_bands",
    metadata,
    # A 64-bit hash of (band position, band key): a small, fixed-size index whatever form
    # the band keys take. The primary key leads with it, so candidate lookup is an index scan.
    Column("band", BigInteger, primary_key=True, autoincrement=False),
    Column("document_id", ID, _doc_fk(), primary_key=True),
)

duplicates = Table(
    "duplicates",
    metadata,
    # One row per input that repeats a stored document: its own id and where it came from
    # (an exact copy in another file has the same id as the original, and still counts).
    Column("document_id", ID, primary_key=True),
    Column("duplicate_of", ID, _doc_fk(), nullable=False, index=True),
    Column("kind", String(8), nullable=False),  # exact | near | version
    Column("similarity", Float, nullable=False),
    Column("date", Date, nullable=False),
    Column("outlet", Text),
    Column("url", Text),
    Column("title", Text),
    Column("origin_source", Text, primary_key=True),
    Column("origin_locator", Text, primary_key=True),
    Column("added_at", DateTime(timezone=True), nullable=False),
    # Kept for near duplicates and new versions of an id, to show what changed.
    Column("text", Text),
)

rejects = Table(
    "rejects",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("origin_source", Text, nullable=False),
    Column("origin_locator", Text, nullable=False),
    Column("reason", String(32), nullable=False, index=True),
    Column("message", Text, nullable=False),
    Column("added_at", DateTime(timezone=True), nullable=False),
    # The same input rejected again (a re-run) is recorded once.
    UniqueConstraint("origin_source", "origin_locator", "reason"),
)

analyses = Table(
    "analyses",
    metadata,
    Column("document_id", ID, _doc_fk(), primary_key=True),
    Column("version", String(16), nullable=False),
    Column("data", Text, nullable=False),  # the full Analysis JSON
    Column("saved_at", DateTime(timezone=True), nullable=False),
)


def _analysis_fk() -> ForeignKey:
    return ForeignKey("analyses.document_id", ondelete=CASCADE)


def _span_class() -> Column[int]:
    """How long an item lasts, as a class that bounds its start in a date window (spans.py).
    Unset, it is the class that bounds nothing, so a row is never missed."""
    return Column("span_class", SmallInteger, nullable=False, server_default=text(str(UNBOUNDED)))


entities = Table(
    "entities",
    metadata,
    Column("document_id", ID, _analysis_fk(), primary_key=True),
    Column("id", ID, primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("name", Text, nullable=False),
    Column("name_key", Text, nullable=False, index=True),
    Column("country", String(8), index=True),
    Column("sector", String(8)),
    Column("kb", Text, index=True),
)

places = Table(
    "places",
    metadata,
    Column("document_id", ID, _analysis_fk(), primary_key=True),
    Column("id", ID, primary_key=True),
    Column("date", Date, nullable=False),  # the document's date: the page order
    Column("name", Text, nullable=False),
    Column("lat", Float),
    Column("lon", Float),
    Column("country", String(8), index=True),
    Column("admin1", Text),
    Column("feature", String(16)),
    Column("precision_km", Float),
    Column("kb", Text, index=True),
    Column("data", Text, nullable=False),
    Index(None, "date", "id", "document_id"),
    Index(None, "lat", "lon"),
)

events = Table(
    "events",
    metadata,
    Column("document_id", ID, _analysis_fk(), primary_key=True),
    Column("id", ID, primary_key=True),
    Column("event_type", String(16), nullable=False, index=True),
    Column("mode", Text),
    Column("cameo", String(2)),
    # Effective dates: the event's `when`, else the document date (as Filters does).
    Column("date_start", Date, nullable=False),
    Column("date_end", Date, nullable=False),
    _span_class(),
    Column("place_id", ID),
    Column("lat", Float),
    Column("lon", Float),
    Column("place_country", String(8), index=True),
    Column("negated", Boolean, nullable=False),
    Column("status", String(16), nullable=False),
    Column("confidence", Float, nullable=False),
    # An act the report retells as background (Event.background): not clustered into stories.
    Column("background", Boolean, nullable=False, server_default=false()),
    Column("data", Text, nullable=False),
    Index(None, "date_start", "id", "document_id"),
    Index(None, "span_class", "date_start", "id", "document_id"),
    Index(None, "date_end"),
    Index(None, "lat", "lon"),
)

event_parties = Table(
    "event_parties",
    metadata,
    Column("document_id", ID, primary_key=True),
    Column("event_id", ID, primary_key=True),
    Column("role", String(16), primary_key=True),  # actor | recipient
    Column("position", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("name_key", Text, nullable=False, index=True),
    Column("country", String(8)),
    Column("sector", String(8)),
    Column("entity_id", ID, index=True),
    ForeignKeyConstraint(
        ["document_id", "event_id"], ["events.document_id", "events.id"], ondelete=CASCADE
    ),
    # The country filter asks "has this event a party of country X": all three columns are
    # equalities, so the planner takes this index even without statistics (with `country`
    # alone it scanned every party of the country for each event).
    Index(None, "country", "document_id", "event_id"),
)

movements = Table(
    "movements",
    metadata,
    Column("document_id", ID, _analysis_fk(), primary_key=True),
    Column("id", ID, primary_key=True),
    Column("asset_kind", String(16), nullable=False),
    Column("asset_model", Text),
    Column("asset_model_key", Text, index=True),  # casefolded, hyphens removed
    Column("asset_identifier", Text, index=True),
    Column("operator_name", Text),
    Column("operator_name_key", Text),
    Column("operator_country", String(8), index=True),
    Column("origin_id", ID),
    Column("origin_lat", Float),
    Column("origin_lon", Float),
    Column("destination_id", ID),
    Column("destination_lat", Float),
    Column("destination_lon", Float),
    Column("depart_start", Date),
    Column("depart_end", Date),
    Column("arrive_start", Date),
    Column("arrive_end", Date),
    # Effective dates: arrive, else depart, else the document date (as Filters does).
    Column("date_start", Date, nullable=False),
    Column("date_end", Date, nullable=False),
    _span_class(),
    Column("status", String(16), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("data", Text, nullable=False),
    Index(None, "date_start", "id", "document_id"),
    Index(None, "span_class", "date_start", "id", "document_id"),
    Index(None, "date_end"),
)

# Every resolved route point (origin, via..., destination) of a movement, in order.
movement_places = Table(
    "movement_places",
    metadata,
    Column("document_id", ID, primary_key=True),
    Column("movement_id", ID, primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("role", String(16), nullable=False),  # origin | via | destination
    Column("place_id", ID, nullable=False),
    Column("lat", Float),
    Column("lon", Float),
    Column("country", String(8)),
    ForeignKeyConstraint(
        ["document_id", "movement_id"], ["movements.document_id", "movements.id"], ondelete=CASCADE
    ),
    Index(None, "lat", "lon"),
    Index(None, "country", "document_id", "movement_id"),  # as event_parties
)

claims = Table(
    "claims",
    metadata,
    Column("document_id", ID, _analysis_fk(), primary_key=True),
    Column("id", ID, primary_key=True),
    Column("claimant_name", Text, nullable=False),
    Column("claimant_name_key", Text, nullable=False, index=True),
    Column("claimant_kind", String(16), nullable=False),
    Column("claimant_country", String(8), index=True),
    Column("outlet", Text),
    Column("stance", String(8), nullable=False),
    Column("assessed", String(16)),
    # Effective dates: the claim's `when`, else the document date.
    Column("date_start", Date, nullable=False),
    Column("date_end", Date, nullable=False),
    _span_class(),
    Column("data", Text, nullable=False),
    Index(None, "date_start", "id", "document_id"),
    Index(None, "span_class", "date_start", "id", "document_id"),
)
