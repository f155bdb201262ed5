"""The review queue from the keyboard: move, accept, reject, act on a selection."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.services.queries import event_rows


def focus_queue(qtbot, window):
    window.activateWindow()
    window.review.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.review.view)
    return window.review.view


def test_queue_lists_suggestions_with_date_title_quote_confidence(window):
    model = window.review.model
    assert model.rowCount() == len(event_rows(window.ws, "suggested")) > 20
    first = [model.index(0, c).data() for c in range(model.columnCount())]
    assert first[1] and first[2] and first[3] and first[4]
    assert float(first[5]) > 0
    assert "to review" in window.review.count.text()


def test_accept_and_reject_with_keys_while_the_queue_has_focus(queued, qtbot, window):
    view = focus_queue(qtbot, window)
    first, second = (r["id"] for r in queued(window)[:2])
    assert window.review.current_id() == first
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A)
    status = {r["id"]: r["status"] for r in event_rows(window.ws)}
    assert status[first] == "accepted"
    # the cursor moved on to the next suggestion and the queue kept the focus
    assert window.review.current_id() == second
    assert QApplication.focusWidget() is view
    qtbot.keyClick(view, Qt.Key.Key_R)
    status = {r["id"]: r["status"] for r in event_rows(window.ws)}
    assert status[second] == "rejected"
    assert first not in [r["id"] for r in queued(window)]


def test_j_k_move_and_the_reader_follows(queued, qtbot, window):
    view = focus_queue(qtbot, window)
    rows = queued(window)
    qtbot.keyClick(view, Qt.Key.Key_J)
    qtbot.keyClick(view, Qt.Key.Key_J)
    assert window.review.current_id() == rows[2]["id"]
    qtbot.keyClick(view, Qt.Key.Key_K)
    current = rows[1]
    assert window.review.current_id() == current["id"]
    assert window.editor.current["id"] == current["id"]
    citation = current["citations"][0]
    assert window.reader.article["id"] == citation["article_id"]
    assert window.reader.current_span == (citation["start"], citation["end"])
    start, end = window.reader.current_span
    assert window.reader.article["text"][start:end] == citation["quote"]


def test_shift_extends_the_selection_and_a_accepts_all_of_it(queued, qtbot, window):
    view = focus_queue(qtbot, window)
    ids = [r["id"] for r in queued(window)[:3]]
    qtbot.keyClick(view, Qt.Key.Key_J, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view, Qt.Key.Key_J, Qt.KeyboardModifier.ShiftModifier)
    assert window.review.selected_ids() == ids
    qtbot.keyClick(view, Qt.Key.Key_A)
    status = {r["id"]: r["status"] for r in event_rows(window.ws)}
    assert [status[i] for i in ids] == ["accepted"] * 3
    window.undo_stack.undo()
    status = {r["id"]: r["status"] for r in event_rows(window.ws)}
    assert [status[i] for i in ids] == ["suggested"] * 3


def test_e_opens_the_editor_on_the_date(queued, qtbot, window):
    view = focus_queue(qtbot, window)
    qtbot.keyClick(view, Qt.Key.Key_E)
    assert QApplication.focusWidget() is window.editor.start
    assert window.editor.start.text() == queued(window)[0]["human"]


def test_conflicts_are_visible(queued, qtbot, window):
    from desktop.services.editing import CitationSpec, add_citation

    target = queued(window)[0]
    add_citation(window.ws, target["id"], CitationSpec(
        target["citations"][0]["article_id"], 0, 10, "x", value="1999-01-01"))
    window.refresh()  # the change set is read on the task runner
    qtbot.waitUntil(lambda: window.model.events[target["id"]].conflict, timeout=5000)
    row = next(i for i, r in enumerate(queued(window)) if r["id"] == target["id"])
    assert window.review.model.index(row, 0).data() == "⚠"
    assert "Conflict" in window.review.model.index(row, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert "conflicting" in window.review.count.text()


def test_queue_shows_and_filters_how_each_date_was_found(qtbot, window):
    rows = window.review.model.rows
    kinds = {r.anchor for r in rows}
    assert {"phrase", "publication"} <= kinds
    shown = {window.review.model.index(r, 2).data() for r in range(len(rows))}
    assert {"date phrase", "article's date"} <= shown
    combo = window.review.dated_by
    combo.setCurrentIndex(combo.findData("publication"))
    filtered = window.review.model.rows
    assert filtered and all(r.anchor == "publication" for r in filtered)
    assert len(filtered) < len(rows) and "hidden by the filter" in window.review.count.text()
    window.review.select_row(0)
    assert "dated by the article's date" in window.editor.heading.text()
    combo.setCurrentIndex(0)
    assert len(window.review.model.rows) == len(rows)


def test_a_narrow_queue_gives_the_titles_the_dated_by_column(qtbot) -> None:
    from desktop.ui.review import ReviewPanel

    panel = ReviewPanel()
    qtbot.addWidget(panel)
    panel.resize(700, 400)
    panel.show()
    qtbot.waitExposed(panel)
    assert not panel.view.isColumnHidden(2)
    title = panel.view.columnWidth(3)
    panel.resize(320, 400)
    qtbot.wait(10)
    assert panel.view.isColumnHidden(2)
    assert panel.view.columnWidth(3) > title  # the titles take the column's room
    panel.resize(700, 400)
    qtbot.wait(10)
    assert not panel.view.isColumnHidden(2) and panel.view.columnWidth(3) == title
