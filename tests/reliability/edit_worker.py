"""Apply numbered edits to a workspace; print each number once its transaction committed.

Usage: python edit_worker.py WORKSPACE NAME START COUNT [EVENTS]

Why a separate process: the kill and two-writer tests need a real process to SIGKILL
and a second real SQLite connection. Edit i, made through desktop.services.editing:
  i % 3 == 0  creates an event titled "NAME-i";
  i % 3 == 1  appends "[NAME:i]" to the notes of event (i % EVENTS) + 1;
  i % 3 == 2  appends "[NAME:i]" to that event's description.
Appends are read-modify-write with the version that was read, so when the other
writer changed the event in between, the edit is refused and redone from a fresh
read: "conflict" goes to stderr. Any other error (e.g. 'database is locked') exits 1.
"""

from __future__ import annotations

import sys
from pathlib import Path

from sqlalchemy.orm.exc import StaleDataError

from desktop.services.editing import EditConflict, create_event, update_event
from desktop.store import Event, open_workspace
from desktop.temporal import FuzzyDate


def marker(name: str, i: int) -> str:
    return f"[{name}:{i}]"


def apply(ws, name: str, i: int, events: int) -> int:
    """One edit; returns how many times it was refused before it went through."""
    if i % 3 == 0:
        create_event(ws, f"{name}-{i}", FuzzyDate.day(2019, 3, 7))
        return 0
    event_id = i % events + 1
    field = "notes" if i % 3 == 1 else "description"
    refused = 0
    while True:
        with ws.session() as session:  # what the window shows: a copy and its version
            event = session.get(Event, event_id)
            version, value = event.version, getattr(event, field)
        try:
            update_event(ws, event_id, expected_version=version,
                         **{field: value + marker(name, i)})  # fmt: skip
            return refused
        except (EditConflict, StaleDataError) as exc:
            refused += 1
            print(f"conflict {i} {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)


def main(argv: list[str]) -> int:
    path, name, start, count = Path(argv[0]), argv[1], int(argv[2]), int(argv[3])
    events = int(argv[4]) if len(argv) > 4 else 12
    ws = open_workspace(path)
    try:
        for i in range(start, start + count):
            apply(ws, name, i, events)
            print(i, flush=True)
    finally:
        ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
