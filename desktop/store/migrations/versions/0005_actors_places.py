"""actors and places: named entities with aliases, linked to events

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desktop.store.changes import install_change_log

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # "What did Turkey do?" needs actors on events; "what happened in Saraqeb?" places.
    # Aliases live with the entity (JSON list), so merging "HTS" into "Hay'at Tahrir
    # al-Sham" keeps every spelling findable.
    op.create_table(
        "actors",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(300), nullable=False, unique=True),
        sa.Column("kind", sa.String(16), nullable=False, server_default=""),
        sa.Column("aliases", sa.JSON(), nullable=False, server_default="[]"),
        sa.Column("notes", sa.Text(), nullable=False, server_default=""),
    )
    op.create_table(
        "places",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(300), nullable=False, unique=True),
        sa.Column("aliases", sa.JSON(), nullable=False, server_default="[]"),
        sa.Column("country", sa.String(8)),
        sa.Column("latitude", sa.Float()),
        sa.Column("longitude", sa.Float()),
        sa.Column("notes", sa.Text(), nullable=False, server_default=""),
    )
    op.create_table(
        "event_actors",
        sa.Column("event_id", sa.Integer(), sa.ForeignKey("events.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("actor_id", sa.Integer(), sa.ForeignKey("actors.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("role", sa.String(16), nullable=False, server_default=""),
        sa.Column("position", sa.Integer(), nullable=False, server_default="0"),
    )
    op.create_index("ix_event_actors_actor", "event_actors", ["actor_id"])
    op.create_table(
        "event_places",
        sa.Column("event_id", sa.Integer(), sa.ForeignKey("events.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("place_id", sa.Integer(), sa.ForeignKey("places.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("position", sa.Integer(), nullable=False, server_default="0"),
    )
    op.create_index("ix_event_places_place", "event_places", ["place_id"])
    install_change_log(op.get_bind())  # the new tables are logged like the others


def downgrade() -> None:
    bind = op.get_bind()
    for table in ("event_places", "event_actors", "places", "actors"):
        if bind.dialect.name != "sqlite":  # PostgreSQL drops a table's triggers with it
            op.drop_table(table)
            continue
        names = bind.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (table,)
        ).scalars().all()
        for name in names:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.drop_table(table)
