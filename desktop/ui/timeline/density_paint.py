"""Drawing a dense lane as a histogram strip: one bar per calendar period, with its count.

When a lane holds far more events in view than its rows can show, a row of equal
"1.4k" badges says nothing; bars per year (or quarter, month, day ...) show where the
events are, and the counts say how many. Bar heights are events per day relative to
the lane's busiest bin in view; a bin holding one event draws that event itself
(clickable, with its tooltip), never a bar of one. Each bar is a zoom target.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QStaticText

from desktop.layout.density import (
    Bin,
    bin_edges,
    bin_level,
    count_text,
    density_bins,
    peak_density,
)
from desktop.layout.event_index import LaneIndex
from desktop.layout.hits import HitBox
from desktop.layout.view_pack import Cluster
from desktop.layout.viewport import Viewport

if TYPE_CHECKING:
    from desktop.ui.timeline.painter import LaneRow, Painter

LABEL_H = 13.0  # the band above the bars where counts go
DENSE_FACTOR = 6  # a lane is dense when its visible events exceed this x what rows show


def too_many(index: LaneIndex, vp: Viewport, rows: int, per_row_px: float = 60.0) -> bool:
    """Far more events start in view than `rows` rows of labelled events could show."""
    capacity = max(rows, 1) * vp.width / per_row_px
    return index.count_starting(vp.left, vp.right) > DENSE_FACTOR * capacity


def paint_density(painter: Painter, p: QPainter, index: LaneIndex, vp: Viewport, lr: LaneRow,
                  color: QColor, events: dict, state,
                  selected: list[tuple[int, float, float]] = ()) -> str:  # fmt: skip
    """Bars for lane `lr`, and over them the `selected` events (id, t0, t1) of this lane,
    so a selection stays visible at any scale; hit boxes and zoom targets go to the
    painter's lists. Returns the bins' unit ("year", "3 months" ...) for the legend."""
    level = bin_level(vp.px_per_day)
    bins = density_bins(index, bin_edges(level, vp.left, vp.right))
    peak = peak_density(bins)
    if peak <= 0:
        return ""
    theme = painter.theme
    with_labels = lr.height >= 40
    top = lr.y0 + 3 + (LABEL_H if with_labels else 0)
    base = lr.y0 + lr.height - 3
    room = max(base - top, 2.0)
    fill = QColor(color)
    fill.setAlpha(170 if theme.dark else 150)
    edge = color.lighter(130) if theme.dark else color.darker(130)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    p.fillRect(QRectF(0, base, vp.width, 1), theme.line)
    lone: list[tuple[int, float]] = []
    bars: list[tuple[QRectF, Bin]] = []
    for b in bins:
        if b.count == 0:
            continue
        x0, x1 = vp.x(b.lo), vp.x(b.hi)
        if x1 < 0 or x0 > vp.width:
            continue
        if b.count == 1:
            lone.append((b.first, base))
            continue
        h = round(max(room * (b.count / b.days) / peak, 2.0))
        a, w = round(x0) + 1, max(round(x1) - round(x0) - 2, 1)
        bars.append((QRectF(a, base - h, w, h), b))
    # one call per lane for the bars and one for their top edges: 10 lanes x 60 bars
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(fill)
    p.drawRects([r for r, _ in bars])
    p.setBrush(edge)
    p.drawRects([QRectF(r.left(), r.top(), r.width(), 1) for r, _ in bars])
    p.setBrush(Qt.BrushStyle.NoBrush)
    gutter, first = painter.gutter, len(painter.clusters)
    painter.hits.extend(HitBox("cluster", first + k, r.left() + gutter, lr.y0, r.right() + gutter,
                               base, lr.lane) for k, (r, _) in enumerate(bars))  # fmt: skip
    painter.clusters.extend(Cluster((b.lo + b.hi) / 2, b.lo, b.hi, b.count, 0) for _, b in bars)
    painter.cluster_levels.extend([level] * len(bars))
    if with_labels:
        p.setFont(painter.small)
        p.setPen(theme.ink)
        label_right = -1e9
        for r, b in bars:
            label_right = _count(painter, p, b.count, vp.x(b.lo), vp.x(b.hi), r.top(),
                                 label_right, vp.width)  # fmt: skip
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    shown = set()
    for pos, y in lone:
        eid = index.keys[pos]
        shown.add(eid)
        _lone_event(painter, p, eid, index.t0[pos], index.t1[pos], vp, y, lr, color, events,
                    state)  # fmt: skip
    for eid, t0, t1 in selected:
        if eid not in shown:
            _lone_event(painter, p, eid, t0, t1, vp, base, lr, color, events, state)
    step = "" if level.step == 1 else f"{level.step} "
    return f"{step}{level.unit}{'s' if level.step > 1 else ''}"


def _count(painter: Painter, p: QPainter, n: int, x0: float, x1: float, bar_top: float,
           last_right: float, view_width: float) -> float:  # fmt: skip
    """The count over a bar, full ("1,432") when it fits in the bar, short ("1.4k")
    otherwise; over the bar's visible part only, and left out where it would touch the
    previous count."""
    st, tw, th = _sized(painter, f"{n:,}")
    if tw > x1 - x0 - 6:  # room left for the neighbours' counts
        st, tw, th = _sized(painter, count_text(n))
    a, b = max(x0, 0.0), min(x1, view_width)
    if b - a < tw and (a > x0 or b < x1):  # a bar cut by the edge, too little of it shown
        return last_right
    x = min(max((x0 + x1) / 2 - tw / 2, a), b - tw)
    if x < last_right + 3:
        return last_right
    p.drawStaticText(QPointF(x, bar_top - th - 1), st)
    return x + tw


def _sized(painter: Painter, text: str) -> tuple[QStaticText, float, float]:
    """A prepared count and its size (asking a QStaticText its size is not free)."""
    found = painter.count_texts.get(text)
    if found is None:
        st = painter._badge_text(text)
        size = st.size()
        found = painter.count_texts[text] = (st, size.width(), size.height())
    return found


def _lone_event(painter: Painter, p: QPainter, eid: int, t0: float, t1: float, vp: Viewport,
                base: float, lr: LaneRow, color: QColor, events: dict, state) -> None:  # fmt: skip
    """An event drawn as itself, its marker sitting on the base line."""
    e = events.get(eid)
    x0, x1 = vp.x(t0), vp.x(t1)
    if e is None or x1 < -10 or x0 > vp.width + 10:
        return
    y = base - painter.row_h
    faded = QColor(color)
    faded.setAlpha(115 if painter.theme.dark else 70)
    painter._event(p, e, eid, x0, x1, y, color, faded, state)
    half = 5.0
    left = min(x0, (x0 + x1) / 2 - half)
    right = max(x1, left + 2 * half)
    painter.hits.append(HitBox("event", eid, left + painter.gutter, y, right + painter.gutter,
                               y + painter.row_h, lr.lane))  # fmt: skip
