"""Edits survive SIGKILL: every edit the worker reported as committed is in the store.

The worker (edit_worker.py) prints an edit's number only after its transaction
committed, so "printed" is exactly what the user saw saved. It is killed at random
moments ten times; each restart goes on from the last printed number.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from _reliability import HERE, child_env, integrity, rows

from desktop.services.editing import create_event
from desktop.store import open_workspace
from desktop.temporal import FuzzyDate

KILLS = 10
EVENTS = 12


def seed_events(path: Path, count: int = EVENTS) -> None:
    ws = open_workspace(path)
    try:
        for n in range(count):
            create_event(ws, f"event {n + 1}", FuzzyDate.day(2019, 1, n + 1))
    finally:
        ws.close()


def worker(path: Path, name: str, start: int, count: int) -> list[str]:
    return [sys.executable, str(HERE / "edit_worker.py"), str(path), name, str(start), str(count)]


def missing_edits(path: Path, name: str, printed: list[int], events: int = EVENTS) -> list[int]:
    """Printed edit numbers that are not in the store."""
    titles = {t for (t,) in rows(path, "SELECT title FROM events")}
    text = {i: (n, d) for i, n, d in rows(path, "SELECT id, notes, description FROM events")}
    missing = []
    for i in printed:
        if i % 3 == 0:
            found = f"{name}-{i}" in titles
        else:
            notes, description = text[i % events + 1]
            found = f"[{name}:{i}]" in (notes if i % 3 == 1 else description)
        if not found:
            missing.append(i)
    return missing


def test_edits_killed_ten_times_lose_nothing_committed(tmp_path: Path, rng) -> None:
    ws = tmp_path / "w.chronologue"
    seed_events(ws)
    printed: list[int] = []
    for _ in range(KILLS):
        start = printed[-1] + 1 if printed else 0
        proc = subprocess.Popen(worker(ws, "k", start, 100_000), env=child_env(), text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)  # fmt: skip
        # the kill lands mid-stream: after the first committed edit (however long start-up
        # takes on a busy machine), at a random moment of the edits that follow
        first = proc.stdout.readline() if proc.stdout else ""
        try:
            proc.wait(timeout=rng.uniform(0.2, 0.8))
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate()
        done = [int(line) for line in (first + out).split()]
        assert done, "the worker died before its first edit"
        printed += done
        assert integrity(ws) == []
        assert missing_edits(ws, "k", printed) == []
    print(f"{len(printed)} committed edits over {KILLS} kills")
    assert len(printed) > 2 * KILLS, "the worker hardly ran: kills came too early to mean much"
