"""Which paths an export may write: the one check the CLI, the window and the demo share.

Why: the atomic rename replaces whatever is at the path. Pointed at the workspace (or its
WAL, a hard link to it, a symlink to it, its backups) an export would destroy the analyst's
data; pointed at a FIFO or a device node it would replace that node with a file; through a
symlink it would turn the link into a plain file. So a target must be a regular file or
absent, must not be any of the workspace's own files under any name (path, symlink, or a
hard link: the same st_dev/st_ino as the workspace, its WAL/SHM or a file in its backup
folder), and a symlink is written through (to the file it names) only when the caller asks
for that. Any other file with several hard links may be replaced: the rename gives this
name the new export and the other names keep the old bytes, as with any editor's save.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

MIN_WIDTH, MAX_WIDTH = 400, 8000  # PNG pixels (SVG: half as many points)
_WORKSPACE_SIDES = ("-wal", "-shm", "-journal", ".restoring", ".restore-journal")
_FOLDER_FILES = 10_000  # files of a backup folder compared by identity (bounded time)


class TargetRefused(ValueError):
    """The export target is not a place Chronologue may write; the message says why."""


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _protected(workspace: Path) -> tuple[list[Path], list[Path]]:
    """(files, folders) that belong to the workspace, as given and resolved."""
    files = [workspace, *(workspace.with_name(workspace.name + s) for s in _WORKSPACE_SIDES)]
    files += sorted(workspace.parent.glob(f"{workspace.name}.replaced-*"))
    folders = [workspace.with_name(workspace.name + s) for s in (".backups", ".users")]
    return files, folders


def _folder_identities(folder: Path) -> dict[tuple[int, int], Path]:
    """st_dev/st_ino of the regular files in `folder` (recursively, bounded), by identity."""
    found: dict[tuple[int, int], Path] = {}
    try:
        for root, _dirs, names in os.walk(folder):
            for name in names:
                ident = _identity(Path(root) / name)
                if ident is not None:
                    found[ident] = Path(root) / name
                if len(found) >= _FOLDER_FILES:
                    return found
    except OSError:
        pass
    return found


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
        return True
    except ValueError:
        return False


def _refuse_workspace_files(target: Path, workspace: Path) -> None:
    real = Path(os.path.realpath(target))
    files, folders = _protected(workspace)
    ident = _identity(target)
    for protected in files:
        same_name = real == Path(os.path.realpath(protected))
        same_file = ident is not None and ident == _identity(protected)
        if same_name or same_file:
            how = "" if target == protected else " (another name for it)"
            raise TargetRefused(f"{target} is the workspace's own file {protected.name}{how}; "
                                "exporting there would destroy it. Choose another file.")
    for folder in folders:
        if _inside(real, Path(os.path.realpath(folder))):
            raise TargetRefused(f"{target} is inside the workspace's backup folder {folder}; "
                                "choose a file elsewhere.")
        if ident is not None and folder.is_dir():
            linked = _folder_identities(folder).get(ident)
            if linked is not None:
                raise TargetRefused(f"{target} is another name (a hard link) for {linked} in "
                                    "the workspace's backup folder; exporting there would "
                                    "destroy it. Choose another file.")


def check_target(path: Path | str, workspace: Path | str | None = None, *,
                 follow_symlink: bool = False) -> Path:  # fmt: skip
    """The path to write for an export to `path`, or TargetRefused saying why not.

    The returned path differs from `path` only when `path` is a symlink and
    `follow_symlink` is set: then it is the file the link names, so the link survives.
    """
    target = Path(path).expanduser()
    if not str(path).strip() or target.name in ("", ".", ".."):
        raise TargetRefused("choose a file to export to")
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise TargetRefused(f"cannot use {target}: {exc.strerror}") from exc
    if info is not None and stat.S_ISLNK(info.st_mode):
        pointed = Path(os.path.realpath(target))
        if not follow_symlink:
            raise TargetRefused(f"{target} is a symbolic link (to {pointed}); write to that file "
                                "instead, or pass --follow-symlink to write through the link")
        if workspace is not None:
            _refuse_workspace_files(target, Path(workspace))
        return check_target(pointed, workspace)
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise TargetRefused(f"{target} is a folder; choose a file name inside it")
    if info is not None and not stat.S_ISREG(info.st_mode):
        kind = ("a named pipe" if stat.S_ISFIFO(info.st_mode) else
                "a device" if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode) else
                "a socket" if stat.S_ISSOCK(info.st_mode) else "not a regular file")  # fmt: skip
        raise TargetRefused(f"{target} is {kind}, not a regular file; exports only replace "
                            "regular files")
    if not target.parent.is_dir():
        raise TargetRefused(f"the folder {target.parent} does not exist")
    if workspace is not None:
        _refuse_workspace_files(target, Path(workspace))
    return target


def check_width(width: int) -> int:
    """The PNG width in pixels within bounds, or ValueError (the CLI turns it into usage)."""
    if not MIN_WIDTH <= int(width) <= MAX_WIDTH:
        raise ValueError(f"the image width must be from {MIN_WIDTH} to {MAX_WIDTH} pixels, "
                         f"not {width}")
    return int(width)
