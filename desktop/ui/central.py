"""The window's central place: the zoomable timeline, with the events table beside it.

The timeline shares the window's undo stack, so a drag on the timeline and an edit
in the editor undo in the order they were made.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from desktop.ui import timeline_memory
from desktop.ui.actions import WindowActions, on
from desktop.ui.context import WindowContext
from desktop.ui.timeline.binding import WorkspaceTimeline
from desktop.ui.timeline.view import TimelineView
from desktop.ui.workspace_model import WorkspaceModel


class CentralArea(QTabWidget):
    """Timeline first (what analysts think with), the sortable table second."""

    event_selected = Signal(int)  # the timeline's last selected event
    event_activated = Signal(int)  # double-click / Enter on a timeline event

    def __init__(self, ctx: WindowContext, table: QWidget, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("central")
        self.setDocumentMode(True)
        # The timeline's toolbar would otherwise set a wide minimum for the whole window.
        self.setMinimumWidth(240)
        self.timeline = TimelineView()
        self.timeline.setAccessibleName("Timeline")
        self.addTab(self.timeline, "Timeline")
        self.addTab(table, "Events table")
        # Fed from the window's workspace model: drags go through commands whose change
        # sets come back to the model like every other edit's.
        self.binding = WorkspaceTimeline(self.timeline, ctx.ws, ctx.undo_stack,
                                         on_changes=ctx.model.apply)
        self.binding.written = ctx.written_versions
        self.binding.error.connect(ctx.report_error)
        self.timeline.selectionChanged.connect(
            lambda ids: self.event_selected.emit(ids[-1]) if ids else None)
        self.timeline.eventActivated.connect(self.event_activated)
        self._fitted = False
        self.ctx = ctx
        # set while opening restores the range the workspace was left at: the selection
        # the window makes in the same refresh (the queue's first row) must not pan away
        self._keep_range = False

    def remember_view(self) -> None:
        """Keep the grouping and visible range for the next opening of this workspace."""
        if self._fitted:
            timeline_memory.remember(self.ctx.settings, self.binding.ws.location, self.timeline)

    def connect(self, acts: WindowActions) -> None:
        """View > Fit all, Zoom to selection, Group lanes by."""
        on(acts.fit_all, self.timeline.fit_all)
        on(acts.zoom_selection, self.timeline.zoom_to_selection)
        for name, action in acts.groupings.items():
            on(action, lambda g=name: self.timeline.set_grouping(g))
        self.timeline.groupingChanged.connect(
            lambda g: acts.show_checked(acts.groupings, g))
        acts.show_checked(acts.groupings, self.timeline.model.grouping)

    def fill(self, model: WorkspaceModel) -> None:
        """Everything from the model (opening or switching workspaces)."""
        if self.binding.ws is not model.ws:
            self.remember_view()  # the workspace being left
            self.binding.ws = model.ws
            self.binding.on_changes = model.apply
            self._fitted = False
        self.timeline.model.set_events([])  # so the lanes alone do not re-index old events
        self.timeline.set_lanes(model.lanes)
        self.timeline.set_events(list(model.events.values()))
        if not self._fitted and self.timeline.isVisible():
            if timeline_memory.restore(self.ctx.settings, model.ws.location, self.timeline):
                self._keep_range = True
                QTimer.singleShot(0, self._stop_keeping_range)
            else:
                self.timeline.fit_all()
            self._fitted = True

    def _stop_keeping_range(self) -> None:
        self._keep_range = False

    def show_event(self, event_id: int | None) -> None:
        self.timeline.select([event_id] if event_id is not None else [],
                             reveal=not self._keep_range)  # fmt: skip
