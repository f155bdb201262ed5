"""Another process's commits reach the window through the change log: only the rows
they touched are read (never the whole workspace again), large ones in slices."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from desktop.services import editing
from desktop.services import timeline_data as data
from desktop.store import open_workspace
from desktop.ui import workspace_model

ARTICLE = """Aleppo, 14 March 2019 (Wire) - Relief convoys reached the eastern districts on
Thursday, the United Nations said. On 12 March, shelling hit the northern crossing,
residents reported. Talks on a local ceasefire resumed in Geneva on Wednesday.
"""


@pytest.fixture
def full_reads(monkeypatch) -> list[str]:
    """Every whole-workspace read the window makes from now on."""
    reads: list[str] = []
    real_snapshot, real_load = workspace_model.read_snapshot, data.load_events

    def snapshot(ws):
        reads.append("snapshot")
        return real_snapshot(ws)

    def load_events(ws, statuses=None, ids=None):
        if ids is None:
            reads.append("load_events")
        return real_load(ws, statuses, ids)

    monkeypatch.setattr(workspace_model, "read_snapshot", snapshot)
    monkeypatch.setattr(data, "load_events", load_events)
    return reads


def test_a_title_edited_by_another_workspace_shows_without_a_full_read(
        qtbot, window, full_reads) -> None:
    target = next(e for e in window.model.events.values() if e.status == "suggested")
    other = open_workspace(window.ws.path)
    try:
        editing.update_event(other, target.id, title="Renamed elsewhere")
    finally:
        other.close()

    def shown() -> bool:
        row = window.table.model.row_of(target.id)
        queue_row = window.review.model.row_of(target.id)
        return (row is not None and window.table.model.record(row).title == "Renamed elsewhere"
                and queue_row is not None
                and window.review.model.rows[queue_row].title == "Renamed elsewhere"
                and window.central.timeline.model.events[target.id].title
                == "Renamed elsewhere")

    qtbot.waitUntil(shown, timeout=5000)
    assert full_reads == []


@pytest.mark.parametrize("backlog", [1000, 2])
def test_an_import_by_the_cli_arrives_in_slices_without_a_full_read(
        qtbot, window, full_reads, tmp_path: Path, monkeypatch, backlog) -> None:
    """Slices of SLICE events; a delta over `backlog` slices long (a window behind a
    long import) goes in slices four times larger, so it catches up sooner."""
    monkeypatch.setattr(workspace_model, "SLICE", 1)  # the seed-sized import, sliced
    monkeypatch.setattr(workspace_model, "BACKLOG_SLICES", backlog)
    slices: list[int] = []
    window.model.events_changed.connect(lambda delta: slices.append(len(delta.records)))
    articles_before = set(window.model.articles)
    events_before = set(window.model.events)
    source = tmp_path / "convoy.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "import", "-w", str(window.ws.path), str(source)],
        capture_output=True, text=True, timeout=120, env=dict(os.environ), check=False)
    assert done.returncode == 0, done.stderr

    new_article = [None]

    def arrived() -> bool:
        added = set(window.model.articles) - articles_before
        new_article[0] = next(iter(added), None)
        return bool(added) and window.library.row_for(new_article[0]) is not None

    qtbot.waitUntil(arrived, timeout=10_000)
    other = open_workspace(window.ws.path)
    try:
        stored = {e.id for e in data.load_events(other)} - events_before
    finally:
        other.close()
    full_reads.clear()  # our own check above was one, not the window's
    assert stored, "the CLI import made suggestions"
    qtbot.waitUntil(lambda: stored <= set(window.model.events), timeout=10_000)
    for event_id in stored:
        assert window.table.model.row_of(event_id) is not None
        assert window.review.model.row_of(event_id) is not None
    assert len(stored) > 2 and sum(slices) >= len(stored)
    # one event a pass, or (behind by more than `backlog` slices) up to four
    assert max(slices) == 1 if backlog > len(stored) else 1 < max(slices) <= 4
    assert full_reads == []


@pytest.fixture
def log_reads(monkeypatch) -> list[tuple[str, int]]:
    """Every read of the change log the window makes: (thread name, revision asked for)."""
    reads: list[tuple[str, int]] = []
    real = workspace_model.changes_since

    def since(session, revision):
        reads.append((threading.current_thread().name, revision))
        return real(session, revision)

    monkeypatch.setattr(workspace_model, "changes_since", since)
    return reads


def test_the_change_log_is_read_on_the_task_runner_and_its_changes_shown(
        qtbot, window, log_reads) -> None:
    target = next(e for e in window.model.events.values() if e.status == "suggested")
    arrived: list[object] = []
    window.model.arrived.connect(arrived.append)
    other = open_workspace(window.ws.path)
    try:
        editing.update_event(other, target.id, title="Read off the UI thread")
    finally:
        other.close()
    window.refresh()  # what an import's progress and the change watcher call
    qtbot.waitUntil(lambda: window.model.events[target.id].title == "Read off the UI thread",
                    timeout=5000)
    row = window.table.model.row_of(target.id)
    assert window.table.model.record(row).title == "Read off the UI thread"
    assert log_reads and all(name != "MainThread" for name, _ in log_reads)
    assert [target.id] == [i for c in arrived for i in c.events.updated]


def test_wake_ups_during_a_look_make_one_more_look_not_one_each(
        qtbot, window, monkeypatch) -> None:
    gate, looks = threading.Event(), []
    real = workspace_model.changes_since

    def slow_since(session, revision):
        looks.append(revision)
        gate.wait(5)
        return real(session, revision)

    monkeypatch.setattr(workspace_model, "changes_since", slow_since)
    target = next(e for e in window.model.events.values() if e.status == "suggested")
    window.refresh()
    qtbot.waitUntil(lambda: len(looks) == 1, timeout=5000)
    other = open_workspace(window.ws.path)
    try:  # committed while the first look runs: the look after it must find it
        editing.update_event(other, target.id, title="Found by the second look")
    finally:
        other.close()
    for _ in range(5):
        window.refresh()
    shown: list[bool] = []
    window.model.when_shown(lambda: shown.append(True))
    assert not shown  # the summary of an import would wait for both looks
    gate.set()
    qtbot.waitUntil(lambda: shown == [True], timeout=5000)
    assert len(looks) == 2
    assert window.model.events[target.id].title == "Found by the second look"


def test_an_edit_after_someone_elses_commit_takes_both_from_the_log_off_the_ui_thread(
        qtbot, window, log_reads) -> None:
    events = [e for e in window.model.events.values() if e.status == "suggested"][:2]
    other = open_workspace(window.ws.path)
    try:
        editing.update_event(other, events[0].id, title="Theirs")
    finally:
        other.close()
    _, changes = window.ws.transact(
        lambda session: editing.update_event(session, events[1].id, title="Ours"))
    assert changes.since > window.model.revision  # theirs came between our read and write
    window.model.apply(changes)
    qtbot.waitUntil(lambda: window.model.events[events[1].id].title == "Ours"
                    and window.model.events[events[0].id].title == "Theirs", timeout=5000)
    assert log_reads and all(name != "MainThread" for name, _ in log_reads)
