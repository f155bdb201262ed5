"""The timeline widget on the seeds: zoom, fit, drag to re-date and re-lane with undo, selection."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from desktop.layout.calendar import to_days
from desktop.services import timeline_data as data
from desktop.services.editing import read_snapshot
from desktop.temporal import Precision
from desktop.ui.timeline import TimelineView
from desktop.ui.timeline.painter import GUTTER


@pytest.fixture
def shown(lane_view):
    """A view of the seeded workspace, three lanes, bound with its own undo stack."""
    view, binding, stack, _ = lane_view(("Protests", "Military", "Diplomacy"), (1400, 700))
    return view, binding, stack


def day_event(view: TimelineView):
    """A day-precision event without an end."""
    for e in sorted(view.model.events.values(), key=lambda e: e.id):
        if e.start is not None and e.start.precision is Precision.DAY and e.end is None:
            return e
    raise AssertionError("the seeds have day-precision events")


def focus_on(view: TimelineView, e, days_before: float = 10, days_after: float = 20) -> None:
    t = to_days(e.earliest)
    view.set_visible_range(t - days_before, t + days_after)
    view.select([e.id])
    view.canvas.repaint()


def box_of(view: TimelineView, event_id: int):
    for box in view.canvas.hits:
        if box.kind == "event" and box.key == event_id:
            return box
    raise AssertionError(f"event {event_id} is not drawn")


def marker_point(view: TimelineView, event_id: int) -> QPoint:
    t0, t1 = view.model.extents[event_id]
    box = box_of(view, event_id)
    x = view.canvas.vp.x((t0 + t1) / 2) + GUTTER
    return QPoint(round(x), round((box.y0 + box.y1) / 2))


def drag(qtbot, widget, start: QPoint, end: QPoint, steps: int = 6) -> None:
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=start)
    for i in range(1, steps + 1):
        p = start + (end - start) * (i / steps)
        qtbot.mouseMove(widget, QPoint(round(p.x()), round(p.y())))
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=end)


def test_the_view_draws_axis_lanes_labels_and_markers(shown):
    view, _, _ = shown
    view.fit_all()
    image: QImage = view.canvas.grab().toImage()
    assert image.width() > 500
    dark = sum(1 for x in range(0, image.width(), 3) for y in range(0, 44, 2)
               if QColor(image.pixel(x, y)).lightness() < 110)  # fmt: skip
    assert dark > 30, "axis labels were drawn"
    events = [h for h in view.canvas.hits if h.kind == "event"]
    badges = [h for h in view.canvas.hits if h.kind == "cluster"]
    assert events and len(events) + sum(view.canvas.painter.clusters[b.key].count
                                        for b in badges) == len(view.model.lane_of)
    assert [lane.name for lane in view.model.lanes][:3] == ["Protests", "Military", "Diplomacy"]


def test_wheel_zooms_about_the_cursor(shown, qtbot):
    view, _, _ = shown
    c = view.canvas
    view.fit_all()
    x = 500.0
    before = c.vp.days_at(x - GUTTER)
    span = c.vp.span
    qtbot.wait(1)
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent

    ev = QWheelEvent(QPointF(x, 200), c.mapToGlobal(QPointF(x, 200)), QPoint(0, 0), QPoint(0, 240),
                     Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                     Qt.ScrollPhase.NoScrollPhase, False)  # fmt: skip
    QApplication.sendEvent(c, ev)
    assert c.vp.span < span / 1.3
    assert c.vp.days_at(x - GUTTER) == pytest.approx(before, abs=1e-6 * span)


def test_keys_fit_zoom_and_zoom_to_selection(shown, qtbot):
    view, _, _ = shown
    c = view.canvas
    lo, hi = view.model.extent()
    qtbot.keyClick(c, Qt.Key.Key_Plus)
    qtbot.keyClick(c, Qt.Key.Key_Plus)
    qtbot.keyClick(c, Qt.Key.Key_F)
    assert c.vp.left <= lo and c.vp.right >= hi
    e = day_event(view)
    view.select([e.id])
    qtbot.keyClick(c, Qt.Key.Key_Z)
    assert c.vp.span < 3
    t0, t1 = view.model.extents[e.id]
    assert c.vp.left <= t0 and t1 <= c.vp.right
    # zooming with + keeps the selection in view
    for _ in range(5):
        qtbot.keyClick(c, Qt.Key.Key_Minus)
    for _ in range(8):
        qtbot.keyClick(c, Qt.Key.Key_Plus)
    assert c.vp.span < t1 - t0  # zoomed in past the day, and still on it
    assert c.vp.left <= (t0 + t1) / 2 <= c.vp.right
    vis_lo, vis_hi = view.visible_range()
    assert vis_lo <= e.earliest + (e.latest - e.earliest) / 2 <= vis_hi


def test_drag_redates_snapped_to_the_day_and_undo_restores(shown, qtbot, ws):
    view, _, stack = shown
    e = day_event(view)
    focus_on(view, e)
    moved_signals = []
    view.eventMoved.connect(lambda i, when: moved_signals.append((i, when)))
    start = marker_point(view, e.id)
    px_per_day = view.canvas.vp.px_per_day
    drag(qtbot, view.canvas, start, start + QPoint(round(3.3 * px_per_day), 0))
    after = read_snapshot(ws, e.id).start
    assert after.earliest == e.start.earliest + timedelta(days=3)
    assert after.precision is Precision.DAY and after.earliest.hour == 0
    assert moved_signals and moved_signals[0][0] == e.id
    assert stack.count() == 1
    assert view.model.events[e.id].earliest == after.earliest  # the view was refreshed
    stack.undo()
    assert read_snapshot(ws, e.id).start == e.start
    stack.redo()
    assert read_snapshot(ws, e.id).start == after


def test_drag_to_another_lane_moves_it_and_undo_puts_it_back(shown, qtbot, ws):
    view, _, stack = shown
    e = day_event(view)
    focus_on(view, e)
    start = marker_point(view, e.id)
    rows = view.canvas.rows()
    here = view.model.lane_of[e.id]
    target = next(r for r in rows if r.lane != here)
    lanes = []
    view.eventLaneChanged.connect(lambda i, lane: lanes.append((i, lane)))
    drag(qtbot, view.canvas, start, QPoint(start.x(), round(target.y0 + target.height / 2)))
    new_lane = view.model.lanes[target.lane].key
    assert read_snapshot(ws, e.id).fields["lane_id"] == new_lane
    assert read_snapshot(ws, e.id).start == e.start  # a vertical drag keeps the date
    assert lanes == [(e.id, new_lane)]
    stack.undo()
    assert read_snapshot(ws, e.id).fields["lane_id"] == e.lane


def test_lane_reorder_by_dragging_its_name(shown, qtbot, ws):
    view, _, _ = shown
    rows = view.canvas.rows()
    first, last = rows[0], rows[-1]
    orders = []
    view.lanesReordered.connect(orders.append)
    drag(qtbot, view.canvas, QPoint(60, round(first.y0 + 10)),
         QPoint(60, round(last.y0 + last.height - 2)))  # fmt: skip
    assert orders, "the lane was dropped somewhere new"
    names = [lane.name for lane in data.load_lanes(ws)]
    assert names[-1] == "Protests"
    assert [s.name for s in view.model.lanes][-1] == "Protests"


def test_selection_by_click_ctrl_click_band_and_from_outside(shown, qtbot):
    view, _, _ = shown
    c = view.canvas
    view.fit_all()
    c.repaint()
    events = [h for h in c.hits if h.kind == "event"]
    assert len(events) >= 3
    emitted = []
    view.selectionChanged.connect(emitted.append)
    a, b = events[0], events[1]
    qtbot.mouseClick(c, Qt.MouseButton.LeftButton, pos=QPoint(round(a.x1 - 3), round(a.y0 + 10)))
    assert emitted[-1] == [a.key]
    qtbot.mouseClick(c, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                     QPoint(round(b.x1 - 3), round(b.y0 + 10)))  # fmt: skip
    assert set(emitted[-1]) == {a.key, b.key}
    qtbot.keyClick(c, Qt.Key.Key_Escape)
    assert emitted[-1] == []
    # a Shift+drag band over the whole plot selects everything drawn
    qtbot.mousePress(c, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier,
                     QPoint(round(GUTTER + 2), 50))  # fmt: skip
    for x in (400, 900, c.width() - 2):
        qtbot.mouseMove(c, QPoint(x, c.height() - 2))
    qtbot.mouseRelease(c, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier,
                       QPoint(c.width() - 2, c.height() - 2))  # fmt: skip
    assert set(emitted[-1]) == {h.key for h in events}
    count = len(emitted)
    view.select([a.key])  # from the editor or a table: no echo back
    assert view.selected_ids() == [a.key] and len(emitted) == count


def test_clicking_a_badge_zooms_into_its_events(shown, qtbot):
    view, _, _ = shown
    c = view.canvas
    view.fit_all()
    view.canvas.vp = view.canvas.vp.zoomed(0.05)
    c.repaint()
    badges = [h for h in c.hits if h.kind == "cluster"]
    assert badges, "zoomed far out, the events gather into badges"
    span = c.vp.span
    b = badges[0]
    qtbot.mouseClick(c, Qt.MouseButton.LeftButton,
                     pos=QPoint(round((b.x0 + b.x1) / 2), round((b.y0 + b.y1) / 2)))  # fmt: skip
    assert c.vp.span < span / 5


def test_filters_and_grouping_change_the_lanes(shown):
    view, _, _ = shown
    total = len(view.model.lane_of)
    view.search.setText("Idlib")
    assert 0 < len(view.model.lane_of) < total
    view.search.setText("")
    view.set_grouping("outlet")
    assert {lane.name for lane in view.model.lanes} >= {"Al Jazeera"} or len(view.model.lanes) > 1
    view.set_grouping("lane")
    assert len(view.model.lane_of) == total


def test_tooltip_gives_date_title_and_quote(shown):
    view, _, _ = shown
    e = day_event(view)
    focus_on(view, e)
    text = view.canvas.tooltip_for(box_of(view, e.id))
    assert e.start.human() in text and "“" in text


def test_standalone_runner_grabs_a_picture(seeded_path: Path, tmp_path: Path):
    import os
    import subprocess
    import sys

    out = tmp_path / "t.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run([sys.executable, "-m", "desktop.ui.timeline", str(seeded_path), "--grab",
                    str(out), "--size", "900x500"], check=True, env=env, timeout=60)  # fmt: skip
    image = QImage(str(out))
    assert image.width() == 900


def test_clicking_the_triangle_collapses_a_lane_and_saves_it(shown, qtbot, ws):
    view, _, _ = shown
    first = view.canvas.rows()[0]
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton,
                     pos=QPoint(12, round(first.y0 + 14)))  # fmt: skip
    assert view.model.lanes[0].collapsed
    assert view.canvas.rows()[0].rows == 1
    assert data.load_lanes(ws)[0].collapsed
    view.canvas.repaint()
    row = view.canvas.rows()[0]
    mine = [h for h in view.canvas.hits if h.lane == 0]
    assert mine and all(row.y0 <= h.y0 and h.y1 <= row.y0 + row.height for h in mine)
    # one row: badges for crowds, lone events as bare markers (no label beside them)
    vp = view.canvas.vp
    for h in mine:
        if h.kind == "event":
            t0, t1 = view.model.extents[h.key]
            assert h.x1 - h.x0 <= max((t1 - t0) * vp.px_per_day, 10) + 1
    assert all(view.canvas.painter.clusters[h.key].count > 1 for h in mine if h.kind == "cluster")


def test_bce_events_and_ghosted_conflicting_ones_are_drawn(qtbot):
    from datetime import datetime

    from desktop.layout.calendar import days_from_civil
    from desktop.services.timeline_data import LaneInfo, TimelineEvent

    ides = float(days_from_civil(-43, 3, 15))
    events = [
        TimelineEvent(1, "Assassination of Julius Caesar", 1, datetime(1, 1, 1), datetime(1, 1, 1),
                      days=(ides, ides + 1)),
        TimelineEvent(2, "Battle of Actium", 1, datetime(1, 1, 1), datetime(1, 1, 1),
                      days=(float(days_from_civil(-30, 9, 2)), float(days_from_civil(-30, 9, 3))),
                      status="suggested", conflict=True),
    ]  # fmt: skip
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(1000, 500)
    view.set_lanes([LaneInfo(1, "Rome")])
    view.set_events(events)
    view.show()
    qtbot.waitExposed(view)

    def drawn() -> set:
        view.canvas.repaint()
        return {h.key for h in view.canvas.hits if h.kind == "event"}

    qtbot.waitUntil(lambda: drawn() == {1, 2}, timeout=3000)
    lo, hi = view.visible_days()
    assert lo < ides < hi
    assert view.visible_range()[0] == datetime(1, 1, 1)  # clamped: datetime has no BCE
    from desktop.layout.day_ticks import day_axis

    labels = [t.label for t in day_axis(lo, view.canvas.vp.px_per_day, view.canvas.vp.width).major]
    assert any("BCE" in label for label in labels)


def test_view_state_round_trips_for_named_timelines(shown, ws):
    view, _, _ = shown
    e = day_event(view)
    focus_on(view, e)
    view.search.setText("Idlib")
    state = view.view_state()
    data.save_view(ws, "Idlib only", state)
    view.search.setText("")
    view.fit_all()
    view.restore_view_state(data.load_view(ws, "Idlib only"))
    assert view.search.text() == "Idlib"
    assert view.visible_days() == pytest.approx(tuple(state["range_days"]))


def test_pan_by_dragging_arrow_keys_scroll_bar_and_minimap(shown, qtbot):
    view, _, _ = shown
    c = view.canvas
    view.fit_all()
    c.vp = c.vp.zoomed(8.0)
    c.repaint()
    left = c.vp.left
    drag(qtbot, c, QPoint(700, c.height() - 10), QPoint(500, c.height() - 10))
    assert c.vp.left == pytest.approx(left + 200 / c.vp.px_per_day)
    left = c.vp.left
    qtbot.keyClick(c, Qt.Key.Key_Right)
    assert c.vp.left > left
    left = c.vp.left
    view.hbar.setValue(view.hbar.value() - view.hbar.pageStep())
    assert c.vp.left < left
    lo, hi = view.model.extent()
    qtbot.mouseClick(view.minimap, Qt.MouseButton.LeftButton,
                     pos=QPoint(view.minimap.width() - 3, 10))  # fmt: skip
    assert c.vp.right > hi - (hi - lo) * 0.05


def test_double_click_activates_an_event(shown, qtbot):
    view, _, _ = shown
    e = day_event(view)
    focus_on(view, e)
    activated = []
    view.eventActivated.connect(activated.append)
    qtbot.mouseDClick(view.canvas, Qt.MouseButton.LeftButton, pos=marker_point(view, e.id))
    assert activated == [e.id]


def test_named_views_are_saved_and_opened_through_the_binding(shown):
    view, binding, _ = shown
    view.set_grouping("outlet")
    binding.save_view("By outlet")
    view.set_grouping("lane")
    assert binding.open_view("By outlet")
    assert view.model.grouping == "outlet"
    assert not binding.open_view("missing")


def test_context_menus_offer_event_and_lane_actions(shown, ws):
    from desktop.layout.hits import HitBox

    view, _, _ = shown
    e = day_event(view)
    focus_on(view, e)
    view._context_menu(QPoint(100, 100), box_of(view, e.id))
    texts = [a.text() for a in view._menu.actions()]
    assert "Edit event…" in texts and "Move to lane" in texts and "Fit all (F)" in texts
    view._menu.close()
    view._context_menu(QPoint(100, 100), HitBox("lane", 0, 0, 0, 0, 0, 0))
    texts = [a.text() for a in view._menu.actions()]
    assert {"Collapse", "Rename…", "Colour…", "New lane…"} <= set(texts)
    view._menu.close()
    # the signals behind the dialogs reach the store through the binding
    view.laneCreated.emit("Humanitarian")
    assert "Humanitarian" in [lane.name for lane in data.load_lanes(ws)]
    key = view.model.lanes[0].key
    view.laneChanged.emit(key, {"name": "Street protests", "color": "#aa3300"})
    assert view.model.lanes[0].name == "Street protests"
    assert view.model.lanes[0].color == "#aa3300"
    lane = next(lane for lane in view.model.lanes if lane.name == "Diplomacy")
    view.move_to_lane(e.id, lane.key)
    assert read_snapshot(ws, e.id).fields["lane_id"] == lane.key


def test_pinch_zooms(shown):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QNativeGestureEvent, QPointingDevice

    view, _, _ = shown
    c = view.canvas
    view.fit_all()
    span = c.vp.span
    at = QPointF(600, 200)
    ev = QNativeGestureEvent(Qt.NativeGestureType.ZoomNativeGesture,
                             QPointingDevice.primaryPointingDevice(), 2, at, at, at, 0.5,
                             QPointF(0, 0), 0)  # fmt: skip
    QApplication.sendEvent(c, ev)
    assert c.vp.span == pytest.approx(span / 1.5)
