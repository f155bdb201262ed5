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


def _open_colour_dialog_and_read_it(qtbot, trigger) -> tuple[bool, int]:
    """Trigger a colour choice; report whether the dialog was Qt's own and how light its
    window colour is, then cancel it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QColorDialog

    seen: list[tuple[bool, int]] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QColorDialog):
            QTimer.singleShot(20, look)
            return
        seen.append((dialog.testOption(QColorDialog.ColorDialogOption.DontUseNativeDialog),
                     dialog.palette().color(dialog.backgroundRole()).lightness()))
        dialog.reject()

    QTimer.singleShot(0, look)
    trigger()
    assert seen, "no colour dialog opened"
    return seen[0]


def test_the_colour_dialogs_are_qts_own_and_dark_in_the_dark_theme(qtbot, window):
    from desktop.layout.hits import HitBox
    from desktop.services import timeline_data as data
    from desktop.ui.timeline.lane_menu import context_menu

    app = QApplication.instance()
    try:
        window.actions.themes["dark"].trigger()
        # the editor's Colour… button
        qtbot.waitUntil(lambda: window.editor.current is not None)
        own, lightness = _open_colour_dialog_and_read_it(qtbot, window.editor.color.click)
        assert own and lightness < 100
        # the lane menu's Colour…
        data.create_lane(window.ws, "Protests")
        window.refresh()
        view = window.central.timeline
        qtbot.waitUntil(lambda: any(s.name == "Protests" for s in view.model.lanes))
        lane = next(i for i, s in enumerate(view.model.lanes) if s.name == "Protests")
        menu = context_menu(view, HitBox("lane", lane, 0, 0, 0, 0, lane))
        entry = next(a for a in menu.actions() if a.text() == "Colour…")
        own, lightness = _open_colour_dialog_and_read_it(qtbot, entry.trigger)
        assert own and lightness < 100
    finally:
        theme.apply_theme(app, "light")
