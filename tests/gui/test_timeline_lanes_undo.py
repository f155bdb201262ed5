"""Every lane edit on the timeline is one step on the undo stack, and undo is exact."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QUndoStack

from desktop.services import timeline_data as data
from desktop.services.editing import read_snapshot
from desktop.ui.timeline import TimelineView
from desktop.ui.timeline.commands import merged_order


@pytest.fixture
def shown(lane_view, ws):
    """Three lanes with uneven saved positions (undo must restore these, not 0, 1, 2)."""

    def setup(ids: list[int]) -> None:
        data.set_lane_positions(ws, {ids[0]: 2, ids[1]: 5, ids[2]: 9})
        data.update_lane(ws, ids[1], color="#123456")

    view, _, stack, ids = lane_view(("Protests", "Military", "Diplomacy"), setup=setup)
    return view, stack, ids


def check_undo_redo(ws, stack: QUndoStack, before: list, view: TimelineView) -> list:
    """One step on the stack; undo gives `before` back exactly, redo the edit again.

    The view follows too (its hidden lanes aside)."""

    def names(lanes: list) -> list[str]:
        return [lane.name for lane in lanes if lane.id not in view.lanes_button.hidden]

    after = data.load_lanes(ws)
    assert after != before
    assert stack.count() == 1
    stack.undo()
    assert data.load_lanes(ws) == before
    assert [s.name for s in view.model.lanes] == names(before)
    stack.redo()
    assert data.load_lanes(ws) == after
    assert [s.name for s in view.model.lanes] == names(after)
    return after


def test_rename_is_undoable(shown, ws):
    view, stack, ids = shown
    before = data.load_lanes(ws)
    view.laneChanged.emit(ids[0], {"name": "Street protests"})
    assert view.model.lanes[0].name == "Street protests"
    assert "Rename lane Protests" in stack.text(0)
    check_undo_redo(ws, stack, before, view)


def test_recolour_is_undoable(shown, ws):
    view, stack, ids = shown
    before = data.load_lanes(ws)
    view.laneChanged.emit(ids[1], {"color": "#aa3300"})
    assert view.model.lanes[1].color == "#aa3300"
    check_undo_redo(ws, stack, before, view)
    stack.undo()
    assert view.model.lanes[1].color == "#123456"


def test_an_unchanged_value_adds_no_step(shown, ws):
    view, stack, ids = shown
    view.laneChanged.emit(ids[1], {"color": "#123456"})
    assert stack.count() == 0


def test_a_refused_rename_reports_and_adds_no_step(shown, ws):
    from desktop.ui.timeline import WorkspaceTimeline

    view, stack, ids = shown
    errors = []
    view.findChild(WorkspaceTimeline).error.connect(errors.append)  # the binding
    before = data.load_lanes(ws)
    view.laneChanged.emit(ids[0], {"name": "Military"})  # names are unique
    assert errors and stack.count() == 0 and data.load_lanes(ws) == before


def test_collapse_by_clicking_the_triangle_is_undoable(shown, ws, qtbot):
    view, stack, _ = shown
    before = data.load_lanes(ws)
    first = view.canvas.rows()[0]
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=QPoint(12, round(first.y0 + 14)))
    assert view.model.lanes[0].collapsed and data.load_lanes(ws)[0].collapsed
    check_undo_redo(ws, stack, before, view)
    stack.undo()
    assert not view.model.lanes[0].collapsed
    assert view.canvas.rows()[0].rows > 1


def test_reorder_by_dragging_is_undoable_to_the_exact_positions(shown, ws, qtbot):
    view, stack, _ = shown
    before = data.load_lanes(ws)
    assert [lane.position for lane in before] == [2, 5, 9]
    rows = view.canvas.rows()
    first, last = rows[0], rows[-1]
    qtbot.mousePress(view.canvas, Qt.MouseButton.LeftButton, pos=QPoint(60, round(first.y0 + 10)))
    for y in range(round(first.y0 + 10), round(last.y0 + last.height - 2), 20):
        qtbot.mouseMove(view.canvas, QPoint(60, y))
    qtbot.mouseRelease(view.canvas, Qt.MouseButton.LeftButton,
                       pos=QPoint(60, round(last.y0 + last.height - 2)))  # fmt: skip
    after = check_undo_redo(ws, stack, before, view)
    assert [lane.name for lane in after] == ["Military", "Diplomacy", "Protests"]


def test_reorder_with_a_hidden_lane_keeps_its_slot(shown, ws):
    view, stack, ids = shown
    view.lanes_button.set_lane_shown(ids[1], False)  # Military hidden, in the middle
    before = data.load_lanes(ws)
    view._lane_moved(0, 1)  # Protests below Diplomacy, among the shown lanes
    names = [lane.name for lane in data.load_lanes(ws)]
    assert names == ["Diplomacy", "Military", "Protests"]
    check_undo_redo(ws, stack, before, view)


def test_merged_order_puts_the_shown_lanes_in_the_slots_they_held():
    from desktop.services.timeline_data import LaneInfo

    stored = [LaneInfo(i, str(i)) for i in (1, 2, 3, 4)]
    assert merged_order(stored, [4, 1]) == [4, 2, 3, 1]
    assert merged_order(stored, [3, 2, 1, 4, 99]) == [3, 2, 1, 4]


def test_create_is_undoable_and_redo_brings_the_same_lane_back(shown, ws):
    view, stack, _ = shown
    before = data.load_lanes(ws)
    view.laneCreated.emit("Humanitarian")
    assert "Humanitarian" in [s.name for s in view.model.lanes]
    after = check_undo_redo(ws, stack, before, view)
    stack.undo()
    assert "Humanitarian" not in [s.name for s in view.model.lanes]
    stack.redo()
    assert data.load_lanes(ws) == after  # same id and position


def test_undoing_a_create_after_a_move_into_it_unwinds_both(shown, ws):
    view, stack, _ = shown
    before = data.load_lanes(ws)
    e = next(iter(view.model.events.values()))
    view.laneCreated.emit("Humanitarian")
    lane = next(s.key for s in view.model.lanes if s.name == "Humanitarian")
    view.move_to_lane(e.id, lane)
    assert read_snapshot(ws, e.id).fields["lane_id"] == lane
    stack.undo()
    stack.undo()
    assert data.load_lanes(ws) == before
    assert read_snapshot(ws, e.id).fields["lane_id"] == e.lane


def test_each_edit_is_its_own_step_in_order(shown, ws):
    view, stack, ids = shown
    states = [data.load_lanes(ws)]
    for emit in (lambda: view.laneChanged.emit(ids[0], {"name": "Streets"}),
                 lambda: view.laneChanged.emit(ids[2], {"collapsed": True}),
                 lambda: view.laneCreated.emit("Aid"),
                 lambda: view._lane_moved(0, 2)):  # fmt: skip
        emit()
        states.append(data.load_lanes(ws))
    assert stack.count() == 4
    for state in reversed(states[:-1]):
        stack.undo()
        assert data.load_lanes(ws) == state
    for state in states[1:]:
        stack.redo()
        assert data.load_lanes(ws) == state


def test_the_lane_commands_fail_softly_when_the_lane_is_gone(shown, ws):
    view, stack, ids = shown
    errors = []
    from desktop.ui.timeline.commands import UpdateLaneCommand

    before = data.load_lanes(ws)[0]
    command = UpdateLaneCommand(ws, before, {"name": "X"}, on_error=errors.append)
    command.apply()
    data.delete_lane(ws, before.id)
    command.undo()
    assert errors and "no lane" in errors[0]
