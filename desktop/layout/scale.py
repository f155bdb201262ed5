"""A time scale: datetimes to x positions, piecewise linear so empty years can be cut out.

One segment is an ordinary linear axis. Several segments are an axis with breaks: each
segment maps its own stretch of time to its own stretch of x, and the gaps between them
are drawn as breaks. Zoom and pan return new scales, so a view can keep history cheaply.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import datetime, timedelta

EPOCH = datetime(1970, 1, 1)


def to_seconds(when: datetime) -> float:
    """Seconds since 1970 (negative before): floats keep arithmetic simple and fast."""
    return (when - EPOCH).total_seconds()


def from_seconds(seconds: float) -> datetime:
    seconds = min(max(seconds, to_seconds(datetime(1, 1, 1))), to_seconds(datetime(9999, 12, 31)))
    return EPOCH + timedelta(seconds=seconds)


@dataclass(frozen=True)
class Segment:
    """[start, end] drawn linearly over [x0, x1]."""

    start: datetime
    end: datetime
    x0: float
    x1: float

    @property
    def seconds(self) -> float:
        return max(to_seconds(self.end) - to_seconds(self.start), 1.0)

    @property
    def px_per_second(self) -> float:
        return (self.x1 - self.x0) / self.seconds

    def x(self, when: datetime) -> float:
        return self.x0 + (to_seconds(when) - to_seconds(self.start)) * self.px_per_second

    def time_at(self, x: float) -> datetime:
        return from_seconds(to_seconds(self.start) + (x - self.x0) / self.px_per_second)


@dataclass(frozen=True)
class TimeScale:
    """Ordered, non-overlapping segments; times between segments fall inside the break."""

    segments: tuple[Segment, ...]

    def __post_init__(self) -> None:
        if not self.segments:
            raise ValueError("a time scale needs at least one segment")
        object.__setattr__(self, "_starts", [to_seconds(s.start) for s in self.segments])
        object.__setattr__(self, "_xs", [s.x0 for s in self.segments])

    # --- construction ---------------------------------------------------------------
    @classmethod
    def linear(cls, start: datetime, end: datetime, x0: float, x1: float) -> TimeScale:
        if end <= start:
            end = start + timedelta(days=1)
        return cls((Segment(start, end, x0, x1),))

    @classmethod
    def broken(
        cls,
        spans: list[tuple[datetime, datetime]],
        x0: float,
        x1: float,
        *,
        gap_px: float = 14.0,
        weights: list[float] | None = None,
        min_px: float = 60.0,
    ) -> TimeScale:
        """Spans laid side by side with `gap_px` breaks; width shared by `weights`."""
        if len(spans) <= 1:
            start, end = spans[0] if spans else (datetime(2000, 1, 1), datetime(2001, 1, 1))
            return cls.linear(start, end, x0, x1)
        weights = weights or [1.0] * len(spans)
        room = (x1 - x0) - gap_px * (len(spans) - 1)
        floor = min(min_px, room / len(spans))
        spare = max(room - floor * len(spans), 0.0)
        total = sum(weights) or 1.0
        segments, x = [], x0
        for (start, end), weight in zip(spans, weights, strict=True):
            width = floor + spare * weight / total
            end = end if end > start else start + timedelta(days=1)
            segments.append(Segment(start, end, x, x + width))
            x += width + gap_px
        return cls(tuple(segments))

    # --- reading --------------------------------------------------------------------
    @property
    def start(self) -> datetime:
        return self.segments[0].start

    @property
    def end(self) -> datetime:
        return self.segments[-1].end

    @property
    def x0(self) -> float:
        return self.segments[0].x0

    @property
    def x1(self) -> float:
        return self.segments[-1].x1

    @property
    def breaks(self) -> list[tuple[float, float]]:
        """The x extents of the breaks between segments."""
        return [(a.x1, b.x0) for a, b in zip(self.segments, self.segments[1:], strict=False)]

    def x(self, when: datetime) -> float:
        """Outside all segments: extrapolated from the nearest one; in a break: interpolated."""
        t = to_seconds(when)
        i = bisect_right(self._starts, t) - 1  # type: ignore[attr-defined]
        if i < 0:
            return self.segments[0].x(when)
        seg = self.segments[i]
        if t <= to_seconds(seg.end) or i == len(self.segments) - 1:
            return seg.x(when)
        nxt = self.segments[i + 1]
        frac = (t - to_seconds(seg.end)) / max(to_seconds(nxt.start) - to_seconds(seg.end), 1.0)
        return seg.x1 + frac * (nxt.x0 - seg.x1)

    def time_at(self, x: float) -> datetime:
        i = bisect_right(self._xs, x) - 1  # type: ignore[attr-defined]
        seg = self.segments[max(i, 0)]
        if x > seg.x1 and i < len(self.segments) - 1:
            return seg.end
        return seg.time_at(x)

    # --- navigation -----------------------------------------------------------------
    def zoomed(self, factor: float, around_x: float) -> TimeScale:
        """Zoom by `factor` keeping the time under `around_x` in place."""
        return self._mapped(lambda x: around_x + (x - around_x) * factor)

    def panned(self, dx: float) -> TimeScale:
        return self._mapped(lambda x: x + dx)

    def _mapped(self, f) -> TimeScale:
        return TimeScale(tuple(Segment(s.start, s.end, f(s.x0), f(s.x1)) for s in self.segments))


def tiles(x0: float, x1: float, tile_px: float, overlap_px: float) -> list[tuple[float, float]]:
    """Windows of `tile_px` covering [x0, x1], each overlapping the previous by `overlap_px`."""
    if x1 - x0 <= tile_px:
        return [(x0, x0 + tile_px)]
    step = max(tile_px - overlap_px, 1.0)
    out, x = [], x0
    while True:
        out.append((x, x + tile_px))
        if x + tile_px >= x1 - 1e-6:
            return out
        x += step
