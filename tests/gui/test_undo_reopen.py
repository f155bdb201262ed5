"""Undo/redo restores the store exactly; closing and reopening shows what was there."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.services.library import event_detail, store_dump
from desktop.services.queries import article_detail


def a_session_of_edits(queued, qtbot, window) -> None:
    """Accept, reject, edit a date, merge, annotate, create, delete: one of each."""
    rows = queued(window)
    window.event_actions.set_status([rows[0]["id"]], "accepted")
    window.event_actions.set_status([rows[1]["id"], rows[2]["id"]], "rejected")
    window.select_event(rows[3]["id"])
    window.event_actions.edit_fields(rows[3]["id"], {"start": rows[3]["start"]},
                       {"start": window.editor.current["start"].shifted(1)},
                       window.editor.current["version"])
    window.event_actions.merge([rows[4]["id"]], rows[0]["id"])
    article = article_detail(window.ws, rows[5]["citations"][0]["article_id"])
    window.show_article(article["id"])
    window.reader.select_span(0, 60)
    window.event_actions.annotate_selection()
    window.event_actions.new_event()
    window.event_actions.edit_fields(window.current_event, {"title": "New event", "tags": []},
                       {"title": "Something", "tags": ["x"]}, 1)
    window.event_actions.delete_focused()


def test_undo_all_then_redo_all_round_trips_the_store(queued, qtbot, window):
    start = store_dump(window.ws)
    a_session_of_edits(queued, qtbot, window)
    end = store_dump(window.ws)
    assert end != start
    steps = window.undo_stack.count()
    assert steps == 8
    for _ in range(steps):
        window.actions_by_name["undo"].trigger()
    assert store_dump(window.ws) == start
    assert not window.undo_stack.canUndo()
    for _ in range(steps):
        window.actions_by_name["redo"].trigger()
    assert store_dump(window.ws) == end
    # the views follow: the queue no longer lists what was accepted or rejected
    queued = {r["id"] for r in queued(window)}
    assert not queued & {e["id"] for e in end["events"] if e["status"] != "suggested"}


def test_undo_and_redo_use_the_standard_shortcuts(queued, qtbot, window):
    from PySide6.QtGui import QKeySequence

    assert window.actions_by_name["undo"].shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert window.actions_by_name["redo"].shortcut() == QKeySequence(QKeySequence.StandardKey.Redo)
    first = queued(window)[0]["id"]
    window.event_actions.set_status([first], "accepted")
    window.activateWindow()
    window.review.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.review.view)
    qtbot.keyClick(window.review.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert event_detail(window.ws, first)["status"] == "suggested"


def test_reopen_shows_exactly_what_was_there(queued, qtbot, make_window, seeded_path: Path,
                                            settings):
    window = make_window(seeded_path)
    a_session_of_edits(queued, qtbot, window)
    window.resize(700, 500)
    window.docks[0].hide()
    expected = store_dump(window.ws)
    table = [window.table.proxy.index(r, 2).data() for r in range(window.table.proxy.rowCount())]
    window.close()
    again = make_window(seeded_path)
    assert store_dump(again.ws) == expected
    assert [again.table.proxy.index(r, 2).data()
            for r in range(again.table.proxy.rowCount())] == table
    assert again.size().width() == 700 and not again.docks[0].isVisible()
    assert again.windowTitle() == f"Chronologue — {seeded_path.stem}"


def test_set_the_date_of_an_undated_article(qtbot, make_window, workspace_path: Path, seeds_dir):
    from desktop.services.importing import import_paths
    from desktop.store import open_workspace

    ws = open_workspace(workspace_path)
    import_paths(ws, [seeds_dir / "000_c642a9b2882cce44.txt"])  # no manifest: undated
    ws.close()
    window = make_window(workspace_path)
    row = window.library.model.rows[0]
    assert row["undated"] and window.library.model.index(0, 2).data() == "undated"
    window.library.select(row["id"])
    assert window.reader.date_button.isVisible()
    suggested = row["suggested"]
    window.reader.date_button.click()
    dialog = window.library_actions.date_dialog
    from PySide6.QtCore import QDate

    dialog.edit.setDate(QDate(2018, 9, 14))
    dialog.accept()
    qtbot.waitUntil(lambda: window.undo_stack.count() == 1)  # re-extracted off the UI thread
    assert article_detail(window.ws, row["id"])["published"] == "2018-09-14"
    row = window.library.row_for(row["id"])
    assert not row["undated"] and row["suggested"] > suggested
    # "Friday's demonstrations" now resolves to the Friday of publication
    values = {e.date_text() for e in window.events}
    assert "14 Sep 2018" in values
    assert not window.reader.date_button.isVisible()
    window.undo_stack.undo()
    assert window.library.row_for(row["id"])["undated"]
    assert window.library.row_for(row["id"])["suggested"] == suggested
