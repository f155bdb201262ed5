"""Issue 11's focus and selection fixes, checked the way a user meets them: real key
presses (QTest) and mouse events on the whole window, each with the status line."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from desktop.services.queries import event_rows
from desktop.ui.timeline import lane_menu


@pytest.fixture
def window(reused_window):
    """These tests only need the seeded workspace: one window for the module."""
    return reused_window


def focus(qtbot, window, widget):
    window.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)
    return widget


def status_of(window) -> dict[int, str]:
    return {r["id"]: r["status"] for r in event_rows(window.ws)}


def message(window) -> str:
    return window.statusBar().currentMessage()


def test_accept_and_reject_name_the_event_in_the_status_bar(qtbot, window):
    view = focus(qtbot, window, window.review.view)
    first = window.event_by_id(window.review.current_id())
    qtbot.keyClick(view, Qt.Key.Key_A)
    assert f"Accepted “{first.title}”" in message(window) and "Ctrl+Z" in message(window)
    second = window.event_by_id(window.review.current_id())
    qtbot.keyClick(view, Qt.Key.Key_R)
    assert f"Rejected “{second.title}”" in message(window)


def test_ctrl_home_in_the_queue_moves_the_selection_so_r_rejects_the_first_row(qtbot, window):
    view = focus(qtbot, window, window.review.view)
    rows = [r.id for r in window.review.model.rows]
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_J)
    assert window.review.selected_ids() == [rows[3]]
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert window.review.selected_ids() == [rows[0]]
    qtbot.keyClick(view, Qt.Key.Key_R)
    status = status_of(window)
    assert status[rows[0]] == "rejected" and status[rows[3]] == "suggested"


def test_after_e_and_enter_the_next_j_moves_in_the_queue(qtbot, window):
    view = focus(qtbot, window, window.review.view)
    rows = [r.id for r in window.review.model.rows]
    qtbot.keyClick(view, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.editor.start)
    qtbot.keyClick(window.editor.start, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)  # not left in the date
    date_text = window.editor.start.text()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_J)
    assert window.review.current_id() == rows[1]
    assert not window.editor.start.text().endswith("j") or date_text.endswith("j")


def test_delete_acts_on_the_focused_pane_and_says_what_went(qtbot, window):
    view = focus(qtbot, window, window.review.view)
    qtbot.keyClick(view, Qt.Key.Key_J)
    victim = window.event_by_id(window.review.current_id())
    others = set(window.model.events) - {victim.id}
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert victim.id not in window.model.events and set(window.model.events) == others
    assert f"Deleted “{victim.title}”" in message(window)
    window.undo_stack.undo()
    assert victim.id in window.model.events


def test_delete_is_refused_in_the_reader(qtbot, window):
    window.select_event(window.review.current_id())  # the reader shows its source
    qtbot.waitUntil(lambda: window.reader.article is not None)
    before = set(window.model.events)
    text = focus(qtbot, window, window.reader.text)
    qtbot.keyClick(text, Qt.Key.Key_Delete)
    assert set(window.model.events) == before and window.undo_stack.count() == 0
    assert "does nothing in the reader" in message(window)


def test_lanes_menu_new_lane_in_the_timeline_toolbar(qtbot, window, monkeypatch):
    monkeypatch.setattr(lane_menu.QInputDialog, "getText",
                        lambda *_a, **_k: ("Diplomacy", True))
    button = window.central.timeline.lanes_button
    button.fill_menu()  # what opening the menu does
    new = next(a for a in button.lanes_menu.actions() if a.text() == "New lane…")
    new.trigger()
    qtbot.waitUntil(lambda: "Diplomacy" in window.model.lane_names(), timeout=5000)
    assert "Diplomacy" in [name for _key, name in button.lanes]
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: "Diplomacy" not in window.model.lane_names(), timeout=5000)


def _mouse(canvas, kind: QEvent.Type, pos: QPointF, buttons: Qt.MouseButton) -> None:
    button = Qt.MouseButton.LeftButton
    event = QMouseEvent(kind, pos, canvas.mapToGlobal(pos), button, buttons,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(canvas, event)


def test_a_drag_to_another_lane_locks_its_axis_and_keeps_the_date(qtbot, window, monkeypatch):
    monkeypatch.setattr(lane_menu.QInputDialog, "getText",
                        lambda *_a, **_k: ("Diplomacy", True))
    timeline = window.central.timeline
    timeline.lanes_button.fill_menu()
    next(a for a in timeline.lanes_button.lanes_menu.actions()
         if a.text() == "New lane…").trigger()
    qtbot.waitUntil(lambda: "Diplomacy" in window.model.lane_names(), timeout=5000)
    canvas = timeline.canvas
    window.central.setCurrentIndex(0)
    timeline.fit_all()
    canvas.repaint()  # hit boxes are laid out by painting: with the new lane's row
    assert any(h.kind == "event" for h in canvas.hits)
    hit = next(h for h in canvas.hits if h.kind == "event")
    event = window.event_by_id(hit.key)
    rows = canvas.rows()
    target = next(r for r in rows if r.lane != hit.lane)
    start = QPointF((hit.x0 + hit.x1) / 2, (hit.y0 + hit.y1) / 2)
    end_y = target.y0 + target.height / 2
    held = Qt.MouseButton.LeftButton
    _mouse(canvas, QEvent.Type.MouseButtonPress, start, held)
    step = 1 if end_y > start.y() else -1
    _mouse(canvas, QEvent.Type.MouseMove, QPointF(start.x(), start.y() + 8 * step), held)
    # the pointer drifts sideways on the way (a hand is never exact)
    _mouse(canvas, QEvent.Type.MouseMove, QPointF(start.x() + 3, end_y), held)
    _mouse(canvas, QEvent.Type.MouseButtonRelease, QPointF(start.x() + 3, end_y),
           Qt.MouseButton.NoButton)
    moved = window.event_by_id(event.id)
    assert moved.start == event.start, "a lane drag must not re-date the event"
    assert moved.lane != event.lane and window.undo_stack.text(
        window.undo_stack.index() - 1).startswith("Move")
