"""The title block every graphic export starts with: title, subtitle, facts line, legend.

The legend explains the drawing itself (numbers, ranges, open ends) as well as the lane
colours, because a PDF is read by people who never saw the app.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF

from desktop.export.qtkit import INK, MUTED, Fonts, light
from desktop.export.selection import ExportData


def facts(data: ExportData) -> str:
    """One line: author, counts, the span of the events, the export date."""
    parts = []
    if data.author:
        parts.append(f"By {data.author}")
    n = len(data.events)
    parts.append(f"{n} event{'s' if n != 1 else ''}")
    outlets = data.outlets
    if data.articles:
        articles = f"{data.articles} article{'s' if data.articles != 1 else ''}"
        if outlets:  # articles of unknown outlet must not read "from 0 outlets"
            articles += f" from {len(outlets)} outlet{'s' if len(outlets) != 1 else ''}"
        parts.append(articles)
    if data.date_from or data.date_to:
        lo, hi = (_when(x) for x in (data.date_from, data.date_to))
        parts.append(f"Range {lo} – {hi}")
    elif data.events:
        first = data.events[0].start.human()
        last = max(data.events, key=lambda e: (e.end or e.start).latest)
        parts.append(f"{first} – {(last.end or last.start).human()}")
    parts.append(f"Exported {data.exported_at:%-d %b %Y}")
    return "  ·  ".join(parts)


def _when(value) -> str:
    if value is None:
        return "…"
    if isinstance(value, datetime) and (value.hour, value.minute) not in ((0, 0), (23, 59)):
        return value.strftime("%-d %b %Y %H:%M")
    return value.strftime("%-d %b %Y")


def draw_header(
    p: QPainter | None, fonts: Fonts, k: float, data: ExportData, left: float, top: float,
    width: float, *, legend: bool = True,
) -> float:
    """Draw (or, with p=None, only measure) the title block; returns its height."""
    f = fonts
    y = top
    title = f.elided(f.title, data.title, width)
    if p is not None:
        p.setFont(f.title)
        p.setPen(INK)
        p.drawText(QPointF(left, y + f.metrics(f.title).ascent()), title)
    y += f.height(f.title) + 1 * k
    if data.subtitle:
        h = f.wrapped_height(f.subtitle, data.subtitle, width)
        if p is not None:
            p.setFont(f.subtitle)
            p.setPen(MUTED)
            p.drawText(QRectF(left, y, width, h), int(Qt.TextFlag.TextWordWrap), data.subtitle)
        y += h + 2 * k
    line = facts(data)
    h = f.wrapped_height(f.meta, line, width)
    if p is not None:
        p.setFont(f.meta)
        p.setPen(MUTED)
        p.drawText(QRectF(left, y, width, h), int(Qt.TextFlag.TextWordWrap), line)
    y += h + 6 * k
    if legend:
        y += _legend(p, f, k, data, left, y, width)
        who = entities_legend(data)
        if who:
            h = f.wrapped_height(f.meta, who, width)
            if p is not None:
                p.setFont(f.meta)
                p.setPen(MUTED)
                p.drawText(QRectF(left, y, width, h), int(Qt.TextFlag.TextWordWrap), who)
            y += h + 4 * k
    return y - top


LEGEND_ENTITIES = 12


def entities_legend(data: ExportData) -> str:
    """The most named actors and places with their counts of events, for the legend."""
    parts = []
    for label, counted in (("Actors", data.actors), ("Places", data.places)):
        if not counted:
            continue
        shown = ", ".join(f"{name} ({n})" for name, n in counted[:LEGEND_ENTITIES])
        more = len(counted) - LEGEND_ENTITIES
        parts.append(f"{label}: {shown}" + (f" and {more} more" if more > 0 else "") + ".")
    return "  ".join(parts)


def _legend(p, f: Fonts, k: float, data: ExportData, left: float, top: float, width: float):
    """Lane swatches, then the symbol key, flowing onto more lines when needed."""
    entries: list[tuple[str, object]] = [(name, QColor(color)) for name, color in data.lanes]
    entries += [("dated event (number = entry in Sources)", "pill"),
                ("uncertain date, drawn earliest–latest", "range"),
                ("open-ended (before / after)", "open")]  # fmt: skip
    lh = f.height(f.meta) + 3 * k
    x, y = left, top
    for text, kind in entries:
        slot = 10 * k if isinstance(kind, QColor) else 16 * k
        w = slot + f.width(f.meta, text) + 12 * k
        if x > left and x + w > left + width:
            x, y = left, y + lh
        if p is not None:
            _swatch(p, k, x, y + lh / 2 - 1 * k, kind)
            p.setFont(f.meta)
            p.setPen(INK)
            p.drawText(QPointF(x + slot, y + f.metrics(f.meta).ascent()), text)
        x += w
    return y + lh - top + 4 * k


def _swatch(p: QPainter, k: float, x: float, cy: float, kind) -> None:
    grey = QColor("#6B7280")
    if isinstance(kind, QColor):
        path = QPainterPath()
        path.addRoundedRect(QRectF(x, cy - 4 * k, 8 * k, 8 * k), 2 * k, 2 * k)
        p.fillPath(path, kind)
    elif kind == "pill":
        path = QPainterPath()
        path.addRoundedRect(QRectF(x, cy - 4 * k, 9 * k, 8 * k), 4 * k, 4 * k)
        p.fillPath(path, grey)
    elif kind == "range":
        p.setPen(QPen(grey, 0.5 * k))
        p.setBrush(QBrush(light(grey, 0.35)))
        p.drawRect(QRectF(x, cy - 2 * k, 10 * k, 4 * k))
        p.drawLine(QPointF(x + 10 * k, cy - 3.5 * k), QPointF(x + 10 * k, cy + 3.5 * k))
    else:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(grey))
        p.drawPolygon(QPolygonF([QPointF(x + 4 * k, cy - 3 * k), QPointF(x, cy),
                                 QPointF(x + 4 * k, cy + 3 * k)]))  # fmt: skip
        path = QPainterPath()
        path.addRoundedRect(QRectF(x + 5 * k, cy - 4 * k, 7 * k, 8 * k), 3.5 * k, 3.5 * k)
        p.fillPath(path, grey)
