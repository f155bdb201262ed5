"""A 4,000-event export: the dialog warns and offers tiling, a poster size or a filter."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from desktop.services.editing import ensure_lane
from desktop.services.eventdates import set_start
from desktop.store import Event, open_workspace
from desktop.store.changes import unit
from desktop.temporal import FuzzyDate


def _crowded(path, n: int = 4000) -> None:
    ws = open_workspace(path)
    lanes = [ensure_lane(ws, name) for name in ("Air strikes", "Protests")]
    rng = random.Random(3)
    with unit(ws) as session:
        for i in range(n):
            when = datetime(2018, 1, 1) + timedelta(days=rng.random() * 1000)
            e = Event(title=f"Event {i}", status="accepted", confidence=0.7,
                      lane_id=lanes[i % 2] if i % 5 else None)
            set_start(e, FuzzyDate.day(when.year, when.month, when.day))
            session.add(e)
    ws.close()


def test_a_crowded_pdf_is_flagged_with_remedies(qtbot, make_window, workspace_path):
    _crowded(workspace_path)
    window = make_window(workspace_path)
    window.actions_by_name["export"].trigger()
    dialog = window.dialogs.export_dialog
    qtbot.waitUntil(dialog.isVisible)
    bar = dialog.crowded
    qtbot.waitUntil(bar.isVisible, timeout=60_000)
    assert "4,000 events are too many" in bar.text.text()
    assert bar.tiles >= 2 and f"{bar.tiles} pages" in bar.tile_button.text()
    bar.tile_button.click()
    assert dialog.form.tiles.value() == bar.tiles
    bar.poster_button.click()
    assert dialog.form.page_text() == "841x1189mm"
    assert dialog.form.orientation.currentData() is True
    # a filter that leaves few events clears the warning
    dialog.form.tiles.setValue(1)
    dialog.form.set_page("A4")
    dialog.form.range.setCurrentIndex(dialog.form.range.findData("custom"))
    from PySide6.QtCore import QDate

    dialog.form.date_from.setDate(QDate(2018, 1, 1))
    dialog.form.date_to.setDate(QDate(2018, 1, 20))
    qtbot.waitUntil(lambda: not bar.isVisible() and not dialog._previews, timeout=60_000)
    dialog.close()
