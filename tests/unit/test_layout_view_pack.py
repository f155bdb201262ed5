"""The view's lane packing without Qt: no overlaps, honest cluster counts, speed, snapping."""

from __future__ import annotations

import math
import random
from datetime import datetime

import pytest

from desktop.layout.calendar import to_days
from desktop.layout.event_index import LaneIndex, Span
from desktop.layout.hits import HitBox, hit_at, hits_in
from desktop.layout.snapping import moved, moved_pair, snap_delta
from desktop.layout.view_pack import PackStyle, pack_window
from desktop.layout.viewport import Viewport
from desktop.services.timeline_data import TimelineEvent
from desktop.temporal import FuzzyDate, Precision, Qualifier

STYLE = PackStyle()


def random_index(n: int, seed: int = 1, days: float = 3650.0) -> LaneIndex:
    rng = random.Random(seed)
    spans = []
    for i in range(n):
        t0 = rng.uniform(0, days)
        length = rng.choice((0.0, 1.0, 1.0, 30.0, rng.uniform(0, 200)))
        spans.append(Span(t0, t0 + length, i, rng.uniform(0, 160)))
    return LaneIndex.build(spans)


def boxes(index: LaneIndex, placed, ppd: float, left: float):
    """Drawn extents at scale `ppd`: marker (at least marker_px) plus label, per row."""
    out = []
    half = STYLE.marker_px / 2
    for pos, row in placed:
        x0, x1 = (index.t0[pos] - left) * ppd, (index.t1[pos] - left) * ppd
        if x1 - x0 < STYLE.marker_px:
            mid = (x0 + x1) / 2
            x0, x1 = mid - half, mid + half
        w = index.label_w[pos]
        out.append((row, x0, x1 + STYLE.label_gap + w if w else x1))
    return out


def assert_no_overlap(drawn) -> None:
    by_row: dict[int, list] = {}
    for row, a, b in drawn:
        by_row.setdefault(row, []).append((a, b))
    for spans in by_row.values():
        spans.sort()
        for (a0, a1), (b0, _b1) in zip(spans, spans[1:], strict=False):
            assert a1 + STYLE.gap <= b0 + 1e-6, ((a0, a1), b0)


@pytest.mark.parametrize("ppd", [0.05, 0.8, 3.0, 40.0, 900.0])
def test_packing_never_overlaps_labels_at_the_band_scale_or_when_zoomed_within_it(ppd):
    index = random_index(3000)
    vp = Viewport(1000.0, ppd, 1600.0)
    band = vp.band_px_per_day
    pack = pack_window(index, vp.left, vp.right, band, 6, STYLE)
    for scale in (band, band * 1.5, band * 1.999):
        assert_no_overlap(boxes(index, pack.placed, scale, vp.left))
    assert all(row < 5 for _, row in pack.placed)  # the last row is the badges'
    assert all(c.row == 5 for c in pack.clusters)


def test_every_visible_event_is_either_placed_or_counted_in_a_badge():
    index = random_index(400, seed=5)
    band = 2.0
    pack = pack_window(index, 500.0, 1300.0, band, 4, STYLE)
    shown = {pos for pos, _ in pack.placed} | set(pack.bare)
    clustered = sum(c.count for c in pack.clusters)
    members = {m for c in pack.clusters for m in c.members}
    assert not shown & members
    assert len(shown) + clustered == len(shown | members)
    visible = set(index.visible(500.0, 1300.0))
    assert visible <= shown | members
    assert pack.bare, "some overflowing event stands alone in this data"
    assert all(c.count > 1 for c in pack.clusters), "a lone event is never a '1' badge"


def test_a_lone_overflowing_event_is_a_bare_marker_clear_of_the_badges():
    # ten events on one day, then one alone a month later: two event rows overflow
    spans = [Span(100.0, 100.0, i, 120.0) for i in range(10)] + [Span(130.0, 130.0, 99, 120.0)]
    spans += [Span(130.0 - 0.5 + k * 0.01, 130.0, 200 + k, 120.0) for k in range(2)]
    index = LaneIndex.build(spans)
    pack = pack_window(index, 90.0, 140.0, 32.0, 3, STYLE)
    assert [c.count for c in pack.clusters] == [8]
    assert len(pack.bare) == 1 and pack.badge_row == 2
    lone = pack.bare[0]
    gap = abs(index.t0[lone] - pack.clusters[0].anchor) * 32.0
    assert gap >= (STYLE.badge_px + STYLE.marker_px) / 2


def test_badges_never_overlap_and_zoom_targets_cover_their_members():
    index = random_index(2000, seed=9, days=400)
    band = 4.0
    pack = pack_window(index, 0.0, 400.0, band, 3, STYLE)
    anchors = sorted(c.anchor * band for c in pack.clusters)
    for a, b in zip(anchors, anchors[1:], strict=False):
        assert b - a >= STYLE.badge_px + STYLE.gap - 1e-6
    for c in pack.clusters:
        for m in c.members:
            assert c.t_lo <= index.t0[m] and index.t1[m] <= c.t_hi


def test_dense_lanes_are_counted_by_buckets_with_the_exact_totals():
    n = 50_000
    index = random_index(n, seed=2, days=18250)
    vp = Viewport(-100.0, 1600 / 18500, 1600.0)
    pack = pack_window(index, vp.left, vp.right, vp.band_px_per_day, 4, STYLE)
    assert not pack.placed or len(pack.placed) < 200
    total = sum(c.count for c in pack.clusters) + len(pack.placed) + len(pack.bare)
    assert total == n


def test_a_one_row_lane_shows_badges_and_lone_events_as_themselves():
    index = random_index(50, seed=4, days=100)
    pack = pack_window(index, 0, 100, 16.0, 1, STYLE)
    assert pack.placed == []
    assert sum(c.count for c in pack.clusters) + len(pack.bare) == 50
    assert all(c.count > 1 for c in pack.clusters)


