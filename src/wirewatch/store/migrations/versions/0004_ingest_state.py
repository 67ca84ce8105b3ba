"""Ingest as a resumable job, race-safe admission, and duplicates that keep their text.

- `documents.state`: pending (stored, not analysed yet), analysed (analysis saved, stories
  and tracks not yet updated), resolved (both done) or failed (`failure` says why). Every
  ingest resumes what is not resolved, so a kill at any moment loses nothing.
- `documents.replaced`: bytes the decoder replaced (a UTF-8 file with a few bad bytes).
- `documents.text_hash` becomes unique: two writers can no longer store one text twice.
  Copies an earlier race left behind are kept as exact duplicates of the first one stored.
- `duplicates`: one row per input (document id and origin), so every copy is counted, and
  the text of near duplicates and new versions of an id is kept to compare with the original.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06 12:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_EXTRA_COPIES = """
    SELECT d.id, d.text_hash, d.date, d.outlet, d.url, d.title, d.origin_source,
           d.origin_locator, d.added_at,
           (SELECT MIN(f.seq) FROM documents f WHERE f.text_hash = d.text_hash) AS first_seq
    FROM documents d
    WHERE d.seq > (SELECT MIN(f.seq) FROM documents f WHERE f.text_hash = d.text_hash)
"""


def upgrade() -> None:
    op.add_column(
        "documents", sa.Column("state", sa.String(16), nullable=False, server_default="pending")
    )
    op.add_column("documents", sa.Column("failure", sa.Text()))
    op.add_column(
        "documents", sa.Column("replaced", sa.Integer(), nullable=False, server_default="0")
    )
    op.execute(
        "UPDATE documents SET state = 'resolved' WHERE id IN (SELECT document_id FROM analyses)"
    )
    op.create_index(op.f("ix_documents_state"), "documents", ["state"])
    _rekey_duplicates()
    _fold_racing_copies()
    op.drop_index(op.f("ix_documents_text_hash"), table_name="documents")
    op.create_index(op.f("ix_documents_text_hash"), "documents", ["text_hash"], unique=True)


def _rekey_duplicates() -> None:
    with op.batch_alter_table("duplicates", recreate="always") as batch:
        batch.add_column(sa.Column("text", sa.Text()))
        batch.drop_constraint("pk_duplicates", type_="primary")
        batch.create_primary_key(
            "pk_duplicates", ["document_id", "origin_source", "origin_locator"]
        )
        batch.alter_column("kind", type_=sa.String(8))


def _fold_racing_copies() -> None:
    bind = op.get_bind()
    copies = bind.execute(sa.text(_EXTRA_COPIES)).mappings().all()
    for copy in copies:
        first = bind.execute(
            sa.text("SELECT id FROM documents WHERE seq = :seq"), {"seq": copy["first_seq"]}
        ).scalar_one()
        bind.execute(
            sa.text(
                "INSERT INTO duplicates (document_id, duplicate_of, kind, similarity, date, outlet,"
                " url, title, origin_source, origin_locator, added_at) VALUES (:id, :first,"
                " 'exact', 1.0, :date, :outlet, :url, :title, :source, :locator, :added)"
            ),
            {
                "id": copy["id"],
                "first": first,
                "date": copy["date"],
                "outlet": copy["outlet"],
                "url": copy["url"],
                "title": copy["title"],
                "source": copy["origin_source"] or "",
                "locator": copy["origin_locator"] or "",
                "added": copy["added_at"],
            },
        )
        bind.execute(sa.text("DELETE FROM documents WHERE id = :id"), {"id": copy["id"]})


def downgrade() -> None:
    op.drop_index(op.f("ix_documents_text_hash"), table_name="documents")
    op.create_index(op.f("ix_documents_text_hash"), "documents", ["text_hash"])
    op.execute(
        "DELETE FROM duplicates WHERE kind = 'version' OR document_id IN "
        "(SELECT document_id FROM duplicates GROUP BY document_id HAVING COUNT(*) > 1)"
    )
    with op.batch_alter_table("duplicates", recreate="always") as batch:
        batch.drop_constraint("pk_duplicates", type_="primary")
        batch.create_primary_key("pk_duplicates", ["document_id"])
        batch.drop_column("text")
    op.drop_index(op.f("ix_documents_state"), table_name="documents")
    for column in ("replaced", "failure", "state"):
        op.drop_column("documents", column)
