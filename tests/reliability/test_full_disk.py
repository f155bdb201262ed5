"""A full disk or a read-only location: a clear message, nothing committed lost or damaged.

The disk is "filled" with RLIMIT_FSIZE in the child process (writes past the limit
fail with EFBIG, which SQLite reports like a full disk): no root or mounts needed.
Read-only uses permission bits for ordinary users; root ignores those, so as root the
files are made immutable with chattr (skipped, with the reason, where that fails).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from _reliability import child_env, cli, integrity, rows, run, write_articles
from test_kill_edits import missing_edits, seed_events, worker

from desktop.services.importing import import_paths
from desktop.store import open_workspace
from desktop.store.backup import backup_folder, list_backups


def _limit(size: int):
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    return apply


def _small_workspace(tmp_path: Path, texts_folder: Path) -> Path:
    path = tmp_path / "w.chronologue"
    ws = open_workspace(path)
    try:
        import_paths(ws, [texts_folder / "a0000.txt"])
    finally:
        ws.close()
    return path


def test_import_on_a_full_disk_stops_with_a_clear_message(tmp_path: Path) -> None:
    texts = write_articles(tmp_path / "src", 60)
    path = _small_workspace(tmp_path, tmp_path / "src")
    full = run(cli("import", str(tmp_path / "src"), "-w", str(path)),
               preexec_fn=_limit(path.stat().st_size + 200_000))  # fmt: skip
    assert full.returncode == 1
    assert "Traceback" not in full.stderr
    assert "the disk holding the workspace is full" in full.stderr
    assert "the import stopped here" in full.stderr
    assert integrity(path) == []
    stored = rows(path, "SELECT source_file, text FROM articles")
    assert 1 < len(stored) < 60 and all(texts[name] == text for name, text in stored)

    again = run(cli("import", str(tmp_path / "src"), "-w", str(path)))
    assert again.returncode == 0, again.stderr
    assert len(rows(path, "SELECT id FROM articles")) == 60


CHILD_OPEN = """
import json, sys
from desktop.store import open_workspace
ws = open_workspace(sys.argv[1])
with ws.session() as s:
    n = s.execute(__import__("sqlalchemy").text("SELECT count(*) FROM articles")).scalar()
print(json.dumps({"notices": ws.notices, "articles": n}))
ws.close()
"""


def test_a_backup_that_does_not_fit_does_not_stop_the_opening(tmp_path: Path) -> None:
    write_articles(tmp_path / "src", 30)
    path = tmp_path / "w.chronologue"
    ws = open_workspace(path)
    import_paths(ws, [tmp_path / "src"])
    ws.close()
    child = run([sys.executable, "-c", CHILD_OPEN, str(path)],
                preexec_fn=_limit(path.stat().st_size // 2))  # fmt: skip
    assert child.returncode == 0, child.stderr
    result = json.loads(child.stdout)
    assert result["articles"] == 30
    assert len(result["notices"]) == 1 and "could not back up" in result["notices"][0]
    assert "unharmed" in result["notices"][0]
    assert list_backups(path) == []
    assert not list(backup_folder(path).glob("*.partial")), "a half backup was left behind"
    assert integrity(path) == []


def test_edits_on_a_full_disk_keep_every_committed_edit(tmp_path: Path) -> None:
    path = tmp_path / "w.chronologue"
    seed_events(path)
    proc = subprocess.run(worker(path, "f", 0, 100_000), env=child_env(), text=True,
                          capture_output=True, timeout=120,
                          preexec_fn=_limit(path.stat().st_size + 400_000))  # fmt: skip
    assert proc.returncode == 1  # the worker has no handler: the error ends it
    assert "disk I/O error" in proc.stderr or "disk is full" in proc.stderr
    printed = [int(x) for x in proc.stdout.split()]
    assert len(printed) > 10
    assert integrity(path) == []
    assert missing_edits(path, "f", printed) == []

    from desktop.store.workspace import write_error_message

    assert "disk holding the workspace is full" in write_error_message(
        Exception("(sqlite3.OperationalError) disk I/O error"))  # fmt: skip


def _make_read_only(paths: list[Path]) -> None:
    if os.geteuid() != 0:
        for p in paths:
            p.chmod(0o555 if p.is_dir() else 0o444)
        return
    done = subprocess.run(["chattr", "+i", *map(str, paths)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip("running as root, which ignores permission bits, and chattr +i is not "
                    f"available here ({done.stderr.strip()}): cannot make a read-only file")


def _make_writable(paths: list[Path]) -> None:
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", *map(str, paths)], capture_output=True)
    for p in paths:
        p.chmod(0o755 if p.is_dir() else 0o644)


@pytest.mark.parametrize("what", ["file", "folder"])
def test_read_only_workspace_gives_a_clear_message(tmp_path: Path, what: str) -> None:
    write_articles(tmp_path / "src", 2)
    folder = tmp_path / "ro"
    folder.mkdir()
    path = _small_workspace(folder, tmp_path / "src")
    locked = [path] if what == "file" else [path, folder]
    before = path.read_bytes()
    _make_read_only(locked)
    try:
        result = run(cli("import", str(tmp_path / "src" / "a0001.txt"), "-w", str(path)))
    finally:
        _make_writable(locked)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "read-only" in result.stderr, result.stderr
    assert path.read_bytes() == before
    assert integrity(path) == []
