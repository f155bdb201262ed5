"""The timeline at scale: dense lanes as density bars with honest counts, a lone event
drawn as itself, lane heights by content, and resizing a lane by dragging its border."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QUndoStack

from desktop.layout.calendar import to_days
from desktop.services import timeline_data as data
from desktop.services.timeline_data import LaneInfo, TimelineEvent
from desktop.temporal import FuzzyDate, Precision
from desktop.ui.timeline import TimelineView, load_from_workspace
from desktop.ui.timeline.painter import GUTTER

LONE = 999_999  # alone in its lane
LONE_IN_CROWD = 999_998  # alone in its year, in the busiest lane


def events(counts: dict[int, int], seed: int = 5) -> list[TimelineEvent]:
    """`counts[lane]` day events spread over 1990-2019, busier after 2010; plus one lone
    event in lane 4 and one in lane 1, in 1985, years before everything else."""
    rng = random.Random(seed)
    out, next_id = [], 1
    for lane, n in counts.items():
        for _ in range(n):
            busy = rng.random() < 0.4
            year = rng.randrange(2010, 2020) if busy else rng.randrange(1990, 2020)
            when = datetime(year, 1, 1) + timedelta(days=rng.randrange(365))
            out.append(_event(next_id, lane, when))
            next_id += 1
    out.append(_event(LONE, 4, datetime(1985, 6, 3)))
    out.append(_event(LONE_IN_CROWD, 1, datetime(1985, 2, 11)))
    return out


def _event(i: int, lane: int, when: datetime) -> TimelineEvent:
    start = FuzzyDate.of(Precision.DAY, when)
    return TimelineEvent(i, f"Event {i}", lane, start.earliest, start.latest, start=start)


@pytest.fixture
def dense(qtbot):
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(1300, 800)
    view.set_lanes([LaneInfo(1, "Busy"), LaneInfo(2, "Middling"), LaneInfo(3, "Quiet"),
                    LaneInfo(4, "Lone")])  # fmt: skip
    view.set_events(events({1: 20_000, 2: 3_000, 3: 12}))
    view.show()
    qtbot.waitExposed(view)
    return view


def at_years(view: TimelineView, first: int, last: int) -> None:
    """Whole calendar years in view, so the bars cover exactly the visible range."""
    view.set_visible_range(datetime(first, 1, 1), datetime(last, 1, 1))
    view.canvas.repaint()


def test_dense_lanes_show_density_bars_whose_counts_add_up_to_the_events_in_view(dense):
    view = dense
    at_years(view, 1988, 2020)
    c, painter = view.canvas, view.canvas.painter
    lo, hi = to_days(datetime(1988, 1, 1)), to_days(datetime(2020, 1, 1))
    for lane in (0, 1):  # Busy and Middling
        bars = [h for h in c.hits if h.kind == "cluster" and h.lane == lane]
        assert bars and all(painter.cluster_label(h.key) for h in bars), "density bars"
        lone = [h for h in c.hits if h.kind == "event" and h.lane == lane]
        counted = sum(painter.clusters[h.key].count for h in bars) + len(lone)
        assert counted == view.model.indexes[lane].count_starting(lo, hi)
    # the shape: the busy decade's bars are taller than the 1990s'
    busy = [h for h in c.hits if h.kind == "cluster" and h.lane == 0]
    height = {painter.cluster_label(h.key): h.y1 - h.y0 for h in busy}
    assert painter.bin_unit
    tall = [painter.clusters[h.key] for h in busy if painter.clusters[h.key].t_lo > lo + 8000]
    short = [painter.clusters[h.key] for h in busy if painter.clusters[h.key].t_hi < lo + 7000]
    assert min(b.count for b in tall) > max(b.count for b in short)
    assert height  # every bar has its period for the tooltip
    tip = c.tooltip_for(busy[0])
    assert f"{painter.clusters[busy[0].key].count:,} events" in tip and "zoom" in tip


def test_a_lone_event_is_drawn_as_itself_never_as_a_one_badge(dense):
    view = dense
    for first, last in ((1980, 2020), (1984, 1987), (1960, 2030)):
        at_years(view, first, last)
        drawn = {h.key for h in view.canvas.hits if h.kind == "event"}
        assert {LONE, LONE_IN_CROWD} <= drawn, (first, last)
        assert all(view.canvas.painter.clusters[h.key].count > 1
                   for h in view.canvas.hits if h.kind == "cluster")  # fmt: skip
    box = next(h for h in view.canvas.hits if h.kind == "event" and h.key == LONE)
    assert "Event" in view.canvas.tooltip_for(box)


def test_a_selected_event_stays_visible_over_the_density_bars(dense):
    view = dense
    at_years(view, 1988, 2020)
    hidden = next(i for i, lane in view.model.lane_of.items() if lane == 0 and i != LONE_IN_CROWD)
    assert hidden not in {h.key for h in view.canvas.hits if h.kind == "event"}
    view.select([hidden])
    view.canvas.repaint()
    box = next(h for h in view.canvas.hits if h.kind == "event" and h.key == hidden)
    t0, t1 = view.model.extents[hidden]
    assert box.x0 - 1 <= view.canvas.vp.x((t0 + t1) / 2) + GUTTER <= box.x1 + 1


def test_clicking_a_density_bar_zooms_into_its_period(dense, qtbot):
    view = dense
    at_years(view, 1988, 2020)
    c = view.canvas
    bar = next(h for h in c.hits if h.kind == "cluster" and h.lane == 0)
    target = c.painter.clusters[bar.key]
    qtbot.mouseClick(c, Qt.MouseButton.LeftButton,
                     pos=QPoint(round((bar.x0 + bar.x1) / 2), round(bar.y1 - 3)))  # fmt: skip
    assert c.vp.span < (target.t_hi - target.t_lo) * 1.5
    assert c.vp.left <= target.t_lo and target.t_hi <= c.vp.right


def test_dragging_across_density_bars_pans(dense, qtbot):
    view = dense
    at_years(view, 1988, 2020)
    c = view.canvas
    bar = next(h for h in c.hits if h.kind == "cluster" and h.lane == 0)
    start = QPoint(round((bar.x0 + bar.x1) / 2), round(bar.y1 - 3))
    span, left = c.vp.span, c.vp.left
    qtbot.mousePress(c, Qt.MouseButton.LeftButton, pos=start)
    for dx in (10, 40, 120):
        qtbot.mouseMove(c, start + QPoint(dx, 0))
    qtbot.mouseRelease(c, Qt.MouseButton.LeftButton, pos=start + QPoint(120, 0))
    assert c.vp.span == pytest.approx(span)
    assert c.vp.left == pytest.approx(left - 120 / c.vp.px_per_day, rel=1e-6)


def test_lane_heights_follow_content(dense):
    rows = {r.lane: r for r in dense.canvas.rows()}
    busy, middling, quiet = rows[0].height, rows[1].height, rows[2].height
    assert busy > middling > quiet
    assert quiet >= 52  # the name and the count still show


def test_a_lane_of_another_grouping_resized_by_its_border_is_kept_in_the_saved_view(dense, qtbot):
    view = dense
    view.set_grouping("outlet")  # one lane, "No outlet": not a stored lane
    view.canvas.repaint()
    row = view.canvas.rows()[0]
    border = round(row.y0 + row.height)
    qtbot.mousePress(view.canvas, Qt.MouseButton.LeftButton, pos=QPoint(60, border))
    for dy in (10, 20, -150):
        qtbot.mouseMove(view.canvas, QPoint(60, border + dy))
    qtbot.mouseRelease(view.canvas, Qt.MouseButton.LeftButton, pos=QPoint(60, border - 150))
    assert view.canvas.rows()[0].height == pytest.approx(row.height - 150, abs=1)
    state = view.view_state()
    assert state["lane_heights"] == [[None, pytest.approx(row.height - 150, abs=1)]]
    other = TimelineView()
    qtbot.addWidget(other)
    other.resize(1300, 800)
    other.set_lanes(view.model.lane_infos)
    other.set_events(list(view.model.events.values()))
    other.restore_view_state(state)
    assert other.canvas.rows()[0].height == view.canvas.rows()[0].height
    # a view saved without sizes opens with automatic heights
    view.restore_view_state({**state, "lane_heights": []})
    assert view.canvas.rows()[0].height == row.height


@pytest.fixture
def bound(lane_view):
    view, _, stack, _ = lane_view(("Protests", "Military"), (1200, 700))
    return view, stack


def drag_border(qtbot, view: TimelineView, lane: int, dy: int, x: int = 60) -> None:
    row = view.canvas.rows()[lane]
    y = round(row.y0 + row.height)
    qtbot.mousePress(view.canvas, Qt.MouseButton.LeftButton, pos=QPoint(x, y))
    for k in range(1, 5):
        qtbot.mouseMove(view.canvas, QPoint(x, y + dy * k // 4))
    qtbot.mouseRelease(view.canvas, Qt.MouseButton.LeftButton, pos=QPoint(x, y + dy))


def test_dragging_a_lane_border_resizes_it_persists_and_undo_restores(bound, qtbot, ws):
    view, stack = bound
    before = [r.height for r in view.canvas.rows()]
    assert view.canvas.border_at(60, view.canvas.rows()[0].y0 + before[0]) is not None
    drag_border(qtbot, view, 0, 80)
    after = view.canvas.rows()[0].height
    assert after == pytest.approx(before[0] + 80, abs=1)
    stored = data.load_lanes(ws)
    assert stored[0].height == round(after) and stored[1].height is None
    assert stack.count() == 1 and "Resize lane Protests" in stack.undoText()
    stack.undo()
    assert data.load_lanes(ws)[0].height is None
    assert [r.height for r in view.canvas.rows()] == before
    stack.redo()
    assert view.canvas.rows()[0].height == after
    # the lane's menu offers the automatic height back (one more undoable edit)
    from desktop.layout.hits import HitBox

    view._context_menu(QPoint(100, 100), HitBox("lane", 0, 0, 0, 0, 0, 0))
    action = next(a for a in view._menu.actions() if a.text() == "Automatic height")
    view._menu.close()
    action.trigger()
    assert data.load_lanes(ws)[0].height is None and stack.count() == 2
    assert [r.height for r in view.canvas.rows()] == before
    stack.undo()
    # a new view of the same workspace opens with the lane at its size
    again = TimelineView()
    qtbot.addWidget(again)
    again.resize(1200, 700)
    load_from_workspace(again, ws, QUndoStack())
    assert again.canvas.rows()[0].height == after


def test_a_lane_is_never_smaller_than_its_name_and_double_click_restores_automatic(bound, qtbot,
                                                                                   ws):  # fmt: skip
    view, stack = bound
    auto = view.canvas.rows()[0].height
    drag_border(qtbot, view, 0, -400)
    assert view.canvas.rows()[0].height == 32  # one row: the name still shows
    row = view.canvas.rows()[0]
    qtbot.mouseDClick(view.canvas, Qt.MouseButton.LeftButton,
                      pos=QPoint(60, round(row.y0 + row.height)))  # fmt: skip
    assert data.load_lanes(ws)[0].height is None
    assert view.canvas.rows()[0].height == auto
    assert stack.count() == 2


def test_a_border_drag_across_the_plot_resizes_and_does_not_pan(bound, qtbot):
    view, _ = bound
    vp = view.canvas.vp
    row = view.canvas.rows()[1]
    y = row.y0 + row.height
    x = next(x for x in range(int(GUTTER) + 40, 1100, 7)
             if view.canvas.border_at(x, y) is not None)  # fmt: skip
    drag_border(qtbot, view, 1, 40, x=x)
    assert view.canvas.rows()[1].height == pytest.approx(row.height + 40, abs=1)
    assert view.canvas.vp == vp


def _room_right_px(view: TimelineView) -> float:
    """Pixels between the last event's end and the right edge after Fit."""
    view.fit_all()
    vp = view.canvas.vp
    last = max(t1 for _, t1 in view.model.extents.values())
    return (vp.right - last) * vp.px_per_day


def test_fit_keeps_no_label_room_when_every_lane_is_a_density_strip(qtbot, dense) -> None:
    assert _room_right_px(dense) >= 150  # a lone event's label needs its room
    strips = TimelineView()
    qtbot.addWidget(strips)
    strips.resize(1300, 800)
    strips.set_lanes([LaneInfo(1, "Busy"), LaneInfo(2, "Middling")])
    strips.set_events([e for e in events({1: 20_000, 2: 3_000})
                       if e.id not in (LONE, LONE_IN_CROWD)])
    strips.show()
    qtbot.waitExposed(strips)
    room = _room_right_px(strips)
    assert 0 < room < 60  # the fit's margin only, not 180 px of empty axis
