"""Managing the library in the window: delete (Delete key, undo), body search, dating many."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from desktop.services.library import store_dump


def visible_ids(window) -> list[int]:
    proxy = window.library.proxy
    return [proxy.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(proxy.rowCount())]


def select_rows(window, rows: list[int]) -> list[int]:
    view = window.library.view
    view.setCurrentIndex(view.model().index(rows[0], 0))  # what a click does
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for r in rows[1:]:  # what Ctrl+click does
        view.selectionModel().select(view.model().index(r, 0), flags)
    return window.library.selected_ids()


def test_delete_key_deletes_the_selected_articles_after_asking_and_undo_brings_them_back(
    qtbot, window
) -> None:
    before = store_dump(window.ws)
    events_before = len(window.events)
    ids = select_rows(window, [0, 1])
    assert len(ids) == 2
    window.library.view.setFocus()
    qtbot.keyClick(window.library.view, Qt.Key.Key_Delete)
    box = window.library_actions.delete_dialog
    assert box is not None and box.isVisible() and "2 articles" in box.text()
    assert len(store_dump(window.ws)["articles"]) == 5  # nothing happens before the answer
    delete = next(b for b in box.buttons()
                  if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)
    qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    assert [a["id"] for a in store_dump(window.ws)["articles"]] == sorted(
        set(a["id"] for a in before["articles"]) - set(ids))
    assert sorted(visible_ids(window)) == sorted(set(visible_ids(window)))
    assert not set(ids) & set(visible_ids(window))
    assert len(window.events) < events_before  # their suggestions went with them
    assert "Deleted 2 articles" in window.statusBar().currentMessage()
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert store_dump(window.ws) == before
    assert set(ids) <= set(visible_ids(window))
    window.undo_stack.redo()
    assert not set(ids) & {a["id"] for a in store_dump(window.ws)["articles"]}


def test_cancel_deletes_nothing(qtbot, window) -> None:
    before = store_dump(window.ws)
    select_rows(window, [0])
    window.library.request_delete()
    box = window.library_actions.delete_dialog
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert store_dump(window.ws) == before and window.undo_stack.count() == 0


def test_filter_finds_words_in_article_bodies(qtbot, window) -> None:
    ws = window.ws
    with ws.session() as session:
        from desktop.store import Article

        articles = {a.id: (a.title or "", a.text) for a in session.query(Article)}
    target, (title, text) = next(iter(articles.items()))
    word = next(w for w in text.split()[40:] if w.isalpha() and len(w) > 8
                and w.lower() not in title.lower()
                and sum(w.lower() in t.lower() for _, t in articles.values()) == 1)
    window.library.filter.setText(word[:-1])  # half-typed: a prefix
    qtbot.waitUntil(lambda: visible_ids(window) == [target], timeout=3000)
    window.library.filter.setText('"unbalanced AND NEAR(')  # FTS syntax is only words
    qtbot.waitUntil(lambda: visible_ids(window) == [], timeout=3000)
    window.library.filter.clear()
    assert len(visible_ids(window)) == 5


def test_set_dates_on_several_articles_proposes_dates_from_their_text(qtbot, window) -> None:
    ids = select_rows(window, [0, 1, 2])
    before = store_dump(window.ws)
    qtbot.mouseClick(window.library.date_button, Qt.MouseButton.LeftButton)
    # the proposals are read from the texts off the UI thread; the dialog opens after
    qtbot.waitUntil(lambda: window.library_actions.dates_dialog is not None, timeout=10_000)
    dialog = window.library_actions.dates_dialog
    assert dialog.isVisible() and dialog.table.rowCount() == 3
    proposed = [dialog.table.item(r, 2).text() for r in range(3)]
    assert all(proposed)  # the seeds carry datelines: every row is pre-filled
    assert date.today().isoformat() not in proposed
    dialog.table.item(0, 2).setText("not a date")
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.table.item(0, 2).setText("2020-01-02")
    dialog.table.item(1, 2).setText("")  # leave this one undated
    dialog.accept()  # applied on the task runner, not on the UI thread
    qtbot.waitUntil(lambda: window.library_actions.dating is None, timeout=20_000)
    changed = len(dialog.values())  # only the rows whose date changes are edited
    assert f"Dates set on {changed} articles" in window.statusBar().currentMessage()
    got = {a["id"]: a["published"] for a in store_dump(window.ws)["articles"]}
    by_row = dict(zip([r["id"] for r in dialog.rows], range(3), strict=True))
    first = next(i for i in ids if by_row[i] == 0)
    second = next(i for i in ids if by_row[i] == 1)
    assert got[first] == date(2020, 1, 2) and got[second] is None
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert store_dump(window.ws) == before


def test_setting_several_dates_can_be_cancelled_and_leaves_nothing_behind(qtbot, window) -> None:
    """Cancel in the progress dialog stops the dating between articles; the unit of work
    rolls back: the store is as before and nothing is on the undo stack."""
    ids = [r["id"] for r in window.library.model.rows]
    before = store_dump(window.ws)
    actions = window.library_actions
    task = actions.set_articles_dates({i: date(2019, 3, 4) for i in ids})
    assert task is not None and actions.progress is not None
    cancel = actions.progress.findChild(QPushButton)
    assert cancel.text() == "Cancel"
    cancel.click()
    assert task.cancelled
    qtbot.waitUntil(lambda: actions.dating is None, timeout=20_000)
    assert store_dump(window.ws) == before
    assert window.undo_stack.count() == 0
    assert "cancelled" in window.statusBar().currentMessage()


def test_setting_several_dates_reports_progress_as_one_undo_step(qtbot, window) -> None:
    ids = [r["id"] for r in window.library.model.rows]
    before = store_dump(window.ws)
    seen: list[tuple[int, int]] = []
    actions = window.library_actions
    task = actions.set_articles_dates({i: date(2019, 3, 4) for i in ids})
    task.on_progress = lambda done, total, _text: seen.append((done, total))
    qtbot.waitUntil(lambda: actions.dating is None, timeout=20_000)
    assert window.undo_stack.count() == 1
    assert all(a["published"] == date(2019, 3, 4) for a in store_dump(window.ws)["articles"])
    assert all(total == len(ids) for _done, total in seen)
    window.undo_stack.undo()
    assert store_dump(window.ws) == before


def test_a_narrow_library_gives_the_titles_the_outlet_column(qtbot) -> None:
    from desktop.ui.library import LibraryPanel

    panel = LibraryPanel()
    qtbot.addWidget(panel)
    panel.set_rows([{"id": 1, "title": "Shelling near Sarmin kills six", "outlet": "Herald",
                     "published": "2002-04-02", "source_file": "a.txt", "suggested": 5,
                     "accepted": 1, "undated": False, "error": ""}])
    panel.resize(700, 400)
    panel.show()
    qtbot.waitExposed(panel)
    assert not panel.view.isColumnHidden(1)
    panel.resize(300, 400)
    qtbot.wait(10)
    assert panel.view.isColumnHidden(1)
    assert panel.view.columnWidth(0) >= 100  # with the Outlet column: about 20 px
    tip = panel.model.data(panel.model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert "Herald" in tip
    panel.resize(700, 400)
    qtbot.wait(10)
    assert not panel.view.isColumnHidden(1)
