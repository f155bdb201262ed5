"""Article details…: opened from the library, edits in one undo step, bad URLs refused."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, Qt

from desktop.services.library import store_dump
from desktop.services.queries import article_detail

META = ("title", "outlet", "url", "author", "language", "published", "extraction_error")


def everything(ws) -> tuple:
    """store_dump plus the article fields it leaves out."""
    dump = store_dump(ws)
    details = [article_detail(ws, a["id"]) for a in dump["articles"]]
    return dump, [{k: d[k] for k in META} for d in details]


def library_cells(window, article_id: int) -> tuple[str, str, str]:
    model = window.library.model
    r = next(i for i, row in enumerate(model.rows) if row["id"] == article_id)
    return tuple(model.index(r, c).data() for c in range(3))  # type: ignore[return-value]


def open_by_double_click(qtbot, window):
    view = window.library.view
    index = view.model().index(0, 0)
    article_id = index.data(Qt.ItemDataRole.UserRole)
    where = view.visualRect(index).center()
    # A real double-click starts with a press: Qt's views only emit doubleClicked then.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.waitUntil(lambda: window.library_actions.article_dialog is not None
                    and window.library_actions.article_dialog.isVisible())
    assert window.library_actions.article_dialog.detail["id"] == article_id
    return window.library_actions.article_dialog, article_id


def test_edit_details_from_the_library_then_undo_and_redo_exactly(qtbot, window):
    start = everything(window.ws)
    dialog, aid = open_by_double_click(qtbot, window)
    assert dialog.edits["title"].text() == article_detail(window.ws, aid)["title"]
    dialog.edits["title"].setText("  A better title ")
    dialog.edits["outlet"].setText("The Outlet")
    dialog.edits["url"].setText("https://example.org/story")
    dialog.edits["author"].setText("A. Reporter")
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    dialog.date.setDate(QDate(2019, 2, 3))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    # a new date and language recompute suggestions on the task runner, then stack
    qtbot.waitUntil(lambda: window.undo_stack.count() == 1, timeout=20_000)
    assert "suggestions recomputed" in window.statusBar().currentMessage()
    detail = article_detail(window.ws, aid)
    assert (detail["title"], detail["outlet"], detail["url"], detail["author"],
            detail["language"], detail["published"]) == (
        "A better title", "The Outlet", "https://example.org/story", "A. Reporter", "fr",
        "2019-02-03")
    assert library_cells(window, aid) == ("A better title", "The Outlet", "2019-02-03")
    assert window.undo_stack.count() == 1  # every field, the date too: one step
    end = everything(window.ws)
    window.actions_by_name["undo"].trigger()
    assert everything(window.ws) == start
    assert library_cells(window, aid)[0] == article_detail(window.ws, aid)["title"] != (
        "A better title")
    window.actions_by_name["redo"].trigger()
    assert everything(window.ws) == end
    assert library_cells(window, aid) == ("A better title", "The Outlet", "2019-02-03")


def test_context_menu_and_event_menu_open_it_and_undated_clears_the_date(qtbot, window):
    aid = window.library.model.rows[1]["id"]
    menu = window.library.context_actions(aid)
    assert [a.text() for a in menu.actions()][0] == "Article &details…"
    menu.actions()[0].trigger()
    dialog = window.library_actions.article_dialog
    assert dialog.isVisible() and dialog.detail["id"] == aid
    dialog.reject()
    window.library.select(aid)
    window.actions_by_name["article_details"].trigger()
    dialog = window.library_actions.article_dialog
    assert dialog.detail["id"] == aid and not dialog.undated.isChecked()
    dialog.undated.setChecked(True)
    assert not dialog.date.isEnabled()
    dialog.accept()
    qtbot.waitUntil(lambda: window.undo_stack.count() == 1, timeout=20_000)
    assert article_detail(window.ws, aid)["published"] is None
    assert library_cells(window, aid)[2] == "undated"
    window.undo_stack.undo()
    assert library_cells(window, aid)[2] != "undated"


def test_an_invalid_url_says_why_and_changes_nothing(qtbot, window):
    start = everything(window.ws)
    dialog, _aid = open_by_double_click(qtbot, window)
    dialog.edits["title"].setText("Changed")
    dialog.edits["url"].setText("www.example.org/story")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error.isVisible() and "http:// or https://" in dialog.error.text()
    assert dialog.focusWidget() is dialog.edits["url"]
    assert everything(window.ws) == start and window.undo_stack.count() == 0
    dialog.reject()
    assert everything(window.ws) == start


def test_nothing_changed_makes_no_undo_step(qtbot, window):
    dialog, _aid = open_by_double_click(qtbot, window)
    dialog.accept()
    assert window.undo_stack.count() == 0


def test_reopening_the_workspace_shows_the_edits(qtbot, make_window, seeded_path: Path):
    window = make_window(seeded_path)
    dialog, aid = open_by_double_click(qtbot, window)
    dialog.edits["outlet"].setText("Reopened Outlet")
    dialog.edits["author"].setText("Someone")
    dialog.language.setEditText("de")
    dialog.accept()
    qtbot.waitUntil(lambda: window.undo_stack.count() == 1, timeout=20_000)
    expected = everything(window.ws)
    window.close()
    again = make_window(seeded_path)
    assert everything(again.ws) == expected
    detail = article_detail(again.ws, aid)
    assert (detail["outlet"], detail["author"], detail["language"]) == (
        "Reopened Outlet", "Someone", "de")
    assert library_cells(again, aid)[1] == "Reopened Outlet"
