"""event wording signature for matching reports of the same happening

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Content words kept beside each event so matching a new report against
    # thousands of events never re-tokenises their descriptions.
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("signature", sa.Text(), nullable=True))
        batch.create_index("ix_events_precision_start", ["start_precision", "start_earliest"])


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_index("ix_events_precision_start")
        batch.drop_column("signature")
