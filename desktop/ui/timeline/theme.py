"""Colours of the timeline, light or dark after the system palette (no hard-coded white).

Lane colours stay the user's; everything around them (bands, grid, text, badges)
follows the palette's lightness, so the view sits well in a dark desktop.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette


@dataclass(frozen=True)
class Theme:
    bands: tuple[QColor, QColor]
    ink: QColor
    muted: QColor
    grid: QColor
    line: QColor
    tick_minor: QColor
    tick_major: QColor
    axis_bg: QColor
    gutter: QColor
    plate: QColor
    badge: QColor
    badge_text: QColor
    select: QColor
    select_fill: QColor
    conflict: QColor
    overview: QColor

    @property
    def dark(self) -> bool:
        return self.bands[0].lightness() < 128


LIGHT = Theme(
    bands=(QColor("#ffffff"), QColor("#f5f7fa")), ink=QColor("#1f2329"), muted=QColor("#6b7280"),
    grid=QColor(0, 0, 0, 22), line=QColor(0, 0, 0, 40), tick_minor=QColor(0, 0, 0, 60),
    tick_major=QColor(0, 0, 0, 110), axis_bg=QColor("#e8ecf2"), gutter=QColor("#eef1f5"),
    plate=QColor(255, 255, 255, 215), badge=QColor("#5b6b82"), badge_text=QColor("white"),
    select=QColor("#1d6fd8"), select_fill=QColor(29, 111, 216, 40), conflict=QColor("#d1242f"),
    overview=QColor("#7a8aa3"),
)  # fmt: skip

DARK = Theme(
    bands=(QColor("#1e2127"), QColor("#23272e")), ink=QColor("#e6e8eb"), muted=QColor("#9aa3ad"),
    grid=QColor(255, 255, 255, 22), line=QColor(255, 255, 255, 40),
    tick_minor=QColor(255, 255, 255, 60), tick_major=QColor(255, 255, 255, 120),
    axis_bg=QColor("#2a2f37"), gutter=QColor("#262a31"), plate=QColor(30, 33, 39, 215),
    badge=QColor("#8795ab"), badge_text=QColor("#111418"), select=QColor("#5aa2ff"),
    select_fill=QColor(90, 162, 255, 60), conflict=QColor("#ff6b6b"), overview=QColor("#8795ab"),
)  # fmt: skip


def theme_for(palette: QPalette) -> Theme:
    """The light or dark theme, whichever matches the palette's window colour."""
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    return DARK if dark else LIGHT


def _luminance(c: QColor) -> float:
    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two opaque colours (1 to 21)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def outline_for(color: QColor, theme: Theme, target: float = 3.3) -> QColor:
    """The lane colour made lighter (dark theme) or darker (light) until its outline
    stands out from both lane bands by WCAG's 3:1 for graphics (darker(140) of a mid
    blue all but vanished on the dark bands)."""
    c = QColor(color)
    c.setAlpha(255)
    for _ in range(16):
        if min(contrast(c, band) for band in theme.bands) >= target:
            break
        c = c.lighter(112) if theme.dark else c.darker(112)
    return c
