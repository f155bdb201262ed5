"""Sizes that fit the screen: a window or dialog asks for its comfortable size, never more
than the screen it opens on has room for (at 1280×720 the export dialog's buttons were
below the bottom edge)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

MARGIN_W, MARGIN_H = 24, 48  # the window frame and title bar, and a little air


def room(widget: QWidget) -> QSize:
    """The usable size of the screen `widget` (or its parent) is on."""
    anchor = widget.parentWidget() or widget
    screen = anchor.screen() if anchor.screen() is not None else QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    return QSize(max(area.width() - MARGIN_W, 320), max(area.height() - MARGIN_H, 240))


def fit_resize(widget: QWidget, width: int, height: int) -> None:
    """Resize to `width` × `height`, capped by the screen's room, centred over the parent."""
    limit = room(widget)
    widget.resize(min(width, limit.width()), min(height, limit.height()))