def test_rows_stay_put_while_panning_within_a_tile():
    index = random_index(1500, seed=6, days=2000)
    band = 4.0
    tile = 2048 / band
    lo = tile * 2 + 10
    a = pack_window(index, lo, lo + 300, band, 5, STYLE)
    b = pack_window(index, lo + 50, lo + 350, band, 5, STYLE)
    rows_a, rows_b = dict(a.placed), dict(b.placed)
    common = set(rows_a) & set(rows_b)
    assert common and all(rows_a[p] == rows_b[p] for p in common)


def test_long_events_starting_far_left_are_still_found():
    spans = [Span(float(i), float(i) + 0.5, i) for i in range(1000)]
    spans.append(Span(-5000.0, 5000.0, "war"))
    index = LaneIndex.build(spans)
    found = [index.keys[p] for p in index.visible(400.0, 401.0)]
    assert "war" in found and 400 in found and len(found) < 10


def test_index_of_100k_events_finds_every_visible_one_and_few_others():
    """At 100,000 events the index misses nothing a scan finds (speed: timeline_bench.py)."""
    rng = random.Random(0)
    spans = [Span(t, t + rng.choice((0.0, 1.0, 31.0)), i, 120.0)
             for i, t in enumerate(rng.uniform(0, 18262) for _ in range(100_000))]  # fmt: skip
    index = LaneIndex.build(spans)
    for left, right in ((0.0, 18262.0), (5000.0, 5010.0), (9000.5, 9000.6)):
        found = {index.keys[p] for p in index.visible(left, right)}
        expected = {s.key for s in spans if s.t1 >= left and s.t0 <= right}
        assert expected <= found
        # the extras are near misses: short spans starting within the longest's length
        assert all(left - 31.0 <= spans[k].t0 <= right for k in found - expected)
    vp = Viewport(0.0, 1600 / 18262, 1600.0)
    for _ in range(10):
        assert pack_window(index, vp.left, vp.right, vp.band_px_per_day, 4, STYLE) is not None
        vp = vp.zoomed(4.0, 800)


def test_fuzzy_dates_span_their_bounds_and_open_ones_are_flagged():
    from desktop.layout.timeline import extent_of

    early = FuzzyDate.month(2018, 9, Qualifier.EARLY)
    lo, hi, open_start, open_end = extent_of(early)
    e = TimelineEvent(1, "x", None, lo, hi, start=early)
    t0, t1 = e.span_days()
    assert t0 == to_days(datetime(2018, 9, 1))
    assert math.isclose(t1, to_days(datetime(2018, 9, 11)), abs_tol=1e-6)
    before = FuzzyDate.year(2016, Qualifier.BEFORE)
    assert extent_of(before)[2] is True
    ranged = TimelineEvent(2, "y", None, datetime(2018, 3, 1), datetime(2018, 3, 20, 23, 59),
                           start=FuzzyDate.day(2018, 3, 1), end=FuzzyDate.day(2018, 3, 20))
    # certain from the latest start to the earliest end; the day at each end is faded
    assert ranged.certain_days() == (to_days(datetime(2018, 3, 1, 23, 59)),
                                     to_days(datetime(2018, 3, 20)))  # fmt: skip
    vague = TimelineEvent(4, "z", None, datetime(2018, 3, 1), datetime(2018, 3, 20, 23, 59),
                          start=FuzzyDate.month(2018, 3), end=FuzzyDate.day(2018, 3, 20))
    assert vague.certain_days() is None  # it may have ended before it surely began
    bce = TimelineEvent(3, "Ides", None, datetime(1, 1, 1), datetime(1, 1, 1),
                        days=(-737_000.0, -736_999.0))  # fmt: skip
    assert bce.span_days() == (-737_000.0, -736_999.0)


def test_dragging_snaps_to_the_precision_of_the_date():
    day = FuzzyDate.day(2018, 9, 7)
    assert moved(day, 1.4) == FuzzyDate.day(2018, 9, 8)
    assert moved(day, 0.4) == day
    assert moved(day, -2.6) == FuzzyDate.day(2018, 9, 4)
    early = FuzzyDate.month(2018, 9, Qualifier.EARLY)
    assert moved(early, 35).human() == "early Oct 2018"
    assert moved(FuzzyDate.year(2016), 200).precision is Precision.YEAR
    minute = FuzzyDate.minute(datetime(2018, 9, 7, 13, 45))
    assert moved(minute, 10.4 / 1440) == FuzzyDate.minute(datetime(2018, 9, 7, 13, 55))
    start, end = moved_pair(day, FuzzyDate.day(2018, 9, 10), 3.0)
    assert (start, end) == (FuzzyDate.day(2018, 9, 10), FuzzyDate.day(2018, 9, 13))
    assert snap_delta(day, 1.4) == 1.0
    assert moved(FuzzyDate.day(9999, 12, 30), 40) == FuzzyDate.day(9999, 12, 30)


def test_hits_pick_the_topmost_box_and_bands_collect_events():
    boxes_ = [HitBox("event", 1, 0, 0, 50, 20), HitBox("event", 2, 40, 0, 90, 20),
              HitBox("cluster", 0, 100, 0, 130, 20)]  # fmt: skip
    assert hit_at(boxes_, 45, 10).key == 2
    assert hit_at(boxes_, 10, 10).key == 1
    assert hit_at(boxes_, 95, 10, slop=0) is None
    assert hit_at(boxes_, 120, 5).kind == "cluster"
    assert [b.key for b in hits_in(boxes_, 30, 5, 140, 6)] == [1, 2]
