"""Reject and edit events every 100 ms until a stop file appears; print each edit's wait.

Usage: python review_worker.py WORKSPACE STOPFILE

What the window (or `chronologue reject` / `set-date`) does while an import runs in
another process. Each line printed is JSON: {"kind", "event", "seconds", "error"}; the
seconds are the whole edit, so they include any wait for the write lock.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from desktop.services.editing import update_event
from desktop.services.review import set_status
from desktop.store import Event, open_workspace


def main(argv: list[str]) -> int:
    path, stop = Path(argv[0]), Path(argv[1])
    ws = open_workspace(path, backups=False)
    with ws.session() as session:
        ids = [e.id for e in session.query(Event).order_by(Event.id).limit(50)]
    i = 0
    try:
        while not stop.exists():
            event_id = ids[i % len(ids)]
            kind = "reject" if i % 2 else "edit"
            start = time.perf_counter()
            error = ""
            try:
                if kind == "reject":
                    set_status(ws, [event_id], "rejected")
                else:
                    update_event(ws, event_id, notes=f"edit {i}")
            except Exception as exc:  # reported, and the test fails on it
                error = f"{type(exc).__name__}: {exc}"
            seconds = time.perf_counter() - start
            print(json.dumps({"kind": kind, "event": event_id, "seconds": seconds,
                              "error": error}), flush=True)  # fmt: skip
            i += 1
            time.sleep(max(0.0, 0.1 - seconds))
    finally:
        ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
