"""Action icons: the SVGs in resources/icons/actions, tinted to the palette's text colour.

The SVGs draw in `currentColor`, so one file serves the light and the dark theme; a
missing file falls back to the desktop's icon theme (QIcon.fromTheme).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
ACTION_ICONS = RESOURCES / "icons" / "actions"
SIZES = (16, 20, 24, 32, 40, 48, 64)  # 2x screens pick the larger ones

# action name -> (file stem in resources/icons/actions, freedesktop theme name)
NAMES: dict[str, tuple[str, str]] = {
    "import": ("import", "document-import"),
    "import_folder": ("import", "folder-open"),
    "export": ("export", "document-export"),
    "undo": ("undo", "edit-undo"),
    "redo": ("redo", "edit-redo"),
    "new_event": ("new-event", "list-add"),
    "accept": ("accept", "dialog-ok-apply"),
    "reject": ("reject", "dialog-cancel"),
    "merge": ("merge", "merge"),
    "zoom_in": ("zoom-in", "zoom-in"),
    "zoom_out": ("zoom-out", "zoom-out"),
    "fit": ("fit", "zoom-fit-best"),
    "preferences": ("preferences", "preferences-system"),
}


def _pixmap(svg: bytes, size: int, color: QColor) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg.replace(b"currentColor", color.name().encode())))
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return QPixmap.fromImage(image)


MODES = ((QIcon.Mode.Normal, QPalette.ColorGroup.Active),
         (QIcon.Mode.Active, QPalette.ColorGroup.Active),
         (QIcon.Mode.Disabled, QPalette.ColorGroup.Disabled))


def svg_icon(path: Path, palette: QPalette | None = None) -> QIcon:
    """An icon drawn from an SVG in the palette's text colour (greyed when disabled)."""
    palette = palette or QPalette()
    colors = []
    for mode, group in MODES:
        color = palette.color(group, QPalette.ColorRole.ButtonText)
        if mode is QIcon.Mode.Disabled:
            color.setAlphaF(0.45)
        colors.append(color.rgba())
    return QIcon(_drawn(str(path), tuple(colors)))


@lru_cache(maxsize=256)
def _drawn(path: str, colors: tuple[int, ...]) -> QIcon:
    """21 renders per icon: drawn once per file and palette, not once per window (every
    window and every theme switch asks again; the GUI tests open hundreds of windows)."""
    svg = Path(path).read_bytes()
    icon = QIcon()
    for (mode, _group), rgba in zip(MODES, colors, strict=True):
        color = QColor.fromRgba(rgba)
        for size in SIZES:
            icon.addPixmap(_pixmap(svg, size, color), mode)
    return icon


def icon(name: str, palette: QPalette | None = None) -> QIcon:
    """The icon for an action name (see NAMES), or an empty QIcon when there is none."""
    stem, theme = NAMES.get(name, (name, name))
    path = ACTION_ICONS / f"{stem}.svg"
    if path.exists():
        return svg_icon(path, palette)
    return QIcon.fromTheme(theme)


def set_action_icons(actions: Mapping[str, QAction], palette: QPalette | None = None) -> None:
    """Give every known action its icon; called again when the theme changes."""
    for name, action in actions.items():
        if name in NAMES:
            action.setIcon(icon(name, palette))
