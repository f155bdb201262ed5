"""A density strip: how many events fall where, per lane, when there are too many to draw.

Thousands of events on one page make an unreadable blob of 0.3 pt rows. Past the
point where an event's number can no longer be read, the PDF draws this strip
instead (one histogram per lane on the same axis) and the numbered list that
follows carries every event; the export dialog says so and offers tiling, a poster
size or a filter.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from desktop.export.chart import Chart
from desktop.export.qtkit import BAND, FAINT, INK, MUTED
from desktop.layout.day_scale import day_extent

MIN_ROW_PT = 6.0  # below this an event's number pill cannot be read
BIN_PT = 2.0
LANE_PT = 26.0


@dataclass(frozen=True)
class Crowding:
    """Why a chart is unreadable and what would make it readable."""

    events: int
    rows: int
    row_pt: float
    tiles: int  # pages across that would give readable rows (estimate)

    def message(self, page: str) -> str:
        return (f"{self.events:,} events are too many to draw legibly on one {page} page "
                f"({self.rows:,} rows of {self.row_pt:.1f} pt). The PDF shows a density "
                f"strip and the numbered list. For every event on the timeline, tile it "
                f"across about {self.tiles} pages, choose a poster size, or filter by "
                "date, lane or tag.")


def crowding(chart: Chart, k: float) -> Crowding | None:
    """None when the chart is readable, else the numbers behind the warning."""
    row_pt = chart.row_h / k
    if row_pt >= MIN_ROW_PT or not chart.data.events:
        return None
    rows = chart.layout.total_rows
    # rows shrink roughly in proportion to the width the axis gets
    tiles = max(2, math.ceil(MIN_ROW_PT / max(row_pt, 0.01) * 1.1))
    return Crowding(len(chart.data.events), rows, row_pt, tiles)


def draw_density(p: QPainter, chart: Chart, left: float, top: float, window) -> float:
    """One histogram per lane under the chart's axis; returns the height used."""
    k, f, d = chart.k, chart.fonts, chart.data
    a, b = window
    lanes = [name for name, _ in d.lanes] or ["Unassigned"]
    lane_h = LANE_PT * k
    plot = QRectF(left + chart.lane_width, top + chart.axis_height, b - a, lane_h * len(lanes))
    dx = plot.left() - a
    bins = max(1, int((b - a) / (BIN_PT * k)))
    width = (b - a) / bins
    counts = {name: [0] * bins for name in lanes}
    for e in d.events:
        lo, hi, _, _ = day_extent(e.start, e.end)
        x = (chart.scale.x(lo) + chart.scale.x(hi)) / 2
        i = min(bins - 1, max(0, int((x - a) / width)))
        counts.setdefault(e.lane, [0] * bins)[i] += 1
    peak = max((max(c) for c in counts.values()), default=1) or 1
    p.save()
    for index, name in enumerate(lanes):
        y = plot.top() + index * lane_h
        if index % 2 == 0:
            p.fillRect(QRectF(left, y, chart.lane_width + plot.width(), lane_h), BAND)
        color = QColor(d.lane_color(name))
        p.fillRect(QRectF(left, y, 3 * k, lane_h), color)
        p.setFont(f.lane)
        p.setPen(INK)
        p.drawText(QRectF(left + 6 * k, y + 2 * k, chart.lane_width - 8 * k, lane_h),
                   int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                   f.elided(f.lane, name, chart.lane_width - 10 * k))
        lane_peak = max(counts.get(name, [0]))
        p.setFont(f.axis)
        p.setPen(MUTED)
        p.drawText(QPointF(left + 6 * k, y + lane_h - 3 * k), f"{sum(counts.get(name, []))} · "
                   f"max {lane_peak}")
        for i, n in enumerate(counts.get(name, [])):
            if n:
                h = max(0.6 * k, (lane_h - 4 * k) * n / peak)
                p.fillRect(QRectF(plot.left() + i * width, y + lane_h - 1 * k - h,
                                  max(width - 0.3 * k, 0.3 * k), h), color)
        p.setPen(QPen(FAINT, 0.5 * k))
        p.drawLine(QPointF(left, y + lane_h), QPointF(plot.right(), y + lane_h))
    p.setClipRect(QRectF(plot.left(), top, plot.width(), plot.bottom() - top + 2 * k))
    chart._draw_axis(p, top, plot, window, dx)
    p.restore()
    return plot.bottom() - top
