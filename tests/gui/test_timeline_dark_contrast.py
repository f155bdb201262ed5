"""In the dark theme a span bar (an uncertain date drawn from earliest to latest) stands
out from the lane's band: its outline meets WCAG's 3:1 for graphics in every lane colour."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtGui import QColor

from desktop.services.timeline_data import LaneInfo, TimelineEvent
from desktop.temporal import FuzzyDate, Precision
from desktop.ui.theme import dark_palette, light_palette
from desktop.ui.timeline import TimelineView
from desktop.ui.timeline.model import PALETTE
from desktop.ui.timeline.painter import ROW_H


def luminance(c: QColor) -> float:
    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize("palette", [dark_palette, light_palette], ids=["dark", "light"])
def test_span_outlines_stand_out_from_the_band(qtbot, palette):
    view = TimelineView()
    qtbot.addWidget(view)
    view.setPalette(palette())
    view.resize(1200, 200 + 60 * len(PALETTE))
    view.set_lanes([LaneInfo(i + 1, f"Lane {i + 1}", color) for i, color in enumerate(PALETTE)])
    year = FuzzyDate.of(Precision.YEAR, datetime(2016, 1, 1))
    day = FuzzyDate.of(Precision.DAY, datetime(2014, 1, 1))
    events = []
    for i in range(len(PALETTE)):
        events.append(TimelineEvent(10 + i, f"Span {i}", i + 1, year.earliest, year.latest,
                                    start=year, status="accepted"))
        events.append(TimelineEvent(100 + i, f"Point {i}", i + 1, day.earliest, day.latest,
                                    start=day, status="accepted"))
    view.set_events(events)
    view.show()
    qtbot.waitExposed(view)
    view.set_visible_range(datetime(2013, 1, 1), datetime(2018, 1, 1))
    canvas = view.canvas
    canvas.repaint()
    image = canvas.grab().toImage()
    ratio = image.width() / canvas.width()
    worst = []
    for box in [h for h in canvas.hits if h.kind == "event" and h.key < 100]:
        mid = (box.x0 + box.x1) / 2 if box.x1 - box.x0 < 400 else box.x0 + 60
        y_band = int((box.y0 + 1) * ratio)  # above the bar, inside the band
        band = QColor(image.pixel(int(mid * ratio), y_band))
        column = [QColor(image.pixel(int(mid * ratio), int(y * ratio)))
                  for y in range(int(box.y0), int(box.y0 + ROW_H))]
        worst.append(max(contrast(c, band) for c in column))
    assert len(worst) == len(PALETTE)
    assert min(worst) >= 3.0, [round(w, 2) for w in worst]
