"""Team views in words: an event's history for the editor, a connection check for the
Open shared workspace dialog. Plain data out, so the window only lays it out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from desktop.store import Lane, Workspace
from desktop.store.history import Step, event_history
from desktop.store.location import Location
from desktop.temporal import FuzzyDate, Precision, Qualifier

_PLAIN = {"title": "title", "status": "status", "color": "colour"}
_EDITED = {"description": "description", "notes": "notes"}


@dataclass(frozen=True)
class HistoryLine:
    when: datetime | None
    author: str
    text: str


def history_lines(ws: Workspace, event_id: int) -> list[HistoryLine]:
    """Newest first: who did what to the event, in the words the editor shows."""
    with ws.session() as session:
        steps = event_history(session, event_id)
        lanes = {r[0]: r[1] for r in session.execute(select(Lane.id, Lane.name))}
    return [HistoryLine(s.at, s.author, describe(s, lanes)) for s in reversed(steps)]


def describe(step: Step, lanes: dict[int, str]) -> str:
    if step.what == "created":
        return "created the event"
    if step.what == "deleted":
        return "deleted the event (or merged it into another)"
    if step.what == "sources":
        return "changed its sources, tags, actors or places"
    parts = []
    for key, label in _PLAIN.items():
        if key in step.changes:
            old, new = step.changes[key]
            parts.append(f"{label} “{old or '—'}” → “{new or '—'}”")
    for prefix, label in (("start", "date"), ("end", "end")):
        if any(k.startswith(prefix + "_") for k in step.changes):
            parts.append(f"{label} {_date(step.before, prefix)} → {_date(step.after, prefix)}")
    if "lane_id" in step.changes:
        old, new = step.changes["lane_id"]
        parts.append(f"lane {lanes.get(old, '—') if old else '—'} → "  # type: ignore[arg-type]
                     f"{lanes.get(new, '—') if new else '—'}")  # type: ignore[arg-type]
    parts += [f"edited the {label}" for key, label in _EDITED.items() if key in step.changes]
    if not parts and ("confidence" in step.changes or "conflict" in step.changes):
        parts.append("another article reported it (confidence or conflict changed)")
    return "; ".join(parts) or "changed it"


def _date(row: dict[str, Any], prefix: str) -> str:
    earliest, latest = row.get(f"{prefix}_earliest"), row.get(f"{prefix}_latest")
    precision, qualifier = row.get(f"{prefix}_precision"), row.get(f"{prefix}_qualifier")
    if earliest is None or latest is None or not precision:
        return "none"
    try:
        when = FuzzyDate(earliest=_dt(earliest), latest=_dt(latest),
                         precision=Precision(str(precision)),
                         qualifier=Qualifier(str(qualifier)) if qualifier else None,
                         cycles=int(row.get(f"{prefix}_cycles") or 0))
        return when.human()
    except (ValueError, TypeError):
        return str(earliest)[:10]


def _dt(value: object) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


@dataclass(frozen=True)
class ConnectionCheck:
    ok: bool
    message: str
    read_only: bool = False


def check_connection(location: Location) -> ConnectionCheck:
    """Connect to a shared workspace without opening it: may we, as whom, what is there?

    Slow when the server is far or absent (up to the connect timeout): run it off the
    window's thread.
    """
    from desktop.store import postgres
    from desktop.store.pgcheck import check_schema
    from desktop.store.workspace import script_directory

    engine = postgres.make_engine(location, read_only=True)
    try:
        role, writable = postgres.probe(engine, location)
        report = check_schema(engine, script_directory())
    except postgres.PostgresOpenError as exc:
        return ConnectionCheck(False, str(exc))
    finally:
        engine.dispose()
    access = "may edit" if writable else "may only read: it opens read-only"
    if report.revision is None:
        state = ("the database is empty: Chronologue sets it up when you open it" if writable
                 else "the database is empty and this role cannot set it up")
        return ConnectionCheck(writable, f"Connected as {role}, who {access}; {state}.",
                               not writable)
    problems = f" Problems: {'; '.join(report.problems[:3])}." if report.problems else ""
    return ConnectionCheck(True, f"Connected as {role}, who {access}. The database holds a "
                           f"Chronologue workspace (schema {report.revision}).{problems}",
                           not writable)
