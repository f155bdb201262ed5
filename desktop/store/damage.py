"""Telling damage from other failures, and reading every row to find it.

Why: random bit flips pass SQLite's own `integrity_check` more often than one would
hope (a flipped byte inside a text or date value is still a valid record), and then
fail later as UnicodeDecodeError, "Invalid isoformat string" or a misworded write
error, with a traceback and no backup offer. `read_every_row` reads each table the way
the application does (typed: dates parsed, JSON decoded, text decoded), so `chronologue
check` finds those too; `diagnose` turns any failure while reading a workspace into the
damage message with the newest backup, after checking the file.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import create_engine, inspect, select, text
from sqlalchemy.exc import SQLAlchemyError

READ_ERRORS = (SQLAlchemyError, sqlite3.Error, UnicodeError, ValueError, KeyError, TypeError,
               OverflowError)  # fmt: skip
_PER_TABLE = 3  # problems reported per table at most


def read_every_row(path: Path) -> list[str]:
    """Problems met reading every row of every table (typed), [] when all read back."""
    from desktop.store.models import Base

    uri = Path(path).resolve().as_uri() + "?mode=ro"
    engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(uri, uri=True))
    problems: list[str] = []
    try:
        with engine.connect() as conn:
            present = set(inspect(conn).get_table_names())
            mapped = {t.name for t in Base.metadata.sorted_tables}
            for table in Base.metadata.sorted_tables:
                if table.name in present:
                    problems += _scan(conn, table.name, select(table))
            for name in sorted(present - mapped):
                quoted = name.replace('"', '""')
                problems += _scan(conn, name, text(f'SELECT * FROM "{quoted}"'))
    except READ_ERRORS as exc:
        problems.append(f"the file cannot be read: {_short(exc)}")
    finally:
        engine.dispose()
    return problems


def _scan(conn, name: str, statement) -> list[str]:
    found: list[str] = []
    try:
        result = conn.execution_options(stream_results=True).execute(statement)
        for _row in result:
            pass
    except READ_ERRORS as exc:
        found.append(f"table {name}: {_short(exc)}")
    return found[:_PER_TABLE]


def _short(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return " ".join(f"{type(orig).__name__}: {orig}".split())[:200]


def diagnose(path: Path, exc: BaseException) -> str | None:
    """The damage message (with the backup offer) if `exc` came from reading a damaged
    file, or from reading a value nobody could have written; None for other failures."""
    from desktop.store.backup import CannotCheck, check_integrity, damaged_message

    if not isinstance(exc, READ_ERRORS):
        return None
    reason = _short(exc)
    lowered = reason.lower()
    if any(w in lowered for w in ("disk is full", "readonly", "read-only", "locked")):
        return None  # a write problem, said in its own words elsewhere
    try:
        problems = check_integrity(path, quick=True, read_only=True) or read_every_row(path)
    except CannotCheck:
        problems = []
    if problems:
        return damaged_message(Path(path), problems[0])
    if isinstance(exc, SQLAlchemyError | sqlite3.Error) and not any(
            w in lowered for w in ("malformed", "not a database", "decode")):  # fmt: skip
        return None  # the file reads back whole: not damage
    return damaged_message(Path(path), f"a stored value cannot be read: {reason}")
