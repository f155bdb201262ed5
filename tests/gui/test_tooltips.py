"""Every label or cell a narrow window may clip says its whole text in a tooltip."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from desktop.services import timeline_data as data
from desktop.services.editing import update_event
from desktop.ui.timeline.painter import GUTTER

LONG = "Negotiations between Ankara, Moscow and Tehran over the Idlib de-escalation zone"


def tooltip_at(qtbot, widget, pos: QPoint) -> str:
    QToolTip.hideText()
    QApplication.sendEvent(widget, QHelpEvent(QEvent.Type.ToolTip, pos, widget.mapToGlobal(pos)))
    qtbot.waitUntil(QToolTip.isVisible)
    text = QToolTip.text()
    QToolTip.hideText()
    return text


def test_a_lane_name_cut_in_the_gutter_is_whole_in_its_tooltip(qtbot, window):
    lane = data.create_lane(window.ws, LONG)
    first = next(iter(window.model.events))
    update_event(window.ws, first, lane_id=lane)
    window.refresh()
    canvas = window.central.timeline.canvas
    qtbot.waitUntil(lambda: any(s.name == LONG for s in canvas.model.lanes))
    canvas.repaint()
    row = next(r for r in canvas.rows() if canvas.model.lanes[r.lane].name == LONG)
    assert canvas.fontMetrics().horizontalAdvance(LONG) > GUTTER  # really elided
    text = tooltip_at(qtbot, canvas, QPoint(30, int(row.y0 + 8)))
    assert LONG in text and "1 event" in text


def test_the_status_bar_message_and_summary_have_tooltips(qtbot, window):
    bar = window.statusBar()
    message = "12 imported (40 new suggestions, 9 merged into events), 0 already there, 0 failed"
    bar.showMessage(message)
    assert bar.toolTip() == message
    bar.clearMessage()
    assert bar.toolTip() == ""
    tip = window.summary.toolTip()
    assert "articles in this workspace" in tip and "wait for review" in tip


def test_library_titles_and_queue_quotes_are_whole_in_their_tooltips(qtbot, window):
    lib = window.library.model
    for row in range(lib.rowCount()):
        title = lib.index(row, 0).data()
        assert title in lib.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    queue = window.review.model
    for row in range(queue.rowCount()):
        quote = queue.index(row, 4).data()
        tip = " ".join(queue.index(row, 4).data(Qt.ItemDataRole.ToolTipRole).split())
        assert quote in tip


def test_the_grouping_combo_says_its_whole_choice(qtbot, window):
    box = window.central.timeline.group_box
    box.setCurrentIndex(box.findData("outlet"))
    qtbot.waitUntil(box.isVisible)
    text = tooltip_at(qtbot, box, QPoint(5, 5))
    assert text.startswith(box.currentText()) and "lane" in text


def test_dialog_rows_that_elide_say_their_whole_text(qtbot, window):
    from datetime import date

    from desktop.ui.dates_dialog import SetDatesDialog
    from desktop.ui.dialogs import MergeDialog, ShortcutsDialog

    events = list(window.model.events.values())
    merge = MergeDialog(events, [events[0].id], window)
    qtbot.addWidget(merge)
    first = merge.list.item(0)
    assert first.text() in first.toolTip()
    dates = SetDatesDialog([{"id": 1, "title": LONG, "published": date(2018, 9, 5),
                             "proposed": None}], window)
    qtbot.addWidget(dates)
    assert dates.table.item(0, 0).toolTip() == LONG
    keys = ShortcutsDialog(window)
    qtbot.addWidget(keys)
    keys.show()
    qtbot.waitExposed(keys)
    table = keys.table
    for row in range(table.rowCount()):
        text = table.item(row, 0).text()
        assert table.columnWidth(0) >= table.fontMetrics().horizontalAdvance(text), text
    assert table.horizontalScrollBar().maximum() == 0  # nothing runs off to the right
