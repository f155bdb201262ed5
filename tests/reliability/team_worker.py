"""One analyst for the team test: accepts, edits or imports for N seconds, logging each
committed change (one JSON line, flushed after the commit) so the test can check none
was lost. Usage: team_worker.py LOCATION ROLE NAME SECONDS LOG [FOLDER]."""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _reliability import article_text  # noqa: E402

from desktop.services import editing, review  # noqa: E402
from desktop.services.importing import import_paths  # noqa: E402
from desktop.services.queries import event_rows  # noqa: E402
from desktop.store import open_workspace  # noqa: E402


def main() -> int:
    location, role, name, seconds, log_path = sys.argv[1:6]
    ws = open_workspace(location, backups=False)
    ws.author = name
    rng = random.Random(name)
    stop = time.time() + float(seconds)
    counts = {"commits": 0, "conflicts": 0}
    with open(log_path, "a", encoding="utf-8") as log:
        def note(**entry: object) -> None:
            log.write(json.dumps(entry) + "\n")
            log.flush()
            counts["commits"] += 1

        if role == "editor":
            # the test's hand-made events (by status: the other editor may have renamed them)
            shared = [e["id"] for e in event_rows(ws, "manual")]
            n = 0
            while time.time() < stop:
                event_id = rng.choice(shared)
                seen = editing.read_snapshot(ws, event_id)
                version = _version(ws, event_id)
                n += 1
                title = f"{name} {n}"
                try:
                    new = editing.update_event(ws, event_id, expected_version=version,
                                               title=title)
                except editing.EditConflict as exc:
                    assert "changed by" in str(exc), exc
                    counts["conflicts"] += 1
                    continue
                assert seen.id == event_id
                note(event=event_id, version=new, title=title)
        elif role == "acceptor":
            while time.time() < stop:
                pending = [e["id"] for e in event_rows(ws, "suggested")]
                if not pending:
                    time.sleep(0.05)
                    continue
                event_id = rng.choice(pending)
                try:
                    missing = review.set_status(ws, [event_id], "accepted")
                except editing.EditConflict:  # an editor or the importer got there first
                    counts["conflicts"] += 1
                    continue
                if not missing:
                    note(accepted=event_id)
        elif role == "importer":
            folder = Path(sys.argv[6])
            batch = 0
            while time.time() < stop:
                here = folder / f"{name}-{batch}"
                here.mkdir(parents=True)
                for i in range(3):
                    number = hash((name, batch, i)) % 10**9
                    (here / f"a{i}.txt").write_text(article_text(number), encoding="utf-8")
                report = import_paths(ws, [here], jobs=1)
                for result in report.results:
                    if result.status == "imported":
                        note(article=result.article_id)
                batch += 1
    print(json.dumps({"name": name, "role": role, **counts}))
    ws.close()
    return 0


def _version(ws, event_id: int) -> int:
    from desktop.store import Event

    with ws.session() as session:
        return session.get(Event, event_id).version


if __name__ == "__main__":
    sys.exit(main())
