"""Who has a workspace file open: one small file per process in ``<workspace>.users/``.

Why: `chronologue restore` while a window had the workspace open used to let the window
keep writing into the file that was moved aside, so every later edit was lost from the
restored workspace with no error. SQLite's locks say nothing once nobody is mid-
transaction, so each process that opens the file says so here (pid, host, since) and
removes its entry on close. Entries of dead processes on this host are ignored (and
cleared); entries from other hosts (a shared folder) are believed.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

SUFFIX = ".users"


@dataclass(frozen=True)
class User:
    pid: int
    host: str
    since: str
    program: str

    def __str__(self) -> str:
        return f"{self.program} (process {self.pid} on {self.host}, since {self.since} UTC)"


def users_folder(workspace: Path) -> Path:
    return workspace.with_name(workspace.name + SUFFIX)


def register(workspace: Path, program: str = "chronologue") -> Path | None:
    """Say that this process has `workspace` open; returns the entry (None if it cannot)."""
    folder = users_folder(Path(workspace))
    host = socket.gethostname()
    entry = folder / f"{host}-{os.getpid()}"
    record = {"pid": os.getpid(), "host": host, "program": program,
              "since": datetime.now(UTC).strftime("%Y-%m-%d %H:%M")}  # fmt: skip
    try:
        folder.mkdir(exist_ok=True)
        entry.write_text(json.dumps(record), encoding="utf-8")
    except OSError:  # a read-only folder: nobody can restore over it from here either
        return None
    return entry


def unregister(entry: Path | None) -> None:
    if entry is None:
        return
    with contextlib.suppress(OSError):
        entry.unlink()
    with contextlib.suppress(OSError):
        entry.parent.rmdir()  # only when it is empty


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: it exists
        return True
    return True


def other_users(workspace: Path) -> list[User]:
    """Live processes other than this one that have `workspace` open."""
    folder = users_folder(Path(workspace))
    here = socket.gethostname()
    found = []
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return []
    for entry in entries:
        try:
            data = json.loads(entry.read_text(encoding="utf-8"))
            user = User(int(data["pid"]), str(data["host"]), str(data["since"]),
                        str(data.get("program", "chronologue")))  # fmt: skip
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if user.host == here and user.pid == os.getpid():
            continue
        if user.host == here and not _alive(user.pid):
            with contextlib.suppress(OSError):
                entry.unlink()  # a crashed process's leftover
            continue
        found.append(user)
    return found
