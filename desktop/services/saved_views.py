"""Saving over, renaming and deleting named timeline views (opening them is in
timeline_data). Each takes a workspace or the caller's session, so an undoable
command runs it as one unit of work."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.store import Timeline, Workspace
from desktop.store.changes import unit

MAX_NAME = 200  # the column's length


def clean_view_name(name: str) -> str:
    """A view's name as stored: trimmed, not empty, not longer than the column."""
    name = " ".join(name.split())
    if not name:
        raise ValueError("a view needs a name")
    if len(name) > MAX_NAME:
        raise ValueError(f"a view's name is at most {MAX_NAME} characters")
    return name


def rename_view(ws: Workspace | Session, old: str, new: str) -> str:
    """Rename a view; refuses a name another view has. Returns the stored new name."""
    new = clean_view_name(new)
    with unit(ws) as session:
        tl = session.scalar(select(Timeline).where(Timeline.name == old))
        if tl is None:
            raise ValueError(f"there is no view named '{old}'")
        if new != old and session.scalar(select(Timeline.id).where(Timeline.name == new)):
            raise ValueError(f"a view named '{new}' already exists")
        tl.name = new
    return new


def delete_view(ws: Workspace | Session, name: str) -> dict[str, Any]:
    """Delete a view; returns its settings (what an undo puts back)."""
    with unit(ws) as session:
        tl = session.scalar(select(Timeline).where(Timeline.name == name))
        if tl is None:
            raise ValueError(f"there is no view named '{name}'")
        settings = dict(tl.settings or {})
        session.delete(tl)
    return settings


def restore_view(ws: Workspace | Session, name: str, settings: dict[str, Any]) -> None:
    """Put a deleted view back under its name (refused if the name was taken since)."""
    with unit(ws) as session:
        if session.scalar(select(Timeline.id).where(Timeline.name == name)):
            raise ValueError(f"a view named '{name}' already exists")
        session.add(Timeline(name=name, settings=dict(settings)))


def put_view(ws: Workspace | Session, name: str, settings: dict[str, Any]) -> None:
    """Store exactly these settings under `name`, creating the view if needed."""
    name = clean_view_name(name)
    with unit(ws) as session:
        tl = session.scalar(select(Timeline).where(Timeline.name == name))
        if tl is None:
            session.add(Timeline(name=name, settings=dict(settings)))
        else:
            tl.settings = dict(settings)


def view_settings(ws: Workspace | Session, name: str) -> dict[str, Any] | None:
    with unit(ws) as session:
        tl = session.scalar(select(Timeline).where(Timeline.name == name))
        return dict(tl.settings or {}) if tl is not None else None
