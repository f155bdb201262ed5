"""The zoomable timeline widget (see view.py for the API the main window uses)."""

from desktop.services.timeline_data import LaneInfo, TimelineEvent
from desktop.ui.timeline.binding import WorkspaceTimeline, load_from_workspace
from desktop.ui.timeline.commands import (
    CreateLaneCommand,
    MoveEventCommand,
    ReorderLanesCommand,
    UpdateLaneCommand,
)
from desktop.ui.timeline.model import Filters, Move
from desktop.ui.timeline.view import TimelineView

__all__ = [
    "CreateLaneCommand",
    "Filters",
    "LaneInfo",
    "Move",
    "MoveEventCommand",
    "ReorderLanesCommand",
    "TimelineEvent",
    "TimelineView",
    "UpdateLaneCommand",
    "WorkspaceTimeline",
    "load_from_workspace",
]
