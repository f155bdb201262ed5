"""The lane's own right-click menu deletes and reorders it, each one undoable edit."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.layout.hits import HitBox
from desktop.services import timeline_data as data
from desktop.services.editing import update_event
from desktop.ui.timeline import TimelineView
from desktop.ui.timeline.lane_menu import context_menu


@pytest.fixture
def shown(lane_view, ws):
    view, _, stack, ids = lane_view(
        ("Protests", "Military", "Diplomacy"),
        setup=lambda ids: data.update_lane(ws, ids[1], color="#123456", height=140))
    return view, stack, ids


def lane_entry(view: TimelineView, name: str, text: str):
    lane = next(i for i, s in enumerate(view.model.lanes) if s.name == name)
    menu = context_menu(view, HitBox("lane", lane, 0, 0, 0, 0, lane))
    return next(a for a in menu.actions() if a.text() == text)


def lanes_of(ws) -> dict[int, int | None]:
    return {e.id: e.lane for e in data.load_events(ws)}


def test_delete_from_the_lane_menu_is_one_exact_undo(shown, ws, monkeypatch):
    view, stack, ids = shown
    before_lanes, before_events = data.load_lanes(ws), lanes_of(ws)
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    lane_entry(view, "Military", "Delete lane…").trigger()
    assert asked and "Military" in asked[0] and "unassigned" in asked[0]
    assert [lane.name for lane in data.load_lanes(ws)] == ["Protests", "Diplomacy"]
    moved = [i for i, lane in before_events.items() if lane == ids[1]]
    assert moved and all(lanes_of(ws)[i] is None for i in moved)
    assert "Military" not in [s.name for s in view.model.lanes]
    assert stack.count() == 1 and stack.text(0) == "Delete lane Military"
    stack.undo()
    assert data.load_lanes(ws) == before_lanes  # same id, colour, height, position
    assert lanes_of(ws) == before_events
    assert "Military" in [s.name for s in view.model.lanes]
    stack.redo()
    assert [lane.name for lane in data.load_lanes(ws)] == ["Protests", "Diplomacy"]


def test_declining_the_question_deletes_nothing(shown, ws, monkeypatch):
    view, stack, _ids = shown
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    lane_entry(view, "Protests", "Delete lane…").trigger()
    assert len(data.load_lanes(ws)) == 3 and stack.count() == 0


def test_move_up_and_down_from_the_lane_menu(shown, ws):
    view, stack, _ids = shown
    before = data.load_lanes(ws)
    assert not lane_entry(view, "Protests", "Move up").isEnabled()
    lane_entry(view, "Diplomacy", "Move up").trigger()
    assert [lane.name for lane in data.load_lanes(ws)] == ["Protests", "Diplomacy", "Military"]
    lane_entry(view, "Protests", "Move down").trigger()
    assert [lane.name for lane in data.load_lanes(ws)] == ["Diplomacy", "Protests", "Military"]
    assert stack.count() == 2 and stack.text(1) == "Reorder lanes"
    stack.undo()
    stack.undo()
    assert data.load_lanes(ws) == before
    assert [s.name for s in view.model.lanes][:3] == ["Protests", "Military", "Diplomacy"]


def test_unassigned_is_not_a_lane_to_move_or_delete(shown, ws):
    view, stack, ids = shown
    update_event(ws, data.load_events(ws)[0].id, lane_id=None)
    view.set_events(data.load_events(ws))
    names = [s.name for s in view.model.lanes]
    unassigned = next(i for i, s in enumerate(view.model.lanes) if s.key is None)
    menu = context_menu(view, HitBox("lane", unassigned, 0, 0, 0, 0, unassigned))
    texts = [a.text() for a in menu.actions()]
    assert "Move up" not in texts and "Delete lane…" not in texts
    # the stored lane next to it moves past it to the next stored lane, or not at all
    last = max(i for i, s in enumerate(view.model.lanes) if s.key is not None)
    assert not lane_entry(view, names[last], "Move down").isEnabled()
