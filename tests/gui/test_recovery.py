"""A damaged workspace opened from the window: the newest good backup is offered."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.services.importing import import_paths
from desktop.store import WorkspaceError, open_workspace
from desktop.store.backup import make_backup
from desktop.ui.recovery import open_or_recover


def damaged_with_backup(tmp_path: Path, seeds_dir: Path) -> Path:
    path = tmp_path / "w.chronologue"
    ws = open_workspace(path)
    import_paths(ws, [seeds_dir])
    ws.close()
    make_backup(path)
    data = bytearray(path.read_bytes())
    data[0:100] = b"\xde\xad\xbe\xef" * 25
    path.write_bytes(bytes(data))
    return path


def test_accepting_the_offer_restores_and_opens(tmp_path: Path, seeds_dir: Path) -> None:
    path = damaged_with_backup(tmp_path, seeds_dir)
    asked: list[str] = []
    ws = open_or_recover(path, lambda message: asked.append(message) or True)
    try:
        assert len(asked) == 1 and "damaged" in asked[0] and "Restore the backup" in asked[0]
        with ws.session() as s:
            from sqlalchemy import text

            assert s.execute(text("SELECT count(*) FROM articles")).scalar() == 5
    finally:
        ws.close()
    assert list(tmp_path.glob("w.chronologue.replaced-*"))  # the damaged file is kept


def test_declining_leaves_the_file_alone(tmp_path: Path, seeds_dir: Path) -> None:
    path = damaged_with_backup(tmp_path, seeds_dir)
    before = path.read_bytes()
    with pytest.raises(WorkspaceError, match="damaged"):
        open_or_recover(path, lambda _message: False)
    assert path.read_bytes() == before


def test_the_window_backs_up_an_hour_of_edits_on_its_pool(qtbot, window) -> None:
    """The timer's check runs the copy off the UI thread, only after edits, at most hourly."""
    from desktop.store.backup import list_backups
    from desktop.ui.autobackup import CHECK_MS

    backups = window.session_backups
    assert backups.timer.isActive() and backups.timer.interval() == CHECK_MS
    path = window.ws.path

    def check() -> None:
        backups.check()
        assert backups.worker is not None  # started on the pool, not done on the UI thread
        qtbot.waitUntil(lambda: backups.worker is None, timeout=20_000)

    (opening,) = list_backups(path)  # the daily copy the window's open made
    check()
    assert backups.last is None  # no edit since that copy
    stamp = opening.taken.strftime("%Y%m%d-%H%M%S")
    opening.path.rename(opening.path.with_name(opening.path.name.replace(stamp,
                                                                         "20200101-090000")))
    check()  # that copy is now hours old and the workspace changed after it
    made = backups.last
    assert made is not None and made.name.endswith("-hourly.backup") and made.exists()
    assert "Backed up to" in window.statusBar().currentMessage()
    con = sqlite3.connect(made.as_uri() + "?mode=ro", uri=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone() == (5,)
    con.close()
    window.event_actions.set_status([window.events[0].id], "accepted")  # an edit, minutes later
    check()
    assert backups.last == made and len(list_backups(path)) == 2  # not an hour yet


def test_a_forced_restore_is_noticed_by_the_window(qtbot, make_window, tmp_path: Path,
                                                   seeds_dir: Path) -> None:  # fmt: skip
    """`restore --force` from another process: the window reopens the restored file, and
    its next edit lands there, not in the replaced file."""
    import os
    import subprocess
    import sys

    path = tmp_path / "w.chronologue"
    ws = open_workspace(path)
    import_paths(ws, [seeds_dir])
    ws.close()
    make_backup(path)
    window = make_window(path)
    first = window.ws
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    forced = subprocess.run([sys.executable, "-m", "desktop", "restore", "--latest", "--force",
                             "-w", str(path)], capture_output=True, text=True, env=env)
    assert forced.returncode == 0, forced.stderr
    watch = window.replacement_watch
    assert watch.timer.isActive()
    watch.check()  # what the timer does every two seconds
    assert watch.reopened == 1 and window.ws is not first
    assert "was replaced by another program" in window.statusBar().currentMessage()
    event_id = window.events[0].id
    window.event_actions.set_status([event_id], "rejected")  # an edit after the restore
    con = sqlite3.connect(path)
    assert con.execute("SELECT status FROM events WHERE id = ?", (event_id,)).fetchone() == (
        "rejected",)  # it reached the restored file, not the replaced one
    con.close()
