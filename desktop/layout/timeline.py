"""Placing events on a timeline: their drawn extents, lanes and rows.

An uncertain date is drawn as what it is, the range from its earliest to its latest
moment ("early September 2018" spans 1-10 September), never as a false point; dates
open on one side (before/after) are drawn to the edge with an arrow.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field, replace
from datetime import datetime

from desktop.layout.day_scale import DayScale, day_extent
from desktop.layout.lanes import Box, pack_rows
from desktop.temporal import FuzzyDate, Qualifier


@dataclass(frozen=True)
class Item:
    """What the layout needs to know about an event."""

    key: Hashable
    lane: str
    start: FuzzyDate
    end: FuzzyDate | None = None
    label: str = ""


@dataclass(frozen=True)
class Placed:
    """An event's marker extent [x0, x1] and its label start, in its lane's row."""

    key: Hashable
    lane: int
    row: int
    x0: float
    x1: float
    is_range: bool
    open_start: bool
    open_end: bool
    label_x: float
    label_width: float


@dataclass(frozen=True)
class LaneBand:
    name: str
    index: int
    first_row: int
    rows: int


@dataclass
class TimelineLayout:
    bands: list[LaneBand]
    placed: list[Placed] = field(default_factory=list)

    @property
    def total_rows(self) -> int:
        return sum(b.rows for b in self.bands)


def extent_of(
    start: FuzzyDate, end: FuzzyDate | None = None
) -> tuple[datetime, datetime, bool, bool]:
    """(from, to, open_start, open_end): earliest of the start to latest of the end.

    A "before X" start has no earliest: it is drawn from just before X; an "after X"
    end has no latest: drawn to just after X.
    """
    open_start = start.qualifier is Qualifier.BEFORE
    last = end if end is not None else start
    open_end = last.qualifier is Qualifier.AFTER
    lo = start.latest if open_start else start.earliest
    hi = last.earliest if open_end else last.latest
    return lo, max(lo, hi), open_start, open_end


def place_items(
    items: list[Item],
    scale: DayScale,
    lanes: list[str],
    *,
    label_width: Callable[[Item], float],
    marker_px: float = 10.0,
    label_gap: float = 3.0,
    gap: float = 6.0,
    min_range_px: float = 2.0,
    x_max: float | None = None,
    extent: Callable[[Item], tuple] | None = None,
) -> TimelineLayout:
    """Rows per lane such that markers plus labels never overlap within a lane.

    Lanes keep the given order; a lane named by an item but missing from `lanes` is
    appended. With `x_max`, a label that would run past it is put left of its marker.
    An extent narrower than `marker_px` is drawn as a marker of that width centred on
    it (it is still a range when wider than `min_range_px`). `extent` gives an item's
    (from, to, open_start, open_end) in day numbers (default `day_extent`).
    """
    order = list(dict.fromkeys(lanes))
    for item in items:
        if item.lane not in order:
            order.append(item.lane)
    index = {name: i for i, name in enumerate(order)}
    per_lane: dict[int, list[tuple[Box, Placed]]] = {i: [] for i in range(len(order))}
    for item in items:
        if extent is None:
            lo, hi, open_start, open_end = day_extent(item.start, item.end)
        else:
            lo, hi, open_start, open_end = extent(item)
        x0, x1 = scale.x(lo), scale.x(hi)
        is_range = (x1 - x0) >= min_range_px or open_start or open_end
        if x1 - x0 < marker_px:
            mid = (x0 + x1) / 2
            draw0, draw1 = mid - marker_px / 2, mid + marker_px / 2
        else:
            draw0, draw1 = x0, x1
        width = label_width(item)
        label_x = draw1 + label_gap if width > 0 else draw1
        # near the right edge the label goes left of the marker, if there is room there
        if x_max is not None and label_x + width > x_max and draw0 - label_gap - width >= scale.x0:
            label_x = draw0 - label_gap - width
        left, right = min(draw0, label_x), max(draw1, label_x + width)
        lane = index[item.lane]
        placed = Placed(item.key, lane, 0, x0, x1, is_range, open_start, open_end, label_x, width)
        per_lane[lane].append((Box(item.key, left, right), placed))
    bands, out, first = [], [], 0
    for lane, members in per_lane.items():
        rows = pack_rows([b for b, _ in members], gap=gap)
        count = max(rows.values(), default=-1) + 1
        bands.append(LaneBand(order[lane], lane, first, max(count, 1)))
        for box, placed in members:
            out.append(_with_row(placed, first + rows[box.key]))
        first += max(count, 1)
    return TimelineLayout(bands, out)


def _with_row(placed: Placed, row: int) -> Placed:
    return replace(placed, row=row)
