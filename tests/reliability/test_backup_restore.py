"""Rolling backups on open, damage detected on open with a clear message, restore.

A workspace is damaged three ways (pages overwritten, truncated, header destroyed);
each time opening refuses with a message naming the file and `chronologue restore
--latest`, and restoring brings back exactly the backed-up content.
"""

from __future__ import annotations

import io
import os
import random
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from _reliability import cli as cli_command
from _reliability import integrity, rows, run, write_articles

from desktop import cli
from desktop.services.importing import import_paths
from desktop.store import WorkspaceError, open_workspace
from desktop.store.backup import (
    backup_folder,
    backup_on_open,
    list_backups,
    make_backup,
)
from desktop.store.restore import restore
from desktop.store.workspace import WorkspaceDamaged

DAY = datetime(2026, 3, 1, 9, 0, 0)


def _filled(tmp_path: Path, articles: int = 20) -> Path:
    """A workspace holding `articles` imported articles."""
    write_articles(tmp_path / "src", articles)
    path = tmp_path / "w.chronologue"
    ws = open_workspace(path)
    try:
        assert not import_paths(ws, [tmp_path / "src"]).failed
    finally:
        ws.close()
    return path


def _maint(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def test_backups_roll_at_most_daily_and_keep_the_last_n(tmp_path: Path) -> None:
    path = _filled(tmp_path, 3)
    for backup in list_backups(path):  # the import's own open made one; start clean
        backup.path.unlink()
    made = []
    for hours in (0, 5, 23, 24, 30, 48, 72, 96, 120):
        made.append(backup_on_open(path, keep=3, now=DAY + timedelta(hours=hours)))
    assert [m is not None for m in made] == [True, False, False, True, False, True, True, True,
                                             True]  # fmt: skip
    kept = list_backups(path)
    assert [b.taken for b in kept] == [DAY + timedelta(hours=h) for h in (120, 96, 72)]
    assert all(integrity(b.path) == [] for b in kept)
    assert not list(backup_folder(path).glob("*.partial"))


def test_half_copies_left_by_a_killed_backup_are_ignored_then_cleared(tmp_path: Path) -> None:
    path = _filled(tmp_path, 2)
    folder = backup_folder(path)
    folder.mkdir(exist_ok=True)
    stale = folder / "w-20260101-000000.backup.partial"
    stale.write_bytes(b"half a copy")
    os.utime(stale, (0, 0))
    fresh = folder / "w-20260301-000000.backup.partial"  # perhaps still being written
    fresh.write_bytes(b"half a copy")
    assert list_backups(path) == []
    assert backup_on_open(path) is not None
    assert not stale.exists() and fresh.exists()


def test_open_backs_up_an_existing_workspace_unless_told_not_to(tmp_path: Path) -> None:
    path = tmp_path / "w.chronologue"
    open_workspace(path).close()
    assert list_backups(path) == []  # a new workspace has nothing worth keeping yet
    open_workspace(path, backups=False).close()
    assert list_backups(path) == []
    ws = open_workspace(path)
    ws.close()
    assert len(list_backups(path)) == 1 and ws.notices == []
    open_workspace(path).close()
    assert len(list_backups(path)) == 1  # at most daily


def _damage(path: Path, how: str) -> None:
    data = bytearray(path.read_bytes())
    if how == "pages":  # whole b-tree pages overwritten, as a bad sector or a bad sync would
        junk = random.Random(7).randbytes(4096)
        for offset in range(4096 * 2, len(data) - 4096, 4096 * 3):
            data[offset:offset + 4096] = junk
    elif how == "truncated":
        data = data[: len(data) // 3]
    else:  # header
        data[0:100] = b"\xde\xad\xbe\xef" * 25
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["pages", "truncated", "header"])
def test_damaged_workspace_is_detected_on_open_and_restored(tmp_path: Path, how: str) -> None:
    path = _filled(tmp_path, 20)
    backup = make_backup(path)
    expected = rows(backup, "SELECT id, text FROM articles ORDER BY id")
    assert len(expected) == 20
    _damage(path, how)

    with pytest.raises(WorkspaceDamaged) as caught:
        open_workspace(path)
    message = str(caught.value)
    assert str(path) in message and "damaged" in message
    assert "chronologue restore --latest" in message
    assert isinstance(caught.value, WorkspaceError)
    assert list_backups(path)[0].path == backup  # the damaged file was not backed up

    code, _, err = _maint("check", "-w", str(path))
    assert code == 1 and "damaged" in err
    code, out, _ = _maint("restore", "--list", "-w", str(path))
    assert code == 0 and "ok" in out and str(backup) in out
    code, out, err = _maint("restore", "--latest", "-w", str(path))
    assert code == 0, err
    assert "restored" in out

    assert integrity(path) == []
    assert rows(path, "SELECT id, text FROM articles ORDER BY id") == expected
    kept = list(tmp_path.glob("w.chronologue.replaced-*"))
    assert len(kept) == 1, "the damaged file must be kept, not deleted"
    ws = open_workspace(path)  # and it opens normally again
    ws.close()
    code, out, _ = _maint("check", "-w", str(path))
    assert code == 0 and out.startswith("ok:")


def test_restore_skips_damaged_backups_and_refuses_when_none_is_good(tmp_path: Path) -> None:
    path = _filled(tmp_path, 5)
    older = make_backup(path, now=DAY)
    newer = make_backup(path, now=DAY + timedelta(days=1))
    _damage(newer, "header")
    source, aside = restore(path)
    assert source == older and aside is not None and aside.exists()
    first = list_backups(path)[0]
    assert first.reason == "before-restore"  # the sound file it replaced was backed up too
    assert rows(first.path, "SELECT count(*) FROM articles") == [(5,)]

    for backup in list_backups(path):
        if backup.path != newer:
            _damage(backup.path, "pages")
    code, _, err = _maint("restore", "--latest", "-w", str(path))
    assert code == 1 and "no good backup" in err
    code, _, err = _maint("restore", "--from", str(newer), "-w", str(path))
    assert code == 1 and "damaged too" in err
    assert integrity(path) == []  # nothing was changed by the refused restores


def test_restore_moves_a_stale_wal_aside_with_the_file_it_belongs_to(tmp_path: Path) -> None:
    path = _filled(tmp_path, 5)
    backup = make_backup(path)
    con = sqlite3.connect(path)  # leave a -wal behind, as a killed process would
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA wal_autocheckpoint=0")
    con.execute("DELETE FROM articles WHERE id > 2")
    con.commit()
    wal = path.with_name(path.name + "-wal")
    assert wal.exists()
    source, aside = restore(path, backup)
    con.close()
    assert not wal.exists() or aside is not None
    assert len(rows(path, "SELECT id FROM articles")) == 5
    assert integrity(path) == []


def test_the_chronologue_command_checks_and_restores(tmp_path: Path) -> None:
    path = _filled(tmp_path, 3)
    make_backup(path)
    _damage(path, "header")
    opened = run(cli_command("articles", "-w", str(path)))
    assert opened.returncode == 1 and "chronologue restore --latest" in opened.stderr
    assert run(cli_command("check", "-w", str(path))).returncode == 1
    restored = run(cli_command("restore", "--latest", "-w", str(path)))
    assert restored.returncode == 0, restored.stderr
    assert run(cli_command("check", "-w", str(path))).returncode == 0
    assert "3 articles" in run(cli_command("articles", "-w", str(path))).stdout


def test_rotation_keeps_a_week_of_days_and_the_newest_within_count_and_size(tmp_path: Path
                                                                            ) -> None:  # fmt: skip
    from desktop.store.backup import prune

    path = _filled(tmp_path, 2)
    for backup in list_backups(path):
        backup.path.unlink()
    # nine days of work, each with a morning copy and hourly copies through the afternoon
    for day in range(9):
        for hour in (9, 13, 14, 15, 16, 17):
            reason = "" if hour == 9 else "hourly"
            make_backup(path, now=DAY + timedelta(days=day, hours=hour - 9), reason=reason)
    prune(path)
    kept = list_backups(path)
    assert len(kept) == 10  # bounded by count
    days = sorted({b.taken.date() for b in kept})
    assert len(days) == 7 and days[-1] == (DAY + timedelta(days=8)).date()  # a week of days
    newest = [b.taken for b in kept[:4]]
    assert newest == [DAY + timedelta(days=8, hours=h - 9) for h in (17, 16, 15, 14)]
    assert kept[0].reason == "hourly"
    size = kept[0].size
    prune(path, max_bytes=int(size * 3.5))  # bounded by size: the oldest go first
    assert [b.taken for b in list_backups(path)] == [b.taken for b in kept[:3]]
    prune(path, max_bytes=1)  # the newest copy stays whatever its size
    assert [b.path for b in list_backups(path)] == [kept[0].path]


def test_a_damaged_workspace_after_an_afternoon_of_edits_restores_with_them(tmp_path: Path
                                                                            ) -> None:  # fmt: skip
    """The morning copy is five hours old; the hourly copies keep the afternoon."""
    import time

    from desktop.store.backup import backup_if_edited

    path = _filled(tmp_path, 3)
    for backup in list_backups(path):
        backup.path.unlink()
    morning = datetime.utcnow().replace(microsecond=0) - timedelta(hours=5)
    last_edit = (morning - timedelta(minutes=1) - datetime(1970, 1, 1)).total_seconds()
    os.utime(path, (last_edit, last_edit))  # the workspace as it was this morning
    make_backup(path, now=morning)
    assert backup_if_edited(path) is None  # no edit since that copy: nothing to do
    ws = open_workspace(path, backups=False)
    titles = []
    try:
        # Three edits, each followed by the window's check once its hour is up (the hour
        # shrunk to a second here; the sleep is because backups are named by the second).
        for hour in range(3):
            _set_title(ws, hour + 1, f"afternoon edit {hour}")
            titles.append(f"afternoon edit {hour}")
            time.sleep(1.1)
            made = backup_if_edited(path, interval=timedelta(seconds=1))
            assert made is not None and made.name.endswith("-hourly.backup")
            assert backup_if_edited(path, interval=timedelta(seconds=1)) is None  # no new edit
        _set_title(ws, 1, "an edit of the last minutes")
        assert backup_if_edited(path) is None  # the newest copy is not an hour old yet
    finally:
        ws.close()
    _damage(path, "pages")
    code, _out, err = _maint("restore", "--latest", "-w", str(path))
    assert code == 0, err
    restored = [t for (t,) in rows(path, "SELECT title FROM articles ORDER BY id")]
    assert restored == titles  # every edit of the afternoon is back
    assert integrity(path) == []


def _set_title(ws, article_id: int, title: str) -> None:
    from sqlalchemy import text

    with ws.session() as s:
        s.execute(text("UPDATE articles SET title = :t WHERE id = :i"),
                  {"t": title, "i": article_id})  # fmt: skip


def test_a_big_import_is_backed_up_first(tmp_path: Path) -> None:
    path = _filled(tmp_path, 2)
    for backup in list_backups(path):
        backup.path.unlink()
    write_articles(tmp_path / "big", 101)
    ws = open_workspace(path, backups=False)
    try:
        report = import_paths(ws, [tmp_path / "big"], suggest=False)
    finally:
        ws.close()
    assert report.notices == [] and report.count("imported") == 99  # 2 were already there
    before = [b for b in list_backups(path) if b.reason == "before-import"]
    assert len(before) == 1
    assert rows(before[0].path, "SELECT count(*) FROM articles") == [(2,)]
    ws = open_workspace(path, backups=False)
    try:
        import_paths(ws, [tmp_path / "big" / "a0000.txt"])  # a small import: no copy
    finally:
        ws.close()
    assert len(list_backups(path)) == 1


def test_an_older_workspace_is_backed_up_before_its_schema_upgrade(tmp_path: Path) -> None:
    from desktop.store.workspace import head_revision, make_engine, migrate

    path = tmp_path / "old.chronologue"
    engine = make_engine(path)
    migrate(engine, "0001")
    engine.dispose()
    assert head_revision() != "0001"
    ws = open_workspace(path)
    ws.close()
    before = [b for b in list_backups(path) if b.reason == "before-migration"]
    assert len(before) == 1
    assert rows(before[0].path, "SELECT version_num FROM alembic_version") == [("0001",)]
    open_workspace(path).close()
    assert len([b for b in list_backups(path) if b.reason == "before-migration"]) == 1


def test_a_bulk_delete_is_backed_up_first(tmp_path: Path) -> None:
    from desktop.services.deletion import BULK, delete_articles

    path = _filled(tmp_path, BULK + 2)
    for backup in list_backups(path):
        backup.path.unlink()
    ws = open_workspace(path, backups=False)
    try:
        delete_articles(ws, [1])  # one article: undo is enough
        assert list_backups(path) == []
        delete_articles(ws, list(range(2, BULK + 2)))
    finally:
        ws.close()
    (before,) = list_backups(path)
    assert before.reason == "before-delete"
    assert rows(before.path, "SELECT count(*) FROM articles") == [(BULK + 1,)]
    assert rows(path, "SELECT count(*) FROM articles") == [(1,)]
