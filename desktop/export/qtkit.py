"""Qt plumbing the painters share: the GUI application object, fonts, colours, units.

Export runs headless from the CLI and inside the window alike. QtGui painting needs a
QGuiApplication, and Qt draws nothing (silently) without a real font, so the family is
named explicitly: DejaVu Sans ships with the bundle and with Debian's fonts-dejavu-core.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QGuiApplication, QPaintDevice

FAMILY = "DejaVu Sans"
INK = QColor("#1F2328")
MUTED = QColor("#5B6470")
FAINT = QColor("#D8DCE1")
GRID = QColor("#ECEEF1")
BAND = QColor("#F6F7F9")
WARN = QColor("#B3261E")

# Qt needs its application object alive for as long as anything paints; it is Qt's own
# process-wide object, so the first export creates it and later ones reuse it.
_apps: list[QGuiApplication] = []


def ensure_app() -> QGuiApplication:
    """The running QGuiApplication, created (offscreen when there is no display) if needed."""
    app = QGuiApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication([])
        _apps.append(app)
    return app  # type: ignore[return-value]


def font(points: float, *, bold: bool = False, italic: bool = False) -> QFont:
    f = QFont(FAMILY)
    f.setPointSizeF(points)
    f.setBold(bold)
    f.setItalic(italic)
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    # no "ffi"-style ligatures: copied or searched text must match the article's words
    for tag in ("liga", "clig"):
        f.setFeature(QFont.Tag(tag), 0)
    return f


class Fonts:
    """Fonts and their metrics for one paint device (metrics depend on its resolution)."""

    def __init__(self, device: QPaintDevice, scale: float = 1.0) -> None:
        self.device = device
        s = scale
        self.title = font(20 * s, bold=True)
        self.subtitle = font(11 * s)
        self.meta = font(8 * s)
        self.axis = font(7 * s)
        self.context = font(7.5 * s, bold=True)
        self.lane = font(8 * s, bold=True)
        self.label = font(7 * s)
        self.label_date = font(7 * s, bold=True)
        self.number = font(6 * s, bold=True)
        self.heading = font(14 * s, bold=True)
        self.entry = font(8.5 * s, bold=True)
        self.quote = font(8 * s, italic=True)
        self.cite = font(7 * s)
        self.footer = font(7 * s)
        self._metrics: dict[int, QFontMetricsF] = {}

    def metrics(self, f: QFont) -> QFontMetricsF:
        key = id(f)
        if key not in self._metrics:
            self._metrics[key] = QFontMetricsF(f, self.device)
        return self._metrics[key]

    def width(self, f: QFont, text: str) -> float:
        return self.metrics(f).horizontalAdvance(text)

    def height(self, f: QFont) -> float:
        return self.metrics(f).height()

    def wrapped_height(self, f: QFont, text: str, width: float, anywhere: bool = False) -> float:
        flags = int(Qt.TextFlag.TextWordWrap)
        if anywhere:
            flags = int(Qt.TextFlag.TextWrapAnywhere)
        return self.metrics(f).boundingRect(QRectF(0, 0, width, 1e7), flags, text).height()

    def elided(self, f: QFont, text: str, width: float) -> str:
        return self.metrics(f).elidedText(text, Qt.TextElideMode.ElideRight, width)


def light(color: QColor, alpha: float) -> QColor:
    c = QColor(color)
    c.setAlphaF(alpha)
    return c
