"""The timeline's grouping and visible range, remembered per workspace in the app's
settings, so reopening a workspace shows what was on screen when it was closed
(named views keep more, and live in the workspace itself)."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from PySide6.QtCore import QSettings

from desktop.services.timeline_data import GROUPINGS
from desktop.store.location import Location
from desktop.ui.timeline.view import TimelineView

GROUP = "timeline-state"


def _key(location: Location) -> str:
    """One settings key per workspace file or URL (a digest: keys cannot hold '/')."""
    where = str(location.path.resolve()) if location.path is not None else str(location)
    return f"{GROUP}/{hashlib.sha1(where.encode()).hexdigest()[:20]}"


def remember(settings: QSettings, location: Location, view: TimelineView) -> None:
    lo, hi = view.visible_days()
    state = {"grouping": view.model.grouping, "range_days": [lo, hi]}
    settings.setValue(_key(location), json.dumps(state))


def recall(settings: QSettings, location: Location) -> dict[str, Any] | None:
    """What `remember` stored, or None if nothing (or nothing readable) was."""
    raw = settings.value(_key(location))
    try:
        state = json.loads(raw) if isinstance(raw, str) else None
        lo, hi = (float(x) for x in state["range_days"])
    except (ValueError, TypeError, KeyError):
        return None
    if state.get("grouping") not in GROUPINGS or not lo < hi:
        return None
    return {"grouping": state["grouping"], "range_days": [lo, hi]}


def restore(settings: QSettings, location: Location, view: TimelineView) -> bool:
    """Show the remembered grouping and range; False if there was none."""
    state = recall(settings, location)
    if state is None:
        return False
    if view.model.grouping != state["grouping"]:
        view.set_grouping(state["grouping"])
    view.set_visible_range(*state["range_days"])
    return True
