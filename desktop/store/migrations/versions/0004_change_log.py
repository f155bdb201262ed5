"""workspace change log: one row per entity touched, written by triggers

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op

from desktop.store.changes import install_change_log

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The log's seq is the workspace revision: windows ask "what changed since n"
    # instead of re-reading the workspace. Triggers write it in the same transaction
    # as the edit, whatever code path made the edit.
    install_change_log(op.get_bind())


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":  # PostgreSQL's log comes with 0005 and goes with it
        return
    names = bind.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'changes_%'"
    ).scalars().all()
    for name in names:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS changes")
