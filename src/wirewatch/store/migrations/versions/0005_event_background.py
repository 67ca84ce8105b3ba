"""Events a report retells as background (`Event.background`): an earlier leg of a trip, an
act named in an identifying clause. They are events all the same; stories are built from
the news, so the story builder skips them.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06 16:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "events", sa.Column("background", sa.Boolean(), nullable=False, server_default=sa.false())
    )


def downgrade() -> None:
    # A plain DROP COLUMN (SQLite 3.35+): batch mode would copy the table, and dropping the
    # old copy cascades to the rows that reference it.
    op.drop_column("events", "background")
