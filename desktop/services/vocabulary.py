"""Lanes and tags as names: created on first use, dropped again when an undo leaves them unused.

Undoing "put this event in a new lane" must leave the workspace as it was, which
means the lane (or tag) the edit created goes away too.
"""

from __future__ import annotations

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session

from desktop.services.editing import ensure_lane
from desktop.store import Event, Lane, Tag, Workspace
from desktop.store.changes import unit
from desktop.store.models import event_tags


def lane_id_for(ws: Workspace | Session, name: str | None) -> int | None:
    """The id of the lane with this name (created if new); None for no lane."""
    name = (name or "").strip()
    return ensure_lane(ws, name) if name else None


def has_lane(ws: Workspace | Session, name: str) -> bool:
    with unit(ws) as session:
        return session.scalar(select(Lane.id).where(Lane.name == name)) is not None


def drop_lane_if_unused(ws: Workspace | Session, name: str) -> bool:
    with unit(ws) as session:
        lane = session.scalar(select(Lane).where(Lane.name == name))
        if lane is None or session.scalar(select(exists().where(Event.lane_id == lane.id))):
            return False
        session.delete(lane)
        return True


def drop_unused_tags(ws: Workspace | Session) -> int:
    with unit(ws) as session:
        used = select(event_tags.c.tag_id)
        return session.execute(delete(Tag).where(Tag.id.not_in(used))).rowcount or 0
