"""Layout without Qt: scales, axis ticks at several zooms, breaks, lane packing, ranges."""

from __future__ import annotations

import random
from datetime import datetime

import pytest

from desktop.layout import (
    Box,
    Item,
    TimeScale,
    axis_ticks,
    choose_level,
    cluster_spans,
    data_range,
    extent_of,
    pack_rows,
    place_items,
)
from desktop.layout.lanes import overlaps
from desktop.layout.scale import tiles
from desktop.temporal import FuzzyDate, Qualifier


def test_linear_scale_maps_both_ways_and_zoom_keeps_the_anchor():
    s = TimeScale.linear(datetime(2018, 1, 1), datetime(2019, 1, 1), 100, 465)
    assert s.x(datetime(2018, 1, 1)) == pytest.approx(100)
    assert s.x(datetime(2019, 1, 1)) == pytest.approx(465)
    assert s.time_at(s.x(datetime(2018, 7, 2, 12))) == datetime(2018, 7, 2, 12)
    z = s.zoomed(4.0, around_x=300)
    assert z.time_at(300) == s.time_at(300)
    assert z.x(datetime(2018, 12, 1)) - z.x(datetime(2018, 11, 1)) == pytest.approx(
        4 * (s.x(datetime(2018, 12, 1)) - s.x(datetime(2018, 11, 1)))
    )
    assert s.panned(10).x(datetime(2018, 1, 1)) == pytest.approx(110)


@pytest.mark.parametrize(
    ("start", "end", "unit", "labels"),
    [
        (datetime(1800, 1, 1), datetime(2000, 1, 1), "year", ["1800", "1820", "1840"]),
        (datetime(2000, 1, 1), datetime(2020, 1, 1), "year", ["2000", "2002", "2004"]),
        (datetime(2018, 1, 1), datetime(2019, 12, 1), "month", ["Jan", "Feb", "Mar"]),
        (datetime(2018, 9, 1), datetime(2018, 9, 30), "day", ["1", "2", "3"]),
        (datetime(2018, 9, 7), datetime(2018, 9, 8), "hour", ["00:00", "03:00", "06:00"]),
    ],
)
def test_ticks_follow_the_zoom(start, end, unit, labels):
    ticks = axis_ticks(TimeScale.linear(start, end, 0, 600))
    assert ticks.levels[0].unit == unit
    assert [t.label for t in ticks.major[:3]] == labels
    xs = [t.x for t in ticks.major]
    assert xs == sorted(xs) and all(0 <= x <= 600 for x in xs)
    assert all(b - a >= 6 * len(ticks.major[0].label) for a, b in zip(xs, xs[1:], strict=False))


def test_context_labels_name_the_coarser_unit():
    days = axis_ticks(TimeScale.linear(datetime(2018, 8, 25), datetime(2018, 9, 20), 0, 600))
    assert [t.label for t in days.context] == ["Aug 2018", "Sep 2018"]
    months = axis_ticks(TimeScale.linear(datetime(2018, 1, 1), datetime(2019, 12, 1), 0, 600))
    assert [t.label for t in months.context][:2] == ["2018", "2019"]


def test_day_ticks_restart_each_month_and_narrow_screens_get_coarser_levels():
    narrow = axis_ticks(TimeScale.linear(datetime(2018, 9, 1), datetime(2018, 11, 1), 0, 200))
    assert narrow.levels[0].unit == "day" and narrow.levels[0].step == 10
    assert [t.at.day for t in narrow.major] == [1, 11, 21, 1, 11, 21, 1]
    assert choose_level(1e-9).unit == "year"
    assert choose_level(1.0).unit == "minute"


