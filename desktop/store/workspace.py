"""Opening a workspace (an SQLite file or a PostgreSQL database), migrated on open."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from platformdirs import user_data_path
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from desktop.store import postgres
from desktop.store.changes import ChangeSet, committed_changes, install_change_log, track_changes
from desktop.store.history import default_author, stamp_authors
from desktop.store.location import Location, LocationError, parse_location

ENV_VAR = "CHRONOLOGUE_WORKSPACE"
SUFFIX = ".chronologue"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 10_000
# A hidden half-made new workspace this old was left by a killed process.
STALE_NEW_S = 600
T = TypeVar("T")


class WorkspaceError(Exception):
    """The workspace file cannot be opened; the message says why and what to do."""


class WorkspaceDamaged(WorkspaceError):
    """The file fails SQLite's check; the window offers to restore the newest good backup."""


class ReadOnlyWorkspace(WorkspaceError):
    """A change was asked of a workspace opened read-only (a role that may only read)."""


def default_workspace_path(environ: dict[str, str] | None = None) -> Path:
    """The environment variable wins, else the user data folder's default workspace.

    Only for file workspaces; `default_location` also takes a PostgreSQL URL there.
    """
    env = os.environ if environ is None else environ
    if env.get(ENV_VAR):
        return Path(env[ENV_VAR]).expanduser()
    return user_data_path("Chronologue", appauthor=False) / f"default{SUFFIX}"


def default_location(environ: dict[str, str] | None = None) -> Location:
    """$CHRONOLOGUE_WORKSPACE (a path or a URL), else the default workspace file."""
    env = os.environ if environ is None else environ
    if env.get(ENV_VAR):
        try:
            return parse_location(env[ENV_VAR])
        except LocationError as exc:
            raise WorkspaceError(f"{ENV_VAR}: {exc}") from None
    return Location("sqlite", path=default_workspace_path({}))


