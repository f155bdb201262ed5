"""A strip under the timeline: where all the events are, and which part is on screen.

The density histogram is counted once per data version and width (two bisections per
pixel column); clicking or dragging centres the view on that moment.
"""

from __future__ import annotations

import math
from bisect import bisect_left

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QImage, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from desktop.layout.viewport import Viewport
from desktop.ui.timeline.model import TimelineModel
from desktop.ui.timeline.painter import GUTTER
from desktop.ui.timeline.theme import Theme, theme_for


class Minimap(QWidget):
    centreRequested = Signal(float)  # days

    def __init__(self, model: TimelineModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.vp: Viewport | None = None
        self._bins: list[int] = []
        self._key: tuple = ()
        self._range = (0.0, 1.0)
        self._image = QImage()
        self._image_key: tuple = ()
        self.theme: Theme = theme_for(self.palette())
        self.setFixedHeight(34)
        self.setAccessibleName("Timeline overview")
        self.setToolTip("Overview of all events; click or drag to move the view")

    def set_viewport(self, vp: Viewport) -> None:
        """Show `vp`; the same one again (each slice of an import re-syncs the scroll bars)
        repaints nothing: whoever changed the data asks for that repaint."""
        if vp == self.vp:
            return
        self.vp = vp
        self.update()

    def full_range(self) -> tuple[float, float]:
        ext = self.model.extent() or (0.0, 365.0)
        lo, hi = ext
        if self.vp is not None:
            lo, hi = min(lo, self.vp.left), max(hi, self.vp.right)
        pad = max((hi - lo) * 0.02, 0.5)
        return lo - pad, hi + pad

    def _histogram(self, width: int) -> list[int]:
        ext = self.model.extent() or (0.0, 365.0)
        key = (self.model.starts_version, width, ext)  # a status change moves no start
        if key != self._key:
            pad = (ext[1] - ext[0]) * 0.02 + 0.5
            lo, hi = ext[0] - pad, ext[1] + pad
            self._range = (lo, hi)
            starts = self.model.all_starts
            step = (hi - lo) / max(width, 1)
            edges = [bisect_left(starts, lo + i * step) for i in range(width + 1)]
            self._bins = [b - a for a, b in zip(edges, edges[1:], strict=False)]
            self._key = key
        return self._bins

    def _picture(self, width: int) -> QImage:
        """The histogram drawn once per data version and width."""
        bins = self._histogram(width)
        key = (self._key, self.height(), self.theme.dark)
        if key != self._image_key:
            image = QImage(width, self.height(), QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(self.theme.axis_bg)
            p = QPainter(image)
            top = max(bins, default=0)
            h = self.height() - 6
            if top:
                scale = h / math.log1p(top)
                color = self.theme.overview
                for i, n in enumerate(bins):
                    if n:
                        bar = max(math.log1p(n) * scale, 1.0)
                        p.fillRect(QRectF(i, 3 + h - bar, 1, bar), color)
            p.end()
            self._image, self._image_key = image, key
        return self._image

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.fillRect(self.rect(), self.theme.axis_bg)
        width = int(self.width() - GUTTER)
        if width <= 2:
            p.end()
            return
        p.drawImage(int(GUTTER), 0, self._picture(width))
        if self.vp is not None:
            lo, hi = self._range
            k = width / (hi - lo)
            x0 = GUTTER + (self.vp.left - lo) * k
            x1 = GUTTER + (self.vp.right - lo) * k
            x1 = max(x1, x0 + 3)
            p.setPen(self.theme.select)
            p.setBrush(self.theme.select_fill)
            x0 = max(x0, GUTTER - 1)
            p.drawRect(QRectF(x0, 1, min(x1, self.width() - 1) - x0, self.height() - 3))
        p.setPen(self.theme.muted)
        p.drawText(QRectF(8, 0, GUTTER - 12, self.height()), Qt.AlignmentFlag.AlignVCenter,
                   "Overview")  # fmt: skip
        p.end()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.PaletteChange:
            self.theme = theme_for(self.palette())
            self.update()
        super().changeEvent(event)

    def _centre(self, x: float) -> None:
        width = self.width() - GUTTER
        if width <= 2:
            return
        lo, hi = self._range
        self.centreRequested.emit(lo + (x - GUTTER) / width * (hi - lo))

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self._centre(event.position().x())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._centre(event.position().x())
