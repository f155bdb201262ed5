"""Exports on a full disk: every format fails with the OS's reason and keeps the old file.

Two ways to fill the disk: a 32 MB tmpfs filled to the last byte (ENOSPC, needs root) and
RLIMIT_FSIZE in the child (EFBIG, anyone). Before the fix PDF and SVG exports printed
"wrote t.pdf" and exited 0 over a 0-byte or truncated file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from _reliability import cli, run, write_articles
from full_disk import EFBIG_TEXT, ENOSPC_TEXT, fill, fsize_limit

from desktop.services.importing import import_paths
from desktop.services.queries import event_rows
from desktop.services.review import set_status
from desktop.store import open_workspace

FORMATS = {"pdf": ".pdf", "svg": ".svg", "png": ".png", "csv": ".csv", "json": ".json",
           "timelinejs": ".json"}  # fmt: skip
LIMIT = 40_000  # bytes: above SQLite's 32 KB -shm, below every export of this workspace


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> tuple[Path, dict[str, bytes]]:
    """A workspace of 20 articles' accepted events (~420; every export is 150 KB or
    more, far above LIMIT) and a good export of it in every format."""
    root = tmp_path_factory.mktemp("export-full")
    write_articles(root / "src", 20)
    path = root / "w.chronologue"
    ws = open_workspace(path)
    try:
        import_paths(ws, [root / "src"])
        set_status(ws, [r["id"] for r in event_rows(ws, "suggested")], "accepted")
    finally:
        ws.close()
    good = {}
    for fmt, suffix in FORMATS.items():
        out = root / f"good-{fmt}{suffix}"
        done = run(cli("export", "-w", str(path), "-f", fmt, "-o", str(out)))
        assert done.returncode == 0, done.stderr
        good[fmt] = out.read_bytes()
        assert len(good[fmt]) > LIMIT, (fmt, len(good[fmt]))
    return path, good


def _assert_failed_and_kept(done, target: Path, old: bytes, reason: str) -> None:
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    assert "wrote" not in done.stdout
    assert f"cannot export to {target}" in done.stderr
    assert reason in done.stderr and "unchanged" in done.stderr, done.stderr
    assert target.read_bytes() == old
    assert sorted(p.name for p in target.parent.iterdir() if ".part" in p.name) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_on_a_full_tmpfs_fails_and_keeps_the_old_file(exported, tmpfs_folder, fmt):
    path, good = exported
    target = tmpfs_folder / f"t{FORMATS[fmt]}"
    old = b"previous export, still wanted\n" * 100
    target.write_bytes(old)
    fill(tmpfs_folder)
    done = run(cli("export", "-w", str(path), "-f", fmt, "-o", str(target)))
    _assert_failed_and_kept(done, target, old, ENOSPC_TEXT)
    # with room again the same command works and writes the whole file
    (tmpfs_folder / ".filler").unlink()
    again = run(cli("export", "-w", str(path), "-f", fmt, "-o", str(target)))
    assert again.returncode == 0, again.stderr
    assert len(target.read_bytes()) == pytest.approx(len(good[fmt]), rel=0.01)


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_past_a_file_size_limit_fails_and_keeps_the_old_file(exported, tmp_path, fmt):
    path, _good = exported
    target = tmp_path / f"t{FORMATS[fmt]}"
    old = b"previous export\n" * 50
    target.write_bytes(old)
    done = run(cli("export", "-w", str(path), "-f", fmt, "-o", str(target)),
               preexec_fn=fsize_limit(LIMIT))  # fmt: skip
    _assert_failed_and_kept(done, target, old, EFBIG_TEXT)


def test_a_full_disk_with_no_previous_file_leaves_nothing(exported, tmpfs_folder):
    path, _good = exported
    fill(tmpfs_folder)
    target = tmpfs_folder / "new.pdf"
    done = run(cli("export", "-w", str(path), "-o", str(target)))
    assert done.returncode == 1 and ENOSPC_TEXT in done.stderr
    assert "nothing was written" in done.stderr
    assert not target.exists()
    assert sorted(p.name for p in tmpfs_folder.iterdir()) == [".filler"]
    shutil.rmtree(tmpfs_folder / ".filler", ignore_errors=True)
