"""Packing boxes into rows so that no two overlap: the rows of a lane.

A box spans an event's drawn extent plus its label, so labels never collide. Greedy
first fit in start order is optimal for interval graphs (it uses as many rows as the
deepest overlap) and runs in O(n log n) with two heaps.
"""

from __future__ import annotations

import heapq
from collections.abc import Hashable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Box:
    """Horizontal extent [x0, x1] that must not touch another box in the same row."""

    key: Hashable
    x0: float
    x1: float


def pack_rows(boxes: Iterable[Box], *, gap: float = 0.0) -> dict[Hashable, int]:
    """Row index per box key; rows are reused lowest-first, `gap` kept between boxes.

    Boxes starting at the same x keep their given order (a stable sort), so events of
    one day numbered 6, 7, 8, 9 stack top-down as 6, 7, 8, 9 whatever their labels' widths.
    """
    ordered = sorted(boxes, key=lambda b: b.x0)
    busy: list[tuple[float, int]] = []  # (right edge, row)
    free: list[int] = []
    rows: dict[Hashable, int] = {}
    count = 0
    for box in ordered:
        while busy and busy[0][0] + gap <= box.x0:
            heapq.heappush(free, heapq.heappop(busy)[1])
        if free:
            row = heapq.heappop(free)
        else:
            row, count = count, count + 1
        rows[box.key] = row
        heapq.heappush(busy, (box.x1, row))
    return rows


def overlaps(boxes: list[Box], rows: dict[Hashable, int], gap: float = 0.0) -> list[tuple]:
    """Pairs of keys that share a row and overlap (for tests and debugging)."""
    by_row: dict[int, list[Box]] = {}
    for box in boxes:
        by_row.setdefault(rows[box.key], []).append(box)
    bad = []
    for members in by_row.values():
        members.sort(key=lambda b: b.x0)
        for a, b in zip(members, members[1:], strict=False):
            if a.x1 + gap > b.x0:
                bad.append((a.key, b.key))
    return bad
