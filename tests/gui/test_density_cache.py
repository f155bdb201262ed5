"""Dense lanes' strips are cached per lane: a frame from the cache looks and hit-tests like
one drawn afresh, and an edit or a selection redraws only the lanes it touches."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from PySide6.QtGui import QImage, QPainter

from desktop.services.timeline_data import LaneInfo, TimelineEvent
from desktop.temporal import FuzzyDate, Precision
from desktop.ui.timeline import TimelineView, density_cache

W, H = 1100, 640


def _events(counts: dict[int, int]) -> list[TimelineEvent]:
    rng = random.Random(7)
    out, next_id = [], 1
    for lane, n in counts.items():
        for _ in range(n):
            when = datetime(rng.randrange(1990, 2020), 1, 1) + timedelta(days=rng.randrange(365))
            start = FuzzyDate.of(Precision.DAY, when)
            out.append(TimelineEvent(next_id, f"Event {next_id}", lane, start.earliest,
                                     start.latest, start=start))  # fmt: skip
            next_id += 1
    return out


@pytest.fixture
def view(qtbot):
    v = TimelineView()
    qtbot.addWidget(v)
    v.resize(W + 200, H + 120)
    v.set_lanes([LaneInfo(1, "Busy"), LaneInfo(2, "Middling"), LaneInfo(3, "Sparse")])
    v.set_events(_events({1: 8_000, 2: 3_000, 3: 40}))
    v.show()
    qtbot.waitExposed(v)
    v.set_visible_range(datetime(1988, 1, 1), datetime(2021, 1, 1))
    return v


def frame(view: TimelineView) -> tuple[QImage, list, list]:
    image = QImage(view.canvas.width(), view.canvas.height(), QImage.Format.Format_ARGB32)
    p = QPainter(image)
    view.canvas.render_into(p)
    p.end()
    painter = view.canvas.painter
    return image, list(view.canvas.hits), [(c.t_lo, c.t_hi, c.count) for c in painter.clusters]


def differs(a: QImage, b: QImage) -> int:
    """Pixels whose colour differs by more than compositing's rounding."""
    assert a.size() == b.size()
    if a == b:
        return 0
    n = 0
    for y in range(0, a.height(), 2):
        for x in range(0, a.width(), 2):
            pa, pb = a.pixelColor(x, y), b.pixelColor(x, y)
            if max(abs(pa.red() - pb.red()), abs(pa.green() - pb.green()),
                   abs(pa.blue() - pb.blue())) > 3:
                n += 1
    return n


def fresh(view: TimelineView) -> tuple[QImage, list, list]:
    view.canvas.painter.strips.clear()
    return frame(view)


@pytest.fixture
def drawn(monkeypatch):
    """Lane strips actually drawn (not taken from the cache), by lane position."""
    lanes: list[int] = []
    real = density_cache.paint_density

    def counting(painter, p, index, vp, lr, *args):
        lanes.append(lr.lane)
        return real(painter, p, index, vp, lr, *args)

    monkeypatch.setattr(density_cache, "paint_density", counting)
    return lanes


def test_a_frame_from_the_cache_looks_and_hit_tests_like_a_fresh_one(view, drawn):
    drawn.clear()
    first = fresh(view)
    assert sorted(drawn) == [0, 1, 2], "at 33 years every lane is a strip"
    drawn.clear()
    again = frame(view)
    assert drawn == [], "nothing changed: every strip from the cache"
    assert again[1] == first[1] and again[2] == first[2]
    assert differs(first[0], again[0]) == 0


def test_an_edit_redraws_only_its_lane_and_the_frame_matches_a_fresh_one(view, drawn):
    frame(view)
    busy = next(e for e in view.model.events.values() if e.lane == 1)
    moved = next(e for e in view.model.events.values() if e.lane == 2)
    # a status change in lane 0 keeps span and label: its record is replaced, no re-index
    view.apply_events([replace(busy, status="manual")], set())
    drawn.clear()
    cached = frame(view)
    assert drawn == [0]
    assert differs(cached[0], fresh(view)[0]) == 0
    # a new date moves an event of lane 1: only that lane's strip is drawn again
    when = FuzzyDate.of(Precision.DAY, datetime(1995, 5, 5))
    view.apply_events([replace(moved, earliest=when.earliest, latest=when.latest, start=when)],
                      set())  # fmt: skip
    drawn.clear()
    cached = frame(view)
    assert drawn == [1]
    again = fresh(view)
    assert cached[1] == again[1] and cached[2] == again[2]
    assert differs(cached[0], again[0]) == 0


def test_selecting_redraws_only_the_lanes_holding_the_old_and_new_selection(view, drawn):
    in_busy = next(i for i, lane in view.model.lane_of.items() if lane == 0)
    in_middling = next(i for i, lane in view.model.lane_of.items() if lane == 1)
    view.select([in_busy], reveal=False)
    frame(view)
    drawn.clear()
    view.select([in_middling], reveal=False)
    selected = frame(view)
    assert sorted(drawn) == [0, 1]
    drawn.clear()
    view.select([in_middling], reveal=False)
    frame(view)
    assert drawn == []
    boxes = [h for h in selected[1] if h.kind == "event" and h.key == in_middling]
    assert boxes, "the selected event is drawn (and clickable) over its lane's bars"
    assert differs(selected[0], fresh(view)[0]) == 0


def test_the_minimap_keeps_its_histogram_when_no_start_moved(view):
    before = view.model.starts_version
    e = next(iter(view.model.events.values()))
    view.apply_events([replace(e, status="manual")], set())
    assert view.model.starts_version == before
    when = FuzzyDate.of(Precision.DAY, datetime(2001, 2, 3))
    view.apply_events([replace(e, earliest=when.earliest, latest=when.latest, start=when)], set())
    assert view.model.starts_version > before
