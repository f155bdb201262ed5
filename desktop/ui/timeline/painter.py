"""Drawing one frame of the timeline: axis, lanes, events, badges; only what is visible.

Per frame the work is bounded by the screen: each lane packs its visible slice (cached
per zoom band and tile, see layout.view_pack), labels are cached QStaticText elided to
their reserved width, and every drawn thing is recorded as a HitBox for the mouse.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPen,
    QPolygonF,
    QStaticText,
)

from desktop.layout.day_ticks import day_axis
from desktop.layout.density import Bin, bin_label, count_text
from desktop.layout.event_index import LaneIndex
from desktop.layout.hits import HitBox
from desktop.layout.lane_heights import PAD_PX, ROW_PX, LaneNeed, rows_in, share_heights
from desktop.layout.ticks import TickLevel
from desktop.layout.view_pack import Cluster, LanePack, PackStyle, pack_window
from desktop.layout.viewport import Viewport
from desktop.ui.timeline.density_cache import DensityCache
from desktop.ui.timeline.density_paint import too_many
from desktop.ui.timeline.model import TimelineModel
from desktop.ui.timeline.theme import LIGHT, Theme, outline_for

AXIS_H = 44.0
GUTTER = 128.0
ROW_H = ROW_PX
LANE_PAD = PAD_PX
MAX_LABEL_PX = 220.0
MAX_SHOWN_SELECTED = 500  # selected events drawn over a lane's density bars
STYLE = PackStyle()


@dataclass
class LaneRow:
    """Where lane `lane` sits on screen and how many rows it offers."""

    lane: int
    y0: float
    height: float
    rows: int


@dataclass
class FrameState:
    """What the frame shows beyond the data: selection, hover, a drag in progress."""

    selected: set[int] = field(default_factory=set)
    hover: int | None = None
    drag_id: int | None = None
    drag_days: float = 0.0  # snapped shift of the dragged event
    drag_lane: int | None = None
    band_rect: QRectF | None = None
    lane_drag: tuple[int, float] | None = None  # (lane, y of the pointer)
    sizes: dict[Hashable, float] = field(default_factory=dict)  # user-set lane heights


def lane_rows(model: TimelineModel, height: float, scroll_y: float,
              sizes: Mapping[Hashable, float] | None = None) -> list[LaneRow]:  # fmt: skip
    """Lanes stacked under the axis, sharing the height by content (layout.lane_heights);
    `sizes` holds the heights the user gave lanes (by lane key)."""
    if not model.lanes:
        return []
    sizes = sizes or {}
    needs = [LaneNeed(len(ix), spec.collapsed, sizes.get(spec.key))
             for spec, ix in zip(model.lanes, model.indexes, strict=False)]  # fmt: skip
    needs += [LaneNeed(0, spec.collapsed, sizes.get(spec.key))
              for spec in model.lanes[len(needs):]]  # fmt: skip
    out, y = [], AXIS_H - scroll_y
    for i, h in enumerate(share_heights(needs, height - AXIS_H)):
        out.append(LaneRow(i, y, h, 1 if needs[i].collapsed else rows_in(h)))
        y += h
    return out


def content_height(model: TimelineModel, height: float,
                   sizes: Mapping[Hashable, float] | None = None) -> float:  # fmt: skip
    rows = lane_rows(model, height, 0.0, sizes)
    return (rows[-1].y0 + rows[-1].height) if rows else height


class Painter:
    """Stateful only in caches (packs, label texts), so repeated frames are cheap."""

    def __init__(self, font: QFont | None = None) -> None:
        self.theme: Theme = LIGHT
        self.font = QFont(font) if font is not None else QFont()
        self.font.setPointSizeF(max(self.font.pointSizeF(), 8.5))
        self.bold = QFont(self.font)
        self.bold.setBold(True)
        self.small = QFont(self.font)
        self.small.setPointSizeF(self.font.pointSizeF() * 0.9)
        self.fm = QFontMetricsF(self.font)
        self.char_w = self.fm.averageCharWidth() * 1.15
        self.packs: OrderedDict[tuple, LanePack] = OrderedDict()
        self.texts: dict[tuple[int, int], QStaticText] = {}
        self.badge_texts: dict[str, QStaticText] = {}
        self._outlines: dict[tuple[int, bool], QColor] = {}  # lane colour -> outline
        self.count_texts: dict[str, tuple[QStaticText, float, float]] = {}  # with sizes
        self.hits: list[HitBox] = []
        self.clusters: list[Cluster] = []
        # the calendar step of each density bar (None for a badge), for its tooltip
        self.cluster_levels: list[TickLevel | None] = []
        self.bin_unit = ""  # the density bars' period in this frame ("year", "3 months")
        self.gutter, self.row_h = GUTTER, ROW_H
        self.data_version = -1
        self.strips = DensityCache()  # dense lanes' strips, redrawn only when they change

    def cluster_label(self, i: int) -> str:
        """The period density bar `i` counts ("1995", "Mar 1995"); "" for a badge."""
        level = self.cluster_levels[i] if i < len(self.cluster_levels) else None
        if level is None:
            return ""
        c = self.clusters[i]
        return bin_label(level, Bin(c.t_lo, c.t_hi, c.count, 0))

    def label_width(self, text: str) -> float:
        """Room reserved for a label: a font-based estimate, capped (drawing elides to it)."""
        return min(len(text) * self.char_w + 2, MAX_LABEL_PX)

    # --- packing ------------------------------------------------------------------
    def pack(self, model: TimelineModel, lane: int, vp: Viewport, rows: int) -> LanePack:
        if model.version != self.data_version:  # new data: packs and label texts are stale
            self.packs.clear()
            self.texts.clear()
            self.data_version = model.version
        band_ppd = vp.band_px_per_day
        tile = 2048.0 / band_ppd
        key = (lane, vp.band, math.floor(vp.left / tile), math.floor(vp.right / tile), rows)
        pack = self.packs.get(key)
        if pack is None:
            hi = (math.floor(vp.right / tile) + 1) * tile
            lo = math.floor(vp.left / tile) * tile
            pack = pack_window(model.indexes[lane], lo, hi, band_ppd, rows, STYLE)
            self.packs[key] = pack
            if len(self.packs) > 256:
                self.packs.popitem(last=False)
        return pack

    def static_text(self, event_id: int, text: str, width: float) -> QStaticText:
        key = (event_id, int(width))
        st = self.texts.get(key)
        if st is None:
            if len(self.texts) > 20000:
                self.texts.clear()
            elided = self.fm.elidedText(text, Qt.TextElideMode.ElideRight, width)
            st = QStaticText(elided)
            st.setTextFormat(Qt.TextFormat.PlainText)
            st.prepare(font=self.font)
            self.texts[key] = st
        return st

    # --- the frame ----------------------------------------------------------------
    def paint(self, p: QPainter, model: TimelineModel, vp: Viewport, width: float,
              height: float, scroll_y: float, state: FrameState) -> list[HitBox]:  # fmt: skip
        """Draw everything; returns the hit boxes (events and badges) of this frame."""
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.fillRect(0, 0, int(width), int(height), self.theme.bands[0])
        self.hits, self.clusters, self.cluster_levels, self.bin_unit = [], [], [], ""
        rows = lane_rows(model, height, scroll_y, state.sizes)
        axis = day_axis(vp.left, vp.px_per_day, vp.width, measure=self.fm.horizontalAdvance)
        for lr in rows:  # odd lanes on the other band colour (even ones already are)
            if lr.y0 + lr.height < AXIS_H or lr.y0 > height or lr.lane % 2 == 0:
                continue
            p.fillRect(int(GUTTER), int(lr.y0), int(width - GUTTER), int(lr.height),
                       self.theme.bands[1])  # fmt: skip
        for t in axis.major:
            p.fillRect(QRectF(round(GUTTER + t.x), AXIS_H, 1, height - AXIS_H), self.theme.grid)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.save()
        p.setClipRect(QRectF(GUTTER, AXIS_H, width - GUTTER, height - AXIS_H))
        p.translate(GUTTER, 0)
        for lr in rows:
            if lr.y0 + lr.height < AXIS_H or lr.y0 > height:
                continue
            self._lane(p, model, vp, lr, state)
        if state.band_rect is not None:
            p.translate(-GUTTER, 0)
            p.setPen(QPen(self.theme.select, 1, Qt.PenStyle.DashLine))
            p.setBrush(self.theme.select_fill)
            p.drawRect(state.band_rect)
        p.restore()
        self._gutter(p, model, rows, height, state)
        self._axis(p, axis, width)
        return self.hits

    def _lane(self, p: QPainter, model: TimelineModel, vp: Viewport, lr: LaneRow,
              state: FrameState) -> None:  # fmt: skip
        index = model.indexes[lr.lane]
        if not len(index):
            return
        color = QColor(model.lanes[lr.lane].color)
        pack = None if too_many(index, vp, lr.rows) else self.pack(model, lr.lane, vp, lr.rows)
        if pack is None or _mostly_badges(pack, index, vp):
            chosen = [(i, *model.extents[i]) for i in list(state.selected)[:MAX_SHOWN_SELECTED]
                      if model.lane_of.get(i) == lr.lane and i in model.extents]  # fmt: skip
            unit = self.strips.paint(self, p, model, index, vp, lr, color, state, chosen,
                                     complete=len(state.selected) <= MAX_SHOWN_SELECTED)
            self.bin_unit = self.bin_unit or unit
            return
        faded = QColor(color)
        faded.setAlpha(115 if self.theme.dark else 70)
        ppd, left, w = vp.px_per_day, vp.left, vp.width
        half = STYLE.marker_px / 2
        top = lr.y0 + LANE_PAD
        p.setFont(self.font)
        events = model.events
        for pos, row in pack.placed:
            t0, t1 = index.t0[pos], index.t1[pos]
            x0, x1 = (t0 - left) * ppd, (t1 - left) * ppd
            label_w = index.label_w[pos]
            if x1 < -half - 2 or x0 > w + 2:
                if x1 + STYLE.label_gap + label_w < 0 or x0 > w:
                    continue
            eid = index.keys[pos]
            y = top + row * ROW_H
            e = events[eid]
            self._event(p, e, eid, x0, x1, y, color, faded, state)
            lx = max(x1, (x0 + x1) / 2 + half) + STYLE.label_gap
            if label_w > 0 and lx > w - 40 and min(x1, w) - max(x0, 0.0) > 90:
                right = self._inner_label(p, model.labels.get(eid, ""), max(x0, 0.0), min(x1, w), y)
            elif label_w > 0 and lx < 0 < lx + label_w - 40:  # sticks to the left edge
                text = self.fm.elidedText(model.labels.get(eid, ""), Qt.TextElideMode.ElideRight,
                                          lx + label_w - 4)  # fmt: skip
                p.setPen(self.theme.conflict if e.conflict else self.theme.ink)
                p.drawText(QPointF(4, y + ROW_H / 2 + self.fm.ascent() / 2 - 1), text)
                right = lx + label_w
            elif label_w > 0:
                st = self.static_text(eid, model.labels.get(eid, ""), label_w)
                p.setPen(self.theme.conflict if e.conflict else self.theme.ink)
                if eid in state.selected or eid == state.hover:
                    p.fillRect(QRectF(lx - 2, y + 2, st.size().width() + 4, ROW_H - 4),
                               self.theme.select_fill)  # fmt: skip
                if e.status == "suggested":
                    p.setOpacity(0.55)
                p.drawStaticText(QPointF(lx, y + (ROW_H - st.size().height()) / 2), st)
                p.setOpacity(1.0)
                right = lx + st.size().width()
            else:
                right = max(x1, x0 + half * 2)
            self.hits.append(HitBox("event", eid, min(x0, (x0 + x1) / 2 - half) + GUTTER, y,
                                    right + GUTTER, y + ROW_H, lr.lane))  # fmt: skip
        for pos in pack.bare:  # a lone event where the badges are: itself, unlabelled
            t0, t1 = index.t0[pos], index.t1[pos]
            x0, x1 = (t0 - left) * ppd, (t1 - left) * ppd
            if x1 < -half - 2 or x0 > w + 2:
                continue
            eid = index.keys[pos]
            y = top + pack.badge_row * ROW_H
            self._event(p, events[eid], eid, x0, x1, y, color, faded, state)
            self.hits.append(HitBox("event", eid, min(x0, (x0 + x1) / 2 - half) + GUTTER, y,
                                    max(x1, (x0 + x1) / 2 + half) + GUTTER, y + ROW_H,
                                    lr.lane))  # fmt: skip
        self._badges(p, pack, vp, top, lr.lane)

    def outline(self, color: QColor) -> QColor:
        """A lane colour's outline that stands out in this theme (cached per colour)."""
        key = (color.rgba(), self.theme.dark)
        found = self._outlines.get(key)
        if found is None:
            found = self._outlines[key] = outline_for(color, self.theme)
        return found

    def _inner_label(self, p: QPainter, text: str, a: float, b: float, y: float) -> float:
        """A bar running off the right edge carries its label inside, on a light plate."""
        elided = self.fm.elidedText(text, Qt.TextElideMode.ElideRight, b - a - 16)
        tw = self.fm.horizontalAdvance(elided)
        p.fillRect(QRectF(a + 6, y + 3, tw + 6, ROW_H - 6), self.theme.plate)
        p.setPen(self.theme.ink)
        p.drawText(QPointF(a + 9, y + ROW_H / 2 + self.fm.ascent() / 2 - 1), elided)
        return b

    def _event(self, p: QPainter, e, eid: int, x0: float, x1: float, y: float, color: QColor,
               faded: QColor, state: FrameState) -> None:  # fmt: skip
        """A point as a diamond; an uncertain date as a faded span with diamond ends;
        the certain part of a range solid; open sides with an arrow."""
        half = STYLE.marker_px / 2
        mid_y = y + ROW_H / 2
        selected = eid in state.selected
        ghost = e.status == "suggested"
        if ghost:
            p.setOpacity(0.45)
        t = self.theme
        edge = t.select if selected else (t.conflict if e.conflict else self.outline(color))
        pen = QPen(edge, 2 if selected or e.conflict else 1)
        if ghost:
            pen.setStyle(Qt.PenStyle.DashLine)
        p.setPen(pen)
        if x1 - x0 < STYLE.marker_px:
            c = (x0 + x1) / 2
            p.setBrush(color)
            p.drawPolygon(QPolygonF([QPointF(c - half, mid_y), QPointF(c, mid_y - half),
                                     QPointF(c + half, mid_y), QPointF(c, mid_y + half)]))
        else:
            a, b = max(x0, -50.0), min(x1, 1e6)
            k = min(half, (b - a) / 2)
            p.setBrush(faded)
            # long edges on pixel centres: crisp lines, not two half-tone rows
            top, bottom = round(mid_y - half + 1) + 0.5, round(mid_y + half - 1) - 0.5
            p.drawPolygon(QPolygonF([QPointF(a, mid_y), QPointF(a + k, top),
                                     QPointF(b - k, top), QPointF(b, mid_y),
                                     QPointF(b - k, bottom),
                                     QPointF(a + k, bottom)]))  # fmt: skip
            core = e.certain_days() if e.end is not None else None
            if core is not None:
                scale = (x1 - x0) / max(e.span_days()[1] - e.span_days()[0], 1e-9)
                c0 = x0 + (core[0] - e.span_days()[0]) * scale
                c1 = x0 + (core[1] - e.span_days()[0]) * scale
                p.fillRect(QRectF(max(c0, -50.0), mid_y - half + 2, min(c1, 1e6) - max(c0, -50.0),
                                  STYLE.marker_px - 4), color)  # fmt: skip
            if e.open_start:
                self._arrow(p, a, mid_y, -1)
            if e.open_end:
                self._arrow(p, b, mid_y, 1)
        p.setBrush(Qt.BrushStyle.NoBrush)
        if e.conflict:
            p.setBrush(self.theme.conflict)
            p.setPen(Qt.PenStyle.NoPen)
            p.drawEllipse(QPointF(min(x1, (x0 + x1) / 2 + half), mid_y - half), 3, 3)
        p.setOpacity(1.0)

    def _arrow(self, p: QPainter, x: float, y: float, direction: int) -> None:
        tip = x + direction * 8
        p.drawLine(QPointF(x, y), QPointF(tip, y))
        p.drawLine(QPointF(tip, y), QPointF(tip - direction * 4, y - 4))
        p.drawLine(QPointF(tip, y), QPointF(tip - direction * 4, y + 4))

    def _badges(self, p: QPainter, pack: LanePack, vp: Viewport, top: float, lane: int) -> None:
        if not pack.clusters:
            return
        p.setFont(self.small)
        w = STYLE.badge_px
        for c in pack.clusters:
            x = vp.x(c.anchor)
            if x < -w or x > vp.width + w:
                continue
            y = top + c.row * ROW_H + 2
            rect = QRectF(x - w / 2, y, w, ROW_H - 4)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(self.theme.badge)
            p.drawRoundedRect(rect, 7, 7)
            st = self._badge_text(count_text(c.count))
            size = st.size()
            p.setPen(self.theme.badge_text)
            p.drawStaticText(QPointF(x - size.width() / 2, y + (ROW_H - 4 - size.height()) / 2), st)
            self.hits.append(HitBox("cluster", len(self.clusters), rect.left() + GUTTER, rect.top(),
                                    rect.right() + GUTTER, rect.bottom(), lane))  # fmt: skip
            self.clusters.append(c)
            self.cluster_levels.append(None)
        p.setBrush(Qt.BrushStyle.NoBrush)

    def _badge_text(self, text: str) -> QStaticText:
        st = self.badge_texts.get(text)
        if st is None:
            st = QStaticText(text)
            st.setTextFormat(Qt.TextFormat.PlainText)
            st.prepare(font=self.small)
            self.badge_texts[text] = st
        return st

    def _gutter(self, p: QPainter, model: TimelineModel, rows: list[LaneRow], height: float,
                state: FrameState) -> None:  # fmt: skip
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.fillRect(QRectF(0, AXIS_H, GUTTER, height - AXIS_H), self.theme.gutter)
        p.fillRect(QRectF(GUTTER - 1, 0, 1, height), self.theme.line)
        p.setFont(self.bold)
        for lr in rows:
            if lr.y0 + lr.height < AXIS_H or lr.y0 > height:
                continue
            spec = model.lanes[lr.lane]
            p.fillRect(QRectF(0, lr.y0, 4, lr.height), QColor(spec.color))
            tri = 5.0
            cx, cy = 14.0, lr.y0 + LANE_PAD + ROW_H / 2
            if spec.collapsed:  # pointing right
                pts = [QPointF(cx - 4, cy - tri), QPointF(cx + 4, cy), QPointF(cx - 4, cy + tri)]
            else:  # pointing down
                pts = [QPointF(cx - tri, cy - 4), QPointF(cx + tri, cy - 4), QPointF(cx, cy + 4)]
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(self.theme.muted)
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            p.drawPolygon(QPolygonF(pts))
            p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            p.setPen(self.theme.ink)
            count = len(model.indexes[lr.lane])
            name = self.fm.elidedText(spec.name, Qt.TextElideMode.ElideRight, GUTTER - 30)
            p.drawText(QRectF(24, lr.y0 + LANE_PAD, GUTTER - 28, ROW_H),
                       Qt.AlignmentFlag.AlignVCenter, name)  # fmt: skip
            if not spec.collapsed and lr.rows > 1:
                p.setFont(self.small)
                p.setPen(self.theme.muted)
                noun = "event" if count == 1 else "events"
                p.drawText(QRectF(24, lr.y0 + LANE_PAD + ROW_H, GUTTER - 28, ROW_H),
                           Qt.AlignmentFlag.AlignVCenter, f"{count:,} {noun}")  # fmt: skip
                p.setFont(self.bold)
            p.fillRect(QRectF(0, lr.y0 + lr.height - 1, GUTTER, 1), self.theme.line)
        if state.lane_drag is not None:
            p.setPen(QPen(self.theme.select, 2))
            y = state.lane_drag[1]
            p.drawLine(QPointF(0, y), QPointF(GUTTER * 4, y))

    def _axis(self, p: QPainter, axis, width: float) -> None:
        p.fillRect(QRectF(0, 0, width, AXIS_H), self.theme.axis_bg)
        p.fillRect(QRectF(0, AXIS_H - 1, width, 1), self.theme.tick_minor)
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.setClipRect(QRectF(GUTTER, 0, width - GUTTER, AXIS_H))
        p.translate(GUTTER, 0)
        tick = self.theme.tick_minor
        for t in axis.minor:
            p.fillRect(QRectF(round(t.x), AXIS_H - 4, 1, 4), tick)
        tick = self.theme.tick_major
        p.setPen(self.theme.muted)
        p.setFont(self.font)
        for t in axis.major:
            p.fillRect(QRectF(round(t.x), AXIS_H - 9, 1, 9), tick)
            p.drawText(QPointF(t.x + 3, AXIS_H - 11), t.label)
        p.setFont(self.bold)
        p.setPen(self.theme.ink)
        for t in axis.context:
            p.fillRect(QRectF(round(t.x), 2, 1, 16), tick)
            p.drawText(QPointF(t.x + 4, 15), t.label)
        p.restore()
        p.setPen(self.theme.muted)
        p.setFont(self.small)
        unit = axis.level.unit if axis.level.step == 1 else f"{axis.level.step} {axis.level.unit}s"
        if not self.bin_unit:
            p.drawText(QRectF(8, 0, GUTTER - 12, AXIS_H), Qt.AlignmentFlag.AlignVCenter,
                       f"per {unit}")  # fmt: skip
            return
        p.drawText(QRectF(8, 4, GUTTER - 12, 18), Qt.AlignmentFlag.AlignVCenter,
                   f"ticks per {unit}")  # fmt: skip
        p.drawText(QRectF(8, 22, GUTTER - 12, 18), Qt.AlignmentFlag.AlignVCenter,
                   f"bars per {self.bin_unit}")  # fmt: skip



def _mostly_badges(pack: LanePack, index: LaneIndex, vp: Viewport) -> bool:
    """In view, far more events hidden in badges than drawn: a histogram reads better.
    (The pack spans whole tiles; only what is on screen counts.)"""
    lo, hi = vp.left, vp.right
    hidden = sum(c.count for c in pack.clusters if lo <= c.anchor <= hi)
    if hidden == 0:
        return False
    t0 = index.t0
    shown = sum(1 for pos, _ in pack.placed if lo <= t0[pos] <= hi)
    shown += sum(1 for pos in pack.bare if lo <= t0[pos] <= hi)
    return hidden > 2 * shown
