"""Headless maintenance verbs: `check` (integrity) and `restore` (from rolling backups).

Unlike the other verbs these must work on a damaged workspace, so their handlers take
the workspace *location* and never open it through open_workspace (which refuses damaged
files). desktop/cli.py adds them with `add_parsers(sub, [common])` and dispatches
`HANDLERS[verb](location, args, out, err)` before opening anything. Exit codes as
elsewhere: 0 success, 1 when something is wrong (said on stderr), 2 for usage errors.

On a file they do what SQLite offers (integrity check, backups beside the file); on a
shared PostgreSQL workspace `check` compares the schema with this program's, and
backups and restores are the server's (pg_dump), which `restore` says.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from desktop.store.backup import (
    CannotCheck,
    backup_folder,
    check_integrity,
    damaged_message,
    list_backups,
)
from desktop.store.location import Location
from desktop.store.restore import recover, restore
from desktop.store.workspace import WorkspaceError

Handler = Callable[[Location, argparse.Namespace, TextIO, TextIO], int]


def add_parsers(sub: argparse._SubParsersAction, common_parents: list[argparse.ArgumentParser]
                ) -> None:  # fmt: skip
    """Add `check` and `restore` to the `chronologue` sub-parsers."""
    sub.add_parser("check", parents=common_parents,
                   help="check the workspace for damage (a file: SQLite's integrity check; "
                   "a shared workspace: schema revision and constraints)")
    p = sub.add_parser("restore", parents=common_parents,
                       help="list the workspace's backups or restore one (close windows first)")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--list", action="store_true", help="list the backups, newest first")
    which.add_argument("--latest", action="store_true", help="restore the newest good backup")
    which.add_argument("--from", dest="source", type=Path, metavar="FILE",
                       help="restore this backup file")
    p.add_argument("--force", action="store_true",
                   help="restore even while other programs have the workspace open")


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{max(1, n // 1024)} KB"


def cmd_check(location: Location, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Full `PRAGMA integrity_check`; names the newest backup either way."""
    if location.path is None:
        return _check_shared(location, out, err)
    path = location.path
    if not _recovered(path, err):
        return 1
    if not path.is_file():
        print(f"chronologue: no workspace at {path}", file=err)
        return 1
    if path.stat().st_size == 0:
        problem = "it is empty: 0 bytes"
        if list_backups(path):
            print(f"chronologue: {damaged_message(path, problem)}", file=err)
        else:
            print(f"chronologue: {path} is empty (0 bytes): it holds no workspace, and there "
                  "are no backups of it", file=err)  # fmt: skip
        return 1
    try:
        problems = check_integrity(path)
    except CannotCheck as exc:
        print(f"chronologue: {exc}", file=err)
        return 1
    if problems:
        print(f"chronologue: {damaged_message(path, problems[0])}", file=err)
        for problem in problems[1:10]:
            print(f"  {problem}", file=err)
        return 1
    backups = list_backups(path)
    newest = f"newest backup {backups[0].taken:%Y-%m-%d %H:%M} UTC" if backups else "no backups"
    print(f"ok: {path} passed the integrity check ({len(backups)} backups, {newest})", file=out)
    return 0


def _recovered(path: Path, err: TextIO) -> bool:
    """Finish or roll back an interrupted restore first, saying so; False if that failed."""
    try:
        message = recover(path)
    except OSError as exc:
        print(f"chronologue: cannot finish the interrupted restore of {path}: "
              f"{exc.strerror or exc}", file=err)  # fmt: skip
        return False
    if message:
        print(f"chronologue: {message}", file=err)
    return True


def _check_shared(location: Location, out: TextIO, err: TextIO) -> int:
    from desktop.store import pgcheck, postgres
    from desktop.store.workspace import script_directory

    engine = postgres.make_engine(location, read_only=True)
    try:
        postgres.probe(engine, location)
        report = pgcheck.check_schema(engine, script_directory())
    except postgres.PostgresOpenError as exc:
        print(f"chronologue: {exc}", file=err)
        return 1
    finally:
        engine.dispose()
    if not report.ok:
        print(f"chronologue: {location}: {len(report.problems)} problem(s) found:", file=err)
        for problem in report.problems:
            print(f"  {problem}", file=err)
        return 1
    print(f"ok: {location} is at schema revision {report.revision} (this Chronologue's); "
          f"{report.checked} keys, constraints and indexes are in place and valid. "
          f"{pgcheck.backup_advice(location)}.", file=out)
    return 0


def cmd_restore(location: Location, args: argparse.Namespace, out: TextIO, err: TextIO
                ) -> int:  # fmt: skip
    if location.path is None:
        from desktop.store.pgcheck import backup_advice

        print(f"chronologue: {location} is a shared workspace. {backup_advice(location)}.",
              file=err)
        return 1
    path = location.path
    if not _recovered(path, err):
        return 1
    if args.list:
        backups = list_backups(path)
        for number, b in enumerate(backups, 1):
            try:
                state = "DAMAGED" if check_integrity(b.path, read_only=True) else "ok"
            except CannotCheck:
                state = "UNREADABLE"
            print(f"{number:>3}  {b.taken:%Y-%m-%d %H:%M:%S} UTC  {_size(b.size):>9}  "
                  f"{state:<10}  {b.reason or 'daily':<16}  {b.path}", file=out)  # fmt: skip
        print(f"{len(backups)} backups in {backup_folder(path)}", file=out)
        return 0
    try:
        source, aside = restore(path, args.source, force=args.force)
    except WorkspaceError as exc:
        print(f"chronologue: {exc}", file=err)
        return 1
    kept = f"; the file it replaced is kept as {aside}" if aside else ""
    print(f"restored {path} from {source}{kept}", file=out)
    return 0


HANDLERS: dict[str, Handler] = {"check": cmd_check, "restore": cmd_restore}
