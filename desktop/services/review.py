"""Review decisions on events: accept, reject, reopen."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session

from desktop.store import Event, Workspace
from desktop.store.changes import unit

STATUSES = ("suggested", "accepted", "rejected", "manual")


def set_status(ws: Workspace | Session, event_ids: Iterable[int], status: str) -> list[int]:
    """Set the status of several events in one transaction; returns ids not found."""
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}; use one of {', '.join(STATUSES)}")
    missing = []
    with unit(ws) as session:
        for event_id in event_ids:
            event = session.get(Event, event_id)
            if event is None:
                missing.append(event_id)
            else:
                event.status = status
    return missing
