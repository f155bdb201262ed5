"""Merging a suggestion into another event, and editing an event's fields."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.services.library import event_detail, lane_names, store_dump


def test_m_merges_a_suggestion_into_another_event(queued, qtbot, window):
    rows = queued(window)
    source, target = rows[0], rows[1]
    before = store_dump(window.ws)
    window.review.view.setFocus()
    qtbot.keyClick(window.review.view, Qt.Key.Key_M)
    dialog = window.event_actions.merge_dialog
    assert dialog.isVisible()
    assert source["id"] not in [dialog.list.item(i).data(Qt.ItemDataRole.UserRole)
                                for i in range(dialog.list.count())]
    dialog.select_target(target["id"])
    dialog.accept()
    assert event_detail(window.ws, source["id"]) is None
    merged = event_detail(window.ws, target["id"])
    assert len(merged["citations"]) == len(target["citations"]) + len(source["citations"])
    assert source["citations"][0]["id"] in [c["id"] for c in merged["citations"]]
    assert merged["confidence"] == max(source["confidence"], target["confidence"])
    assert window.editor.current["id"] == target["id"]
    window.undo_stack.undo()
    assert store_dump(window.ws) == before
    window.undo_stack.redo()
    assert event_detail(window.ws, source["id"]) is None


def test_cancelled_merge_changes_nothing(queued, qtbot, window):
    before = store_dump(window.ws)
    window.event_actions.ask_merge([queued(window)[0]["id"]])
    window.event_actions.merge_dialog.reject()
    assert store_dump(window.ws) == before and window.undo_stack.count() == 0


def edit(qtbot, line, text: str) -> None:
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def test_edit_a_fuzzy_date(qtbot, window):
    event_id = window.current_event
    edit(qtbot, window.editor.start, "early Sep 2018")
    stored = event_detail(window.ws, event_id)
    assert stored["start"].to_timex() == "2018-09" and str(stored["start"].qualifier) == "early"
    assert window.editor.start.text() == stored["start"].human()
    assert "month precision, early" in window.editor.start_info.text()
    assert "2018-09-01" in window.editor.start_info.text()
    edit(qtbot, window.editor.end, "c. 2019")
    stored = event_detail(window.ws, event_id)
    assert stored["end"].to_timex() == "2019" and str(stored["end"].qualifier) == "circa"


def test_invalid_date_says_why_and_keeps_the_old_value(qtbot, window):
    event_id = window.current_event
    old = event_detail(window.ws, event_id)
    edit(qtbot, window.editor.start, "the day after tomorrowish")
    assert "cannot read" in window.editor.start_info.text()
    assert f"Kept {old['human']}" in window.editor.start_info.text()
    assert event_detail(window.ws, event_id)["start"] == old["start"]
    assert window.undo_stack.count() == 0


def test_title_lane_tags_notes_colour_each_commit_and_undo(qtbot, window):
    event_id = window.current_event
    before = store_dump(window.ws)
    edit(qtbot, window.editor.title, "Assault on Idlib begins")
    edit(qtbot, window.editor.tags, "offensive, idlib")
    window.editor.lane.setFocus()
    window.editor.lane.lineEdit().selectAll()
    qtbot.keyClicks(window.editor.lane.lineEdit(), "Military")
    qtbot.keyClick(window.editor.lane.lineEdit(), Qt.Key.Key_Return)
    window.editor.notes.setFocus()
    qtbot.keyClicks(window.editor.notes, "check the UN report")
    window.editor.title.setFocus()  # leaving the notes field commits them
    window.editor._set_color("#aa3355")
    stored = event_detail(window.ws, event_id)
    assert stored["title"] == "Assault on Idlib begins"
    assert stored["tags"] == ["idlib", "offensive"]
    assert stored["lane"] == "Military"
    assert stored["notes"] == "check the UN report"
    assert stored["color"] == "#aa3355"
    assert window.undo_stack.count() == 5
    # the table shows and filters by lane and tag
    panel = window.table
    panel.lane.setCurrentText("Military")
    assert panel.proxy.rowCount() == 1
    panel.lane.setCurrentIndex(0)
    panel.tag.setCurrentText("idlib")
    assert panel.proxy.rowCount() == 1
    panel.tag.setCurrentIndex(0)
    while window.undo_stack.canUndo():
        window.undo_stack.undo()
    assert store_dump(window.ws) == before
    assert lane_names(window.ws) == []  # the lane the edit created went away too


def test_remove_citation_and_jump_to_source(queued, qtbot, window):
    row = queued(window)[3]
    window.select_event(row["id"])
    window.show_article(window.library.model.rows[0]["id"])
    window.editor.citations.setCurrentRow(0)
    window.editor.jump.click()
    c = row["citations"][0]
    assert window.reader.article["id"] == c["article_id"]
    assert window.reader.current_span == (c["start"], c["end"])
    before = store_dump(window.ws)
    window.editor.remove.click()
    assert event_detail(window.ws, row["id"])["citations"] == []
    window.undo_stack.undo()
    assert store_dump(window.ws) == before


def test_clicking_a_highlight_selects_its_event(queued, qtbot, window):
    row = queued(window)[5]
    c = row["citations"][0]
    window.show_article(c["article_id"])
    mark = window.reader.mark_at(c["start"] + 1)
    assert mark["event_id"] == row["id"]
    view = window.reader.text
    cursor = view.textCursor()
    cursor.setPosition(window.reader.offsets.to_qt(c["start"] + 3))
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    where = view.cursorRect(cursor).center()
    window.select_event(queued(window)[0]["id"], reveal=False)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert window.current_event == row["id"]
    assert window.editor.current["id"] == row["id"]


def test_table_sorts_by_date_and_filters_by_status_and_text(queued, qtbot, window):
    panel = window.table
    proxy = panel.proxy
    dates = [panel.model.record(r).earliest for r in range(proxy.rowCount())]
    assert dates == sorted(dates) and len(dates) == len(window.events)
    panel.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    dates = [panel.model.record(r).earliest for r in range(proxy.rowCount())]
    assert dates == sorted(dates, reverse=True)
    window.event_actions.set_status([queued(window)[0]["id"]], "accepted")
    panel.status.setCurrentText("accepted")
    assert proxy.rowCount() == 1
    panel.status.setCurrentIndex(0)
    qtbot.keyClicks(panel.search, "Erdogan")
    assert 0 < proxy.rowCount() < len(window.events)
    assert QApplication.instance() is not None


def test_date_expressions_are_highlighted_in_the_reader(qtbot, window):
    marks = len(window.reader.marks)
    qtbot.waitUntil(lambda: len(window.reader.mentions) > 0, timeout=10_000)
    text = window.reader.article["text"]
    phrases = {text[s:e].lower() for s, e in window.reader.mentions}
    assert any("september" in p or "friday" in p for p in phrases)
    assert len(window.reader.text.extraSelections()) > marks


def test_a_background_refresh_keeps_what_the_user_is_typing(qtbot, window):
    event_id = window.current_event
    window.activateWindow()
    window.editor.notes.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.editor.notes)
    qtbot.keyClicks(window.editor.notes, "half-written")
    window.refresh()  # what an import in the background does every few hundred ms
    assert window.editor.notes.toPlainText() == "half-written"
    window.editor.title.setFocus()
    assert event_detail(window.ws, event_id)["notes"] == "half-written"


def test_escape_in_the_editor_goes_back_to_the_queue(qtbot, window):
    window.activateWindow()
    window.review.view.setFocus()
    qtbot.keyClick(window.review.view, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.editor.start)
    qtbot.keyClick(window.editor.start, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is window.review.view
