"""An import's large deltas repaint the views a few times a second, one view per
event-loop pass, and always once more after the last delta."""

from __future__ import annotations

import time
from dataclasses import replace

from PySide6.QtWidgets import QApplication, QWidget

from desktop.ui import burst
from desktop.ui.burst import BurstRepaint, asked_update, held_updates
from desktop.ui.workspace_model import EventDelta


class Painted(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def paintEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        self.paints += 1


def test_held_views_are_released_one_per_pass_then_not_again_before_the_interval(
        qtbot) -> None:
    canvas, table = Painted(), Painted()
    for w in (canvas, table):
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
    released: list[tuple[str, float]] = []
    steps = [asked_update(canvas), held_updates(table),
             (lambda: None, lambda: released.append(("last", time.monotonic())))]
    repaint = BurstRepaint(steps)
    repaint.hold()
    assert repaint.holding and not table.updatesEnabled()
    QApplication.processEvents()  # a pass: nothing is released in the delta's own pass
    assert not table.updatesEnabled()
    qtbot.waitUntil(lambda: not repaint.holding, timeout=2000)
    assert table.updatesEnabled() and released
    round_at = released[-1][1]
    canvas.paints = 0
    repaint.hold()  # the next delta right after a round waits for the interval
    qtbot.waitUntil(lambda: not repaint.holding, timeout=2000)
    assert released[-1][1] - round_at >= burst.INTERVAL_MS / 1000 * 0.9
    qtbot.waitUntil(lambda: canvas.paints > 0, timeout=2000)


def test_a_step_released_in_its_own_pass(qtbot) -> None:
    order: list[str] = []
    steps = [(lambda: None, lambda n=name: order.append(n)) for name in ("a", "b", "c")]
    repaint = BurstRepaint(steps)
    repaint.hold()
    assert repaint.timer.isActive() and order == []
    repaint.timer.stop()
    repaint.timer.timeout.emit()  # the timer fires: one step, the next by a timer again
    assert order == ["a"] and repaint.holding and repaint.timer.isActive()
    qtbot.waitUntil(lambda: order == ["a", "b", "c"], timeout=2000)
    assert not repaint.holding and not repaint.timer.isActive()


def test_a_large_delta_holds_the_window_views_and_ends_shown(qtbot, window) -> None:
    records = [replace(e, title=f"Renamed {e.id}") for e in window.model.events.values()]
    assert len(records) >= burst.LARGE
    view = window.review.view
    window.model.events.update({e.id: e for e in records})
    window._events_changed(EventDelta(records={e.id: e for e in records}))
    assert window.burst.holding and not view.updatesEnabled()
    timeline = window.central.timeline.model
    assert all(timeline.events[e.id].title == e.title for e in records
               if e.id in timeline.events)  # the data is there at once; only paints wait
    qtbot.waitUntil(lambda: not window.burst.holding, timeout=3000)
    assert view.updatesEnabled() and window.table.view.updatesEnabled()
    small = {e.id: e for e in records[:1]}
    window._events_changed(EventDelta(records=small))  # right after the burst's frames
    assert window.burst.holding  # its frame would share a pass with the burst's: held
    qtbot.waitUntil(lambda: not window.burst.holding, timeout=3000)
    qtbot.wait(burst.INTERVAL_MS + 50)
    window._events_changed(EventDelta(records=small))
    assert not window.burst.holding  # an edit after the burst repaints at once


def test_a_small_delta_between_two_large_ones_stays_held(qtbot, window) -> None:
    records = list(window.model.events.values())
    window._events_changed(EventDelta(records={e.id: e for e in records}))
    assert window.burst.holding
    window._events_changed(EventDelta(records={records[0].id: records[0]}))
    assert window.burst.holding and not window.review.view.updatesEnabled()
    qtbot.waitUntil(lambda: not window.burst.holding, timeout=3000)


def test_no_release_while_a_delta_is_still_being_sliced(qtbot) -> None:
    order: list[str] = []
    slicing = [True]
    repaint = BurstRepaint([(lambda: None, lambda: order.append("canvas"))],
                           busy=lambda: slicing[0])
    repaint.hold()
    repaint.timer.stop()
    repaint.timer.timeout.emit()  # the timer fires between two slices: it waits
    assert order == [] and repaint.holding and repaint.timer.isActive()
    slicing[0] = False
    qtbot.waitUntil(lambda: order == ["canvas"], timeout=2000)
    assert not repaint.holding


def test_the_overview_repaints_for_a_new_viewport_only(qtbot, window) -> None:
    minimap = window.central.timeline.minimap
    vp = window.central.timeline.canvas.vp
    minimap.set_viewport(vp)
    qtbot.wait(50)
    updates: list[int] = []
    real = minimap.update
    minimap.update = lambda *a: updates.append(1) or real(*a)
    minimap.set_viewport(vp)  # an import's slice re-syncing the bars: same viewport
    assert updates == []
    minimap.set_viewport(vp.centred_on(vp.left))
    assert updates == [1]
