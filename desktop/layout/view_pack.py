"""Rows and cluster badges for the visible slice of one lane, at a zoom band.

Packing runs at the band's scale (a power of two pixels per day at or below the shown
scale), so within a band zooming in only spreads boxes apart: labels never overlap and
rows stay put. Events that find no free row are gathered into count badges on the
lane's last row; badges span at most their own width, so they never overlap either.
A badge never stands for one event: a lone event there is drawn as its marker (`bare`).
Where a lane is too dense to pack, absolute-aligned buckets are counted by bisection
and only sparse buckets contribute individual events: the work per frame is bounded
by the screen, not by the number of events.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from desktop.layout.event_index import LaneIndex

TILE_PX = 2048.0


@dataclass(frozen=True)
class PackStyle:
    """Pixel sizes the packing must respect (the painter uses the same ones)."""

    marker_px: float = 10.0
    label_gap: float = 4.0
    gap: float = 8.0
    badge_px: float = 36.0
    bucket_px: float = 48.0
    dense_cap: int = 500


@dataclass(frozen=True)
class Cluster:
    """A badge: `count` events from [t_lo, t_hi]; drawn at `anchor` (days) on `row`."""

    anchor: float
    t_lo: float
    t_hi: float
    count: int
    row: int
    members: tuple[int, ...] = ()  # positions, when few enough to keep


@dataclass
class LanePack:
    """Placed positions with their rows, the cluster badges and the lone events drawn as
    bare markers (no label) on the badge row; `rows` rows in use."""

    rows: int
    placed: list[tuple[int, int]] = field(default_factory=list)
    clusters: list[Cluster] = field(default_factory=list)
    bare: list[int] = field(default_factory=list)
    badge_row: int = 0


def pack_window(
    index: LaneIndex,
    lo: float,
    hi: float,
    band_ppd: float,
    max_rows: int,
    style: PackStyle = PackStyle(),
) -> LanePack:
    """Pack what shows in [lo, hi] days, starting from a tile edge left of `lo`.

    Starting at an absolute tile edge (not at the window edge) keeps rows stable while
    panning. One row is reserved for badges when there are at least two rows.
    """
    tile = TILE_PX / band_ppd
    start = (math.floor(lo / tile) - 1) * tile
    stop = hi + style.bucket_px / band_ppd
    max_rows = max(max_rows, 1)
    event_rows = max_rows - 1 if max_rows > 1 else 0  # a one-row lane shows badges only
    badge_row = max_rows - 1
    candidates = index.visible(start, stop)
    if len(candidates) > style.dense_cap:
        candidates, dense = _thin(index, start, stop, band_ppd, event_rows, badge_row, style)
    else:
        dense = []
    pack = _greedy(index, candidates, band_ppd, event_rows, badge_row, style)
    if dense:
        pack.clusters = _merge_badges(pack.clusters + dense, band_ppd, style)
        pack.rows = max_rows
    pack.badge_row = badge_row
    pack.bare = [c.members[0] for c in pack.clusters if c.count == 1]
    if pack.bare:
        pack.clusters = [c for c in pack.clusters if c.count > 1]
    return pack


def _thin(index: LaneIndex, start: float, stop: float, band_ppd: float, keep: int, row: int,
          style: PackStyle) -> tuple[list[int], list[Cluster]]:  # fmt: skip
    """Sparse buckets give their events; each dense bucket becomes one badge."""
    width = style.bucket_px / band_ppd
    first = math.floor(start / width)
    last = math.floor(stop / width)
    singles: list[int] = []
    badges: list[Cluster] = []
    for k in range(first, last + 1):
        a, b = k * width, (k + 1) * width
        positions = index.starting(a, b)
        n = len(positions)
        if n == 0:
            continue
        if n <= max(keep, 1):  # a lone event is drawn as itself, never as a "1" badge
            singles.extend(positions)
            continue
        first_t = index.t0[positions.start]
        badges.append(Cluster(first_t, first_t, max(b, index.t0[positions.stop - 1]), n, row))
    long = [i for i in index.long if index.t0[i] < start and index.t1[i] >= start]
    return sorted(long + singles), badges


def _greedy(index: LaneIndex, positions: list[int], band_ppd: float, rows: int, badge_row: int,
            style: PackStyle) -> LanePack:  # fmt: skip
    t0s, t1s, widths = index.t0, index.t1, index.label_w
    half = style.marker_px / 2
    lead = style.label_gap
    gap = style.gap
    ends = [-math.inf] * rows
    placed: list[tuple[int, int]] = []
    overflow: list[int] = []
    used = 0
    for i in positions:
        x0 = t0s[i] * band_ppd
        x1 = t1s[i] * band_ppd
        if x1 - x0 < style.marker_px:
            mid = (x0 + x1) / 2
            x0, x1 = mid - half, mid + half
        w = widths[i]
        right = x1 + lead + w if w > 0 else x1
        for r in range(rows):
            if ends[r] + gap <= x0:
                ends[r] = right
                placed.append((i, r))
                if r >= used:
                    used = r + 1
                break
        else:
            overflow.append(i)
    clusters: list[Cluster] = []
    if overflow:
        clusters = _overflow_badges(index, overflow, band_ppd, badge_row, style)
        used = badge_row + 1 if badge_row >= used else used
    return LanePack(max(used, 1), placed, clusters)


def _overflow_badges(index: LaneIndex, overflow: list[int], band_ppd: float, row: int,
                     style: PackStyle) -> list[Cluster]:  # fmt: skip
    """Group overflowing events left to right; a badge takes members within its width."""
    span = (style.badge_px + style.gap) / band_ppd
    out: list[Cluster] = []
    members: list[int] = []
    anchor = -math.inf
    for i in overflow:
        centre = (index.t0[i] + index.t1[i]) / 2
        if members and centre < anchor + span:
            members.append(i)
            continue
        if members:
            out.append(_cluster(index, members, anchor, row))
        members, anchor = [i], centre
    if members:
        out.append(_cluster(index, members, anchor, row))
    return out


def _cluster(index: LaneIndex, members: list[int], anchor: float, row: int) -> Cluster:
    lo = min(index.t0[i] for i in members)
    hi = max(index.t1[i] for i in members)
    keep = tuple(members) if len(members) <= 5000 else ()
    return Cluster(anchor, lo, hi, len(members), row, keep)


def _merge_badges(clusters: list[Cluster], band_ppd: float, style: PackStyle) -> list[Cluster]:
    """Badges from buckets and from overflow, merged so no two closer than a badge."""
    span = (style.badge_px + style.gap) / band_ppd
    out: list[Cluster] = []
    for c in sorted(clusters, key=lambda c: c.anchor):
        if out and c.anchor < out[-1].anchor + span:
            p = out[-1]
            out[-1] = Cluster(p.anchor, min(p.t_lo, c.t_lo), max(p.t_hi, c.t_hi),
                              p.count + c.count, p.row, p.members + c.members)  # fmt: skip
        else:
            out.append(c)
    return out
