"""Views… menu: saving, renaming and deleting views, each undoable; replacing or deleting
one asks first."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QInputDialog, QMessageBox

from desktop.services import timeline_data as data
from desktop.store import open_workspace
from desktop.ui.timeline import TimelineView, load_from_workspace


@pytest.fixture
def views(qtbot, ws):
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(1400, 500)
    stack = QUndoStack()
    binding = load_from_workspace(view, ws, stack)
    view.show()
    qtbot.waitExposed(view)
    view.set_grouping("tag")
    binding.save_view("Tags")
    view.set_grouping("article")
    binding.save_view("Articles")
    errors: list[str] = []
    binding.error.connect(errors.append)
    return view, binding, stack, errors


def menu_entries(menu) -> dict[str, object]:
    menu.aboutToShow.emit()
    return {a.text(): a for a in menu.actions() if a.text()}


def stored_names(seeded_path) -> list[str]:
    """What another process opening the file sees."""
    other = open_workspace(seeded_path)
    try:
        return data.view_names(other)
    finally:
        other.close()


def test_rename_from_the_menu_persists_and_undoes(views, monkeypatch, seeded_path):
    view, binding, stack, errors = views
    asked = {}

    def answer(_parent, title, label, **kw):
        asked.update(title=title, text=kw.get("text"))
        return "  Tags  by  hand ", True

    monkeypatch.setattr(QInputDialog, "getText", answer)
    menu = menu_entries(binding.views_menu)
    renames = menu_entries(menu["Rename view"].menu())
    assert set(renames) == {"Articles…", "Tags…"}
    renames["Tags…"].trigger()
    assert asked == {"title": "Rename view", "text": "Tags"}  # the old name to edit
    assert stored_names(seeded_path) == ["Articles", "Tags by hand"]
    view.set_grouping("lane")
    assert binding.open_view("Tags by hand") and view.model.grouping == "tag"
    stack.undo()
    assert stored_names(seeded_path) == ["Articles", "Tags"]
    stack.redo()
    assert stored_names(seeded_path) == ["Articles", "Tags by hand"]
    assert errors == []


def test_a_taken_or_empty_name_is_refused_with_a_message(views, seeded_path):
    _, binding, stack, errors = views
    assert not binding.rename_view("Tags", "Articles")
    assert not binding.rename_view("Tags", "   ")
    assert stored_names(seeded_path) == ["Articles", "Tags"] and stack.count() == 2  # the saves
    assert "already exists" in errors[0] and "needs a name" in errors[1]


def test_delete_asks_first_and_undo_brings_the_view_back(views, monkeypatch, seeded_path):
    view, binding, stack, errors = views
    replies = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes]
    questions: list[str] = []

    def question(_parent, _title, text, *_args):
        questions.append(text)
        return replies.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    deletes = menu_entries(menu_entries(binding.views_menu)["Delete view"].menu())
    deletes["Articles…"].trigger()  # cancelled: nothing happens
    assert "Articles" in questions[0] and stored_names(seeded_path) == ["Articles", "Tags"]
    deletes["Articles…"].trigger()  # confirmed
    assert stored_names(seeded_path) == ["Tags"] and len(questions) == 2
    assert set(menu_entries(binding.views_menu)) >= {"Tags", "Save current view as…"}
    assert "Articles" not in menu_entries(binding.views_menu)
    stack.undo()
    assert stored_names(seeded_path) == ["Articles", "Tags"]
    view.set_grouping("lane")
    assert binding.open_view("Articles") and view.model.grouping == "article"
    assert errors == []


def test_with_no_views_rename_and_delete_are_disabled(qtbot, ws):
    view = TimelineView()
    qtbot.addWidget(view)
    binding = load_from_workspace(view, ws, QUndoStack())
    menu = menu_entries(binding.views_menu)
    assert not menu["Rename view"].isEnabled() and not menu["Delete view"].isEnabled()
    assert not menu["No saved views yet"].isEnabled()


def test_in_the_window_edits_go_on_its_undo_stack(window):
    binding, errors = window.central.binding, []
    binding.error.connect(errors.append)
    binding.save_view("Mine")
    assert binding.rename_view("Mine", "Ours") and data.view_names(window.ws) == ["Ours"]
    assert binding.delete_view("Ours") and data.view_names(window.ws) == []
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert data.view_names(window.ws) == ["Mine"] and errors == []


def test_saving_over_a_view_asks_and_undo_gives_the_old_one_back(views, monkeypatch,
                                                                 seeded_path):
    view, binding, stack, errors = views
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: (" Tags ", True))
    replies = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: replies.pop(0))
    view.set_grouping("outlet")
    saves = stack.count()
    menu_entries(binding.views_menu)["Save current view as…"].trigger()  # cancelled
    assert stack.count() == saves and data.load_view(binding.ws, "Tags")["grouping"] == "tag"
    menu_entries(binding.views_menu)["Save current view as…"].trigger()  # replaced
    assert data.load_view(binding.ws, "Tags")["grouping"] == "outlet" and not replies
    stack.undo()
    assert data.load_view(binding.ws, "Tags")["grouping"] == "tag"
    stack.undo()  # the fixture's save of "Articles": the view goes
    assert stored_names(seeded_path) == ["Tags"] and errors == []
