"""Rolling workspace backups, integrity checks and restore.

Why: analysts keep months of work in one SQLite file, so a damaged file must be
noticed when it is opened (not weeks later) and cost at most a day of work. Copies
go through SQLite's online backup API, which takes a consistent snapshot even while
another window writes; each copy is written to a ``.partial`` file, checked, and only
then renamed into place, so a crash or a full disk never leaves a half copy that
looks like a good one. Besides the daily copy on open, a copy is taken before risky
operations (restore, schema migration, big imports, bulk deletes) and every hour of
editing; the rotation keeps one copy per day for a week plus the newest few, within a
size cap. Restoring (desktop.store.restore) never deletes anything.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop.store.workspace import BUSY_TIMEOUT_MS, WorkspaceDamaged, WorkspaceError

FOLDER_SUFFIX = ".backups"
EXTENSION = ".backup"
DEFAULT_KEEP = 10  # copies at most: one a day for DAYS_KEPT days, then the newest others
DAYS_KEPT = 7
MAX_BYTES = 2 * 1024**3  # all copies together (the newest is kept whatever its size)
DEFAULT_INTERVAL = timedelta(days=1)
SESSION_INTERVAL = timedelta(hours=1)
_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"-(\d{8}-\d{6})(?:-([a-z]+(?:-[a-z]+)*))?(?:-\d+)?\.backup$")


class BackupFailed(WorkspaceError):
    """A backup could not be written (full disk, read-only folder); the workspace is fine."""


class RestoreFailed(WorkspaceError):
    """Nothing to restore from, or the chosen backup is itself damaged; nothing was changed."""


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime  # UTC, naive
    size: int
    reason: str = ""  # "", "hourly", "before-restore", "before-migration", ...


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def backup_folder(workspace: Path) -> Path:
    """`<workspace>.backups/` beside the workspace file."""
    workspace = Path(workspace)
    return workspace.with_name(workspace.name + FOLDER_SUFFIX)


def list_backups(workspace: Path) -> list[Backup]:
    """Finished backups of this workspace, newest first (``.partial`` leftovers are ignored)."""
    folder = backup_folder(workspace)
    found: list[Backup] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for entry in entries:
        match = _NAME.search(entry.name)
        if match is None or not entry.is_file():
            continue
        try:
            taken = datetime.strptime(match.group(1), _STAMP)
            size = entry.stat().st_size
        except (ValueError, OSError):
            continue
        found.append(Backup(entry, taken, size, match.group(2) or ""))
    found.sort(key=lambda b: (b.taken, b.path.name), reverse=True)
    return found


def _connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
    if read_only:
        uri = Path(path).resolve().as_uri() + "?mode=ro"
        con = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    else:
        con = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    con.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return con


_DAMAGE_CODES = (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB


class CannotCheck(WorkspaceError):
    """The file could not be read at all (permissions, locked, missing): not damage."""


def _is_damage(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in _DAMAGE_CODES
    return any(word in str(exc) for word in ("malformed", "not a database"))


# SQLite's codes for a file it could not get at, which say nothing about its bytes.
_ACCESS_CODES = (3, 5, 6, 7, 8, 10, 13, 14)  # PERM BUSY LOCKED NOMEM READONLY IOERR FULL CANTOPEN


def _search_index_problems(con: sqlite3.Connection) -> list[str]:
    """The search index's own check (it only reads, but needs a writable handle).

    Any other failure of this fixed statement is damage: a flipped bit in the index's
    declaration reads as an FTS5 'parse error', not as SQLITE_CORRUPT.
    """
    try:
        con.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    except sqlite3.Error as exc:
        if (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF in _ACCESS_CODES:
            raise
        return [f"the search index is damaged ({exc})"]
    return []


def check_integrity(path: Path, *, quick: bool = False, read_only: bool = False) -> list[str]:
    """What SQLite finds wrong with the file: [] when it is sound.

    ``quick`` runs `PRAGMA quick_check` (skips index/table agreement; a fraction of the
    cost), which is what opening a workspace uses; `chronologue check` runs the full one.
    Raises CannotCheck when the file cannot be read at all, which says nothing about
    damage (a read-only folder, a lock held for too long).
    """
    pragma = "quick_check" if quick else "integrity_check"
    con: sqlite3.Connection | None = None
    try:
        con = _connect(Path(path), read_only=read_only)
        # its messages quote damaged bytes: never let them fail to decode
        con.text_factory = lambda raw: raw.decode("utf-8", "replace")
        rows = con.execute(f"PRAGMA {pragma}").fetchall()
        problems = [str(r[0]) for r in rows if r and r[0] != "ok"]
        if not problems:
            names = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
            if names and "alembic_version" not in names:
                problems.append("it is an SQLite database, but not a Chronologue workspace")
            if not quick and not read_only and "articles_fts" in names:
                problems += _search_index_problems(con)
        if not problems and not quick:
            from desktop.store.damage import read_every_row

            problems = read_every_row(Path(path))
        return problems
    except (UnicodeError, ValueError) as exc:
        return [f"unreadable data ({exc})"]
    except sqlite3.Error as exc:
        if _is_damage(exc):
            return [str(exc)]
        raise CannotCheck(f"cannot read {path}: {exc}") from exc
    finally:
        if con is not None:
            con.close()


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not supported everywhere (Windows); best effort
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def snapshot(source: sqlite3.Connection, partial: Path) -> None:
    """Copy `source` into `partial` as one self-contained file (no -wal beside it to lose),
    checked and fsynced; the caller renames it into place."""
    dest = sqlite3.connect(partial)
    try:
        source.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
        dest.commit()
    finally:
        dest.close()
    problems = check_integrity(partial, quick=True, read_only=True)
    if problems:
        raise sqlite3.DatabaseError(f"the copy failed its check: {problems[0]}")
    with open(partial, "rb+") as stream:
        os.fsync(stream.fileno())


def _copy(source: sqlite3.Connection, target: Path) -> None:
    """Snapshot `source` into `target` via a `.partial` file, checked before the rename."""
    # the pid keeps two processes backing up at the same second off each other's copy
    partial = target.with_name(f"{target.stem}.{os.getpid()}{target.suffix}.partial")
    try:
        snapshot(source, partial)
        os.replace(partial, target)
        _fsync_dir(target.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise


def _target_name(folder: Path, workspace: Path, taken: datetime, reason: str) -> Path:
    base = f"{workspace.stem}-{taken.strftime(_STAMP)}" + (f"-{reason}" if reason else "")
    target = folder / f"{base}{EXTENSION}"
    n = 1
    while target.exists():
        target = folder / f"{base}-{n}{EXTENSION}"
        n += 1
    return target


def make_backup(workspace: Path, *, now: datetime | None = None, reason: str = "") -> Path:
    """Copy the workspace into its backup folder now; returns the new backup's path.

    `reason` ("before-restore", "hourly", ...) becomes part of the name and the listing.
    """
    workspace = Path(workspace)
    folder = backup_folder(workspace)
    try:
        folder.mkdir(exist_ok=True)
        target = _target_name(folder, workspace, now or _now(), reason)
        source = _connect(workspace, read_only=False)
        try:
            _copy(source, target)
        finally:
            source.close()
    except (OSError, sqlite3.Error, CannotCheck) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise BackupFailed(
            f"could not back up {workspace} into {folder}: {reason}. "
            "The workspace itself is unharmed; free some disk space or make the folder "
            "writable so that backups resume."
        ) from exc
    return target


def _kept(backups: list[Backup], keep: int, max_bytes: int) -> list[Backup]:
    """Which backups (newest first) survive: a week of days first, then the newest."""
    chosen: list[Backup] = []
    days: set[object] = set()
    for b in backups:  # the newest copy of each of the last DAYS_KEPT days
        if b.taken.date() not in days and len(days) < DAYS_KEPT:
            days.add(b.taken.date())
            chosen.append(b)
    chosen += [b for b in backups if b not in chosen]  # then the newest of the rest
    chosen = chosen[:max(keep, 1)]
    while len(chosen) > 1 and sum(b.size for b in chosen) > max_bytes:
        chosen.remove(min(chosen[1:], key=lambda b: b.taken))
    return chosen


def prune(workspace: Path, keep: int = DEFAULT_KEEP, *, max_bytes: int = MAX_BYTES
          ) -> list[Path]:  # fmt: skip
    """Bound the backups by count and size, and clear stale half copies; returns them."""
    backups = list_backups(workspace)
    kept = set(_kept(backups, keep, max_bytes))
    last_with_data = next((b for b in backups if holds_data(b.path)), None)
    if last_with_data is not None:  # never rotate the last copy of real work away
        kept.add(last_with_data)
    removed = []
    for old in backups:
        if old in kept:
            continue
        with contextlib.suppress(OSError):
            old.path.unlink()
            removed.append(old.path)
    # A process killed while copying leaves a .partial; an hour on, nobody is writing it.
    cutoff = datetime.now().timestamp() - 3600
    for leftover in backup_folder(workspace).glob(f"*{EXTENSION}.partial"):
        with contextlib.suppress(OSError):
            if leftover.stat().st_mtime < cutoff:
                leftover.unlink()
                removed.append(leftover)
    return removed


def _newest_with_data(workspace: Path) -> Backup | None:
    backups = list_backups(workspace)
    return next((b for b in backups if holds_data(b.path)), backups[0] if backups else None)


def damaged_message(workspace: Path, problem: str) -> str:
    """Names the file, says it is damaged, and says how to get the newest good backup back."""
    newest = _newest_with_data(workspace)
    if newest is not None:
        offer = (
            f"The newest backup with data is from {newest.taken:%Y-%m-%d %H:%M} UTC "
            f"({newest.path.name}); restore it with "
            f"`chronologue restore --latest -w {workspace}` (or accept the window's offer); "
            "the damaged file is kept beside it."
        )
    else:
        offer = (
            "There is no backup of it yet; keep a copy of the file and do not write to it. "
            "`chronologue restore --latest` restores the newest good backup once one exists."
        )
    problem = " ".join(problem.split())[:200]
    return f"cannot open the workspace {workspace}: the file is damaged ({problem}). {offer}"


def check_on_open(workspace: Path) -> bool:
    """Raise WorkspaceDamaged if an existing workspace fails the quick check.

    Returns False when there is nothing to check (no file yet, an empty one) or the
    file cannot be read at all; opening then reports that in its own words.
    About 60 ms for a 37 MB workspace of 3,000 articles, so it runs on every open.
    """
    workspace = Path(workspace)
    try:
        if not workspace.is_file():
            return False
        if workspace.stat().st_size == 0:
            if list_backups(workspace):  # emptied, not new: say so, never re-initialise
                raise WorkspaceDamaged(damaged_message(workspace, "it is empty: 0 bytes"))
            return False
        problems = check_integrity(workspace, quick=True)
    except (OSError, CannotCheck):
        return False
    if problems:
        raise WorkspaceDamaged(damaged_message(workspace, problems[0]))
    return True


def backup_on_open(
    workspace: Path,
    keep: int = DEFAULT_KEEP,
    *,
    interval: timedelta = DEFAULT_INTERVAL,
    now: datetime | None = None,
) -> Path | None:
    """Check an existing workspace before it is opened; back it up if the last backup is old.

    Raises WorkspaceDamaged when the file fails the quick check (so a damaged file is
    never copied over good backups), BackupFailed when the copy cannot be written.
    Returns the new backup, or None when none was due.
    """
    workspace = Path(workspace)
    if not check_on_open(workspace):
        return None
    now = now or _now()
    backups = list_backups(workspace)
    if backups and timedelta(0) <= now - backups[0].taken < interval:
        return None
    made = make_backup(workspace, now=now)
    prune(workspace, keep)
    return made


def holds_data(path: Path) -> bool:
    """Whether a workspace or backup file holds any article or event (False if unreadable)."""
    con: sqlite3.Connection | None = None
    try:
        con = _connect(Path(path), read_only=True)
        row = con.execute("SELECT EXISTS(SELECT 1 FROM articles) OR "
                          "EXISTS(SELECT 1 FROM events)").fetchone()  # fmt: skip
        return bool(row and row[0])
    except sqlite3.Error:
        return False
    finally:
        if con is not None:
            con.close()


def newest_good_backup(workspace: Path) -> Backup | None:
    """The newest backup that passes the full integrity check, preferring one with data.

    A copy of an emptied (or re-initialised) workspace is offered only when no sound
    copy holds any article or event.
    """
    empty: Backup | None = None
    for candidate in list_backups(workspace):
        with contextlib.suppress(CannotCheck):
            if not check_integrity(candidate.path, read_only=True):
                if holds_data(candidate.path):
                    return candidate
                empty = empty or candidate
    return empty


def backup_before(workspace: Path | None, reason: str, *, now: datetime | None = None
                  ) -> Path | None:  # fmt: skip
    """A copy now, before a risky operation (`reason` like "before-import").

    None when there is nothing sound to copy (no file yet, or a damaged one: a damaged
    file never pushes good copies out of the rotation; a PostgreSQL workspace, path None,
    is the server's to back up). Raises BackupFailed.
    """
    if workspace is None:
        return None
    workspace = Path(workspace)
    try:
        if not check_on_open(workspace):
            return None
    except WorkspaceDamaged:
        return None
    made = make_backup(workspace, now=now, reason=reason)
    prune(workspace)
    return made


def last_change(workspace: Path) -> datetime | None:
    """When the workspace was last written (its file or its WAL), UTC naive."""
    times = []
    for name in (workspace.name, workspace.name + "-wal"):
        with contextlib.suppress(OSError):
            times.append((workspace.parent / name).stat().st_mtime)
    return datetime.fromtimestamp(max(times), UTC).replace(tzinfo=None) if times else None


def backup_if_edited(workspace: Path, *, interval: timedelta = SESSION_INTERVAL,
                     now: datetime | None = None) -> Path | None:  # fmt: skip
    """The hourly copy of a long session: only when there were edits since the last copy
    and that copy is at least `interval` old. Returns the new backup or None."""
    workspace = Path(workspace)
    now = now or _now()
    changed = last_change(workspace)
    backups = list_backups(workspace)
    if changed is None:
        return None
    if backups and (changed <= backups[0].taken or now - backups[0].taken < interval):
        return None
    return backup_before(workspace, "hourly", now=now)
