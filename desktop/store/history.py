"""Who changed what, and when: authors on the change log and an event's past versions.

Every commit stamps the change-log rows it wrote (and the event images below) with the
workspace's author (Preferences' name or the OS user) and the time, in the same
transaction, so no edit is ever anonymous and nothing is stamped for a rollback.

``event_history`` keeps an event's row as it was before each update or delete,
written by a trigger (so Core statements, cascades and other processes are covered
like ORM edits). An event's history is then the chain of these images ending with the
current row: each step is one commit, diffed field by field.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Connection, event, text
from sqlalchemy.orm import Session, sessionmaker

from desktop.store.models import utcnow

AUTHOR_ENV = "CHRONOLOGUE_AUTHOR"
MAX_AUTHOR = 200
# The columns an image keeps: migration 0007's, then 0009's deep-time cycles.
IMAGE_V1 = ("title", "description", "notes", "start_earliest", "start_latest",
            "start_precision", "start_qualifier", "end_earliest", "end_latest", "end_precision",
            "end_qualifier", "lane_id", "color", "status", "confidence", "conflict", "version")
IMAGE = (*IMAGE_V1, "start_cycles", "end_cycles")
_PENDING = "chronologue.pending_changes"  # set by desktop.store.changes before commit
_START = "chronologue.revision_at_begin"


def default_author(environ: dict[str, str] | None = None) -> str:
    """$CHRONOLOGUE_AUTHOR, else the operating system's user name."""
    env = os.environ if environ is None else environ
    name = env.get(AUTHOR_ENV, "").strip()
    if not name:
        try:
            name = getpass.getuser()
        except (OSError, KeyError):  # no passwd entry (some containers)
            name = "unknown"
    return clean_author(name)


def clean_author(name: str) -> str:
    return " ".join(str(name).split())[:MAX_AUTHOR] or "unknown"


def table_sql(dialect: str) -> list[str]:
    key = ("id BIGSERIAL PRIMARY KEY" if dialect == "postgresql"
           else "id INTEGER PRIMARY KEY AUTOINCREMENT")
    stamp = "TIMESTAMP" if dialect == "postgresql" else "DATETIME"
    return [
        f"CREATE TABLE IF NOT EXISTS event_history ({key}, event_id INTEGER NOT NULL, "
        "op VARCHAR(8) NOT NULL, title VARCHAR(500), description TEXT, notes TEXT, "
        f"start_earliest {stamp}, start_latest {stamp}, start_precision VARCHAR(16), "
        f"start_qualifier VARCHAR(16), end_earliest {stamp}, end_latest {stamp}, "
        "end_precision VARCHAR(16), end_qualifier VARCHAR(16), lane_id INTEGER, "
        "color VARCHAR(16), status VARCHAR(16), confidence FLOAT, conflict BOOLEAN, "
        f"version INTEGER, author VARCHAR({MAX_AUTHOR}), at {stamp})",
        "CREATE INDEX IF NOT EXISTS ix_event_history_event ON event_history (event_id, id)",
        "CREATE INDEX IF NOT EXISTS ix_event_history_unstamped ON event_history (id) "
        "WHERE author IS NULL",
    ]


def _values(image: str, names: tuple[str, ...] = IMAGE) -> str:
    return ", ".join(f"{image}.{c}" for c in names)


def sqlite_triggers(names: tuple[str, ...] = IMAGE) -> list[str]:
    columns = ", ".join(names)
    return [
        f"CREATE TRIGGER IF NOT EXISTS history_events_{op} AFTER {when} ON events BEGIN "
        f"INSERT INTO event_history (event_id, op, {columns}) "
        f"VALUES (old.id, '{op}', {_values('old', names)}); END"
        for when, op in (("UPDATE", "update"), ("DELETE", "delete"))
    ]


def postgres_triggers(names: tuple[str, ...] = IMAGE) -> list[str]:
    columns = ", ".join(names)
    return [
        "CREATE OR REPLACE FUNCTION chronologue_event_history() RETURNS trigger "
        "LANGUAGE plpgsql AS $$ BEGIN "
        f"INSERT INTO event_history (event_id, op, {columns}) "
        f"VALUES (OLD.id, lower(TG_OP), {_values('OLD', names)}); RETURN NULL; END $$",
        "DROP TRIGGER IF EXISTS history_events ON events",
        "CREATE TRIGGER history_events AFTER UPDATE OR DELETE ON events FOR EACH ROW "
        "EXECUTE FUNCTION chronologue_event_history()",
    ]


def install_sqlite_triggers(conn: Connection) -> None:
    """Re-created on every open: a batch migration that rebuilds ``events`` drops them."""
    exists = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'event_history'").first()
    if exists:
        for sql in sqlite_triggers():
            conn.exec_driver_sql(sql)


