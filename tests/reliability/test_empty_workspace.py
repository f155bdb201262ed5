"""A 0-byte workspace beside its backups is damage, not a new workspace; rotation never
deletes the last backup holding articles or events.

Before: `events` said 0 events and `check` said ok on a truncated file, the empty file was
re-initialised, and a week of daily backups of it rotated the last real one away.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from _reliability import cli, rows, run, write_articles

from desktop.services.importing import import_paths
from desktop.store import open_workspace
from desktop.store.backup import backup_on_open, list_backups, make_backup, newest_good_backup

DAY = datetime(2026, 3, 1, 9, 0, 0)


def _with_backup(tmp_path: Path) -> tuple[Path, Path]:
    write_articles(tmp_path / "src", 3)
    path = tmp_path / "w.chronologue"
    ws = open_workspace(path)
    import_paths(ws, [tmp_path / "src"])
    ws.close()
    for b in list_backups(path):
        b.path.unlink()
    return path, make_backup(path, now=DAY)


def test_a_zero_byte_workspace_with_backups_is_reported_and_restored(tmp_path: Path) -> None:
    path, backup = _with_backup(tmp_path)
    path.write_bytes(b"")
    for verb in (("events",), ("check",), ("export", "-o", str(tmp_path / "x.csv"))):
        done = run(cli(*verb, "-w", str(path)))
        assert done.returncode == 1, (verb, done.stdout)
        assert "damaged (it is empty: 0 bytes)" in done.stderr, done.stderr
        assert backup.name in done.stderr and "restore --latest" in done.stderr
    assert path.stat().st_size == 0  # not re-initialised
    restored = run(cli("restore", "--latest", "-w", str(path)))
    assert restored.returncode == 0, restored.stderr
    assert len(rows(path, "SELECT id FROM articles")) == 3


def test_a_zero_byte_file_without_backups_says_so(tmp_path: Path) -> None:
    path = tmp_path / "w.chronologue"
    path.write_bytes(b"")
    done = run(cli("check", "-w", str(path)))
    assert done.returncode == 1 and "empty (0 bytes)" in done.stderr


def test_rotation_keeps_the_last_backup_with_data(tmp_path: Path) -> None:
    path, backup = _with_backup(tmp_path)
    path.unlink()
    open_workspace(path.with_name("other.chronologue")).close()
    path.with_name("other.chronologue").rename(path)  # the workspace is emptied (a new one)
    for day in range(1, 15):  # two weeks of daily copies of the empty workspace
        backup_on_open(path, now=DAY + timedelta(days=day))
    kept = list_backups(path)
    assert backup in [b.path for b in kept], "the last copy with articles was rotated away"
    assert len(kept) <= 11
    assert newest_good_backup(path).path == backup  # and it is the one offered
