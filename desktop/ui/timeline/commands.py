"""Undoable timeline edits: a drag that re-dates and/or re-lanes an event is one command,
and so is each lane edit (create, rename, recolour, reorder, collapse, resize, delete).

Built on the window's StoreCommand, so apply() runs the edit once before the push
(a refused edit never enters the stack) and undo/redo report errors instead of raising.
Each do and undo is one unit of work whose change set goes to `on_changes`; `refresh`
(optional) runs after it, for a view that has no workspace model to follow.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop.services.timeline_data import (
    LaneInfo,
    create_lane,
    delete_lane,
    lane_event_ids,
    load_lanes,
    move_event,
    reorder_lanes,
    restore_lane,
    set_lane_positions,
    update_lane,
)
from desktop.store import Workspace
from desktop.ui.commands import ErrorSink, StoreCommand
from desktop.ui.timeline.model import Move


def _noop() -> None:
    pass


class MoveEventCommand(StoreCommand):
    """Re-date (snapped) and/or move to another lane; undo restores both."""

    def __init__(self, ws: Workspace, move: Move, refresh: Callable[[], None] | None = None,
                 on_error: ErrorSink | None = None) -> None:  # fmt: skip
        what = []
        if move.date_changed and move.start is not None:
            what.append(f"to {move.start.human()}")
        if move.lane_changed:
            what.append("to another lane")
        super().__init__(ws, "Move event " + " and ".join(what or ["event"]), on_error)
        self.move = move
        self.focus_event = move.event_id
        self.version = move.version  # the first write is checked against what the user saw
        self.refresh = refresh or _noop

    def _write(self, start, end, lane) -> None:
        m = self.move
        if self.version is None:  # undo/redo: refused if someone else changed it since
            self._check([m.event_id])
        move_event(
            self.db, m.event_id,
            start=start if m.date_changed else None,
            end=end if (m.date_changed and m.before_end is not None) else False,
            lane_id=lane if m.lane_changed else False,
            expected_version=self.version,
        )  # fmt: skip
        self.version = None
        self._wrote([m.event_id])

    def _unit(self, step: Callable[[], None]) -> None:
        super()._unit(step)
        self.refresh()

    def _redo(self) -> None:
        m = self.move
        self._write(m.start, m.end, m.lane)

    def _undo(self) -> None:
        m = self.move
        self._write(m.before_start, m.before_end, m.before_lane)


class LaneCommand(StoreCommand):
    """Base for lane edits: `refresh` after every do and undo, like a move."""

    def __init__(self, ws: Workspace, text: str, refresh: Callable[[], None] | None = None,
                 on_error: ErrorSink | None = None) -> None:  # fmt: skip
        super().__init__(ws, text, on_error)
        self.refresh = refresh or _noop

    def _unit(self, step: Callable[[], None]) -> None:
        super()._unit(step)
        self.refresh()

    def _redo(self) -> None:
        self._do()

    def _undo(self) -> None:
        self._revert()

    def _do(self) -> None:
        raise NotImplementedError

    def _revert(self) -> None:
        raise NotImplementedError


class UpdateLaneCommand(LaneCommand):
    """Rename, recolour or (un)collapse; undo writes back the exact earlier values."""

    def __init__(self, ws: Workspace, before: LaneInfo, changes: dict[str, Any],
                 refresh: Callable[[], None] | None = None,
                 on_error: ErrorSink | None = None) -> None:  # fmt: skip
        if set(changes) == {"collapsed"}:
            text = f"{'Collapse' if changes['collapsed'] else 'Expand'} lane {before.name}"
        elif set(changes) == {"height"}:
            text = f"Resize lane {before.name}"
        elif "name" in changes:
            text = f"Rename lane {before.name} to {changes['name']}"
        else:
            text = f"Recolour lane {before.name}"
        super().__init__(ws, text, refresh, on_error)
        self.lane_id = before.id
        self.after = dict(changes)
        self.before = {k: getattr(before, k) for k in changes}

    def _do(self) -> None:
        update_lane(self.db, self.lane_id, **self.after)

    def _revert(self) -> None:
        update_lane(self.db, self.lane_id, **self.before)


class ReorderLanesCommand(LaneCommand):
    """A new lane order; undo restores every lane's exact earlier position."""

    def __init__(self, ws: Workspace, before: list[LaneInfo], order: list[int],
                 refresh: Callable[[], None] | None = None,
                 on_error: ErrorSink | None = None) -> None:  # fmt: skip
        super().__init__(ws, "Reorder lanes", refresh, on_error)
        self.before = {lane.id: lane.position for lane in before if lane.id is not None}
        self.order = list(order)

    def _do(self) -> None:
        reorder_lanes(self.db, self.order)

    def _revert(self) -> None:
        set_lane_positions(self.db, self.before)


class CreateLaneCommand(LaneCommand):
    """A new lane; undo deletes it, redo brings it back with the same id and position."""

    def __init__(self, ws: Workspace, name: str, color: str | None = None,
                 refresh: Callable[[], None] | None = None,
                 on_error: ErrorSink | None = None) -> None:  # fmt: skip
        super().__init__(ws, f"New lane {name}", refresh, on_error)
        self.name, self.color = name, color
        self.lane_id: int | None = None
        self.position: int | None = None

    def _do(self) -> None:
        self.lane_id = create_lane(self.db, self.name, self.color, lane_id=self.lane_id,
                                   position=self.position)  # fmt: skip
        if self.position is None:
            self.position = next(lane.position for lane in load_lanes(self.db)
                                 if lane.id == self.lane_id)  # fmt: skip

    def _revert(self) -> None:
        if self.lane_id is not None:
            delete_lane(self.db, self.lane_id)


class DeleteLaneCommand(LaneCommand):
    """Delete a lane; its events become unassigned. Undo brings the lane back as it was
    (same id, position, colour, height) with exactly the events it held."""

    def __init__(self, ws: Workspace, before: LaneInfo,
                 refresh: Callable[[], None] | None = None,
                 on_error: ErrorSink | None = None) -> None:  # fmt: skip
        super().__init__(ws, f"Delete lane {before.name}", refresh, on_error)
        self.before = before
        self.event_ids: list[int] = []

    def _do(self) -> None:
        assert self.before.id is not None
        self.event_ids = lane_event_ids(self.db, self.before.id)
        delete_lane(self.db, self.before.id)

    def _revert(self) -> None:
        restore_lane(self.db, self.before, self.event_ids)


def merged_order(stored: list[LaneInfo], shown: list[int]) -> list[int]:
    """The full lane order after the shown lanes were reordered among themselves.

    Hidden lanes keep their slots, so reordering with some lanes hidden does not
    push them to the end.
    """
    known = {lane.id for lane in stored}
    shown_known = [k for k in shown if k in known]
    moved, visible = iter(shown_known), set(shown_known)
    return [next(moved) if lane.id in visible else lane.id  # type: ignore[misc]
            for lane in stored if lane.id is not None]  # fmt: skip
