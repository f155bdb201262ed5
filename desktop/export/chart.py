"""The timeline drawing: axis, lanes, numbered events, on any QPainter (PDF, PNG, SVG).

A Chart is laid out once for a total plot width (one page, or several pages side by
side) and then drawn through windows of that width, so a tiled PDF repeats the axis
labels and lane names on every page while the events stay where the layout put them.
Sizes are in device pixels; `k` converts points to pixels for the device at hand.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF

from desktop.export.qtkit import BAND, FAINT, GRID, INK, MUTED, Fonts, light
from desktop.export.selection import ExportData, ExportEvent
from desktop.layout import Item, Placed, place_items
from desktop.layout.calendar import to_days
from desktop.layout.day_scale import (
    DayScale,
    cluster_days,
    day_extent,
    scale_ticks,
    widen_days,
)

# (name, row height in points, longest title in points): tried in order until rows fit
MODES = (("full", 13.0, 230.0), ("short", 13.0, 110.0), ("brief", 12.0, 55.0),
         ("numbers", 11.0, 0.0))


@dataclass
class Drawn:
    event: ExportEvent
    placed: Placed
    date: str
    title: str


class Chart:
    """A laid-out timeline for `plot_width` pixels of axis, optionally fitted to a height."""

    def __init__(
        self,
        data: ExportData,
        fonts: Fonts,
        k: float,
        plot_width: float,
        *,
        breaks: bool = True,
        max_height: float | None = None,
    ) -> None:
        self.data, self.fonts, self.k = data, fonts, k
        self.plot_width = plot_width
        self.lane_width = self._lane_width()
        self.axis_height = (fonts.height(fonts.context) + fonts.height(fonts.axis) + 6 * k)
        self.scale = self._scale(breaks)
        self.pill_h = 9 * k
        self.mode, self.row_h, self.layout, self.drawn = self._fit(max_height)
        self.show_text = self.row_h >= 8 * k

    # --- layout ---------------------------------------------------------------------
    def _lane_width(self) -> float:
        f = self.fonts
        widest = max((f.width(f.lane, name) for name, _ in self.data.lanes), default=0.0)
        return min(widest + 14 * self.k, 120 * self.k)

    def _scale(self, breaks: bool) -> DayScale:
        """On true day numbers (any era): a BCE event sits at its own place."""
        d = self.data
        extents = [day_extent(e.start, e.end)[:2] for e in d.events]
        rng = (min(a for a, _ in extents), max(b for _, b in extents)) if extents else None
        if d.date_from or d.date_to:
            lo, hi = (None if t is None else to_days(t) for t in d.range)
            lo = lo if lo is not None else (rng[0] if rng else hi - 30)
            hi = hi if hi is not None else (rng[1] if rng else lo + 30)
            return DayScale.linear(lo, hi, 0.0, self.plot_width)
        if rng is None:
            today = to_days(self.data.exported_at.replace(hour=0, minute=0, second=0))
            return DayScale.linear(today - 30, today, 0.0, self.plot_width)
        if breaks:
            spans = cluster_days(extents)
            weights = [count ** 0.6 + 0.5 for _, count in spans]
            return DayScale.broken([s for s, _ in spans], 0.0, self.plot_width,
                                   gap_px=16 * self.k, weights=weights, min_px=70 * self.k)
        pad = max((rng[1] - rng[0]) * 0.04, 0.5)
        return DayScale.linear(*widen_days(rng[0], rng[1], pad), 0.0, self.plot_width)

    def _items(self, label) -> list[Item]:
        return [Item(e.number, e.lane, e.start, e.end, label(e)) for e in self.data.events]

    def pill_width(self, number: int) -> float:
        return max(self.fonts.width(self.fonts.number, str(number)) + 5 * self.k, 9 * self.k)

    def _fit(self, max_height: float | None):
        f, k = self.fonts, self.k
        marker = self.pill_width(len(self.data.events) or 1)
        lanes = [n for n, _ in self.data.lanes]
        result = None
        for mode, row_pt, title_pt in MODES:
            drawn: dict[int, Drawn] = {}
            widths: dict[int, float] = {}
            for e in self.data.events:
                date = e.when
                room = title_pt * k
                if title_pt:  # near the right edge a shorter title beats a label moved left
                    right = self.scale.x(day_extent(e.start, e.end)[1]) + marker / 2 + 3 * k
                    spare = self.plot_width - right - f.width(f.label_date, date + "  ") - 4 * k
                    if spare >= 90 * k:
                        room = min(room, spare)
                title = f.elided(f.label, e.title, room) if title_pt else ""
                drawn[e.number] = Drawn(e, None, date, title)  # type: ignore[arg-type]
                widths[e.number] = (
                    f.width(f.label_date, date + "  ") + f.width(f.label, title) if title_pt else 0
                )
            layout = place_items(
                self._items(lambda e: ""), self.scale, lanes,
                label_width=lambda it, w=widths: w[it.key],
                marker_px=marker, label_gap=3 * k, gap=6 * k, x_max=self.plot_width - 2 * k,
                extent=lambda it: day_extent(it.start, it.end),
            )
            row_h = row_pt * k
            result = (mode, row_h, layout, drawn)
            rows = layout.total_rows
            if max_height is None or rows * row_h <= max_height:
                if max_height is not None:  # use some spare height, not all of it
                    row_h = min(row_h * 1.25, max_height / max(rows, 1))
                break
            if mode == "numbers":
                row_h = max(max_height / max(rows, 1), 0.2 * k)
        mode, _, layout, drawn = result  # type: ignore[misc]
        for p in layout.placed:
            drawn[p.key].placed = p  # type: ignore[index]
        return mode, row_h, layout, drawn

    @property
    def height(self) -> float:
        return self.axis_height + max(self.layout.total_rows, 1) * self.row_h

    @property
    def width(self) -> float:
        return self.lane_width + self.plot_width

    # --- drawing --------------------------------------------------------------------
    def draw(
        self,
        p: QPainter,
        left: float,
        top: float,
        window: tuple[float, float],
        *,
        marks: list[tuple[float, str]] | None = None,
    ) -> None:
        """Draw the part of the chart in `window` (virtual x) with its top-left at (left, top)."""
        a, b = window
        plot = QRectF(left + self.lane_width, top + self.axis_height, b - a,
                      max(self.layout.total_rows, 1) * self.row_h)  # fmt: skip
        dx = plot.left() - a
        p.save()
        self._draw_bands(p, left, plot)
        p.setClipRect(QRectF(plot.left(), top, plot.width(), self.height + 14 * self.k))
        self._draw_axis(p, top, plot, window, dx)
        self._draw_events(p, plot, window, dx)
        for x, text in marks or []:
            self._draw_mark(p, plot, x + dx, text)
        p.restore()
        if not self.data.events:
            p.setFont(self.fonts.meta)
            p.setPen(MUTED)
            p.drawText(plot, Qt.AlignmentFlag.AlignCenter, "No events match the chosen filters.")

    def _draw_bands(self, p: QPainter, left: float, plot: QRectF) -> None:
        f, k = self.fonts, self.k
        for band in self.layout.bands:
            y = plot.top() + band.first_row * self.row_h
            h = band.rows * self.row_h
            if band.index % 2 == 0:
                p.fillRect(QRectF(left, y, self.lane_width + plot.width(), h), BAND)
            color = QColor(self.data.lane_color(band.name))
            p.fillRect(QRectF(left, y, 3 * k, h), color)
            if h >= f.height(f.lane) * 0.8 or band.index == 0:
                p.setFont(f.lane)
                p.setPen(INK)
                text = f.elided(f.lane, band.name, self.lane_width - 10 * k)
                box = QRectF(left + 6 * k, y + 2 * k, self.lane_width - 8 * k,
                             max(h, f.height(f.lane)))
                p.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, text)
            p.setPen(QPen(FAINT, 0.5 * k))
            p.drawLine(QPointF(left, y + h), QPointF(plot.right(), y + h))

    def _draw_axis(self, p: QPainter, top: float, plot: QRectF, window, dx: float) -> None:
        f, k = self.fonts, self.k
        a, b = window
        ticks = scale_ticks(self.scale, measure=lambda s: f.width(f.axis, s), padding=6 * k,
                           min_minor_px=3 * k, x_range=(a - 1, b + 1),
                           measure_context=lambda s: f.width(f.context, s))  # fmt: skip
        ch, mh = f.height(f.context), f.height(f.axis)
        base = plot.top() - 1 * k
        p.setPen(QPen(GRID, 0.5 * k))
        for t in ticks.major:
            p.drawLine(QPointF(t.x + dx, plot.top()), QPointF(t.x + dx, plot.bottom()))
        p.setPen(QPen(FAINT, 0.6 * k))
        for t in ticks.context:
            if t.x >= a:
                p.drawLine(QPointF(t.x + dx, top), QPointF(t.x + dx, plot.bottom()))
        p.setPen(QPen(MUTED, 0.5 * k))
        for t in ticks.minor:
            p.drawLine(QPointF(t.x + dx, base - 2 * k), QPointF(t.x + dx, base))
        p.setFont(f.axis)
        for t in ticks.major:
            p.setPen(QPen(MUTED, 0.5 * k))
            p.drawLine(QPointF(t.x + dx, top + ch), QPointF(t.x + dx, base))
            p.setPen(INK)
            p.drawText(QPointF(t.x + dx + 1.5 * k, top + ch + mh * 0.8), t.label)
        # context labels; the one in force at the window's left edge is repeated there
        p.setFont(f.context)
        p.setPen(INK)
        shown = [t for t in ticks.context if t.x >= a]
        before = [t for t in ticks.context if t.x < a]
        if before:
            x = a
            if shown and shown[0].x - a < f.width(f.context, before[-1].label) + 8 * k:
                x = None
            if x is not None:
                p.drawText(QPointF(x + dx + 1.5 * k, top + ch * 0.8), before[-1].label)
        for t in shown:
            p.drawText(QPointF(t.x + dx + 1.5 * k, top + ch * 0.8), t.label)
        p.setPen(QPen(INK, 0.8 * k))
        p.drawLine(QPointF(plot.left(), base), QPointF(plot.right(), base))
        for bx0, bx1 in self.scale.breaks:
            self._draw_break(p, top, plot, bx0 + dx, bx1 + dx, base)

    def _draw_break(self, p: QPainter, top, plot: QRectF, x0: float, x1: float, base) -> None:
        k = self.k
        white = Qt.GlobalColor.white
        p.fillRect(QRectF(x0 + 1 * k, top, x1 - x0 - 2 * k, plot.bottom() - top), white)
        p.setPen(QPen(MUTED, 0.8 * k))
        mid = (x0 + x1) / 2
        for off in (-2.2 * k, 2.2 * k):
            x = mid + off
            p.drawLine(QPointF(x - 2 * k, base + 3 * k), QPointF(x + 2 * k, base - 3 * k))
        pen = QPen(FAINT, 0.7 * k, Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.drawLine(QPointF(mid, base + 4 * k), QPointF(mid, plot.bottom()))

    def _draw_events(self, p: QPainter, plot: QRectF, window, dx: float) -> None:
        f, k = self.fonts, self.k
        a, b = window
        ph = min(self.pill_h, self.row_h * 0.9)
        for d in self.drawn.values():
            pl = d.placed
            right = max(pl.x1, pl.label_x + pl.label_width) + 10 * k
            if right < a or min(pl.x0, pl.label_x) - 10 * k > b:
                continue
            color = QColor(d.event.color or self.data.lane_color(d.event.lane))
            cy = plot.top() + (pl.row + 0.5) * self.row_h
            if not self.show_text:
                w = max(pl.x1 - pl.x0, 0.8 * k)
                p.fillRect(QRectF(pl.x0 + dx, cy - self.row_h * 0.4, w, self.row_h * 0.8), color)
                continue
            pw = self.pill_width(d.event.number)
            wide = pl.is_range and pl.x1 - pl.x0 >= pw
            if wide:
                bar = QRectF(pl.x0 + dx, cy - 2 * k, pl.x1 - pl.x0, 4 * k)
                p.setPen(QPen(color, 0.5 * k))
                p.setBrush(QBrush(light(color, 0.35)))
                p.drawRect(bar)
                p.drawLine(QPointF(bar.right(), cy - 3.5 * k), QPointF(bar.right(), cy + 3.5 * k))
                # a range that starts before this window shows its number at the window edge
                left = min(max(pl.x0 + dx, plot.left()), max(bar.right() - pw, pl.x0 + dx))
                pill = QRectF(left, cy - ph / 2, pw, ph)
            else:
                mid = (pl.x0 + pl.x1) / 2 + dx
                pill = QRectF(mid - pw / 2, cy - ph / 2, pw, ph)
            if pl.open_start:
                self._chevron(p, pill.left() - 1 * k, cy, -1, color)
            if pl.open_end:
                self._chevron(p, max(pill.right(), pl.x1 + dx) + 1 * k, cy, 1, color)
            path = QPainterPath()
            path.addRoundedRect(pill, ph / 2, ph / 2)
            p.fillPath(path, color)
            p.setFont(f.number)
            p.setPen(Qt.GlobalColor.white)
            p.drawText(pill, Qt.AlignmentFlag.AlignCenter, str(d.event.number))
            if d.title:
                x = pl.label_x + dx
                base = cy + f.metrics(f.label).ascent() * 0.5 - 0.4 * k
                p.setFont(f.label_date)
                p.setPen(MUTED)
                p.drawText(QPointF(x, base), d.date)
                p.setFont(f.label)
                p.setPen(INK)
                p.drawText(QPointF(x + f.width(f.label_date, d.date + "  "), base), d.title)

    def _chevron(self, p: QPainter, x: float, cy: float, direction: int, color: QColor) -> None:
        k = self.k
        tip = x + direction * 4 * k
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(color))
        p.drawPolygon(QPolygonF([QPointF(x, cy - 3 * k), QPointF(tip, cy), QPointF(x, cy + 3 * k)]))

    def _draw_mark(self, p: QPainter, plot: QRectF, x: float, text: str) -> None:
        """Where the neighbouring page's view starts or ends (overlap of tiled pages)."""
        k, f = self.k, self.fonts
        p.setPen(QPen(MUTED, 0.7 * k, Qt.PenStyle.DashDotLine))
        p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
        p.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4 * k))
        p.setFont(f.axis)
        w = f.width(f.axis, text)
        right = x > plot.center().x()
        tx = x - w - 3 * k if right else x + 3 * k
        p.setPen(MUTED)
        p.drawText(QPointF(tx, plot.bottom() + 3 * k + f.metrics(f.axis).ascent()), text)
