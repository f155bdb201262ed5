"""An import says how many suggestions became new events and how many merged into
events already stored (the review queue shows only the new ones)."""

from __future__ import annotations

from pathlib import Path

from desktop.services.importing import import_paths
from desktop.services.timeline_data import load_events
from desktop.store import open_workspace

FIRST = ("Jets strike Idlib town\n\nBEIRUT, September 8, 2018 (Reuters) - Russian jets bombed "
         "the town of Khan Sheikhoun on Friday, killing 12 civilians, a monitor said.\n\n"
         "The Syrian army shelled villages near Hama on Thursday.\n")
SECOND = ("Civilians killed in Idlib raids\n\nBEIRUT, September 8, 2018 (AP) - Russian "
          "warplanes bombed Khan Sheikhoun on Friday, killing 12 civilians, according to a "
          "war monitor.\n\nRebels said they fired rockets at a government position on "
          "Saturday.\n")


def write_pair(folder: Path) -> list[Path]:
    (folder / "a.txt").write_text(FIRST, encoding="utf-8")
    (folder / "b.txt").write_text(SECOND, encoding="utf-8")
    return [folder / "a.txt", folder / "b.txt"]


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
