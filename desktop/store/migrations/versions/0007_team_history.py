"""team workspaces: change log on PostgreSQL, authors and times, event history

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op

from desktop.store import history, pgchanges

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Who made each change and when, so a stale edit can name the other analyst and
    # the event editor can show an event's history. PostgreSQL gets the change log
    # that 0004 gave SQLite (its own triggers, in commit order, with NOTIFY).
    bind = op.get_bind()
    dialect = bind.dialect.name
    if dialect == "postgresql":
        pgchanges.install(bind)
        stamp = "TIMESTAMP"
        for column in (f"author VARCHAR({history.MAX_AUTHOR})", f"at {stamp}"):
            op.execute(f"ALTER TABLE changes ADD COLUMN IF NOT EXISTS {column}")
    else:
        for column in (f"author VARCHAR({history.MAX_AUTHOR})", "at DATETIME"):
            op.execute(f"ALTER TABLE changes ADD COLUMN {column}")
    op.execute("CREATE INDEX IF NOT EXISTS ix_changes_entity ON changes (kind, entity_id, seq)")
    op.execute("CREATE INDEX IF NOT EXISTS ix_changes_unstamped ON changes (seq) "
               "WHERE author IS NULL")
    for sql in history.table_sql(dialect):
        op.execute(sql)
    # the columns of this revision (0009 adds the deep-time ones and re-creates them)
    triggers = history.postgres_triggers(history.IMAGE_V1) if dialect == "postgresql" else (
        history.sqlite_triggers(history.IMAGE_V1))
    for sql in triggers:
        op.execute(sql)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS history_events ON events")
        op.execute("DROP FUNCTION IF EXISTS chronologue_event_history()")
        op.execute("DROP TABLE IF EXISTS event_history")
        pgchanges.uninstall(bind)
        return
    for name in ("history_events_update", "history_events_delete"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS event_history")
    op.execute("DROP INDEX IF EXISTS ix_changes_unstamped")
    op.execute("DROP INDEX IF EXISTS ix_changes_entity")
    for column in ("at", "author"):
        op.execute(f"ALTER TABLE changes DROP COLUMN {column}")
