"""What is drawn over a frame: the preview of a drag in progress, and hover tooltips.

The drag preview shows where the event will land and the snapped date it will get,
so the analyst sees "8 Sep 2018" before letting go, not after.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPolygonF

from desktop.layout.hits import HitBox
from desktop.layout.snapping import moved_pair
from desktop.layout.view_pack import Cluster
from desktop.layout.viewport import Viewport
from desktop.ui.timeline.model import TimelineModel
from desktop.ui.timeline.painter import GUTTER, LANE_PAD, ROW_H, LaneRow
from desktop.ui.timeline.theme import Theme


def paint_drag(p: QPainter, model: TimelineModel, vp: Viewport, row: LaneRow, event_id: int,
               shift_days: float, theme: Theme) -> None:  # fmt: skip
    """The dragged event at its snapped new place in lane `row`, with its new date."""
    t0, t1 = model.extents[event_id]
    x0 = vp.x(t0 + shift_days) + GUTTER
    x1 = vp.x(t1 + shift_days) + GUTTER
    y = row.y0 + LANE_PAD + ROW_H / 2
    p.setPen(theme.select)
    fill = QColor(theme.select)
    fill.setAlpha(90)
    p.setBrush(fill)
    if x1 - x0 < 10:
        c = (x0 + x1) / 2
        p.drawPolygon(QPolygonF([QPointF(c - 6, y), QPointF(c, y - 6), QPointF(c + 6, y),
                                 QPointF(c, y + 6)]))  # fmt: skip
    else:
        p.drawRect(QRectF(x0, y - 5, x1 - x0, 10))
    e = model.events[event_id]
    if e.start is None:
        return
    start, end = moved_pair(e.start, e.end, shift_days)
    text = start.human() + (f" – {end.human()}" if end is not None else "")
    p.setPen(theme.ink)
    p.drawText(QPointF(max(x1, x0 + 8) + 6, y - 8), text)


def tooltip_text(model: TimelineModel, clusters: list[Cluster], hit: HitBox | None) -> str:
    """Rich text for what is under the mouse: date, title, quote and source of an event."""
    if hit is None:
        return ""
    if hit.kind == "cluster":
        c = clusters[hit.key]
        return f"{c.count:,} events here — click to zoom in"
    e = model.events.get(hit.key)
    if e is None:
        return ""
    quote = e.quote if len(e.quote) < 300 else e.quote[:297] + "…"
    extra = " — dates conflict between sources" if e.conflict else ""
    if getattr(e, "redated", ""):
        extra += f" — re-dated: the source says {_esc(e.redated)}"
    status = f" ({e.status})" if e.status not in ("accepted", "manual") else ""
    text = f"<b>{e.date_text()}</b>{status}{extra}<br>{_esc(e.title)}"
    if quote:
        text += f"<br><i>“{_esc(quote)}”</i>"
    if e.outlet or e.article:
        text += f"<br><small>{_esc(e.outlet or e.article)}</small>"
    return text


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
