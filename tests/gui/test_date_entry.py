"""Typing dates in the editor: numeric dates in the Preferences' order, ranges, uncertain
forms, and errors that are shown whole."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.services.library import event_detail
from desktop.ui.preferences import Preferences, apply_preferences


def edit(qtbot, line, text: str) -> None:
    line.setFocus()
    line.selectAll()
    if text.isascii():
        qtbot.keyClicks(line, text)
    else:  # QTest types ASCII only; an en dash is pasted as a user would
        line.insert(text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def _bounds(when) -> tuple[str, str]:
    first, last = when.iso_bounds()
    return first[:10], last[:10]


@pytest.fixture(params=["DMY", "MDY"])
def order(request, window) -> str:
    apply_preferences(window.ctx, Preferences(date_order=request.param))
    return request.param


def test_numeric_date_follows_the_preferences_order(qtbot, window, order):
    event_id = window.current_event
    edit(qtbot, window.editor.start, "07/09/2018")
    stored = event_detail(window.ws, event_id)["start"]
    assert stored.to_timex() == ("2018-09-07" if order == "DMY" else "2018-07-09")
    assert stored.to_timex() in window.editor.start_info.text()
    assert "07/09/2018" in window.editor.start.toolTip()
    assert ("day first" if order == "DMY" else "month first") in window.editor.start.toolTip()
    # a day over 12 has only one reading, whatever the order
    edit(qtbot, window.editor.start, "25.12.2018")
    assert event_detail(window.ws, event_id)["start"].to_timex() == "2018-12-25"


RANGES = [
    ("3-5 March 2020", ("2020-03-03", "2020-03-03"), ("2020-03-05", "2020-03-05")),
    ("between 3 and 5 March 2020", ("2020-03-03", "2020-03-03"), ("2020-03-05", "2020-03-05")),
    ("March–April 2019", ("2019-03-01", "2019-03-31"), ("2019-04-01", "2019-04-30")),
    ("March 3-5, 2020", ("2020-03-03", "2020-03-03"), ("2020-03-05", "2020-03-05")),
    ("2018–19", ("2018-01-01", "2018-12-31"), ("2019-01-01", "2019-12-31")),
]


def test_a_range_in_the_start_field_sets_start_and_end_in_one_edit(qtbot, window, order):
    event_id = window.current_event
    before = event_detail(window.ws, event_id)
    for text, start, end in RANGES:
        edit(qtbot, window.editor.start, text)
        stored = event_detail(window.ws, event_id)
        assert (_bounds(stored["start"]), _bounds(stored["end"])) == (start, end), text
        assert window.editor.end.text() == stored["end"].human()
        assert window.undo_stack.count() == 1
        window.undo_stack.undo()
        undone = event_detail(window.ws, event_id)
        assert undone["start"] == before["start"] and undone["end"] == before["end"]
        window.undo_stack.clear()


def test_numeric_range_in_both_orders(qtbot, window, order):
    event_id = window.current_event
    edit(qtbot, window.editor.start, "07/09/2018 - 09/09/2018")
    stored = event_detail(window.ws, event_id)
    if order == "DMY":
        assert (stored["start"].to_timex(), stored["end"].to_timex()) == ("2018-09-07",
                                                                          "2018-09-09")
    else:
        assert (stored["start"].to_timex(), stored["end"].to_timex()) == ("2018-07-09",
                                                                          "2018-09-09")


UNCERTAIN = [
    ("2019?", "c. 2019", "2018-01-01", "2020-12-31"),
    ("circa spring 1944", "c. spring 1944", "1943-12-01", "1944-08-31"),
    ("~1950", "c. 1950", "1949-01-01", "1951-12-31"),
    ("sometime in March 2019", "Mar 2019", "2019-03-01", "2019-03-31"),
]


def test_uncertain_forms(qtbot, window, order):
    event_id = window.current_event
    for text, human, first, last in UNCERTAIN:
        edit(qtbot, window.editor.start, text)
        stored = event_detail(window.ws, event_id)["start"]
        assert stored.human() == human and _bounds(stored) == (first, last), text
        assert window.editor.start.text() == human


def test_a_range_ending_before_it_starts_is_refused_with_the_reason(qtbot, window, order):
    event_id = window.current_event
    old = event_detail(window.ws, event_id)
    edit(qtbot, window.editor.start, "5-3 March 2020")
    text = window.editor.start_info.text()
    assert "before it starts" in text and f"Kept {old['human']}" in text
    assert event_detail(window.ws, event_id)["start"] == old["start"]
    assert window.undo_stack.count() == 0


def test_an_end_before_the_start_is_refused(qtbot, window):
    event_id = window.current_event
    edit(qtbot, window.editor.start, "3 March 2020")
    edit(qtbot, window.editor.end, "1 Jan 2001")
    assert "ends before its start" in window.editor.end_info.text()
    assert event_detail(window.ws, event_id)["end"] is None


def test_error_text_is_never_clipped(qtbot, window):
    window.resize(1280, 720)
    edit(qtbot, window.editor.start, "the day after the big storm in the north")
    info = window.editor.start_info
    qtbot.waitUntil(lambda: info.height() > 0)
    assert info.wordWrap() and "cannot read" in info.text()
    assert info.toolTip() == info.text()
    # once laid out, the label is as tall as its wrapped text needs at its width
    qtbot.waitUntil(lambda: info.height() >= info.heightForWidth(info.width()), timeout=3000)
    assert info.heightForWidth(info.width()) > 2 * info.fontMetrics().height()
    assert info.width() <= window.editor.width()


def test_ctrl_n_dates_a_new_event_near_the_selection_or_the_visible_range(qtbot, window):
    from datetime import datetime

    selected = event_detail(window.ws, window.current_event)
    window.central.timeline.set_visible_range(selected["start"].earliest.replace(day=1),
                                              selected["start"].latest)
    window.actions_by_name["new_event"].trigger()
    created = event_detail(window.ws, window.current_event)
    assert created["title"] == "New event" and created["id"] != selected["id"]
    assert created["start"].to_timex() == selected["start"].to_timex()
    # nothing selected: the middle of what the timeline shows, as fine as its width
    window.select_event(None)
    window.central.timeline.set_visible_range(datetime(2019, 3, 1), datetime(2019, 3, 31))
    window.actions_by_name["new_event"].trigger()
    created = event_detail(window.ws, window.current_event)
    assert created["start"].to_timex() == "2019-03-16"
    assert str(created["start"].precision) == "day"


def test_an_error_shown_in_red_is_plain_again_for_the_next_event(qtbot, window):
    info = window.editor.start_info
    plain = info.styleSheet()
    edit(qtbot, window.editor.start, "the day after the big storm in the north")
    assert "cannot read" in info.text() and info.styleSheet() != plain
    other = next(e for e in window.model.events if e != window.current_event)
    window.select_event(other)
    assert "cannot read" not in info.text() and info.styleSheet() == plain
