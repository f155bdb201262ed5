"""Imports with worker processes: same results as one process, failures per file, cancel."""

from __future__ import annotations

import io
import random
import shutil
import sys
from pathlib import Path

import pytest

from desktop import cli
from desktop.services.import_pool import choose_jobs
from desktop.services.importing import import_paths
from desktop.services.queries import article_rows, event_rows
from desktop.store import open_workspace

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from _articles import article  # noqa: E402


@pytest.fixture
def batch(tmp_path: Path, seeds_dir: Path) -> Path:
    folder = tmp_path / "batch"
    shutil.copytree(seeds_dir, folder)
    rng = random.Random(3)
    for i in range(24):
        (folder / f"gen{i:03d}.txt").write_text(article(i, rng), encoding="utf-8")
    (folder / "noise.pdf").write_bytes(b"not a pdf at all " * 40)
    (folder / "empty.txt").write_bytes(b"")
    return folder


def _summary(ws) -> tuple:
    events = sorted((e["title"], e["value"], e["status"], len(e["citations"]))
                    for e in event_rows(ws))
    articles = [(a["source_file"], a["published"], a["chars"]) for a in article_rows(ws)]
    return events, articles


def test_two_workers_store_what_one_process_stores(batch: Path, workspace_location: str,
                                                   tmp_path: Path) -> None:
    one = open_workspace(tmp_path / "one.chronologue")
    alone = import_paths(one, [batch], jobs=1)
    pooled_ws = open_workspace(workspace_location)
    pooled = import_paths(pooled_ws, [batch], jobs=2)
    assert [(r.path.name, r.status, r.message) for r in pooled.results] == [
        (r.path.name, r.status, r.message) for r in alone.results]
    assert pooled.count("imported") == 29 and len(pooled.failed) == 2
    assert _summary(pooled_ws) == _summary(one)
    again = import_paths(pooled_ws, [batch], jobs=2)  # workers skip stored texts
    assert again.count("duplicate") == 29 and again.count("imported") == 0
    one.close()
    pooled_ws.close()


def test_cancel_stops_the_workers_and_keeps_what_was_stored(batch: Path, workspace_path) -> None:
    ws = open_workspace(workspace_path)
    seen: list[int] = []
    report = import_paths(ws, [batch], jobs=2, progress=lambda i, n, p: seen.append(i),
                          should_cancel=lambda: len(seen) >= 5)
    assert report.cancelled
    stored = report.count("imported") + len(report.failed)
    assert 0 < stored < 31 and len(article_rows(ws)) == report.count("imported")
    ws.close()


def test_jobs_default_follows_the_batch_size() -> None:
    assert choose_jobs(3, 1) == 3 and choose_jobs(0, 500) == 1
    assert choose_jobs(None, 5) == 1
    assert choose_jobs(None, 10_000) >= 1


def test_cli_jobs_option(batch: Path, workspace_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["import", str(batch), "--jobs", "2", "-w", str(workspace_path)],
                    out=out, err=err)
    assert code == 1 and "29 imported" in out.getvalue() and "noise.pdf" in err.getvalue()
    with pytest.raises(SystemExit) as usage:
        cli.main(["import", str(batch), "--jobs", "zero"], out=out, err=err)
    assert usage.value.code == 2
