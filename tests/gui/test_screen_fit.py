"""Windows and dialogs open no larger than the screen: their buttons stay reachable."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from desktop.ui.screen_fit import MARGIN_H, MARGIN_W


def test_the_export_and_help_dialogs_fit_the_screen(qtbot, window):
    area = window.screen().availableGeometry()
    assert area.width() < 1180 + MARGIN_W or area.height() < 780 + MARGIN_H  # a small screen
    window.actions.export.trigger()
    dialog = window.dialogs.export_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.width() <= area.width() and dialog.height() <= area.height()
    button = dialog.export_button
    bottom = button.mapTo(dialog, button.rect().bottomRight())
    assert bottom.y() < dialog.height() and bottom.x() < dialog.width()
    dialog.close()
    window.actions.getting_started.trigger()
    help_dialog = window.dialogs.help_dialog
    qtbot.waitUntil(help_dialog.isVisible)
    assert help_dialog.height() <= area.height()
    help_dialog.close()
    QApplication.processEvents()

