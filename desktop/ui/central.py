"""The window's central place: the zoomable timeline, with the events table beside it.

The timeline shares the window's undo stack, so a drag on the timeline and an edit
in the editor undo in the order they were made.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTabWidget

from desktop.ui.timeline.binding import WorkspaceTimeline
from desktop.ui.timeline.view import TimelineView

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow
    from desktop.ui.workspace_model import WorkspaceModel


class CentralArea(QTabWidget):
    """Timeline first (what analysts think with), the sortable table second."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("central")
        self.setDocumentMode(True)
        # The timeline's toolbar would otherwise set a wide minimum for the whole window.
        self.setMinimumWidth(240)
        self.timeline = TimelineView()
        self.timeline.setAccessibleName("Timeline")
        self.addTab(self.timeline, "Timeline")
        self.addTab(window.table, "Events table")
        # Fed from the window's workspace model: drags go through commands whose change
        # sets come back to the model like every other edit's.
        self.binding = WorkspaceTimeline(self.timeline, window.ws, window.undo_stack,
                                         on_changes=window.model.apply)
        self.binding.written = window.written_versions
        self.binding.error.connect(window.report_error)
        self.timeline.selectionChanged.connect(self._selected)
        self.timeline.eventActivated.connect(window.edit_event)
        self._fitted = False

    def _selected(self, ids: list[int]) -> None:
        if ids:
            self.window_.select_event(ids[-1])

    def fill(self, model: WorkspaceModel) -> None:
        """Everything from the model (opening or switching workspaces)."""
        if self.binding.ws is not model.ws:
            self.binding.ws = model.ws
            self.binding.on_changes = model.apply
            self._fitted = False
        self.timeline.model.set_events([])  # so the lanes alone do not re-index old events
        self.timeline.set_lanes(model.lanes)
        self.timeline.set_events(list(model.events.values()))
        if not self._fitted and self.timeline.isVisible():
            self.timeline.fit_all()
            self._fitted = True

    def show_event(self, event_id: int | None) -> None:
        self.timeline.select([event_id] if event_id is not None else [])