def _alembic_config(connection=None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(_alembic_config())


def head_revision() -> str:
    return script_directory().get_current_head()


def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA journal_mode = WAL")
    # NORMAL in WAL mode: durable against a process crash, cheap commits.
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.close()


def make_engine(where: Path | str | Location) -> Engine:
    location = parse_location(where) if not isinstance(where, Path) else Location(
        "sqlite", path=where)
    if location.backend == "postgresql":
        return postgres.make_engine(location)
    engine = create_engine(f"sqlite:///{location.path}", future=True)
    event.listen(engine, "connect", _on_connect)
    return engine


def migrate(engine: Engine, revision: str = "head") -> None:
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            postgres.lock_for_migration(conn)
        command.upgrade(_alembic_config(conn), revision)
        if revision == "head":
            install_change_log(conn)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


@dataclass
class Workspace:
    """An open workspace: where it is, its engine and a session factory."""

    location: Location
    engine: Engine
    sessions: sessionmaker[Session] = field(repr=False)
    # Things the user should hear about that did not stop the opening (a failed backup).
    notices: list[str] = field(default_factory=list)
    # A role that may only read: the window disables editing, the CLI refuses changes.
    read_only: bool = False
    # The database role (PostgreSQL) or None for a file.
    role: str | None = None
    # Who the edits are recorded as (Preferences' name, else the OS user name).
    author: str = field(default_factory=default_author)
    # This process's entry in `<file>.users/` (desktop.store.users), removed on close.
    presence: Path | None = field(default=None, repr=False)

    @property
    def path(self) -> Path | None:
        """The file of an SQLite workspace; None for a shared (PostgreSQL) one."""
        return self.location.path

    @property
    def backend(self) -> str:
        return self.location.backend

    @property
    def name(self) -> str:
        return self.location.name

    def __str__(self) -> str:
        return str(self.location)

    def require_writable(self, what: str = "this change") -> None:
        if self.read_only:
            raise ReadOnlyWorkspace(read_only_message(self, what))

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed on success, rolled back on any error."""
        with self.sessions() as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def transact(self, work: Callable[..., T], *args: Any, **kwargs: Any) -> tuple[T, ChangeSet]:
        """Run ``work(session, *args, **kwargs)`` as one unit of work: one commit, or
        nothing at all if it raises; returns its result and what it changed."""
        with self.session() as session:
            result = work(session, *args, **kwargs)
        return result, committed_changes(session)

    def close(self) -> None:
        self.engine.dispose()
        if self.presence is not None:
            from desktop.store.users import unregister

            unregister(self.presence)
            self.presence = None


def read_only_message(ws: Workspace, what: str) -> str:
    who = f"the role {ws.role!r}" if ws.role else "you"
    return (f"{what} is not possible: the workspace {ws.location} is open read-only "
            f"({who} may only read it). Ask the workspace's administrator for an editor role")


def open_workspace(
    where: Path | str | Location | None = None, *, create: bool = True, backups: bool = True
) -> Workspace:
    """Open (and create or upgrade) a workspace: a file path, a URL or a Location.

    An existing file is checked first (WorkspaceDamaged if it fails) and, with
    ``backups``, copied into its backup folder when the last copy is a day old.
    A PostgreSQL database is the server's to back up (pg_dump); see `_open_postgres`.
    """
    if where is None:
        location = default_location()
    else:
        try:
            location = parse_location(where)
        except LocationError as exc:
            raise WorkspaceError(str(exc)) from None
    if location.backend == "postgresql":
        return _open_postgres(location, create=create)
    path = location.path
    assert path is not None
    if path.is_dir():
        raise WorkspaceError(f"{path} is a folder; a workspace is a single file")
    notices: list[str] = []
    from desktop.store.backup import BackupFailed, backup_on_open, check_on_open
    from desktop.store.restore import recover

    try:
        finished = recover(path)
    except OSError as exc:
        raise WorkspaceError(f"cannot finish the interrupted restore of {path}: "
                             f"{exc.strerror or exc}") from exc  # fmt: skip
    if finished:
        notices.append(finished[0].upper() + finished[1:] + ".")
    if not backups:
        check_on_open(path)
    else:
        try:
            backup_on_open(path)
        except BackupFailed as exc:
            notices.append(str(exc))
    if not path.exists():
        if not create:
            raise WorkspaceError(f"no workspace at {path}")
        _refuse_to_replace_a_lost_workspace(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise WorkspaceError(f"cannot create the folder for {path}: {exc.strerror}") from exc
        _create_whole(path)
    engine = make_engine(path)
    try:
        _backup_before_migration(path, engine)
        migrate(engine)
    except WorkspaceError:
        engine.dispose()
        raise
    except Exception as exc:
        engine.dispose()
        reason = _reason(exc)
        from desktop.store.damage import diagnose

        damage = diagnose(path, exc)
        if damage is not None:
            raise WorkspaceDamaged(damage) from exc
        if any(w in reason for w in ("readonly", "read-only", "unable to open database file")):
            raise WorkspaceError(
                f"cannot open the workspace {path}: the file or its folder is read-only "
                f"({reason}). Chronologue writes every edit at once, so it needs both to be "
                "writable: copy the workspace to a writable folder, or change the permissions."
            ) from exc
        raise WorkspaceError(
            f"cannot open the workspace {path}: {reason}. "
            "Check that it is a Chronologue workspace and that the folder is writable."
        ) from exc
    ws = _workspace(location, engine, notices)
    from desktop.store.users import register

    ws.presence = register(path)
    return ws


def _open_postgres(location: Location, *, create: bool) -> Workspace:
    """Connect, find out whether this role may write, and bring the schema to head.

    Only a role that may write upgrades the schema (under an advisory lock, so two
    analysts opening a new database at once do not both create it); a read-only role
    gets a clear error when the schema is missing or older than this program.
    """
    probe_engine = postgres.make_engine(location)
    try:
        role, writable = postgres.probe(probe_engine, location)
        revision = current_revision(probe_engine)
    except postgres.PostgresOpenError as exc:
        raise WorkspaceError(str(exc)) from None
    finally:
        probe_engine.dispose()
    head = head_revision()
    if revision is None and not create:
        raise WorkspaceError(f"no Chronologue workspace in the database {location}")
    engine = postgres.make_engine(location, read_only=not writable)
    if revision != head:
        if not writable:
            engine.dispose()
            state = "is empty" if revision is None else f"is at schema revision {revision}"
            raise WorkspaceError(
                f"cannot open the shared workspace {location} read-only: the database "
                f"{state} and this Chronologue needs revision {head}. The role {role!r} may "
                "only read, so it cannot set it up: open it once with the owner's role")
        try:
            migrate(engine)
        except Exception as exc:
            engine.dispose()
            raise WorkspaceError(postgres.migration_message(location, role, exc)) from exc
    return _workspace(location, engine, [], read_only=not writable, role=role)


def _workspace(location: Location, engine: Engine, notices: list[str], **kw: Any) -> Workspace:
    """Sessions that collect their ChangeSet and stamp their changes with the author."""
    sessions = sessionmaker(engine, expire_on_commit=False)
    track_changes(sessions)
    ws = Workspace(location, engine, sessions, notices, **kw)
    stamp_authors(sessions, lambda: ws.author)
    return ws


def _refuse_to_replace_a_lost_workspace(path: Path) -> None:
    """A missing workspace with backups or restore leftovers beside it was lost, not new:
    creating an empty one there would hide the data behind it."""
    from desktop.store.backup import list_backups

    leftovers = sorted(path.parent.glob(f"{path.name}.replaced-*"))
    backups = list_backups(path)
    if not leftovers and not backups:
        return
    found = f"{len(backups)} backups in {backups[0].path.parent}" if backups else \
        f"the replaced file {leftovers[-1]}"  # fmt: skip
    raise WorkspaceDamaged(
        f"the workspace {path} is missing, but {found} exist. It was moved or lost, not "
        f"new; Chronologue will not start an empty one in its place. Restore the newest "
        f"backup with `chronologue restore --latest -w {path}` (or accept the window's "
        "offer), or move the file back; to start afresh instead, move the backups away."
    )


def _create_whole(path: Path) -> None:
    """Make a new workspace's schema in a hidden file beside it and move it into place
    whole: a process killed while the migrations run (each commits on its own) leaves
    a stray hidden file, never a workspace with half a schema."""
    for stale in path.parent.glob(f".{path.name}.*.new"):
        with contextlib.suppress(OSError):
            if time.time() - stale.stat().st_mtime > STALE_NEW_S:
                _remove_with_journal(stale)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".new", dir=path.parent)
    except OSError as exc:
        raise WorkspaceError(f"cannot create the workspace {path}: {exc.strerror} (the "
                             "folder must be writable)") from exc
    os.close(fd)
    tmp = Path(name)
    try:
        engine = make_engine(tmp)
        try:
            migrate(engine)
        finally:
            engine.dispose()  # the last connection closing folds the WAL into the file
        try:
            os.link(tmp, path)  # never over a workspace another process just made
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links
            if not path.exists():
                os.replace(tmp, path)
    except Exception as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else _reason(exc)
        raise WorkspaceError(f"cannot create the workspace {path}: {reason}. Nothing was "
                             "made; check the disk's free space and the folder's "
                             "permissions") from exc
    finally:
        _remove_with_journal(tmp)


def _remove_with_journal(db: Path) -> None:
    for leftover in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()


def _backup_before_migration(path: Path, engine: Engine) -> None:
    """An older workspace is copied before its schema is upgraded (once per upgrade)."""
    if not path.exists() or path.stat().st_size == 0:
        return
    revision = current_revision(engine)
    if revision is None or revision == head_revision():
        return
    from desktop.store.backup import BackupFailed, backup_before

    try:
        backup_before(path, "before-migration")
    except BackupFailed as exc:
        raise WorkspaceError(
            f"{path} needs a schema upgrade (from {revision}) and is backed up first, but "
            f"the backup failed: {exc} Nothing was changed."
        ) from exc


_WRITE_PROBLEMS = (
    (("disk is full", "disk i/o error"),
     "the disk holding the workspace is full (or a file size limit was reached)"),
    (("readonly", "read-only"), "the workspace file or its folder is read-only"),
    (("database is locked",), "another program kept the workspace locked for too long"),
    (("malformed", "not a database"), "the workspace file is damaged"),
    (("read-only transaction", "permission denied"),
     "your database role may only read this shared workspace"),
    (("server closed the connection", "terminating connection", "connection refused",
      "could not connect", "consuming input failed", "connection is lost"),
     "the connection to the database server was lost; reopen the workspace when it is back"),
    (("no space left on device", "could not extend file"),
     "the database server's disk is full"),
)  # fmt: skip


def is_write_problem(exc: BaseException) -> bool:
    """A failure of the storage (disk, permissions, server), not a bug in the request."""
    from sqlalchemy.exc import InternalError, OperationalError

    if isinstance(exc, OperationalError | InternalError):
        return True
    reason = _reason(exc).lower()
    return "permission denied" in reason or "read-only transaction" in reason


def write_error_message(exc: BaseException) -> str:
    """Say in plain words why the store could not write; nothing committed is lost either way."""
    reason = _reason(exc)
    for needles, text in _WRITE_PROBLEMS:
        if any(n in reason.lower() for n in needles):
            return f"{text} ({reason})"
    return f"the workspace could not be written ({reason})"


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig or exc).strip() or type(exc).__name__
