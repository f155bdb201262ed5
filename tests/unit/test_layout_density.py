"""Density bins and lane heights without Qt: honest counts, calendar periods, shares by content."""

from __future__ import annotations

import random

import pytest

from desktop.layout.calendar import civil_from_days, days_from_civil
from desktop.layout.density import (
    MIN_BIN_PX,
    bin_edges,
    bin_label,
    bin_level,
    count_text,
    density_bins,
    peak_density,
)
from desktop.layout.event_index import LaneIndex, Span
from desktop.layout.lane_heights import (
    COLLAPSED_PX,
    MIN_PX,
    LaneNeed,
    rows_in,
    share_heights,
)
from desktop.layout.ticks import TickLevel


def index_of(starts: list[float]) -> LaneIndex:
    return LaneIndex.build([Span(t, t + 1.0, i) for i, t in enumerate(starts)])


def clumpy(n: int, seed: int = 3) -> list[float]:
    """Starts over 1975-2025, with a busy year and an empty stretch (a shape to find)."""
    rng = random.Random(seed)
    lo, hi = float(days_from_civil(1975, 1, 1)), float(days_from_civil(2025, 1, 1))
    busy = float(days_from_civil(2011, 1, 1))
    quiet = (float(days_from_civil(1990, 1, 1)), float(days_from_civil(1995, 1, 1)))
    out = []
    while len(out) < n:
        t = busy + rng.uniform(0, 365) if rng.random() < 0.3 else rng.uniform(lo, hi)
        if not quiet[0] <= t < quiet[1]:
            out.append(t)
    return out


@pytest.mark.parametrize("px_per_day", [0.002, 0.05, 0.3, 4.0, 60.0, 3000.0])
def test_bins_count_every_event_starting_in_their_range_once(px_per_day):
    index = index_of(clumpy(20_000))
    left = float(days_from_civil(2010, 3, 7))
    right = left + 1200 / px_per_day
    level = bin_level(px_per_day)
    edges = bin_edges(level, left, right)
    bins = density_bins(index, edges)
    assert edges[0] <= left and edges[-1] >= right
    assert sum(b.count for b in bins) == index.count_starting(edges[0], edges[-1])
    assert all(a.hi == b.lo for a, b in zip(bins, bins[1:], strict=False))  # no gaps, no overlap
    # each bin is wide enough on screen for its count (bar and number)
    assert all(b.days * px_per_day >= MIN_BIN_PX - 1e-6 for b in bins[1:-1])


def test_year_bins_are_whole_calendar_years_and_show_the_shape():
    index = index_of(clumpy(20_000))
    level = TickLevel("year", 1)
    lo, hi = float(days_from_civil(1985, 6, 1)), float(days_from_civil(2015, 6, 1))
    bins = density_bins(index, bin_edges(level, lo, hi))
    assert civil_from_days(int(bins[0].lo)) == (1985, 1, 1)
    assert civil_from_days(int(bins[-1].hi)) == (2016, 1, 1)
    assert all(civil_from_days(int(b.lo))[1:] == (1, 1) for b in bins)
    by_year = {civil_from_days(int(b.lo))[0]: b for b in bins}
    assert all(by_year[y].count == 0 for y in range(1990, 1995))  # the empty stretch
    busiest = max(bins, key=lambda b: b.count)
    assert civil_from_days(int(busiest.lo))[0] == 2011
    assert peak_density(bins) == pytest.approx(busiest.count / busiest.days)
    assert bin_label(level, busiest) == "2011"
    assert bin_label(TickLevel("year", 5), busiest).startswith("2011–")


def test_a_lone_event_has_a_bin_of_one_with_its_position():
    index = index_of([100.0, 100.5, 5000.0])
    bins = density_bins(index, [0.0, 1000.0, 4000.0, 6000.0])
    assert [b.count for b in bins] == [2, 0, 1]
    assert index.t0[bins[2].first] == 5000.0


def test_counts_are_short_enough_for_a_bar():
    assert [count_text(n) for n in (7, 950, 1432, 33_100)] == ["7", "950", "1.4k", "33k"]


def test_lane_heights_follow_content_between_a_minimum_and_the_room():
    heights = share_heights([LaneNeed(30_000), LaneNeed(12), LaneNeed(2_000)], 900)
    big, small, middle = heights
    assert big > middle > small >= MIN_PX
    assert sum(heights) <= 900
    assert rows_in(small) >= 2  # the name and the count line still show


def test_equal_content_gets_equal_height_and_scrolls_when_there_is_no_room():
    even = share_heights([LaneNeed(10_000)] * 4, 800)
    assert len(set(even)) == 1
    tight = share_heights([LaneNeed(10_000)] * 11 + [LaneNeed(50)], 500)
    assert sum(tight) <= 500 and min(tight) >= COLLAPSED_PX  # all on screen, names shown
    crowded = share_heights([LaneNeed(10_000)] * 40, 800)
    assert all(h == COLLAPSED_PX for h in crowded)  # at their minimum: the view scrolls


def test_user_sizes_and_collapsed_lanes_are_kept_and_the_rest_share():
    needs = [LaneNeed(500, height=300), LaneNeed(500, collapsed=True, height=300),
             LaneNeed(500), LaneNeed(0), LaneNeed(500, height=3)]  # fmt: skip
    heights = share_heights(needs, 1000)
    assert heights[0] == 300
    assert heights[1] == COLLAPSED_PX
    assert heights[4] == COLLAPSED_PX  # never below one row with the name
    assert heights[3] == COLLAPSED_PX  # an empty lane: its name
    assert heights[2] == 1000 - 300 - 3 * COLLAPSED_PX


def test_a_quiet_lane_gets_no_more_rows_than_it_has_events():
    heights = share_heights([LaneNeed(3), LaneNeed(20_000)], 2000)
    assert rows_in(heights[0]) <= 4
    assert heights[1] > 1500
