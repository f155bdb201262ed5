"""The interactive view's window on time: left edge in days and pixels per day.

Immutable, so zoom and pan are cheap new values and tests compare them directly. Zoom
keeps the moment under the cursor in place; limits stop at 20,000 years per screen and
a few pixels per minute, and `band` quantises the zoom so lane packing can be cached
and stays still while zooming within a band.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

MIN_PX_PER_DAY = 1e-5  # ~ 30,000 years across 1600 px
MAX_PX_PER_DAY = 1440.0 * 12  # 12 px per minute
BAND_BASE = 2.0


@dataclass(frozen=True)
class Viewport:
    """`left` (days) sits at x = 0; `width` pixels are visible."""

    left: float
    px_per_day: float
    width: float

    # --- reading ------------------------------------------------------------------
    @property
    def right(self) -> float:
        return self.left + self.width / self.px_per_day

    @property
    def span(self) -> float:
        return self.width / self.px_per_day

    def x(self, days: float) -> float:
        return (days - self.left) * self.px_per_day

    def days_at(self, x: float) -> float:
        return self.left + x / self.px_per_day

    @property
    def band(self) -> int:
        """Integer zoom band: packing is done at the band's scale, never finer than shown."""
        return math.floor(math.log(self.px_per_day, BAND_BASE) + 1e-9)

    @property
    def band_px_per_day(self) -> float:
        return BAND_BASE ** self.band

    # --- navigation -----------------------------------------------------------------
    def zoomed(self, factor: float, around_x: float | None = None) -> Viewport:
        """Zoom by `factor` (>1 in) keeping the moment at `around_x` under it."""
        ax = self.width / 2 if around_x is None else around_x
        anchor = self.days_at(ax)
        ppd = min(max(self.px_per_day * factor, MIN_PX_PER_DAY), MAX_PX_PER_DAY)
        return Viewport(anchor - ax / ppd, ppd, self.width)

    def panned(self, dx: float) -> Viewport:
        """Move the content by `dx` pixels (positive: content moves right, time goes back)."""
        return replace(self, left=self.left - dx / self.px_per_day)

    def resized(self, width: float) -> Viewport:
        return replace(self, width=max(width, 1.0))

    def centred_on(self, days: float) -> Viewport:
        return replace(self, left=days - self.span / 2)

    def containing(self, lo: float, hi: float, margin: float = 0.1) -> Viewport:
        """Panned (not zoomed) just enough that [lo, hi] is visible, when it fits."""
        pad = self.span * margin
        if hi - lo > self.span - 2 * pad:
            return self.centred_on((lo + hi) / 2)
        if lo < self.left + pad:
            return replace(self, left=lo - pad)
        if hi > self.right - pad:
            return replace(self, left=hi + pad - self.span)
        return self


def fit(lo: float, hi: float, width: float, *, margin: float = 0.05,
        min_span: float = 1.0, pad_px: tuple[float, float] = (0.0, 0.0)) -> Viewport:  # fmt: skip
    """A viewport showing [lo, hi] with `margin` of the width free on each side, plus
    `pad_px` (left, right) pixels: room for the labels right of the last events."""
    span = max(hi - lo, min_span)
    room = width * (1 - 2 * margin) - pad_px[0] - pad_px[1]
    if room < width * 0.3:  # a narrow view: labels must make do
        room, pad_px = width * (1 - 2 * margin), (0.0, 0.0)
    ppd = min(max(room / span, MIN_PX_PER_DAY), MAX_PX_PER_DAY)
    mid = (lo + hi) / 2
    left = mid - span / 2 - (width * margin + pad_px[0]) / ppd
    if room / span > MAX_PX_PER_DAY:  # clamped: centre instead
        left = mid - width / ppd / 2
    return Viewport(left, ppd, max(width, 1.0))
