"""Dates BCE typed in the editor, drawn on the timeline, kept through undo (issue 14).

Before: the editor refused "44 BC" ("dates BCE cannot be stored yet").
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.layout.calendar import days_from_civil
from desktop.layout.day_ticks import day_axis
from desktop.services.library import event_detail


def _type(qtbot, line, text: str) -> None:
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def test_bce_dates_typed_in_the_editor_are_stored_and_drawn(qtbot, window):
    first, second = [e.id for e in window.central.timeline.model.events.values()][:2]
    window.select_event(first)
    _type(qtbot, window.editor.start, "44 BC")
    window.select_event(second)
    _type(qtbot, window.editor.start, "c. 3000 BCE")
    assert event_detail(window.ws, first)["human"] == "44 BCE"
    assert event_detail(window.ws, second)["human"] == "c. 3000 BCE"
    assert "-3000-01-01 … -2998-12-31" in window.editor.start_info.text()
    view = window.central.timeline
    qtbot.waitUntil(lambda: view.model.events[first].days is not None, timeout=5000)
    assert view.model.events[first].span_days() == (days_from_civil(-43, 1, 1),
                                                    days_from_civil(-42, 1, 1))
    view.fit_all()

    def drawn() -> set:
        view.canvas.repaint()
        return {h.key for h in view.canvas.hits if h.kind == "event"}

    view.set_visible_range(float(days_from_civil(-3200, 1, 1)), float(days_from_civil(0, 1, 1)))
    qtbot.waitUntil(lambda: {first, second} <= drawn(), timeout=5000)
    lo, _hi = view.visible_days()
    labels = [t.label for t in day_axis(lo, view.canvas.vp.px_per_day, view.canvas.vp.width).major]
    assert any("BCE" in label for label in labels)
    window.undo_stack.undo()  # the second edit: back to the date it had
    assert event_detail(window.ws, second)["human"] != "c. 3000 BCE"
    window.undo_stack.redo()
    assert event_detail(window.ws, second)["human"] == "c. 3000 BCE"
