"""Layout without Qt: page tiles, lane packing, fuzzy dates drawn as ranges."""

from __future__ import annotations

import random
from datetime import datetime

import pytest

from desktop.layout import (
    Box,
    Item,
    extent_of,
    pack_rows,
    place_items,
)
from desktop.layout.calendar import to_days
from desktop.layout.day_scale import DayScale, day_extent
from desktop.layout.lanes import overlaps
from desktop.layout.tiles import tiles
from desktop.temporal import FuzzyDate, Qualifier


def test_tiles_cover_with_overlap():
    assert tiles(0, 1000, 400, 40) == [(0, 400), (360, 760), (720, 1120)]
    assert tiles(0, 300, 400, 40) == [(0, 400)]


def test_packing_never_overlaps_and_uses_the_deepest_overlap_rows():
    rng = random.Random(3)
    boxes = []
    for i in range(500):
        x0 = rng.uniform(0, 1000)
        boxes.append(Box(i, x0, x0 + rng.uniform(5, 120)))
    rows = pack_rows(boxes, gap=4)
    assert overlaps(boxes, rows, gap=4) == []
    events = sorted([(b.x0, 1) for b in boxes] + [(b.x1 + 4, -1) for b in boxes])
    depth = best = 0
    for _, d in events:
        depth += d
        best = max(best, depth)
    assert max(rows.values()) + 1 == best


def test_labels_are_part_of_the_box():
    scale = DayScale.linear(to_days(datetime(2018, 9, 1)), to_days(datetime(2018, 9, 30)), 0, 580)
    items = [Item(i, "Events", FuzzyDate.day(2018, 9, 7 + i % 2), label=f"event {i}")
             for i in range(4)]  # fmt: skip
    layout = place_items(items, scale, ["Events"], label_width=lambda it: 100.0)
    assert sorted(p.row for p in layout.placed) == [0, 1, 2, 3]
    far = [Item("a", "Events", FuzzyDate.day(2018, 9, 2), label="a"),
           Item("b", "Events", FuzzyDate.day(2018, 9, 25), label="b")]  # fmt: skip
    layout = place_items(far, scale, ["Events"], label_width=lambda it: 100.0)
    assert {p.row for p in layout.placed} == {0}


def test_fuzzy_dates_are_drawn_as_ranges_not_points():
    scale = DayScale.linear(to_days(datetime(2018, 8, 1)), to_days(datetime(2018, 10, 31)), 0, 920)
    early = FuzzyDate.month(2018, 9, Qualifier.EARLY)
    day = FuzzyDate.day(2018, 9, 14)
    layout = place_items(
        [Item("early", "A", early), Item("day", "A", day)], scale, ["A"], label_width=lambda i: 0
    )
    placed = {p.key: p for p in layout.placed}
    e = placed["early"]
    assert e.is_range
    assert e.x0 == pytest.approx(scale.x(to_days(datetime(2018, 9, 1))))
    assert e.x1 == pytest.approx(scale.x(to_days(datetime(2018, 9, 10, 23, 59))), abs=0.01)
    assert e.x1 - e.x0 > 80
    assert placed["day"].x1 - placed["day"].x0 < 12
    assert extent_of(early)[:2] == (early.earliest, early.latest)


def test_open_dates_and_spans_with_ends():
    before = FuzzyDate.year(2016, Qualifier.BEFORE)
    lo, hi, open_start, open_end = extent_of(before)
    assert open_start and not open_end and lo == hi == before.latest
    start, end = FuzzyDate.day(2021, 3, 4), FuzzyDate.day(2021, 3, 7)
    assert extent_of(start, end)[:2] == (start.earliest, end.latest)
    assert day_extent(start, end)[:2] == (to_days(start.earliest), to_days(end.latest))


def test_lane_order_is_kept_and_unknown_lanes_are_appended():
    scale = DayScale.linear(to_days(datetime(2018, 1, 1)), to_days(datetime(2019, 1, 1)), 0, 500)
    items = [Item(1, "Diplomacy", FuzzyDate.day(2018, 3, 1)),
             Item(2, "Protests", FuzzyDate.day(2018, 3, 1)),
             Item(3, "Other", FuzzyDate.day(2018, 3, 1))]  # fmt: skip
    layout = place_items(items, scale, ["Protests", "Diplomacy"], label_width=lambda i: 10)
    assert [b.name for b in layout.bands] == ["Protests", "Diplomacy", "Other"]
    assert [b.first_row for b in layout.bands] == [0, 1, 2]
    assert layout.total_rows == 3
