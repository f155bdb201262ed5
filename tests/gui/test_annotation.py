"""Hand annotation: Ctrl+E on a selection, Ctrl+N from scratch."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.services.annotation import NEEDS_REVIEW_TAG
from desktop.services.library import event_detail
from desktop.services.queries import article_detail


def open_article(qtbot, window, name: str) -> dict:
    row = next(r for r in window.library.model.rows if r["source_file"].startswith(name))
    window.library.select(row["id"])
    qtbot.waitUntil(lambda: window.reader.article and window.reader.article["id"] == row["id"])
    return article_detail(window.ws, row["id"])


def test_ctrl_e_makes_an_event_from_the_selection_with_its_date(qtbot, window):
    article = open_article(qtbot, window, "000")
    quote = "In early September, the forces loyal to Syrian President Bashar al-Assad"
    start = article["text"].index(quote)
    window.reader.select_span(start, start + len(quote))
    before = {e.id for e in window.events}
    window.activateWindow()
    window.reader.text.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.reader.text)
    qtbot.keyClick(window.reader.text, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    new = [e for e in window.events if e.id not in before]
    assert len(new) == 1
    event = event_detail(window.ws, new[0].id)
    assert event["status"] == "manual"
    assert event["start"].to_timex() == "2018-09" and str(event["start"].qualifier) == "early"
    (citation,) = event["citations"]
    assert (citation["start"], citation["end"]) == (start, start + len(quote))
    assert citation["quote"] == quote == article["text"][citation["start"]:citation["end"]]
    assert citation["date_phrase"].lower() == "early september"
    assert NEEDS_REVIEW_TAG not in event["tags"]
    assert window.editor.current["id"] == event["id"]
    # undo removes it, redo brings the same event back
    window.undo_stack.undo()
    assert event_detail(window.ws, event["id"]) is None
    window.undo_stack.redo()
    assert event_detail(window.ws, event["id"])["citations"][0]["start"] == start


def test_ctrl_e_without_a_date_uses_the_article_date_and_asks_for_review(qtbot, window):
    article = open_article(qtbot, window, "000")
    quote = "a northwestern province that is home to more than three million people"
    start = article["text"].index(quote)
    window.reader.select_span(start - 1 if start else 0, start + len(quote) + 1)  # with spaces
    window.actions_by_name["annotate"].trigger()
    event = event_detail(window.ws, window.current_event)
    assert event["start"].to_timex() == article["published"]
    assert NEEDS_REVIEW_TAG in event["tags"]
    assert event["citations"][0]["quote"].strip() == event["citations"][0]["quote"]


def test_ctrl_e_with_no_selection_explains(qtbot, window):
    open_article(qtbot, window, "000")
    count = len(window.events)
    window.actions_by_name["annotate"].trigger()
    assert len(window.events) == count
    assert "Select" in window.statusBar().currentMessage()


def test_offsets_survive_crlf_and_emoji(qtbot, make_window, workspace_path: Path):
    from desktop.ingest import draft_from_text
    from desktop.services.importing import import_draft
    from desktop.store import open_workspace

    text = "Héllo 😀 world.\r\nOn 7 September 2018 the talks 😀 began in Tehran.\r\n"
    ws = open_workspace(workspace_path)
    import_draft(ws, draft_from_text(text, source_file="x.txt"), suggest=False)
    ws.close()
    window = make_window(workspace_path)
    window.library.select(window.library.model.rows[0]["id"])
    quote = "On 7 September 2018 the talks 😀 began"
    start = text.index(quote)
    window.reader.select_span(start, start + len(quote))
    assert window.reader.selection_span() == (start, start + len(quote))
    window.event_actions.annotate_selection()
    event = event_detail(window.ws, window.current_event)
    assert event["citations"][0]["quote"] == quote
    assert event["start"].to_timex() == "2018-09-07"


def test_ctrl_n_makes_an_event_from_scratch(qtbot, window):
    count = len(window.events)
    window.actions_by_name["new_event"].trigger()
    assert len(window.events) == count + 1
    event = event_detail(window.ws, window.current_event)
    assert event["title"] == "New event" and event["citations"] == []
    assert window.editor.title.hasFocus() or window.editor.title.selectedText() == "New event"
