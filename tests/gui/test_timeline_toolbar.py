"""The timeline toolbar in a narrow window: nothing clipped, the rest behind "»"."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent, QUndoStack
from PySide6.QtWidgets import QApplication, QToolTip

from desktop.ui.timeline import TimelineView, load_from_workspace
from desktop.ui.timeline.overflow import natural_width


@pytest.fixture
def narrow(qtbot, ws):
    view = TimelineView()
    qtbot.addWidget(view)
    binding = load_from_workspace(view, ws, QUndoStack())
    view.resize(430, 400)
    view.show()
    qtbot.waitExposed(view)
    bar = view.toolbar
    qtbot.waitUntil(lambda: bar.more.isVisible(), timeout=3000)
    return view, binding


def entries(menu) -> dict[str, object]:
    menu.aboutToShow.emit()
    return {a.text(): a for a in menu.actions() if a.text()}


def test_no_control_is_clipped_and_the_rest_overflow(narrow):
    view, binding = narrow
    bar = view.toolbar
    visible = [w for w, _ in bar.items if w.isVisible()]
    hidden = [w for w, _ in bar.items if not w.isVisible()]
    assert visible and hidden, "430 px holds some controls, not all"
    for w in [*visible, bar.more, view.search]:
        assert bar.rect().contains(w.geometry()), (w.accessibleName(), w.geometry())
        if w is not view.search:  # shown at the width its label needs
            assert w.width() >= natural_width(w), w.accessibleName()
    assert bar.overflowed == hidden and binding.views_button in hidden
    # widening brings them back and hides "»"
    view.resize(1600, 400)
    QApplication.processEvents()
    assert all(w.isVisible() for w, _ in bar.items) and not bar.more.isVisible()
    for w, _ in bar.items:
        assert bar.rect().contains(w.geometry())


def test_overflowed_controls_act_the_same_from_the_menu(narrow, qtbot):
    view, binding = narrow
    bar = view.toolbar
    view.resize(200, 400)  # as narrow as the view goes: only the first controls stay
    qtbot.waitUntil(lambda: not view.tag_box.isVisible() and not view.group_box.isVisible())
    menu = entries(bar.more_menu)
    assert {"Tag", "Actor or place", "Dates…", "Lanes", "Group lanes by",
            "Fit all events", "Zoom to selection", "Views"} <= set(menu)
    assert {label for w, label in bar.items if w.isVisible()}.isdisjoint(menu)
    # a combo's items, checked as the combo is
    places = entries(menu["Actor or place"].menu())
    assert places["Anyone, anywhere"].isChecked()
    place = next(text for text in places if text.startswith("Place: "))
    places[place].trigger()
    assert view.entity_box.currentText() == place
    assert view.model.filters.place == place.removeprefix("Place: ")
    assert 0 < len(view.model.lane_of) < len(view.model.events)
    entries(menu["Group lanes by"].menu())["By tag"].trigger()
    assert view.model.grouping == "tag" and view.group_box.currentData() == "tag"
    # a button's own menu (lanes, views) is the same menu
    assert menu["Lanes"].menu() is view.lanes_button.menu()
    assert menu["Views"].menu() is binding.views_menu
    # a button's click: Fit changes the visible range back to all events
    view.set_visible_range(0.0, 1.0)
    before = view.visible_days()
    menu["Fit all events"].trigger()
    assert view.visible_days() != before
    menu["Dates…"].trigger()
    qtbot.waitUntil(lambda: view.dates_button.popup.isVisible())
    view.dates_button.popup.hide()


def test_a_truncated_combo_says_its_full_text(narrow, qtbot):
    view, _ = narrow
    box = view.entity_box
    box.setCurrentIndex(box.count() - 1)  # a long "Place: …" entry
    box.setMaximumWidth(60)  # as elided as the toolbar can make it
    view.resize(1600, 400)
    qtbot.waitUntil(lambda: box.isVisible() and box.width() <= 60)
    full = box.currentText()
    assert box.fontMetrics().horizontalAdvance(full) > box.width()  # really elided
    event = QHelpEvent(QEvent.Type.ToolTip, QPoint(5, 5), box.mapToGlobal(QPoint(5, 5)))
    QApplication.sendEvent(box, event)
    qtbot.waitUntil(lambda: QToolTip.isVisible())
    assert QToolTip.text().startswith(full) and "one actor" in QToolTip.text()
    QToolTip.hideText()
