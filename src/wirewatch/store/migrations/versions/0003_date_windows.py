"""Indexes for filtered listings: date windows and the country filter.

Events, movements and claims get `span_class` (how long the item lasts, see store/spans.py)
and an index on (span_class, date_start, id, document_id), so a `since` bounds the index scan
from below. Party and route-point countries are indexed with the item they belong to, so the
country filter's per-item lookup is one index probe, with or without planner statistics.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 06:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out, not imported: a migration must keep meaning what it meant when it was written.
UNBOUNDED = 22  # the class no span between two dates exceeds (store/spans.py)
SPANNED = ("events", "movements", "claims")
COUNTRY_INDEXES = (("event_parties", "event_id"), ("movement_places", "movement_id"))


def _days() -> str:
    """date_end - date_start in days, as each backend subtracts dates."""
    if op.get_bind().dialect.name == "sqlite":
        return "CAST(julianday(date_end) - julianday(date_start) AS INTEGER)"
    return "(date_end - date_start)"


def _span_class() -> str:
    """The bit length of the span in days (spans.span_class) as SQL: class c holds spans
    from 2**(c-1) to 2**c - 1 days, class 0 spans of none (or a negative one)."""
    days = _days()
    steps = " ".join(f"WHEN {days} < {1 << c} THEN {c}" for c in range(1, UNBOUNDED))
    return f"CASE WHEN {days} <= 0 THEN 0 {steps} ELSE {UNBOUNDED} END"


def _backfill(table: str) -> None:
    if op.get_bind().dialect.name == "postgresql":
        # A type change with USING rewrites the table in one pass: an UPDATE would leave a
        # dead copy of every row, and the table's doubled size turned the planner away from
        # index scans (the actor filter: 40 ms to 100 ms) until a VACUUM FULL.
        op.execute(
            f"ALTER TABLE {table} ALTER COLUMN span_class TYPE SMALLINT USING {_span_class()}"
        )
    else:
        op.execute(f"UPDATE {table} SET span_class = {_span_class()}")


def upgrade() -> None:
    for table in SPANNED:
        op.add_column(
            table,
            sa.Column(
                "span_class",
                sa.SmallInteger(),
                nullable=False,
                server_default=sa.text(str(UNBOUNDED)),
            ),
        )
        _backfill(table)
        op.create_index(
            op.f(f"ix_{table}_span_class_date_start_id_document_id"),
            table,
            ["span_class", "date_start", "id", "document_id"],
        )
    for table, item in COUNTRY_INDEXES:
        op.drop_index(op.f(f"ix_{table}_country"), table_name=table)
        op.create_index(
            op.f(f"ix_{table}_country_document_id_{item}"), table, ["country", "document_id", item]
        )


def downgrade() -> None:
    for table, item in COUNTRY_INDEXES:
        op.drop_index(op.f(f"ix_{table}_country_document_id_{item}"), table_name=table)
        op.create_index(op.f(f"ix_{table}_country"), table, ["country"])
    for table in SPANNED:
        op.drop_index(op.f(f"ix_{table}_span_class_date_start_id_document_id"), table_name=table)
        # A plain DROP COLUMN (SQLite 3.35+): batch mode would copy the table, and dropping
        # the old copy cascades to the rows that reference it.
        op.drop_column(table, "span_class")
