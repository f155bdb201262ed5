"""The timeline's right-click menu and the small lane dialogs behind it.

Kept apart from view.py so the widget stays readable; the menu only emits the view's
signals (laneChanged, laneCreated, eventActivated), the binding makes them edits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox, QWidget

from desktop.layout.hits import HitBox
from desktop.ui.theme import pick_colour

if TYPE_CHECKING:
    from desktop.ui.timeline.view import TimelineView


def ask_lane_name(parent: QWidget, title: str, current: str = "") -> str | None:
    """A trimmed new name, or None when cancelled, empty or unchanged."""
    name, ok = QInputDialog.getText(parent, title, "Lane name:", text=current)
    name = name.strip()
    return name if ok and name and name != current else None


def rename_lane(view: TimelineView, lane: int) -> None:
    spec = view.model.lanes[lane]
    name = ask_lane_name(view, "Rename lane", spec.name)
    if name:
        view.laneChanged.emit(spec.key, {"name": name})


def recolour_lane(view: TimelineView, lane: int) -> None:
    spec = view.model.lanes[lane]
    color = pick_colour(view, QColor(spec.color), "Lane colour")
    if color.isValid():
        view.laneChanged.emit(spec.key, {"color": color.name()})


def delete_lane(view: TimelineView, lane: int) -> None:
    """Ask only when the lane holds events (they become unassigned); undoable either way."""
    spec = view.model.lanes[lane]
    count = sum(1 for e in view.model.events.values() if e.lane == spec.key)
    if count:
        answer = QMessageBox.question(
            view, "Delete lane",
            f"Delete the lane '{spec.name}'? Its {count:,} event{'s' if count != 1 else ''} "
            "stay in the workspace, unassigned. Ctrl+Z brings the lane back.")
        if answer != QMessageBox.StandardButton.Yes:
            return
    view.laneDeleted.emit(spec.key)


def neighbour(view: TimelineView, lane: int, step: int) -> int | None:
    """The next stored lane up (-1) or down (+1), skipping "Unassigned" (not a lane)."""
    lanes = view.model.lanes
    target = lane + step
    while 0 <= target < len(lanes) and lanes[target].key is None:
        target += step
    return target if 0 <= target < len(lanes) else None


def move_lane(view: TimelineView, lane: int, step: int) -> None:
    """Move a lane one place up (-1) or down (+1): one undoable reorder."""
    target = neighbour(view, lane, step)
    if target is not None:
        view._lane_moved(lane, target)


def context_menu(view: TimelineView, hit: HitBox | None) -> QMenu:
    """Event actions on an event, lane actions on a lane header, navigation everywhere."""
    menu = QMenu(view)
    lane_grouping = view.model.grouping == "lane"
    if hit is not None and hit.kind == "event":
        eid = hit.key
        if eid not in view.canvas.state.selected:
            view.canvas.set_selection({eid}, notify=True)
        menu.addAction("Edit event…", lambda: view.eventActivated.emit(eid))
        menu.addAction("Zoom to event", view.zoom_to_selection)
        if lane_grouping:
            sub = menu.addMenu("Move to lane")
            for spec in view.model.lanes:
                sub.addAction(spec.name, lambda k=spec.key: view.move_to_lane(eid, k))
    elif hit is not None and hit.kind == "lane":
        lane = hit.key
        spec = view.model.lanes[lane]
        menu.addAction("Expand" if spec.collapsed else "Collapse",
                       lambda: view._lane_toggled(lane))  # fmt: skip
        if spec.key in view.canvas.state.sizes:  # sized by dragging its border
            menu.addAction("Automatic height", lambda: view._lane_resized(lane, None))
        if lane_grouping and spec.key is not None:
            menu.addAction("Rename…", lambda: rename_lane(view, lane))
            menu.addAction("Colour…", lambda: recolour_lane(view, lane))
            menu.addAction("Hide lane", lambda: view.lanes_button.set_lane_shown(spec.key, False))
        if lane_grouping and spec.key is not None:
            up = menu.addAction("Move up", lambda: move_lane(view, lane, -1))
            up.setEnabled(neighbour(view, lane, -1) is not None)
            down = menu.addAction("Move down", lambda: move_lane(view, lane, 1))
            down.setEnabled(neighbour(view, lane, 1) is not None)
            menu.addAction("Delete lane…", lambda: delete_lane(view, lane))
        if lane_grouping:
            menu.addAction("New lane…", view._new_lane)
    menu.addAction("Fit all (F)", view.fit_all)
    if view.canvas.state.selected:
        menu.addAction("Zoom to selection (Z)", view.zoom_to_selection)
    return menu
