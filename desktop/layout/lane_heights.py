"""Sharing the timeline's height among lanes by what they hold, or as the user sized them.

A lane of 30,000 events needs more room than one of 12: open lanes without a size of
their own share the free height in proportion to the square root of their event
counts (so a busy lane grows, but a quiet one is not squeezed to nothing), each
between a minimum that still shows its name and count and the room there is. A lane
the user resized keeps exactly that height; a collapsed lane one row. Counts are the
lane's whole content, not the visible slice, so heights stay put while zooming.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

ROW_PX = 20.0
PAD_PX = 6.0
COLLAPSED_PX = ROW_PX + 2 * PAD_PX  # one row: the name
MIN_PX = 2 * ROW_PX + 2 * PAD_PX  # the name and the count line
EMPTY_PX = COLLAPSED_PX


@dataclass(frozen=True)
class LaneNeed:
    """What one lane asks for: its event count, collapsed or not, a user-set height."""

    count: int
    collapsed: bool = False
    height: float | None = None


def rows_in(height: float) -> int:
    """How many event rows fit in a lane of `height` pixels (at least one)."""
    return max(int((height - 2 * PAD_PX + 1e-6) // ROW_PX), 1)


def clamp_height(height: float) -> float:
    """A user-set height, no smaller than one row with the lane's name."""
    return max(float(round(height)), COLLAPSED_PX)


def share_heights(needs: list[LaneNeed], room: float) -> list[float]:
    """Pixel heights, one per lane; their sum exceeds `room` only when the minimums do
    (then the view scrolls)."""
    out: list[float | None] = [None] * len(needs)
    auto: list[int] = []
    for i, need in enumerate(needs):
        if need.collapsed:
            out[i] = COLLAPSED_PX
        elif need.height is not None:
            out[i] = clamp_height(need.height)
        elif need.count == 0:
            out[i] = EMPTY_PX
        else:
            auto.append(i)
    free = room - sum(h for h in out if h is not None)
    weights = {i: math.sqrt(needs[i].count) for i in auto}
    # short of room, lanes give up their count line before the view has to scroll
    least = MIN_PX if len(auto) * MIN_PX <= free else max(COLLAPSED_PX, free // max(len(auto), 1))
    # water-filling: lanes whose share falls below the minimum get it and leave the pool
    pool = set(auto)
    while pool:
        total = sum(weights[i] for i in pool)
        small = [i for i in pool if free * weights[i] / total < least]
        if not small:
            break
        for i in small:
            out[i] = least
            free -= least
            pool.discard(i)
    # a lane cannot use more rows than it has events (plus its count line)
    while pool:
        total = sum(weights[i] for i in pool)
        full = [i for i in pool if free * weights[i] / total > _most(needs[i].count)]
        if not full:
            break
        for i in full:
            out[i] = _most(needs[i].count)
            free -= out[i]
            pool.discard(i)
    if pool:
        total = sum(weights[i] for i in pool)
        for i in pool:
            out[i] = float(max(math.floor(free * weights[i] / total), least))
    return [float(h) for h in out]  # type: ignore[arg-type]


def _most(count: int) -> float:
    return max(count + 1, 2) * ROW_PX + 2 * PAD_PX
