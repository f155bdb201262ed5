"""Four analysts at once for 12 seconds (two editing the same events, one accepting
suggestions, one importing): no committed edit is lost, no unhandled error, stale edits
are refused naming the other analyst."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

from _reliability import HERE, REPO

from desktop.services import editing
from desktop.services.importing import import_paths
from desktop.services.queries import article_rows, event_rows
from desktop.store import Event, open_workspace
from desktop.temporal import FuzzyDate

SECONDS = float(os.environ.get("CHRONOLOGUE_TEAM_SECONDS", "12"))
ROLES = (("ana", "editor"), ("bruno", "editor"), ("carla", "acceptor"), ("dev", "importer"))


def test_four_analysts_lose_nothing(workspace_location: str, seeds_dir: Path,
                                    tmp_path: Path) -> None:
    ws = open_workspace(workspace_location, backups=False)
    import_paths(ws, [seeds_dir])
    shared = [editing.create_event(ws, f"shared {i}", FuzzyDate.day(2018, 9, i + 1))
              for i in range(4)]
    articles_before = len(article_rows(ws))
    ws.close()
    logs = {name: tmp_path / f"{name}.jsonl" for name, _ in ROLES}
    procs = [
        subprocess.Popen([sys.executable, str(HERE / "team_worker.py"), workspace_location,
                          role, name, str(SECONDS), str(logs[name]), str(tmp_path / "in")],
                         cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for name, role in ROLES
    ]
    summaries = {}
    for (name, _), proc in zip(ROLES, procs, strict=True):
        out, err = proc.communicate(timeout=SECONDS + 180)
        assert proc.returncode == 0 and "Traceback" not in err, f"{name}: {err[-2000:]}"
        summaries[name] = json.loads(out.strip().splitlines()[-1])
    entries = {name: [json.loads(line) for line in path.read_text().splitlines()]
               for name, path in logs.items()}

    ws = open_workspace(workspace_location, backups=False)
    try:
        edits: dict[int, list[dict]] = defaultdict(list)
        for name in ("ana", "bruno"):
            for entry in entries[name]:
                edits[entry["event"]].append(entry)
        with ws.session() as session:
            for event_id in shared:
                event = session.get(Event, event_id)
                committed = edits[event_id]
                versions = [e["version"] for e in committed]
                assert len(versions) == len(set(versions)), "two commits got one version"
                assert event.version == 1 + len(committed)  # every commit is in the store
                if committed:
                    assert event.title == max(committed, key=lambda e: e["version"])["title"]
        assert sum(len(v) for v in edits.values()) > 20
        accepted = {e["accepted"] for e in entries["carla"]}
        statuses = {e["id"]: e["status"] for e in event_rows(ws)}
        assert accepted and all(statuses[i] == "accepted" for i in accepted)
        imported = [e["article"] for e in entries["dev"]]
        stored = {a["id"] for a in article_rows(ws)}
        assert imported and set(imported) <= stored
        assert len(stored) == articles_before + len(imported)
    finally:
        ws.close()
    print({name: s for name, s in summaries.items()})
