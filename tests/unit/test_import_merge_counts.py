"""An import says how many suggestions became new events and how many merged into
events already stored (the review queue shows only the new ones)."""

from __future__ import annotations

from merge_pair import write_pair

from desktop.services.importing import import_paths
from desktop.services.timeline_data import load_events
from desktop.store import open_workspace


def test_the_second_report_of_a_happening_counts_as_merged(tmp_path, workspace_path):
    ws = open_workspace(workspace_path)
    try:
        report = import_paths(ws, write_pair(tmp_path))
        first, second = report.results
        assert (first.suggestions, first.merged) == (2, 0)
        assert (second.suggestions, second.merged) == (2, 1)
        total = sum(r.suggestions for r in report.results)
        merged = sum(r.merged for r in report.results)
        events = load_events(ws, statuses=("suggested",))
        assert len(events) == total - merged == 3  # what the queue shows
    finally:
        ws.close()
