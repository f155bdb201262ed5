"""The PDF at scale and in order: crowded exports, lane names, numbering, header counts."""

from __future__ import annotations

import random
import shutil
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desktop.export import ExportOptions
from desktop.export.header import facts
from desktop.export.pdf import pdf_crowding, render_pdf
from desktop.export.selection import UNASSIGNED, ExportData, ExportEvent, SourceRef
from desktop.layout import Item, place_items
from desktop.layout.calendar import to_days
from desktop.layout.day_scale import DayScale
from desktop.services.timeline_data import NO_LANE
from desktop.temporal import FuzzyDate

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


@pytest.fixture(autouse=True)
def _qapp(qapp):
    return qapp


def _data(n: int, *, outlet: str = "") -> ExportData:
    rng = random.Random(7)
    lanes = [("Air strikes", "#4E79A7"), ("Protests", "#F28E2B"), (UNASSIGNED, "#B07AA1")]
    events = []
    days = sorted(rng.random() * 1000 for _ in range(n))
    for i, d in enumerate(days):
        when = datetime(2018, 1, 1) + timedelta(days=d)
        src = SourceRef(1, "A quote.", None, "", "An article", outlet, None, "")
        events.append(ExportEvent(i + 1, i + 1, f"Event {i + 1}", "",
                                  FuzzyDate.day(when.year, when.month, when.day), None,
                                  lanes[i % 3][0], None, "accepted", 0.7, False, sources=[src]))
    return ExportData("Big", "", "", events, lanes, datetime(2026, 1, 1))


def _text(path: Path, first: int, last: int) -> str:
    return subprocess.run(["pdftotext", "-f", str(first), "-l", str(last), str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


def test_thousands_of_events_become_a_density_strip_with_a_warning_and_a_list(tmp_path):
    data = _data(4000)
    options = ExportOptions(sources=False)
    crowd = pdf_crowding(data, options)
    assert crowd is not None and crowd.events == 4000 and crowd.row_pt < 6 and crowd.tiles >= 2
    out = tmp_path / "big.pdf"
    result = render_pdf(data, out, options)
    assert "too many to draw legibly on one A4 page" in result.warning
    first = " ".join(_text(out, 1, 1).split())
    assert "too many to draw legibly" in first and "tile it across" in first
    assert "Air strikes" in first and UNASSIGNED in first
    # the numbered list carries every event even with sources switched off
    assert result.source_pages > 10
    last = _text(out, result.pages, result.pages)
    assert "Event 4000" in last
    # drawing the chart anyway is still possible
    assert pdf_crowding(data, ExportOptions(overview="chart")) is None


def test_a_readable_export_has_no_warning(tmp_path):
    data = _data(40)
    assert pdf_crowding(data, ExportOptions()) is None
    result = render_pdf(data, tmp_path / "small.pdf", ExportOptions())
    assert result.warning == ""


def test_unassigned_lane_is_named_as_in_the_app_and_no_zero_outlets():
    assert UNASSIGNED == NO_LANE == "Unassigned"
    assert "outlet" not in facts(_data(3))
    assert "3 events" in facts(_data(3)) and "1 article" in facts(_data(3))
    assert "1 article from 1 outlet" in facts(_data(3, outlet="Al Jazeera"))


def test_events_of_one_day_stack_in_number_order_whatever_their_label_widths():
    day = FuzzyDate.day(2018, 9, 7)
    widths = {6: 300.0, 7: 80.0, 8: 40.0, 9: 200.0}
    items = [Item(n, "L", day, label=str(n)) for n in (6, 7, 8, 9)]
    start, end = to_days(datetime(2018, 9, 1)), to_days(datetime(2018, 9, 30))
    scale = DayScale.linear(start, end, 0.0, 1000.0)
    layout = place_items(items, scale, ["L"], label_width=lambda it: widths[it.key])
    rows = {p.key: p.row for p in layout.placed}
    assert sorted(rows, key=rows.get) == [6, 7, 8, 9]


def test_a_redated_event_says_so_in_the_pdf_sources(tmp_path):
    data = _data(3)
    data.events[1].redated = "4 Mar 2021"
    out = tmp_path / "r.pdf"
    render_pdf(data, out, ExportOptions())
    text = " ".join(_text(out, 1, 3).split())
    assert "Re-dated by the analyst: the sources say 4 Mar 2021." in text


def test_unchecking_every_lane_exports_nothing_not_everything(tmp_path):
    from desktop.export.selection import gather
    from desktop.services.editing import create_event
    from desktop.store import open_workspace

    ws = open_workspace(tmp_path / "w.chronologue")
    create_event(ws, "An event", FuzzyDate.day(2020, 1, 1), status="manual")
    assert len(gather(ws, ExportOptions()).events) == 1
    assert gather(ws, ExportOptions(lanes=[])).events == []
    assert len(gather(ws, ExportOptions(lanes=[UNASSIGNED])).events) == 1
    ws.close()