def stamp_authors(factory: sessionmaker[Session], author: Callable[[], str]) -> None:
    """Stamp each commit's change-log rows and event images with ``author()`` and the time.

    Registered after desktop.store.changes.track_changes, whose before_commit hook
    has flushed and gathered what this commit changed.
    """

    def before_commit(session: Session) -> None:
        pending = session.info.get(_PENDING)
        if not pending:
            return
        conn = session.connection()
        now = "now() AT TIME ZONE 'utc'" if conn.dialect.name == "postgresql" else ":at"
        params = {"author": clean_author(author()), "at": utcnow(),
                  "since": session.info.get(_START) or 0}
        conn.execute(text(f"UPDATE changes SET author = :author, at = {now} "
                          "WHERE author IS NULL AND seq > :since"), params)
        conn.execute(text(f"UPDATE event_history SET author = :author, at = {now} "
                          "WHERE author IS NULL"), params)

    event.listen(factory, "before_commit", before_commit)


@dataclass(frozen=True)
class Step:
    """One commit that touched an event: who, when, and the fields it changed."""

    author: str
    at: datetime | None
    what: str  # created, changed, sources, deleted
    changes: dict[str, tuple[object, object]] = field(default_factory=dict)
    before: dict[str, object] = field(default_factory=dict)  # whole rows, for "changed"
    after: dict[str, object] = field(default_factory=dict)


def last_change(session: Session | Connection, kind: str, entity_id: int
                ) -> tuple[str, datetime | None] | None:  # fmt: skip
    """(author, time) of the newest stamped change to this entity."""
    row = session.execute(text(
        "SELECT author, at FROM changes WHERE kind = :k AND entity_id = :i "
        "AND author IS NOT NULL ORDER BY seq DESC LIMIT 1"), {"k": kind, "i": entity_id}).first()
    return (row[0], row[1]) if row else None


def event_history(session: Session | Connection, event_id: int) -> list[Step]:
    """The commits that touched an event, oldest first, each with its field changes."""
    stamps = session.execute(text(
        "SELECT author, at, max(CASE WHEN op = 'insert' THEN 1 ELSE 0 END), "
        "max(CASE WHEN op = 'delete' THEN 1 ELSE 0 END) FROM changes WHERE kind = 'event' "
        "AND entity_id = :i GROUP BY author, at ORDER BY min(seq)"), {"i": event_id}).all()
    cols = ", ".join(IMAGE)
    images = session.execute(text(
        f"SELECT author, at, op, {cols} FROM event_history WHERE event_id = :i ORDER BY id"),
        {"i": event_id}).all()
    current = session.execute(text(f"SELECT {cols} FROM events WHERE id = :i"),
                              {"i": event_id}).first()
    # The image before a commit is its first image; the state after it is the next
    # commit's first image, or the current row.
    before: dict[tuple, tuple] = {}
    order: list[tuple] = []
    for row in images:
        key = (row[0], _same_time(row[1]))
        if key not in before:
            before[key] = tuple(row[3:])
            order.append(key)
    afters = {key: (before[order[i + 1]] if i + 1 < len(order) else
                    (tuple(current) if current else None)) for i, key in enumerate(order)}
    steps = []
    for author, at, inserted, deleted in stamps:
        key, who, when = (author, _same_time(at)), author or "unknown", _as_datetime(at)
        if key in before:
            old, new = before[key], afters[key]
            if new is None:
                steps.append(Step(who, when, "deleted"))
                continue
            diff = {name: (a, b) for name, a, b in zip(IMAGE, old, new, strict=True)
                    if _differs(a, b) and name != "version"}
            steps.append(Step(who, when, "changed" if diff else "sources", diff,
                              dict(zip(IMAGE, old, strict=True)),
                              dict(zip(IMAGE, new, strict=True))))
        elif inserted:
            steps.append(Step(who, when, "created"))
        elif deleted:
            steps.append(Step(who, when, "deleted"))
        else:  # a citation or tag of the event changed, the row itself did not
            steps.append(Step(who, when, "sources"))
    return steps


def _differs(a: object, b: object) -> bool:
    """SQLite hands back some raw values as text: compare like with like."""
    if a is None or b is None:
        return a is not b
    return str(a)[:26] != str(b)[:26] if type(a) is not type(b) else a != b


def _as_datetime(at: object) -> datetime | None:
    if at is None or isinstance(at, datetime):
        return at
    try:
        return datetime.fromisoformat(str(at))
    except ValueError:
        return None


def _same_time(at: object) -> object:
    """SQLite returns DATETIME as text, PostgreSQL as datetime: compare as text."""
    return str(at)[:26] if at is not None else None
