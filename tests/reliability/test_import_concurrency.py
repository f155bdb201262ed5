"""An import of a 15 MB article never makes another writer wait: extraction runs outside
the write transaction, and storing takes well under a second."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from _reliability import (
    HERE,
    REPO,
    article_text,
    child_env,
    cli,
    integrity,
    rows,
    run,
    write_articles,
)

MAX_WAIT = 1.0


def _big_article(path: Path, size: int) -> None:
    parts, total, i = [], 0, 0
    while total < size:
        parts.append(article_text(10_000 + i))
        total += len(parts[-1])
        i += 1
    path.write_text("".join(parts), encoding="utf-8")


def test_edits_every_100ms_never_wait_during_a_15mb_import(tmp_path: Path) -> None:
    ws = tmp_path / "w.chronologue"
    write_articles(tmp_path / "small", 6)
    assert run(cli("import", "--workspace", str(ws), str(tmp_path / "small"))).returncode == 0
    before = rows(ws, "SELECT id, text FROM articles ORDER BY id")
    big = tmp_path / "big" / "big.txt"
    big.parent.mkdir()
    _big_article(big, 15 * 1024 * 1024)

    stop = tmp_path / "stop"
    worker = subprocess.Popen(
        [sys.executable, str(HERE / "review_worker.py"), str(ws), str(stop)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO, env=child_env(),
    )  # fmt: skip
    try:
        time.sleep(1.0)  # the worker is editing before the import starts
        started = time.perf_counter()
        imported = run(cli("import", "--workspace", str(ws), str(big)), timeout=300)
        took = time.perf_counter() - started
        time.sleep(0.5)
    finally:
        stop.touch()
        out, err = worker.communicate(timeout=60)
    assert imported.returncode == 0, imported.stderr
    assert worker.returncode == 0, err[-2000:]
    edits = [json.loads(line) for line in out.splitlines()]
    failed = [e for e in edits if e["error"]]
    assert not failed, failed[:5]
    assert len(edits) >= took / 0.2, (len(edits), took)  # it kept editing throughout
    slowest = max(e["seconds"] for e in edits)
    assert slowest < MAX_WAIT, sorted(e["seconds"] for e in edits)[-5:]
    assert integrity(ws) == []
    assert rows(ws, "SELECT id, text FROM articles WHERE id <= ?", (before[-1][0],)) == before
    stored = rows(ws, "SELECT length(text) FROM articles WHERE source_file = 'big.txt'")
    assert stored == [(big.stat().st_size,)]
    rejected = rows(ws, "SELECT count(*) FROM events WHERE status = 'rejected'")[0][0]
    assert rejected > 0
