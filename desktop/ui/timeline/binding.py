"""Wiring a TimelineView to a workspace: load through the service, edit through commands.

The main window can call `load_from_workspace(view, ws, window.undo_stack)`; without a
stack the binding keeps its own, so dragging and undo work in the standalone runner
and in tests before the window integrates the view.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox, QToolButton

from desktop.services import timeline_data as data
from desktop.store import Workspace
from desktop.store.changes import ChangeSet
from desktop.ui.commands import StoreCommand
from desktop.ui.timeline.commands import (
    CreateLaneCommand,
    DeleteLaneCommand,
    MoveEventCommand,
    ReorderLanesCommand,
    UpdateLaneCommand,
    merged_order,
)
from desktop.ui.timeline.controls import plain_menu_button
from desktop.ui.timeline.model import Move
from desktop.ui.timeline.view import TimelineView
from desktop.ui.timeline.view_commands import (
    DeleteViewCommand,
    RenameViewCommand,
    SaveViewCommand,
)


class WorkspaceTimeline(QObject):
    """Keeps one view in step with one workspace."""

    error = Signal(str)

    def __init__(self, view: TimelineView, ws: Workspace, undo_stack: QUndoStack | None = None,
                 statuses: tuple[str, ...] | None = None,
                 on_changes: Callable[[ChangeSet], None] | None = None) -> None:  # fmt: skip
        super().__init__(view)
        self.view, self.ws, self.statuses = view, ws, statuses
        # With a window, its workspace model follows every change set; alone, re-read.
        self.on_changes = on_changes
        self.written: dict[int, int] = {}  # shared with the window's commands (undo checks)
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        view.eventDropped.connect(self.move)
        view.lanesReordered.connect(self._reordered)
        view.laneChanged.connect(self._lane_changed)
        view.laneCreated.connect(self._lane_created)
        view.laneDeleted.connect(self._lane_deleted)
        self.views_button = QToolButton(view)
        plain_menu_button(self.views_button, "Views…")
        self.views_button.setToolTip("Named timelines: their grouping, filters and range")
        self.views_menu = QMenu(self.views_button)
        self.views_menu.aboutToShow.connect(self._fill_views_menu)
        self.views_button.setMenu(self.views_menu)
        view.toolbar.addWidget(self.views_button, label="Views")

    # --- named timelines --------------------------------------------------------------
    def save_view(self, name: str) -> bool:
        """Save what is on screen under `name`: one undoable edit."""
        return self._push(SaveViewCommand(self.ws, name, self.view.view_state(),
                                          self.error.emit))  # fmt: skip

    def open_view(self, name: str) -> bool:
        state = data.load_view(self.ws, name)
        if state is None:
            return False
        self.view.restore_view_state(state)
        return True

    def _fill_views_menu(self) -> None:
        menu = self.views_menu
        menu.clear()
        names = data.view_names(self.ws)
        for name in names:
            menu.addAction(name, lambda n=name: self.open_view(n))
        if not names:
            menu.addAction("No saved views yet").setEnabled(False)
        menu.addSeparator()
        menu.addAction("Save current view as…", self._ask_save)
        for title, slot in (("Rename view", self._ask_rename), ("Delete view", self._ask_delete)):
            sub = menu.addMenu(title)
            sub.setEnabled(bool(names))
            for name in names:
                sub.addAction(f"{name}…", lambda n=name, slot=slot: slot(n))

    def _ask_save(self) -> None:
        name, ok = QInputDialog.getText(self.view, "Save view", "Name of this timeline view:")
        name = " ".join(name.split())
        if not ok or not name:
            return
        if name in data.view_names(self.ws) and QMessageBox.question(
                self.view, "Save view", f"A view named '{name}' exists. Replace it with the "
                "view on screen?", QMessageBox.StandardButton.Yes
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel) != QMessageBox.StandardButton.Yes:  # fmt: skip
            return
        self.save_view(name)

    def rename_view(self, old: str, new: str) -> bool:
        """One undoable edit; a refused name (empty, taken) is reported."""
        return self._push(RenameViewCommand(self.ws, old, new, self.error.emit))

    def delete_view(self, name: str) -> bool:
        return self._push(DeleteViewCommand(self.ws, name, self.error.emit))

    def _ask_rename(self, old: str) -> None:
        new, ok = QInputDialog.getText(self.view, "Rename view", f"New name for '{old}':",
                                       text=old)  # fmt: skip
        if ok and new.strip() and new.strip() != old:
            self.rename_view(old, new)

    def _ask_delete(self, name: str) -> None:
        answer = QMessageBox.question(
            self.view, "Delete view",
            f"Delete the saved view '{name}'? Its events are not touched; Undo brings it back.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)  # fmt: skip
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_view(name)

    def reload(self) -> None:
        """Re-read lanes and events; the visible range and selection are kept."""
        self.view.set_lanes(data.load_lanes(self.ws))
        self.view.set_events(data.load_events(self.ws, self.statuses))

    def reload_lanes(self) -> None:
        """After a lane edit only the lanes changed: no need to re-read every event."""
        self.view.set_lanes(data.load_lanes(self.ws))

    def _lane_hooks(self) -> tuple[Callable[[], None] | None, Callable[[str], None]]:
        return (None if self.on_changes else self.reload_lanes), self.error.emit

    def move(self, move: Move) -> None:
        refresh = None if self.on_changes else self.reload
        self._push(MoveEventCommand(self.ws, move, refresh, self.error.emit))

    def _push(self, command: StoreCommand) -> bool:
        """Apply once, then stack it; a refused edit is reported and nothing is written."""
        if self.on_changes is not None:
            command.on_changes = self.on_changes
        command.written = self.written
        try:
            command.apply()
        except Exception as exc:  # noqa: BLE001 - a refused edit is reported, not raised
            self.error.emit(str(exc))
            self.view.canvas.update()  # the drag's preview goes back to the stored place
            return False
        self.undo_stack.push(command)
        return True

    def _reordered(self, keys: list[Hashable]) -> None:
        if self.view.model.grouping != "lane":
            return
        stored = data.load_lanes(self.ws)
        order = merged_order(stored, [k for k in keys if isinstance(k, int)])
        if order != [lane.id for lane in stored]:
            self._push(ReorderLanesCommand(self.ws, stored, order, *self._lane_hooks()))

    def _lane_created(self, name: str) -> None:
        if name not in {lane.name for lane in data.load_lanes(self.ws)}:
            self._push(CreateLaneCommand(self.ws, name, None, *self._lane_hooks()))

    def _stored_lane(self, key: Hashable) -> Any | None:
        """The stored lane a lane-menu action is about; None (said, if it is gone) when
        the lanes shown are not stored lanes (grouped by tag, or Unassigned)."""
        if self.view.model.grouping != "lane" or not isinstance(key, int):
            return None
        found = next((lane for lane in data.load_lanes(self.ws) if lane.id == key), None)
        if found is None:
            self.error.emit(f"no lane {key}")
        return found

    def _lane_deleted(self, key: Hashable) -> None:
        before = self._stored_lane(key)
        if before is not None:
            self._push(DeleteLaneCommand(self.ws, before, *self._lane_hooks()))

    def _lane_changed(self, key: Hashable, changes: dict[str, Any]) -> None:
        before = self._stored_lane(key)
        if before is None:
            return
        changes = {k: v for k, v in changes.items() if getattr(before, k, v) != v}
        if changes:
            self._push(UpdateLaneCommand(self.ws, before, changes, *self._lane_hooks()))


def load_from_workspace(view: TimelineView, ws: Workspace, undo_stack: QUndoStack | None = None,
                        statuses: tuple[str, ...] | None = None) -> WorkspaceTimeline:  # fmt: skip
    """Fill `view` from `ws` and route its drags and lane edits to the store (standalone:
    the window instead feeds the view from its workspace model)."""
    binding = WorkspaceTimeline(view, ws, undo_stack, statuses)
    binding.reload()
    return binding
