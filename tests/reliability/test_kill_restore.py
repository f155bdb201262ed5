"""`restore` killed at each of its steps: the next open finds every event, nothing is lost.

The workspace has edits after its last backup, still in a -wal left by a crashed window
(the hardest case: those edits live only in the WAL). The child runs the real
`chronologue restore` with a step hook that SIGKILLs it at the named step. A restore
killed before its copy was in place is rolled back (the workspace as it was, WAL edits
included); one killed later is finished, and the file it replaced, with its WAL, is kept
and still holds the edits.
Before the fix, a kill between moving the file aside and renaming the copy in left no
workspace, and the next `chronologue events` created an empty one.
"""

from __future__ import annotations

import json
import shutil
import signal
import sqlite3
import sys
from pathlib import Path

import pytest
from _reliability import cli, integrity, run, write_articles

from desktop.services.importing import import_paths
from desktop.store import open_workspace
from desktop.store.backup import list_backups, make_backup
from desktop.store.restore import STEPS, journal_path, restoring_path

KILLED_RESTORE = """
import functools, os, signal, sys
import desktop.cli_maintenance as verbs
from desktop.__main__ import main
from desktop.store import restore as module

def die_at(step):
    if step == sys.argv[1]:
        os.kill(os.getpid(), signal.SIGKILL)  # as a power cut or `kill -9` would

verbs.restore = functools.partial(module.restore, on_step=die_at)
sys.exit(main(sys.argv[2:]))
"""

CRASHED_WINDOW = """
import os, signal, sys
from pathlib import Path
from desktop.services.importing import import_paths
from desktop.store import open_workspace
ws = open_workspace(sys.argv[1], backups=False)
with ws.engine.connect() as con:
    con.exec_driver_sql("PRAGMA wal_autocheckpoint = 0")
assert not import_paths(ws, [Path(sys.argv[2])]).failed
os.kill(os.getpid(), signal.SIGKILL)  # the window crashed: its edits are only in the -wal
"""


def _killed_restore(step: str, *args: str) -> list[str]:
    return [sys.executable, "-c", KILLED_RESTORE, step, "restore", *args]


def _events(path: Path) -> set[tuple[int, str]]:
    con = sqlite3.connect(path)
    try:
        return set(con.execute("SELECT id, title FROM events"))
    finally:
        con.close()


@pytest.fixture(scope="module")
def prepared(tmp_path_factory) -> tuple[Path, set, set]:
    """A folder with W (backed up after 12 articles, then 6 more only in its WAL)."""
    root = tmp_path_factory.mktemp("kill-restore")
    write_articles(root / "src", 18)
    (root / "later").mkdir()
    for name in sorted((root / "src").iterdir())[12:]:
        name.rename(root / "later" / name.name)
    path = root / "case" / "w.chronologue"
    path.parent.mkdir()
    ws = open_workspace(path)
    import_paths(ws, [root / "src"])
    ws.close()
    make_backup(path)
    backed_up = _events(path)
    crash = run([sys.executable, "-c", CRASHED_WINDOW, str(path), str(root / "later")])
    assert crash.returncode == -signal.SIGKILL, crash.stderr
    assert path.with_name(path.name + "-wal").stat().st_size > 0
    shutil.copytree(path.parent, root / "pristine")  # the WAL is copied beside it
    shutil.copytree(path.parent, root / "probe")  # reading checkpoints: read a copy
    current = _events(root / "probe" / path.name)
    assert (root / "pristine" / (path.name + "-wal")).stat().st_size > 0
    assert backed_up < current  # the later articles added events (some merged into old ones)
    return root / "pristine", backed_up, current


@pytest.mark.parametrize("step", STEPS)
def test_restore_killed_at_each_step_loses_nothing(prepared, tmp_path: Path, step: str) -> None:
    pristine, backed_up, current = prepared
    folder = tmp_path / "case"
    shutil.copytree(pristine, folder)
    path = folder / "w.chronologue"
    killed = run(_killed_restore(step, "--latest", "-w", str(path)))
    assert killed.returncode == -signal.SIGKILL, (step, killed.stdout, killed.stderr)
    assert path.exists(), "there is a workspace file at every moment of a restore"

    opened = run(cli("events", "--json", "-w", str(path)))  # the next open
    assert opened.returncode == 0, opened.stderr
    assert "Traceback" not in opened.stderr
    found = {(e["id"], e["title"]) for e in json.loads(opened.stdout)}
    assert not journal_path(path).exists() and not restoring_path(path).exists()
    assert integrity(path) == []
    if step == "journal":  # the copy had not begun: rolled back, the edits in the WAL too
        assert "rolled back an interrupted restore" in opened.stderr.lower()
        assert found == current
        return
    assert "finished an interrupted restore" in opened.stderr.lower(), opened.stderr
    assert found == backed_up
    kept = sorted(folder.glob("w.chronologue.replaced-*[0-9]"))
    assert len(kept) == 1 and str(kept[0]) in opened.stderr
    assert _events(kept[0]) == current  # the replaced file still holds the later edits
    before = [b for b in list_backups(path) if b.reason == "before-restore"]
    assert len(before) == 1 and _events(before[0].path) == current


def test_a_kill_then_a_second_restore_works(prepared, tmp_path: Path) -> None:
    pristine, backed_up, _current = prepared
    shutil.copytree(pristine, tmp_path / "case")
    path = tmp_path / "case" / "w.chronologue"
    assert run(_killed_restore("copied", "--latest", "-w", str(path))).returncode == -9
    again = run(cli("restore", "--from", str(list_backups(path)[-1].path), "-w", str(path)))
    assert again.returncode == 0, again.stderr
    assert "finished an interrupted restore" in again.stderr.lower()
    assert _events(path) == backed_up and integrity(path) == []


def test_leftovers_of_the_old_restore_are_finished_not_replaced_by_an_empty_workspace(
        prepared, tmp_path: Path) -> None:  # fmt: skip
    """The layout the old code left when killed: no W, W.restoring, W.replaced-<time>."""
    pristine, backed_up, current = prepared
    folder = tmp_path / "case"
    shutil.copytree(pristine, folder)
    path = folder / "w.chronologue"
    shutil.copyfile(list_backups(path)[0].path, restoring_path(path))
    path.rename(folder / "w.chronologue.replaced-20260301-120000")
    path.with_name(path.name + "-wal").rename(folder / "w.chronologue.replaced-20260301-120000-wal")
    opened = run(cli("events", "--json", "-w", str(path)))
    assert opened.returncode == 0, opened.stderr
    assert "finished an interrupted restore" in opened.stderr.lower()
    assert {(e["id"], e["title"]) for e in json.loads(opened.stdout)} == backed_up
    assert _events(folder / "w.chronologue.replaced-20260301-120000") == current


def test_a_missing_workspace_with_backups_is_not_silently_recreated(prepared, tmp_path: Path
                                                                   ) -> None:  # fmt: skip
    pristine, backed_up, _current = prepared
    shutil.copytree(pristine, tmp_path / "case")
    path = tmp_path / "case" / "w.chronologue"
    path.unlink()
    path.with_name(path.name + "-wal").unlink()
    opened = run(cli("events", "-w", str(path)))
    assert opened.returncode == 1 and "is missing, but 1 backups" in opened.stderr.lower()
    assert "restore --latest" in opened.stderr and not path.exists()
    restored = run(cli("restore", "--latest", "-w", str(path)))
    assert restored.returncode == 0, restored.stderr
    assert _events(path) == backed_up
