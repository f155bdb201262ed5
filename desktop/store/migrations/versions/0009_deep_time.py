"""deep time: events before year 1 (400-year cycles) and a true start key to sort by

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desktop.store import history
from desktop.store.changes import install_change_log
from desktop.store.models import start_key_of

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None
_BATCH = 5000


def upgrade() -> None:
    # Plain ADD COLUMN (no table rebuild), so the change-log and history triggers stay.
    op.add_column("events", sa.Column("start_cycles", sa.Integer(), nullable=False,
                                      server_default="0"))  # fmt: skip
    op.add_column("events", sa.Column("end_cycles", sa.Integer(), nullable=True))
    op.add_column("events", sa.Column("start_key", sa.BigInteger(), nullable=True))
    # Every existing event is CE (cycles 0): its key is its start_earliest in minutes.
    # Batches by id keep memory flat on 100,000 events; the change-log and history
    # triggers are off meanwhile: a derived column is no edit to log 100,000 times.
    # An event's past versions keep its cycles too (the history shows "44 BCE").
    op.add_column("event_history", sa.Column("start_cycles", sa.Integer(), nullable=True))
    op.add_column("event_history", sa.Column("end_cycles", sa.Integer(), nullable=True))
    bind = op.get_bind()
    postgres = bind.dialect.name == "postgresql"
    if postgres:
        for sql in history.postgres_triggers():  # the function now writes the cycles
            op.execute(sql)
        op.execute("ALTER TABLE events DISABLE TRIGGER USER")
    else:  # put back below (and on every open) by install_change_log, with the cycles
        for name in ("changes_events_update", "history_events_update", "history_events_delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    events = sa.table("events", sa.column("id", sa.Integer), sa.column("start_key"),
                      sa.column("start_earliest", sa.DateTime))  # fmt: skip
    last = 0
    while True:
        rows = bind.execute(sa.select(events.c.id, events.c.start_earliest)
                            .where(events.c.id > last).order_by(events.c.id)
                            .limit(_BATCH)).all()  # fmt: skip
        if not rows:
            break
        bind.execute(sa.update(events).where(events.c.id == sa.bindparam("row_id"))
                     .values(start_key=sa.bindparam("key")),
                     [{"row_id": r.id, "key": start_key_of(r.start_earliest)} for r in rows])
        last = rows[-1].id
    if postgres:
        op.execute("ALTER TABLE events ENABLE TRIGGER USER")
    else:
        install_change_log(bind)
    op.create_index("ix_events_start_key", "events", ["start_key", "id"])


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for sql in history.postgres_triggers(history.IMAGE_V1):
            op.execute(sql)
    else:
        for name in ("history_events_update", "history_events_delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index("ix_events_start_key", "events")
    with op.batch_alter_table("events") as batch:
        for column in ("start_key", "end_cycles", "start_cycles"):
            batch.drop_column(column)
    with op.batch_alter_table("event_history") as batch:
        for column in ("end_cycles", "start_cycles"):
            batch.drop_column(column)
    if bind.dialect.name != "postgresql":
        for sql in history.sqlite_triggers(history.IMAGE_V1):
            op.execute(sql)
