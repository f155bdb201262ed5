"""Export targets: never the workspace's own files under any name, only regular files.

Before: `-o` the workspace (or a hard link or symlink to it) replaced it with a PDF; a
symlink became a plain file, a FIFO was replaced, and as root `-o /dev/null` replaced
the device node; `--width 1000000` made a 5.9 GB SVG.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from _reliability import cli, filled_workspace, integrity, run

from desktop.export.targets import TargetRefused, check_target
from desktop.store import open_workspace
from desktop.store.backup import backup_folder


@pytest.fixture(scope="module")
def ws_path(tmp_path_factory) -> Path:
    return filled_workspace(tmp_path_factory.mktemp("targets"), 4, backup=True)


def _export(ws_path: Path, target: Path, *extra: str):
    return run(cli("export", "-w", str(ws_path), "--all-statuses", "-f", "csv",
                   "-o", str(target), *extra), timeout=60)  # fmt: skip


def _refused(done, *words: str) -> None:
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr and "wrote" not in done.stdout
    for word in words:
        assert word in done.stderr, done.stderr


def test_the_workspace_and_its_files_are_refused_under_every_name(ws_path: Path, tmp_path):
    before = ws_path.read_bytes()
    _refused(_export(ws_path, ws_path), "workspace's own file w.chronologue")
    for side in ("-wal", "-shm"):
        _refused(_export(ws_path, ws_path.with_name(ws_path.name + side)), "own file")
    hard = tmp_path / "timeline.csv"
    os.link(ws_path, hard)
    _refused(_export(ws_path, hard), "another name for it")
    soft = tmp_path / "link.csv"
    soft.symlink_to(ws_path)
    _refused(_export(ws_path, soft, "--follow-symlink"), "own file")
    _refused(_export(ws_path, backup_folder(ws_path) / "x.csv"), "backup folder")
    via = tmp_path / "backups-link"
    via.symlink_to(backup_folder(ws_path))
    _refused(_export(ws_path, via / "x.csv"), "backup folder")
    assert ws_path.read_bytes() == before and integrity(ws_path) == []
    assert soft.is_symlink() and hard.stat().st_ino == ws_path.stat().st_ino


def test_a_symlink_is_written_through_only_when_asked(ws_path: Path, tmp_path: Path):
    real = tmp_path / "real.csv"
    real.write_text("old")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    _refused(_export(ws_path, link), "symbolic link", "--follow-symlink")
    assert link.is_symlink() and real.read_text() == "old"
    done = _export(ws_path, link, "--follow-symlink")
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and os.readlink(link) == str(real)  # the link survives
    assert real.read_text().startswith("number,id,title")


def test_a_fifo_and_a_device_are_never_replaced(ws_path: Path, tmp_path: Path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    _refused(_export(ws_path, fifo), "named pipe", "not a regular file")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    device = tmp_path / "null.csv"
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:  # not root: the system's own node (a normal user cannot replace it)
        device = Path("/dev/null")
    _refused(_export(ws_path, device), "a device")
    assert stat.S_ISCHR(os.lstat(device).st_mode)
    _refused(_export(ws_path, tmp_path), "is a folder")


def test_a_target_that_turns_into_a_link_before_the_rename_is_not_replaced(tmp_path: Path):
    from desktop.export.atomic import WriteFailed, atomic_stream

    target = tmp_path / "out.csv"
    other = tmp_path / "other"
    other.write_text("keep")
    with pytest.raises(WriteFailed, match="no longer a regular file"), \
            atomic_stream(target) as sink:  # fmt: skip
        sink.write(b"new")
        target.symlink_to(other)  # swapped in while the export was being written
    assert target.is_symlink() and other.read_text() == "keep"


def test_width_is_capped(ws_path: Path, tmp_path: Path):
    done = run(cli("export", "-w", str(ws_path), "-o", str(tmp_path / "x.svg"),
                   "--width", "1000000"))  # fmt: skip
    assert done.returncode == 2 and "from 400 to 8000 pixels" in done.stderr
    assert not (tmp_path / "x.svg").exists()
    done = run(cli("export", "-w", str(ws_path), "-o", str(tmp_path / "x.png"), "--width", "wide"))
    assert done.returncode == 2 and "not a number" in done.stderr


def test_the_check_itself(ws_path: Path, tmp_path: Path):
    assert check_target(tmp_path / "new.pdf", ws_path) == tmp_path / "new.pdf"
    with pytest.raises(TargetRefused, match="does not exist"):
        check_target(tmp_path / "nowhere" / "x.pdf", ws_path)


def test_a_hard_link_to_a_backup_or_the_wal_is_refused(ws_path: Path, tmp_path: Path):
    backups = [p for p in backup_folder(ws_path).rglob("*") if p.is_file()]
    assert backups, "the fixture makes a backup"
    hard = tmp_path / "looks-harmless.csv"
    os.link(backups[0], hard)
    before = backups[0].read_bytes()
    _refused(_export(ws_path, hard), "hard link", backups[0].name, "backup folder")
    assert backups[0].read_bytes() == before and hard.stat().st_ino == backups[0].stat().st_ino
    ws = open_workspace(ws_path, backups=False)  # an open workspace has its WAL and SHM
    try:
        for side in ("-wal", "-shm"):
            real = ws_path.with_name(ws_path.name + side)
            assert real.exists()
            alias = tmp_path / f"alias{side}.csv"
            os.link(real, alias)
            with pytest.raises(TargetRefused, match=f"own file w.chronologue{side}"):
                check_target(alias, ws_path)
    finally:
        ws.close()
    assert integrity(ws_path) == []


def test_any_other_file_with_several_names_is_exported_to(ws_path: Path, tmp_path: Path):
    twice = tmp_path / "twice.csv"
    twice.write_text("old")
    again = tmp_path / "again.csv"
    os.link(twice, again)
    assert check_target(twice, ws_path) == twice
    done = _export(ws_path, twice)
    assert done.returncode == 0, done.stderr
    assert twice.read_text().startswith("number,id,title")
    assert again.read_text() == "old"  # the other name keeps what it held (a rename, no truncation)


def test_an_svg_wider_than_the_cap_is_drawn_at_the_cap(ws_path: Path, tmp_path: Path, qapp):
    from desktop.export import ExportOptions, gather
    from desktop.export.images import render_svg

    ws = open_workspace(ws_path, backups=False)
    try:
        data = gather(ws, ExportOptions(statuses=None))
    finally:
        ws.close()
    result = render_svg(data, tmp_path / "wide.svg", ExportOptions(image_width=10**7))
    assert result.width == 4000 and (tmp_path / "wide.svg").stat().st_size < 5_000_000
