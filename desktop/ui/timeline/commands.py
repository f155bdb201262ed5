"""Undoable timeline edits: a drag that re-dates and/or re-lanes an event is one command.

Built on the window's StoreCommand, so apply() runs the edit once before the push
(a refused edit never enters the stack) and undo/redo report errors instead of raising.
`refresh` is called after every do and undo so the view shows what is committed.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop.services.timeline_data import move_event
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
        self.refresh = refresh or _noop

    def apply(self) -> None:
        m = self.move
        self._write(m.start, m.end, m.lane, m.version)
        self._applied = True
        self.refresh()

    def _write(self, start, end, lane, version=None) -> None:
        m = self.move
        move_event(
            self.ws, m.event_id,
            start=start if m.date_changed else None,
            end=end if (m.date_changed and m.before_end is not None) else False,
            lane_id=lane if m.lane_changed else False,
            expected_version=version,
        )  # fmt: skip

    def _redo(self) -> None:
        m = self.move
        self._write(m.start, m.end, m.lane)
        self.refresh()

    def _undo(self) -> None:
        m = self.move
        self._write(m.before_start, m.before_end, m.before_lane)
        self.refresh()
