"""How many events a lane holds per calendar period: the histogram a dense lane shows.

At year or month scale a lane of thousands of events cannot show them one by one, and
rows of equal count badges hide the shape of the data. Bins here are whole calendar
periods (years, quarters, months, days ...) chosen so a bin is wide enough on screen
for its count; each count is two bisections on the lane's sorted starts, so a frame
costs the number of bins, not the number of events. An event is counted once, in
the bin where it starts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from desktop.layout.calendar import describe
from desktop.layout.day_ticks import iter_level
from desktop.layout.event_index import LaneIndex
from desktop.layout.ticks import LEVELS, TickLevel

MIN_BIN_PX = 18.0


@dataclass(frozen=True)
class Bin:
    """Events starting in [lo, hi) days; `first` is the position of the first of them."""

    lo: float
    hi: float
    count: int
    first: int

    @property
    def days(self) -> float:
        return self.hi - self.lo


def bin_level(px_per_day: float, min_px: float = MIN_BIN_PX) -> TickLevel:
    """The finest calendar step whose bins are at least `min_px` wide."""
    best = LEVELS[0]
    for level in LEVELS:
        if level.seconds / 86400.0 * px_per_day < min_px:
            break
        best = level
    return best


def bin_edges(level: TickLevel, lo: float, hi: float) -> list[float]:
    """Calendar-aligned edges of whole bins covering [lo, hi] (one edge at or before lo,
    one at or after hi), so the first and last bins are full periods, not clipped stubs."""
    reach = level.seconds / 86400.0 * 2 + 1
    edges = list(iter_level(level, lo - reach, hi + reach))
    if len(edges) < 2:
        return [lo, hi]
    a = max((i for i, t in enumerate(edges) if t <= lo), default=0)
    b = min((i for i, t in enumerate(edges) if t >= hi), default=len(edges) - 1)
    return edges[a : max(b, a + 1) + 1]


def density_bins(index: LaneIndex, edges: list[float]) -> list[Bin]:
    """One bin per pair of neighbouring edges; together they count every event starting
    in [edges[0], edges[-1])."""
    out: list[Bin] = []
    for a, b in zip(edges, edges[1:], strict=False):
        span = index.starting(a, b)
        out.append(Bin(a, b, len(span), span.start))
    return out


def peak_density(bins: list[Bin]) -> float:
    """The highest count per day among the bins (bars are drawn relative to it, so a
    31-day month does not look busier than a 28-day one for the same rate)."""
    return max((b.count / b.days for b in bins if b.count and b.days > 0), default=0.0)


def bin_label(level: TickLevel, b: Bin) -> str:
    """The period a bin covers, as a person would say it: "1995", "1990–1994", "Mar 1995"."""
    if level.unit == "year":
        first = describe(b.lo, "year")
        return first if level.step == 1 else f"{first}–{describe(b.hi - 1, 'year')}"
    if level.unit == "month":
        first = describe(b.lo, "month")
        return first if level.step == 1 else f"{first} – {describe(b.hi - 1, 'month')}"
    if level.unit == "day":
        first = describe(b.lo, "day")
        return first if math.isclose(b.days, 1.0) else f"{first} – {describe(b.hi - 1, 'day')}"
    return f"{describe(b.lo, 'minute')} – {describe(b.hi, 'minute')[-5:]}"


def count_text(n: int) -> str:
    """A count short enough for a narrow bar: 7, 950, 1.4k, 12k."""
    if n < 1000:
        return str(n)
    if n < 10000:
        return f"{n / 1000:.1f}k"
    return f"{n // 1000}k"
