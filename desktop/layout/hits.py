"""Hit-testing what a frame drew: which event or badge is under the mouse or in a band.

The painter records one rectangle per drawn event (marker plus label) and per badge;
the lists are at most a few thousand long, so a reverse scan (topmost first) is
fast enough and needs no spatial index.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass


@dataclass(frozen=True)
class HitBox:
    """A drawn thing: `kind` is "event" or "cluster"; `key` the event id or cluster index."""

    kind: str
    key: Hashable
    x0: float
    y0: float
    x1: float
    y1: float
    lane: int = 0

    def contains(self, x: float, y: float, slop: float = 0.0) -> bool:
        return self.x0 - slop <= x <= self.x1 + slop and self.y0 - slop <= y <= self.y1 + slop

    def meets(self, x0: float, y0: float, x1: float, y1: float) -> bool:
        return self.x0 <= x1 and x0 <= self.x1 and self.y0 <= y1 and y0 <= self.y1


def hit_at(boxes: list[HitBox], x: float, y: float, slop: float = 2.0) -> HitBox | None:
    """The topmost (last drawn) box at (x, y), exact hits before near misses."""
    for pad in (0.0, slop):
        for box in reversed(boxes):
            if box.contains(x, y, pad):
                return box
    return None


def hits_in(boxes: list[HitBox], x0: float, y0: float, x1: float, y1: float,
            kind: str = "event") -> list[HitBox]:  # fmt: skip
    """Boxes of `kind` meeting the rectangle (corners in any order)."""
    lx, hx = min(x0, x1), max(x0, x1)
    ly, hy = min(y0, y1), max(y0, y1)
    return [b for b in boxes if b.kind == kind and b.meets(lx, ly, hx, hy)]
