"""A drawn export's time axis on day numbers (days since 1970, any era), with breaks.

A datetime cannot hold a date before year 1 (a BCE date keeps its bounds whole
400-year cycles later, fuzzy.py), so the chart lays out on the float day axis the
window uses (calendar.py): extents come from the dates' true bounds, ticks from
`day_ticks.day_axis` per segment ("44 BCE", "3000 BCE"), and the empty stretch between
antiquity and the present is cut out as a break like any other.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from desktop.layout.calendar import days_from_civil, to_days
from desktop.layout.day_ticks import DayTick, day_axis
from desktop.layout.ticks import Measure, approx_width
from desktop.temporal import FuzzyDate, Qualifier
from desktop.temporal.fuzzy import CYCLE_DAYS

FIRST_DAY = float(days_from_civil(-9999, 1, 1))  # 10,000 BCE
LAST_DAY = float(days_from_civil(10000, 1, 1))
HALF_DAY = 0.5


def _at(when, cycles: int) -> float:  # noqa: ANN001 - a FuzzyDate bound (datetime)
    return to_days(when) - cycles * CYCLE_DAYS


def day_extent(start: FuzzyDate, end: FuzzyDate | None = None) -> tuple[float, float, bool, bool]:
    """`timeline.extent_of` in true day numbers: (from, to, open_start, open_end)."""
    open_start = start.qualifier is Qualifier.BEFORE
    last = end if end is not None else start
    open_end = last.qualifier is Qualifier.AFTER
    lo = _at(start.latest if open_start else start.earliest, start.cycles)
    hi = _at(last.earliest if open_end else last.latest, last.cycles)
    return lo, max(lo, hi), open_start, open_end


def widen_days(lo: float, hi: float, pad: float) -> tuple[float, float]:
    return max(lo - pad, FIRST_DAY), min(hi + pad, LAST_DAY)


def cluster_days(
    intervals: list[tuple[float, float]],
    *,
    min_gap_ratio: float = 0.03,
    pad_ratio: float = 0.08,
    min_pad: float = HALF_DAY,
    max_spans: int = 8,
) -> list[tuple[tuple[float, float], int]]:
    """Padded spans of day numbers, with their member counts, for a broken axis."""
    if not intervals:
        return []
    ordered = sorted((a, max(a, b)) for a, b in intervals)
    total = max(max(b for _, b in ordered) - ordered[0][0], 1 / 1440)
    spans: list[list] = []
    for start, end in ordered:
        if spans and start - spans[-1][1] <= min_gap_ratio * total:
            spans[-1][1] = max(spans[-1][1], end)
            spans[-1][2] += 1
        else:
            spans.append([start, end, 1])
    while len(spans) > max_spans:
        _, i = min((spans[i + 1][0] - spans[i][1], i) for i in range(len(spans) - 1))
        a, b = spans[i], spans.pop(i + 1)
        spans[i] = [a[0], max(a[1], b[1]), a[2] + b[2]]
    out = [(widen_days(s, e, max((e - s) * pad_ratio, min_pad)), n) for s, e, n in spans]
    for i in range(len(out) - 1):  # padding must not make neighbours overlap
        (a0, a1), n = out[i]
        (b0, b1), m = out[i + 1]
        if a1 >= b0:
            mid = (a1 + b0) / 2
            out[i], out[i + 1] = ((a0, mid), n), ((mid, b1), m)
    return out


@dataclass(frozen=True)
class DaySegment:
    """[start, end] days drawn linearly over [x0, x1]."""

    start: float
    end: float
    x0: float
    x1: float

    @property
    def px_per_day(self) -> float:
        return (self.x1 - self.x0) / max(self.end - self.start, 1 / 1440)

    def x(self, days: float) -> float:
        return self.x0 + (days - self.start) * self.px_per_day


@dataclass(frozen=True)
class DayScale:
    """Ordered segments; a moment in a break is interpolated across it."""

    segments: tuple[DaySegment, ...]
    _starts: list[float] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.segments:
            raise ValueError("a day scale needs at least one segment")
        object.__setattr__(self, "_starts", [s.start for s in self.segments])

    @classmethod
    def linear(cls, lo: float, hi: float, x0: float, x1: float) -> DayScale:
        return cls((DaySegment(lo, hi if hi > lo else lo + 1.0, x0, x1),))

    @classmethod
    def broken(cls, spans: list[tuple[float, float]], x0: float, x1: float, *,
               gap_px: float = 14.0, weights: list[float] | None = None,
               min_px: float = 60.0) -> DayScale:  # fmt: skip
        """Spans side by side with `gap_px` breaks, the width shared by `weights`."""
        if len(spans) <= 1:
            lo, hi = spans[0] if spans else (0.0, 1.0)
            return cls.linear(lo, hi, x0, x1)
        weights = weights or [1.0] * len(spans)
        room = (x1 - x0) - gap_px * (len(spans) - 1)
        floor = min(min_px, room / len(spans))
        spare = max(room - floor * len(spans), 0.0)
        total = sum(weights) or 1.0
        segments, x = [], x0
        for (lo, hi), weight in zip(spans, weights, strict=True):
            width = floor + spare * weight / total
            segments.append(DaySegment(lo, hi if hi > lo else lo + 1.0, x, x + width))
            x += width + gap_px
        return cls(tuple(segments))

    @property
    def x0(self) -> float:
        return self.segments[0].x0

    @property
    def x1(self) -> float:
        return self.segments[-1].x1

    @property
    def breaks(self) -> list[tuple[float, float]]:
        return [(a.x1, b.x0) for a, b in zip(self.segments, self.segments[1:], strict=False)]

    def x(self, days: float) -> float:
        i = bisect_right(self._starts, days) - 1
        if i < 0:
            return self.segments[0].x(days)
        seg = self.segments[i]
        if days <= seg.end or i == len(self.segments) - 1:
            return seg.x(days)
        nxt = self.segments[i + 1]
        frac = (days - seg.end) / max(nxt.start - seg.end, 1 / 1440)
        return seg.x1 + frac * (nxt.x0 - seg.x1)


@dataclass(frozen=True)
class ChartTicks:
    major: list[DayTick]
    minor: list[DayTick]
    context: list[DayTick]


def scale_ticks(scale: DayScale, *, measure: Measure = approx_width, padding: float = 8.0,
                min_minor_px: float = 4.0, x_range: tuple[float, float] | None = None,
                measure_context: Measure | None = None) -> ChartTicks:  # fmt: skip
    """The window's day-axis ticks for every segment (inside `x_range`), placed in x.

    A label that would run past its segment's end (into a break) is left off."""
    wide = measure_context or measure
    major: list[DayTick] = []
    minor: list[DayTick] = []
    context: list[DayTick] = []
    for seg in scale.segments:
        if x_range is not None and (seg.x1 < x_range[0] or seg.x0 > x_range[1]):
            continue
        axis = day_axis(seg.start, seg.px_per_day, seg.x1 - seg.x0, measure=measure,
                        padding=padding, min_minor_px=min_minor_px)  # fmt: skip

        def moved(t: DayTick, keep: bool = True, s: DaySegment = seg) -> DayTick:
            return DayTick(t.days, t.x + s.x0, t.label if keep else "")

        room = seg.x1 - seg.x0
        major += [moved(t, t.x + measure(t.label) + padding / 2 <= room) for t in axis.major]
        minor += [moved(t) for t in axis.minor]
        context += [moved(t) for t in axis.context
                    if t.x + wide(t.label) + padding / 2 <= room]  # fmt: skip
    if x_range is not None:
        lo, hi = x_range
        major = [t for t in major if lo <= t.x <= hi]
        minor = [t for t in minor if lo <= t.x <= hi]
        context = [t for t in context if t.x <= hi]
    return ChartTicks(major, minor, context)

