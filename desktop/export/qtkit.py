"""Qt plumbing the painters share: the GUI application object, fonts, colours, units.

Export runs headless from the CLI and inside the window alike. QtGui painting needs a
QGuiApplication, and Qt draws nothing (silently) without a real font, so the family is
named explicitly: DejaVu Sans ships with the bundle and with Debian's fonts-dejavu-core.
"""

from __future__ import annotations

import os
import sys
import unicodedata
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QPaintDevice,
)

FAMILY = "DejaVu Sans"
# Tried in order for characters the first lacks (DejaVu's italic has no Arabic at all, and
# it has no Hebrew, CJK, Hangul or emoji): Debian's fonts-noto-core, fonts-noto-cjk and
# fonts-symbola, whose outline emoji keep the PDF's text layer searchable.
FALLBACKS = ("Noto Sans", "Noto Sans Arabic", "Noto Naskh Arabic", "Noto Sans Hebrew",
             "Noto Sans CJK SC", "Noto Sans CJK KR", "Noto Sans CJK JP", "Symbola",
             "Noto Color Emoji")  # fmt: skip
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
    prefer_outline_emoji()
    app = QGuiApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication([])
        _apps.append(app)
        register_bundled_fonts()
    return app  # type: ignore[return-value]


def register_bundled_fonts() -> int:
    """In the PyInstaller bundle, load the fonts it carries (build.spec); returns how many.
    Elsewhere the system's fonts (Debian fonts-noto-*, fonts-symbola) are used as they are."""
    folder = Path(getattr(sys, "_MEIPASS", "")) / "fonts"
    if not getattr(sys, "frozen", False) or not folder.is_dir():
        return 0
    return sum(QFontDatabase.addApplicationFont(str(f)) >= 0 for f in sorted(folder.iterdir())
               if f.suffix.lower() in (".ttf", ".otf", ".ttc"))  # fmt: skip


def prefer_outline_emoji() -> None:
    """Emoji from the font list (Symbola, an outline font) rather than Qt's colour-emoji
    route: colour bitmap emoji reach a PDF as pictures, missing from its text layer, so
    a search for the quote fails. Qt reads this once, at its first text layout: call it
    before the application object is made (the window does too, for the same look)."""
    os.environ.setdefault("QT_DISABLE_EMOJI_SEGMENTER", "1")


def font(points: float, *, bold: bool = False, italic: bool = False) -> QFont:
    f = QFont(FAMILY)
    f.setFamilies([FAMILY, *FALLBACKS])
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


def _strings(value: object, depth: int = 0):
    """Every string inside an export's data (dataclasses, lists, tuples), for the glyph check."""
    if isinstance(value, str):
        yield value
    elif depth < 4 and isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item, depth + 1)
    elif depth < 4 and hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:  # type: ignore[attr-defined]
            yield from _strings(getattr(value, name), depth + 1)


def missing_glyphs(data: object) -> list[str]:
    """Characters of the export that no font of the fallback list can draw (drawn as empty
    boxes), as "U+0F00 ༀ"; [] when every character has a font."""
    installed = set(QFontDatabase.families())
    metrics = [QFontMetricsF(QFont(family)) for family in (FAMILY, *FALLBACKS)
               if family in installed]  # fmt: skip
    seen: set[str] = set()
    for text in _strings(data):
        seen.update(text)
    missing = []
    for ch in sorted(seen):
        cp = ord(ch)
        if cp < 0x21 or 0x7F <= cp < 0xA0 or unicodedata.category(ch) in ("Cf", "Mn", "Zs",
                                                                            "Cc", "Zl", "Zp"):
            continue  # controls, joiners, selectors and combining marks draw with their base
        if not any(m.inFontUcs4(cp) for m in metrics):
            missing.append(f"U+{cp:04X} {ch}")
    return missing
