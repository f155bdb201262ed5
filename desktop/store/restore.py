"""Restoring a workspace from a backup so that a crash at any moment loses nothing.

Why: the old restore moved the workspace aside before the backup was in place, so a
kill in between left no workspace, and the next open created an empty one beside the
data. Now there is a workspace file at every instant, and a journal beside it says how
far a restore got:

1. ``journal``  the journal is written (state "copying");
2. ``copied``   the backup is copied to ``W.restoring`` and fsynced (state "copied");
3. ``kept``     the current file and its -wal get a second name, ``W.replaced-<time>``
                (hard links, or copies where links are impossible; state "kept");
4. ``cleared``  the old -wal/-shm names are removed (a stale WAL would be replayed into
                the restored file);
5. ``renamed``  one rename puts ``W.restoring`` over ``W``;
6. the journal is removed.

On open, `recover` finishes a restore that reached "copied" and rolls back one that had
not, and says which. `restore(..., on_step=...)` is called after each step, which is how
the reliability tests kill the process there and prove each of these.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from desktop.store.backup import (
    BackupFailed,
    CannotCheck,
    RestoreFailed,
    _connect,
    _fsync_dir,
    _now,
    backup_folder,
    check_integrity,
    make_backup,
    newest_good_backup,
    snapshot,
)
from desktop.store.users import other_users

STEPS = ("journal", "copied", "kept", "cleared", "renamed")
_STAMP = "%Y%m%d-%H%M%S"


def _carry_on(step: str) -> None:
    """The default step hook: nothing to do between steps."""


def journal_path(workspace: Path) -> Path:
    return workspace.with_name(workspace.name + ".restore-journal")


def restoring_path(workspace: Path) -> Path:
    return workspace.with_name(workspace.name + ".restoring")


def _side(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as stream:
        os.fsync(stream.fileno())


def _write_journal(workspace: Path, state: dict[str, str]) -> None:
    journal = journal_path(workspace)
    tmp = _side(journal, ".tmp")
    with open(tmp, "w", encoding="utf-8") as stream:
        json.dump(state, stream)
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(tmp, journal)
    _fsync_dir(workspace.parent)


def _read_journal(workspace: Path) -> dict[str, str] | None:
    try:
        state = json.loads(journal_path(workspace).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return {"state": "copying"}  # unreadable: the safe reading is "not begun"
    return state if isinstance(state, dict) else {"state": "copying"}


def _copy_backup(source: Path, partial: Path) -> None:
    """Snapshot `source` into `partial` (one self-contained file), fsynced and checked."""
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()
    reader = _connect(source, read_only=True)
    try:
        snapshot(reader, partial)
    finally:
        reader.close()


def _second_name(existing: Path, name: Path) -> None:
    """Give `existing` the extra name `name`: a hard link, else a copy (then a rename)."""
    if name.exists():
        return
    try:
        os.link(existing, name)
        return
    except OSError:
        pass
    partial = _side(name, ".partial")
    shutil.copyfile(existing, partial)
    _fsync_file(partial)
    os.replace(partial, name)


def _keep_current(workspace: Path, aside: Path) -> None:
    if workspace.exists():
        _second_name(workspace, aside)
        wal = _side(workspace, "-wal")
        if wal.exists():
            _second_name(wal, _side(aside, "-wal"))
    _fsync_dir(workspace.parent)


def _complete(workspace: Path, state: dict[str, str],
              reached: Callable[[str], None] = _carry_on) -> None:  # fmt: skip
    """Steps 3 to 6, from a journal that says the copy is in place."""
    aside = Path(state["aside"])
    if state.get("state") == "copied":
        _keep_current(workspace, aside)
        state = {**state, "state": "kept"}
        _write_journal(workspace, state)
    reached("kept")
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            _side(workspace, suffix).unlink()
    reached("cleared")
    os.replace(restoring_path(workspace), workspace)
    _fsync_dir(workspace.parent)
    reached("renamed")
    journal_path(workspace).unlink()
    _fsync_dir(workspace.parent)


def recover(workspace: Path) -> str:
    """Finish or roll back a restore that was interrupted; "" when there was none.

    The returned message says which, and where the replaced file is.
    """
    workspace = Path(workspace)
    state = _read_journal(workspace)
    partial = restoring_path(workspace)
    if state is None:
        if not partial.exists():
            return ""
        if workspace.exists():  # a half copy from before journals existed: never used
            partial.unlink()
            return (f"removed {partial.name}, a copy left by an interrupted restore; "
                    f"the workspace {workspace} is as it was before that restore")  # fmt: skip
        try:
            sound = check_integrity(partial, quick=True, read_only=True) == []
        except CannotCheck:
            sound = False
        if not sound:
            return ""
        os.replace(partial, workspace)
        _fsync_dir(workspace.parent)
        return (f"finished an interrupted restore of {workspace} (the restored copy "
                f"{partial.name} was put in place)")  # fmt: skip
    source = state.get("source", "a backup")
    if state.get("state") in ("copied", "kept"):
        if partial.exists():
            try:
                sound = check_integrity(partial, quick=True, read_only=True) == []
            except CannotCheck:
                sound = False
            if sound:
                _complete(workspace, state)
            else:
                return _roll_back(workspace, source)
        else:  # renamed already; only the journal was left
            journal_path(workspace).unlink()
        return (f"finished an interrupted restore of {workspace} from {source}; the file it "
                f"replaced is kept as {state.get('aside')}")  # fmt: skip
    return _roll_back(workspace, source)


def _roll_back(workspace: Path, source: str) -> str:
    with contextlib.suppress(FileNotFoundError):
        restoring_path(workspace).unlink()
    journal_path(workspace).unlink()
    _fsync_dir(workspace.parent)
    return (f"rolled back an interrupted restore of {workspace} from {source}: the workspace "
            "is as it was before it; run the restore again if you still want it")  # fmt: skip


def _aside_name(workspace: Path, now: datetime) -> Path:
    base = f"{workspace.name}.replaced-{now.strftime(_STAMP)}"
    aside, n = workspace.with_name(base), 1
    while aside.exists():
        aside, n = workspace.with_name(f"{base}-{n}"), n + 1
    return aside


def _check_source(source: Path) -> None:
    if not source.is_file():
        raise RestoreFailed(f"{source} does not exist or is not a file")
    try:
        problems = check_integrity(source, read_only=True)
    except CannotCheck as exc:
        raise RestoreFailed(f"{exc}; nothing was changed") from exc
    if problems:
        raise RestoreFailed(f"{source} is damaged too ({problems[0]}); choose another backup")


def _backup_first(workspace: Path, now: datetime) -> Path | None:
    """A backup of a sound workspace before it is replaced (a damaged one is not copied)."""
    try:
        if not workspace.is_file() or workspace.stat().st_size == 0 or \
                check_integrity(workspace, quick=True):  # fmt: skip
            return None
    except CannotCheck:
        return None
    try:
        return make_backup(workspace, now=now, reason="before-restore")
    except BackupFailed as exc:
        raise RestoreFailed(f"{exc} Nothing was restored.") from exc


def restore(workspace: Path, source: Path | None = None, *, now: datetime | None = None,
            force: bool = False, on_step: Callable[[str], None] = _carry_on,
            ) -> tuple[Path, Path | None]:  # fmt: skip
    """Replace the workspace with a backup (the newest good one by default).

    The current file keeps a second name, ``W.replaced-<time>``, and a sound one is also
    backed up first. Returns (restored from, where the replaced file now is). Close other
    windows on the workspace first. `on_step(name)` runs after each of `STEPS`.
    """
    workspace = Path(workspace)
    recover(workspace)
    if source is None:
        newest = newest_good_backup(workspace)
        if newest is None:
            where = backup_folder(workspace)
            raise RestoreFailed(f"no good backup of {workspace} was found in {where}")
        source = newest.path
    source = Path(source)
    _check_source(source)
    others = [] if force else other_users(workspace)
    if others:
        raise RestoreFailed(
            f"{workspace} is open in {len(others)} other program(s): "
            f"{'; '.join(map(str, others[:5]))}. Close them first (their later edits would "
            "go into the replaced file, not the restored one); nothing was changed. "
            "--force restores anyway: Chronologue windows then reopen the restored file.")
    now = now or _now()
    _backup_first(workspace, now)
    aside = _aside_name(workspace, now)
    had_file = workspace.exists()
    state = {"source": str(source), "aside": str(aside), "state": "copying"}
    try:
        _write_journal(workspace, state)
        on_step("journal")
        _copy_backup(source, restoring_path(workspace))
        state["state"] = "copied"
        _write_journal(workspace, state)
        on_step("copied")
        _complete(workspace, state, on_step)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):  # not a crash: undo, unless the rename happened
            if restoring_path(workspace).exists():
                _roll_back(workspace, str(source))
            else:
                journal_path(workspace).unlink()
        reason = getattr(exc, "strerror", None) or str(exc)
        raise RestoreFailed(f"could not restore {workspace} from {source}: {reason}") from exc
    return source, aside if had_file else None
