"""An import's repaints: at most a few a second, each in an event-loop pass of its own.

At 100,000 events an import's deltas arrive several times a second, each applied in one
pass (~10-15 ms of view updates on the UI thread); the repaints they asked for ran in
that same pass: the timeline's frame (~7-25 ms: every dense lane's strip re-binned,
the gutter's counts, the overview), the review queue's and the library's visible cells
(~10 ms: their delegates and `data` in Python). Together, one ~45 ms stall per delta.

During a large delta the views are held instead: the timeline is not asked to repaint
and the item views have their updates disabled. Released by a timer, at most once per
`INTERVAL_MS`, one step per pass (the timeline, then each table) and never between
two slices of a delta (WorkspaceModel hands those out one per pass), a held view
repaints with the data it has by then: stale for that moment only, and the timer always
runs after the last delta, so the final frame is exact. A small change (an edit) repaints
at once, as before, unless it comes while the views are held (then with them).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

INTERVAL_MS = 250  # the longest a burst's frames wait behind the data
LARGE = 32  # records in a delta from which its repaints are held
BUSY_RETRY_MS = 16  # a release that found slices still coming tries a frame later

Step = tuple[Callable[[], None], Callable[[], None]]  # (hold, release)


def held_updates(widget: QWidget) -> Step:
    """A widget whose own updates are off while held (its model's signals repaint it)."""
    return (lambda: widget.setUpdatesEnabled(False), lambda: widget.setUpdatesEnabled(True))


def asked_update(*widgets: QWidget) -> Step:
    """Widgets the caller does not update while held: released, they repaint."""

    def release() -> None:
        for w in widgets:
            w.update()

    return (lambda: None, release)


class BurstRepaint(QObject):
    """Holds the steps' views during large deltas; releases them one per pass."""

    def __init__(self, steps: Sequence[Step], parent: QObject | None = None, *,
                 busy: Callable[[], bool] = lambda: False) -> None:  # fmt: skip
        super().__init__(parent)
        self.steps = list(steps)
        self.busy = busy  # still applying a delta's slices: the release waits for them
        self.held = [False] * len(self.steps)
        self._round = -1e9  # monotonic seconds when the last round of releases began
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._release)

    def wanted(self, size: int) -> bool:
        """Should a delta of `size` records be applied held: large, or in a burst (the
        views held, or released less than `INTERVAL_MS` ago: an import's small slice or
        small file between two large ones, whose frame would share their pass)?"""
        return (size >= LARGE or self.holding
                or time.monotonic() - self._round < INTERVAL_MS / 1000)

    @property
    def holding(self) -> bool:
        return any(self.held)

    def hold(self) -> None:
        """A large delta is about to be applied: hold every view, release them soon."""
        for i, (hold, _release) in enumerate(self.steps):
            if not self.held[i]:
                hold()
                self.held[i] = True
        if not self.timer.isActive():
            wait_ms = (self._round - time.monotonic()) * 1000 + INTERVAL_MS
            self.timer.start(max(int(wait_ms) + 1, 1))

    def _release(self) -> None:
        if self.busy():  # a slice and a repaint in one pass would add up again
            self.timer.start(BUSY_RETRY_MS)
            return
        if self._release_one() and self.holding:
            self.timer.start(1)  # the next view in the next pass

    def _release_one(self) -> bool:
        i = next((i for i, h in enumerate(self.held) if h), None)
        if i is None:
            return False
        if i == 0:
            self._round = time.monotonic()
        self.held[i] = False
        self.steps[i][1]()
        return True
