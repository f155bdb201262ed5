"""At 1280×720 the side docks give way so the timeline keeps room for its toolbar."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.ui.dock_budget import CENTRAL_SHARE


def test_docks_give_way_on_a_small_window(qtbot, window):
    for dock in window.docks:
        window.resizeDocks([dock], [420], Qt.Orientation.Horizontal)
    window.resize(1280, 720)
    central = window.central
    qtbot.waitUntil(lambda: central.width() >= 1280 * CENTRAL_SHARE - 40, timeout=5000)
    assert central.width() >= 600, central.width()
    # the timeline toolbar's buttons read in full
    view = central.timeline
    for button in (view.dates_button, view.lanes_button):
        assert button.width() >= button.fontMetrics().horizontalAdvance(button.text()), \
            button.text()
