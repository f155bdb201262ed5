"""The window's central place: the zoomable timeline, with the events table beside it.

The timeline shares the window's undo stack, so a drag on the timeline and an edit
in the editor undo in the order they were made.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTabWidget

from desktop.ui.timeline.binding import WorkspaceTimeline, load_from_workspace
from desktop.ui.timeline.view import TimelineView

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


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
        self.binding: WorkspaceTimeline = load_from_workspace(
            self.timeline, window.ws, window.undo_stack
        )
        self.binding.error.connect(window.report_error)
        self.timeline.selectionChanged.connect(self._selected)
        self.timeline.eventActivated.connect(window.edit_event)
        self._fitted = False

    def _selected(self, ids: list[int]) -> None:
        if ids:
            self.window_.select_event(ids[-1])

    def reload(self) -> None:
        """Follow the window's workspace (it may have been switched) and its edits."""
        if self.binding.ws is not self.window_.ws:
            self.binding.ws = self.window_.ws
            self._fitted = False
        self.binding.reload()
        if not self._fitted and self.timeline.isVisible():
            self.timeline.fit_all()
            self._fitted = True

    def show_event(self, event_id: int | None) -> None:
        self.timeline.select([event_id] if event_id is not None else [])
