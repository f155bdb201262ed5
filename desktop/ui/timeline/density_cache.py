"""A dense lane's strip drawn once and reused until that lane, the view or the selection
in it changes.

At year scale every lane of a 100,000-event timeline is a histogram strip; an accept or
a drag changes one lane at most, yet each frame re-binned and re-drew all ten (most of a
frame's cost). Each lane's strip is kept as an image with the hit boxes and zoom targets
it produced, keyed by the lane's change stamp (TimelineModel.lane_stamps), the viewport,
its place on screen, its colour, the theme and the selected events drawn in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from desktop.layout.event_index import LaneIndex
from desktop.layout.hits import HitBox
from desktop.layout.view_pack import Cluster
from desktop.layout.viewport import Viewport
from desktop.ui.timeline.density_paint import paint_density

if TYPE_CHECKING:
    from desktop.ui.timeline.model import TimelineModel
    from desktop.ui.timeline.painter import FrameState, LaneRow, Painter

MARGIN = 16  # px kept above and below a lane: a lone event in a short lane may reach past it


@dataclass
class _Strip:
    key: tuple[Any, ...]
    index: LaneIndex
    theme: object
    image: QImage
    top: float  # where the image's first row sits in the frame
    hits: list[HitBox]  # cluster keys relative to the lane's first cluster
    clusters: list[Cluster]
    levels: list[Any]
    unit: str


class DensityCache:
    """The last strip drawn for each lane position."""

    def __init__(self) -> None:
        self.strips: dict[int, _Strip] = {}

    def clear(self) -> None:
        self.strips.clear()

    def paint(self, painter: Painter, p: QPainter, model: TimelineModel, index: LaneIndex,
              vp: Viewport, lr: LaneRow, color: QColor, state: FrameState,
              selected: list[tuple[int, float, float]], *,
              complete: bool = True) -> str:  # fmt: skip
        """Draw lane `lr` as paint_density would, from the cache when nothing it shows
        changed; `complete` False (more selected events than are drawn) never caches."""
        stamps = model.lane_stamps
        stamp = stamps[lr.lane] if lr.lane < len(stamps) else None
        device = p.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        key = (stamp, vp.left, vp.right, vp.width, lr.y0, lr.height, lr.rows, color.rgba(),
               tuple(selected), ratio)
        strip = self.strips.get(lr.lane)
        if (strip is None or strip.key != key or strip.index is not index
                or strip.theme is not painter.theme):
            if stamp is None or not complete:
                return paint_density(painter, p, index, vp, lr, color, model.events, state,
                                     selected)  # fmt: skip
            strip = self._draw(painter, model, index, vp, lr, color, state, selected, ratio)
            strip.key = key
            if len(self.strips) > 64:
                self.strips.clear()
            self.strips[lr.lane] = strip
        p.drawImage(QPointF(0, strip.top), strip.image)
        first = len(painter.clusters)
        painter.hits.extend(
            HitBox(h.kind, h.key + first, h.x0, h.y0, h.x1, h.y1, h.lane)
            if h.kind == "cluster" else h for h in strip.hits)  # fmt: skip
        painter.clusters.extend(strip.clusters)
        painter.cluster_levels.extend(strip.levels)
        return strip.unit

    @staticmethod
    def _draw(painter: Painter, model: TimelineModel, index: LaneIndex, vp: Viewport,
              lr: LaneRow, color: QColor, state: FrameState,
              selected: list[tuple[int, float, float]], ratio: float) -> _Strip:  # fmt: skip
        top = lr.y0 - MARGIN
        image = QImage(max(round(vp.width * ratio), 1),
                       max(round((lr.height + 2 * MARGIN) * ratio), 1),
                       QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(ratio)
        image.fill(Qt.GlobalColor.transparent)
        hits, first = len(painter.hits), len(painter.clusters)
        levels = len(painter.cluster_levels)
        q = QPainter(image)
        try:
            q.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            q.translate(0, -top)
            unit = paint_density(painter, q, index, vp, lr, color, model.events, state,
                                 selected)  # fmt: skip
        finally:
            q.end()
        new_hits = [HitBox(h.kind, h.key - first, h.x0, h.y0, h.x1, h.y1, h.lane)
                    if h.kind == "cluster" else h for h in painter.hits[hits:]]  # fmt: skip
        strip = _Strip((), index, painter.theme, image, top, new_hits,
                       painter.clusters[first:], painter.cluster_levels[levels:], unit)
        del painter.hits[hits:], painter.clusters[first:], painter.cluster_levels[levels:]
        return strip
