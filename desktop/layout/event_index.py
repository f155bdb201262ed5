"""One lane's events as parallel arrays sorted by start, for fast visible-slice queries.

At 100,000 events a per-frame scan is too slow in Python, so each lane keeps its
extents (days) in `array('d')` sorted by start, plus a running maximum of the ends:
the first event that can still reach the window is a bisection on that maximum. The
few very long events (top 1%) live in a side list so they cannot make that bound loose.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, compress
from operator import itemgetter, not_, sub
from typing import NamedTuple


class Span(NamedTuple):
    """What the view layout needs of an event: its drawn extent and label room.

    [t0, t1] is the whole extent in days (earliest of the start to latest of the end);
    `label_w` is the pixel width reserved for its label (the painter elides to it).
    A tuple, not a dataclass: 100,000 of them are built per rebuild.
    """

    t0: float
    t1: float
    key: Hashable
    label_w: float = 0.0


@dataclass
class LaneIndex:
    """Spans of one lane, sorted by (t0, t1); `pos` below means a position in these arrays."""

    keys: list[Hashable]
    t0: array
    t1: array
    label_w: array
    reach: array = field(repr=False)  # running max of t1 over the short spans
    long: list[int] = field(repr=False)  # positions of the longest spans, scanned always
    short: list[int] = field(repr=False)  # positions of the others, parallel to reach
    short_t0: array = field(repr=False)
    cut: float = field(default=1.0, repr=False)  # spans longer than this are long
    _extent: tuple[float, float] | None = field(default=None, repr=False)

    def __len__(self) -> int:
        return len(self.keys)

    @classmethod
    def build(cls, spans: Sequence[Span], *, long_share: float = 0.01) -> LaneIndex:
        """Sort once (O(n log n)); the top `long_share` by length go to the side list.
        Plain (t0, t1, key, label_w) tuples do as well as Spans."""
        ordered = sorted(spans, key=itemgetter(0, 1))
        keys = [s[2] for s in ordered]
        t0 = array("d", [s[0] for s in ordered])
        t1 = array("d", [s[1] if s[1] > s[0] else s[0] for s in ordered])
        label_w = array("d", [s[3] for s in ordered])
        n = len(ordered)
        lengths = sorted(b - a for a, b in zip(t0, t1, strict=True))
        cut = lengths[min(int(n * (1 - long_share)), n - 1)] if n else 0.0
        return cls._sorted(keys, t0, t1, label_w, max(cut, 1.0))

    def patched(self, gone: set[Hashable], added: Sequence[Span]) -> LaneIndex:
        """This lane with spans removed (by key) and added: the arrays stay sorted (no
        re-sort of the lane), the long-span cut is kept. A few: bisection and C-level
        inserts (~1 ms for one moved event at 10,000 events). Many (an import's slice of
        hundreds into one lane): the new spans sorted among themselves, their places
        found by bisection and the arrays rebuilt by slicing, so the cost is one copy of
        the lane however many arrive (a whole-lane sort was ~20 ms a slice). More than
        the lane held: a fresh build, whose cut fits the new lane."""
        n = len(self.keys)
        if len(gone) + len(added) > max(64, n):
            kept = [s for s in zip(self.t0, self.t1, self.keys, self.label_w, strict=True)
                    if s[2] not in gone]
            return LaneIndex.build(kept + list(added))
        keys, t0, t1, label_w = self.keys, self.t0, self.t1, self.label_w
        if len(gone) > 4:  # a C-level pass (no Python loop over the lane)
            keep = list(map(not_, map(gone.__contains__, keys)))
            keys, t0 = list(compress(keys, keep)), array("d", compress(t0, keep))
            t1, label_w = array("d", compress(t1, keep)), array("d", compress(label_w, keep))
        else:
            keys, t0, t1, label_w = list(keys), array("d", t0), array("d", t1), \
                array("d", label_w)
            for i in sorted((keys.index(k) for k in gone if k in keys), reverse=True):
                del keys[i], t0[i], t1[i], label_w[i]
        spans = sorted(((a, b if b > a else a, key, w) for a, b, key, w in added),
                       key=itemgetter(0, 1))
        places = [_place(t0, t1, a, b) for a, b, _, _ in spans]  # non-decreasing
        if len(spans) <= 16:
            for p, (a, b, key, w) in zip(reversed(places), reversed(spans), strict=True):
                keys.insert(p, key)
                t0.insert(p, a)
                t1.insert(p, b)
                label_w.insert(p, w)
        elif spans:
            keys = _spliced(keys, places, [s[2] for s in spans], [])
            t0 = _spliced(t0, places, [s[0] for s in spans], array("d"))
            t1 = _spliced(t1, places, [s[1] for s in spans], array("d"))
            label_w = _spliced(label_w, places, [s[3] for s in spans], array("d"))
        return LaneIndex._sorted(keys, t0, t1, label_w, self.cut)

    @classmethod
    def _sorted(cls, keys: list[Hashable], t0: array, t1: array, label_w: array,
                cut: float) -> LaneIndex:  # fmt: skip
        """The index over arrays already in (t0, t1) order; spans longer than `cut`
        are the long ones."""
        n = len(keys)
        # C-level passes (map/compress/accumulate): this runs per patch of a lane that
        # may hold 40,000 events (per slice of an import), so no Python loop over the lane
        is_long = list(map(cut.__lt__, map(sub, t1, t0)))
        long = list(compress(range(n), is_long))
        if long:
            is_short = list(map(not_, is_long))
            short = list(compress(range(n), is_short))
            reach = array("d", accumulate(compress(t1, is_short), max))
            short_t0 = array("d", compress(t0, is_short))
        else:
            short = list(range(n))
            reach = array("d", accumulate(t1, max))
            short_t0 = array("d", t0)
        return cls(keys, t0, t1, label_w, reach, long, short, short_t0, cut=cut)

    def visible(self, lo: float, hi: float) -> list[int]:
        """Positions (in start order) of spans that may intersect [lo, hi]."""
        a = bisect_left(self.reach, lo)
        b = bisect_right(self.short_t0, hi)
        found = self.short[a:b] if a < b else []
        extra = [i for i in self.long if self.t0[i] <= hi and self.t1[i] >= lo]
        if extra:
            found = sorted(found + extra)
        return found

    def count_starting(self, lo: float, hi: float) -> int:
        """How many spans start in [lo, hi): two bisections, whatever the density."""
        return bisect_left(self.t0, hi) - bisect_left(self.t0, lo)

    def starting(self, lo: float, hi: float) -> range:
        """Positions of spans starting in [lo, hi)."""
        return range(bisect_left(self.t0, lo), bisect_left(self.t0, hi))

    def extent(self) -> tuple[float, float] | None:
        """First start and last end (computed once: the arrays never change)."""
        if not self.keys:
            return None
        if self._extent is None:
            self._extent = (self.t0[0], max(self.t1))
        return self._extent


def _place(t0: array, t1: array, a: float, b: float) -> int:
    """Where (a, b) goes in arrays sorted by (t0, t1): after every equal span."""
    p = bisect_right(t0, a)
    while p > 0 and t0[p - 1] == a and t1[p - 1] > b:
        p -= 1
    return p


def _spliced(seq, places: list[int], items: list, out):  # noqa: ANN001, ANN202
    """`seq` (a list or an array) with items[i] inserted before places[i] (ascending)."""
    prev = 0
    for p, item in zip(places, items, strict=True):
        if p > prev:
            out += seq[prev:p]
            prev = p
        out.append(item)
    out += seq[prev:]
    return out
