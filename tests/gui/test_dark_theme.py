"""The dark theme draws what Fusion would lose on a dark base (unchecked boxes)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QCheckBox

from desktop.ui import theme
from desktop.ui.app import create_app


def _box_pixels(box: QCheckBox) -> set[int]:
    box.resize(box.sizeHint())
    image = box.grab().toImage()
    return {image.pixel(x, y) for x in range(0, 18) for y in range(image.height())}


def test_unchecked_boxes_are_drawn_in_dark_and_the_base_sheet_survives(qtbot):
    app = create_app()
    base = app.styleSheet()
    try:
        theme.apply_theme(app, "dark")
        assert "indicator:unchecked" in app.styleSheet() and app.styleSheet().startswith(base)
        box = QCheckBox("Legend")
        qtbot.addWidget(box)
        box.ensurePolished()
        # the indicator's light outline differs clearly from the dark window colour
        window = box.palette().color(box.backgroundRole()).lightness()
        light = [p for p in _box_pixels(box) if (p >> 16 & 255) > window + 80]
        assert light, "an unchecked box must have a visible outline on the dark palette"
        theme.apply_theme(app, "light")
        assert "indicator:unchecked" not in app.styleSheet()
        assert app.styleSheet() == base
    finally:
        theme.apply_theme(QApplication.instance(), "light")
