"""Two windows on one workspace: no 'database is locked', no lost edit, stale edits refused.

Two processes append to the same few events as fast as they can; each append carries
the version it read, so a write based on a copy the other process changed meanwhile is
refused and redone. Afterwards every edit of both is there. The refusal itself is also
shown directly with two open workspaces (as two windows hold them).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from _reliability import child_env, cli, integrity, rows, write_articles
from sqlalchemy import event
from test_kill_edits import missing_edits, seed_events, worker

from desktop.services.editing import EditConflict, read_snapshot, update_event
from desktop.store import Event, open_workspace

EDITS = 240


def test_two_processes_edit_concurrently_without_losses(tmp_path: Path) -> None:
    ws = tmp_path / "w.chronologue"
    seed_events(ws, 4)  # few events: the two writers keep hitting the same ones
    procs = {
        name: subprocess.Popen(worker(ws, name, 0, EDITS) + ["4"], env=child_env(), text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
        for name in ("a", "b")
    }
    outputs = {name: p.communicate(timeout=120) for name, p in procs.items()}
    for name, p in procs.items():
        out, err = outputs[name]
        assert p.returncode == 0, f"writer {name} failed:\n{err[-2000:]}"
        assert "locked" not in err
        assert [int(x) for x in out.split()] == list(range(EDITS))
    assert integrity(ws) == []
    conflicts = sum(err.count("conflict ") for _, err in outputs.values())
    races = sum(err.count("StaleDataError") for _, err in outputs.values())
    print(f"{2 * EDITS} edits by two processes, {conflicts} refused as stale and redone "
          f"({races} caught only at the UPDATE, as StaleDataError)")
    for name in ("a", "b"):
        assert missing_edits(ws, name, list(range(EDITS)), events=4) == []


def test_stale_edit_from_the_other_window_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "w.chronologue"
    seed_events(path, 1)
    one, two = open_workspace(path), open_workspace(path)
    two.author = "Window Two"
    try:
        with one.session() as s:
            seen = s.get(Event, 1).version  # window one shows version `seen`
        assert update_event(two, 1, expected_version=seen, title="renamed in two") == seen + 1
        assert read_snapshot(one, 1).fields["title"] == "renamed in two"  # refresh sees it
        with pytest.raises(EditConflict, match="changed by Window Two at "):
            update_event(one, 1, expected_version=seen, title="stale rename in one")
        assert read_snapshot(two, 1).fields["title"] == "renamed in two"  # not overwritten
    finally:
        one.close()
        two.close()


def test_race_between_check_and_write_is_an_edit_conflict(tmp_path: Path) -> None:
    path = tmp_path / "w.chronologue"
    seed_events(path, 1)
    one, two = open_workspace(path), open_workspace(path)
    fired = []

    def other_window_commits(session, _context, _instances) -> None:
        if not fired:  # once: window two saves right after window one checked the version
            fired.append(True)
            update_event(two, 1, title="saved by two")

    event.listen(one.sessions, "before_flush", other_window_commits)
    try:
        with pytest.raises(EditConflict):
            update_event(one, 1, expected_version=1, title="saved by one")
        assert read_snapshot(two, 1).fields["title"] == "saved by two"
    finally:
        one.close()
        two.close()


def test_two_imports_of_one_folder_at_once_store_each_article_once(tmp_path: Path) -> None:
    texts = write_articles(tmp_path / "src", 80)
    ws = tmp_path / "w.chronologue"
    open_workspace(ws).close()  # created first, as a window would have it open already
    command = cli("import", str(tmp_path / "src"), "-w", str(ws), "--json")
    procs = [subprocess.Popen(command, env=child_env(), text=True, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE) for _ in range(2)]  # fmt: skip
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err[-2000:]
        assert "locked" not in err
        assert {r["status"] for r in json.loads(out)} <= {"imported", "duplicate"}
    assert integrity(ws) == []
    stored = rows(ws, "SELECT source_file, text FROM articles")
    assert sorted(name for name, _ in stored) == sorted(texts)
    assert all(texts[name] == text for name, text in stored)
