"""Team edits: authors and times on every change, stale edits naming who, event history,
and another process's change reaching this one's change feed within two seconds."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from desktop.services import editing, review
from desktop.services.importing import import_paths
from desktop.store import open_workspace
from desktop.store.changes import changes_since, workspace_revision
from desktop.store.history import default_author, event_history, last_change
from desktop.store.watch import ChangeWatcher
from desktop.temporal import FuzzyDate

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def pair(workspace_location: str):
    """Two analysts on one workspace: Ana and Bruno (two connections, two authors)."""
    ana = open_workspace(workspace_location, backups=False)
    ana.author = "Ana"
    bruno = open_workspace(workspace_location, backups=False)
    bruno.author = "Bruno"
    yield ana, bruno
    ana.close()
    bruno.close()


def test_default_author_is_the_environment_or_the_os_user() -> None:
    assert default_author({"CHRONOLOGUE_AUTHOR": "  Ana   Lima "}) == "Ana Lima"
    assert default_author({}) not in ("", None)


def test_stale_edit_is_refused_naming_the_other_author(pair) -> None:
    ana, bruno = pair
    event_id = editing.create_event(ana, "Talks held", FuzzyDate.day(2018, 9, 7))
    seen = editing.read_snapshot(bruno, event_id)  # Bruno opens the event in his editor
    version = 1
    editing.update_event(ana, event_id, expected_version=version, title="Talks resumed")
    with pytest.raises(editing.EditConflict, match=r"changed by Ana at \d{4}-\d\d-\d\d \d\d:\d\d"):
        editing.update_event(bruno, event_id, expected_version=version, title="Talks ended")
    assert seen.fields["title"] == "Talks held"
    assert editing.read_snapshot(ana, event_id).fields["title"] == "Talks resumed"


def test_every_change_records_its_author_and_time(pair, seeds_dir: Path) -> None:
    ana, bruno = pair
    import_paths(ana, [seeds_dir / "004_ef325f0aac841b1b.txt"])
    with bruno.session() as s:
        rows = s.execute(__import__("sqlalchemy").text(
            "SELECT author, at FROM changes")).all()
    assert rows and all(author == "Ana" and at is not None for author, at in rows)
    event_id = editing.create_event(bruno, "Convoy hit", FuzzyDate.day(2018, 9, 9))
    with ana.session() as s:
        assert last_change(s, "event", event_id)[0] == "Bruno"


def test_event_history_shows_who_changed_what(pair) -> None:
    ana, bruno = pair
    event_id = editing.create_event(ana, "Talks held", FuzzyDate.day(2018, 9, 7),
                                    status="suggested")
    review.set_status(bruno, [event_id], "accepted")
    editing.update_event(ana, event_id, title="Talks resumed", start=FuzzyDate.day(2018, 9, 8))
    editing.update_event(bruno, event_id, tags=["diplomacy"])
    with ana.session() as s:
        steps = event_history(s, event_id)
    assert [(st.author, st.what) for st in steps] == [
        ("Ana", "created"), ("Bruno", "changed"), ("Ana", "changed"), ("Bruno", "sources")]
    assert steps[1].changes["status"] == ("suggested", "accepted")
    assert steps[2].changes["title"] == ("Talks held", "Talks resumed")
    assert "start_earliest" in steps[2].changes
    assert all(st.at is not None for st in steps)
    assert steps[0].at <= steps[1].at <= steps[2].at <= steps[3].at
    snap = editing.delete_event(bruno, event_id)
    with ana.session() as s:
        assert event_history(s, event_id)[-1].what == "deleted"
    editing.restore_event(ana, snap)
    with ana.session() as s:
        last = event_history(s, event_id)[-1]
    assert last.author == "Ana" and last.what in ("changed", "created", "sources")


EDITOR = """
import sys, time
from desktop.services import editing
from desktop.store import open_workspace
ws = open_workspace(sys.argv[1], backups=False)
ws.author = "Other process"
sys.stdout.write("ready\\n"); sys.stdout.flush()
sys.stdin.readline()
t = time.time()
editing.update_event(ws, int(sys.argv[2]), title="Changed by another process")
sys.stdout.write(f"{t}\\n"); sys.stdout.flush()
ws.close()
"""


def test_another_process_change_reaches_the_feed_within_two_seconds(
        workspace_location: str) -> None:
    ws = open_workspace(workspace_location, backups=False)
    event_id = editing.create_event(ws, "Talks held", FuzzyDate.day(2018, 9, 7))
    with ws.session() as s:
        revision = workspace_revision(s)
    arrived: list[float] = []
    seen = threading.Event()

    def on_change() -> None:
        with ws.session() as s:
            changes = changes_since(s, revision)
        if event_id in changes.events.updated:
            arrived.append(time.time())
            seen.set()

    watcher = ChangeWatcher(ws, on_change)
    watcher.start()
    child = subprocess.Popen([sys.executable, "-c", EDITOR, workspace_location, str(event_id)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                             cwd=REPO)
    try:
        assert child.stdout.readline().strip() == "ready"
        time.sleep(0.6)  # the watcher is listening / has read the data version
        child.stdin.write("go\n")
        child.stdin.flush()
        committed_at = float(child.stdout.readline())
        assert seen.wait(5), "the change never reached the feed"
        assert arrived[0] - committed_at < 2.0
        with ws.session() as s:
            assert last_change(s, "event", event_id)[0] == "Other process"
    finally:
        child.wait(timeout=30)
        watcher.stop()
        ws.close()
