"""how each suggested citation was dated (anchor method and confidence)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (no table rebuild), so the change-log triggers on citations stay.
    # Old rows keep NULL: they were dated by a phrase or by hand, which the UI shows
    # as "date phrase" for suggested citations and nothing for manual ones.
    op.add_column("citations", sa.Column("anchor", sa.String(16), nullable=True))
    op.add_column("citations", sa.Column("anchor_confidence", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("citations") as batch:
        batch.drop_column("anchor_confidence")
        batch.drop_column("anchor")