def test_broken_scale_puts_clusters_side_by_side():
    spans = cluster_spans(
        [
            (datetime(2011, 1, 1), datetime(2011, 12, 31)),
            (datetime(2018, 9, 4), datetime(2018, 9, 4, 23, 59)),
            (datetime(2018, 9, 14), datetime(2018, 9, 14, 23, 59)),
            (datetime(2021, 3, 4), datetime(2021, 3, 7)),
        ]
    )
    assert [n for _, n in spans] == [1, 2, 1]
    s = TimeScale.broken([sp for sp, _ in spans], 0, 700, gap_px=14, weights=[1, 2, 1])
    assert len(s.breaks) == 2
    xs = [s.x(d) for d in (datetime(2011, 6, 1), datetime(2015, 1, 1), datetime(2018, 9, 10),
                           datetime(2021, 3, 5))]  # fmt: skip
    assert xs == sorted(xs)
    assert s.breaks[0][0] <= xs[1] <= s.breaks[0][1]  # a date in a break falls in the break
    ticks = axis_ticks(s)
    assert [lv.unit for lv in ticks.levels] == ["month", "day", "day"]


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
    scale = TimeScale.linear(datetime(2018, 9, 1), datetime(2018, 9, 30), 0, 580)
    items = [Item(i, "Events", FuzzyDate.day(2018, 9, 7 + i % 2), label=f"event {i}")
             for i in range(4)]  # fmt: skip
    layout = place_items(items, scale, ["Events"], label_width=lambda it: 100.0)
    assert sorted(p.row for p in layout.placed) == [0, 1, 2, 3]
    far = [Item("a", "Events", FuzzyDate.day(2018, 9, 2), label="a"),
           Item("b", "Events", FuzzyDate.day(2018, 9, 25), label="b")]  # fmt: skip
    layout = place_items(far, scale, ["Events"], label_width=lambda it: 100.0)
    assert {p.row for p in layout.placed} == {0}


def test_fuzzy_dates_are_drawn_as_ranges_not_points():
    scale = TimeScale.linear(datetime(2018, 8, 1), datetime(2018, 10, 31), 0, 920)
    early = FuzzyDate.month(2018, 9, Qualifier.EARLY)
    day = FuzzyDate.day(2018, 9, 14)
    layout = place_items(
        [Item("early", "A", early), Item("day", "A", day)], scale, ["A"], label_width=lambda i: 0
    )
    placed = {p.key: p for p in layout.placed}
    e = placed["early"]
    assert e.is_range
    assert e.x0 == pytest.approx(scale.x(datetime(2018, 9, 1)))
    assert e.x1 == pytest.approx(scale.x(datetime(2018, 9, 10, 23, 59)))
    assert e.x1 - e.x0 > 80
    assert placed["day"].x1 - placed["day"].x0 < 12
    assert extent_of(early)[:2] == (early.earliest, early.latest)


def test_open_dates_and_spans_with_ends():
    before = FuzzyDate.year(2016, Qualifier.BEFORE)
    lo, hi, open_start, open_end = extent_of(before)
    assert open_start and not open_end and lo == hi == before.latest
    start, end = FuzzyDate.day(2021, 3, 4), FuzzyDate.day(2021, 3, 7)
    assert extent_of(start, end)[:2] == (start.earliest, end.latest)
    rng = data_range([Item(1, "A", start, end), Item(2, "A", FuzzyDate.year(2011))])
    assert rng == (datetime(2011, 1, 1), end.latest)
    assert data_range([]) is None


def test_lane_order_is_kept_and_unknown_lanes_are_appended():
    scale = TimeScale.linear(datetime(2018, 1, 1), datetime(2019, 1, 1), 0, 500)
    items = [Item(1, "Diplomacy", FuzzyDate.day(2018, 3, 1)),
             Item(2, "Protests", FuzzyDate.day(2018, 3, 1)),
             Item(3, "Other", FuzzyDate.day(2018, 3, 1))]  # fmt: skip
    layout = place_items(items, scale, ["Protests", "Diplomacy"], label_width=lambda i: 10)
    assert [b.name for b in layout.bands] == ["Protests", "Diplomacy", "Other"]
    assert [b.first_row for b in layout.bands] == [0, 1, 2]
    assert layout.total_rows == 3


def test_breaks_stay_in_the_calendar_and_are_capped():
    from datetime import timedelta

    from desktop.layout.breaks import FIRST, LAST, widen

    assert widen(datetime(1, 1, 2), datetime(9999, 12, 31), timedelta(days=30)) == (FIRST, LAST)
    days = [(datetime(2000 + i, 1, 1), datetime(2000 + i, 1, 2)) for i in range(0, 40, 4)]
    spans = cluster_spans(days, max_spans=3)
    assert len(spans) == 3 and sum(n for _, n in spans) == 10
    assert cluster_spans([]) == []


def test_time_at_inverts_x_on_a_broken_scale():
    s = TimeScale.broken([(datetime(2011, 1, 1), datetime(2012, 1, 1)),
                          (datetime(2018, 9, 1), datetime(2018, 10, 1))], 0, 500)  # fmt: skip
    for when in (datetime(2011, 6, 1), datetime(2018, 9, 14, 12)):
        assert abs((s.time_at(s.x(when)) - when).total_seconds()) < 60
    gap_x = (s.breaks[0][0] + s.breaks[0][1]) / 2
    assert s.time_at(gap_x) == datetime(2012, 1, 1)
