"""Imports with worker processes: same results as one process, failures per file, cancel."""

from __future__ import annotations

import contextlib
import io
import os
import random
import shutil
import sys
import time
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


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        children = task / "children"
        if children.exists():
            found += [int(c) for c in children.read_text().split()]
    return found


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "State:\tZ" not in status


def _articles_folder(tmp_path: Path, count: int, seed: int) -> Path:
    folder = tmp_path / "many"
    folder.mkdir()
    rng = random.Random(seed)
    for i in range(count):
        (folder / f"a{i:04d}.txt").write_text(article(i, rng), encoding="utf-8")
    return folder


def _workers(pid: int) -> list[int]:
    """The import's worker processes (spawned children, not the resource tracker)."""
    found = []
    for child in _children(pid):
        with contextlib.suppress(OSError):
            cmdline = Path(f"/proc/{child}/cmdline").read_text(errors="replace")
            if "spawn_main" in cmdline and "resource_tracker" not in cmdline:
                found.append(child)
    return found


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_workers_die_with_a_killed_import(tmp_path: Path, workspace_path: Path) -> None:
    import os
    import signal
    import subprocess
    import time

    folder = _articles_folder(tmp_path, 400, 5)
    child = subprocess.Popen([sys.executable, "-m", "desktop", "import", str(folder),
                              "--jobs", "2", "-w", str(workspace_path)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    workers: list[int] = []
    while time.time() < deadline and len(workers) < 2:
        workers = _workers(child.pid)
        time.sleep(0.2)
    assert len(workers) >= 2, "the import never started its workers"
    time.sleep(1.0)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    deadline = time.time() + 10
    while time.time() < deadline and any(_alive(p) for p in workers):
        time.sleep(0.2)
    assert not any(_alive(p) for p in workers), "worker processes outlived the import"


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_a_killed_worker_costs_no_file(tmp_path: Path, workspace_path: Path) -> None:
    """The system kills a worker (out of memory, say) mid-import: nothing is lost."""
    import os
    import signal

    folder = _articles_folder(tmp_path, 60, 6)
    killed: list[int] = []

    def kill_a_worker(done: int, total: int, path: Path) -> None:
        if done == 5 and not killed:
            victim = _workers(os.getpid())[0]
            os.kill(victim, signal.SIGKILL)
            killed.append(victim)

    ws = open_workspace(workspace_path)
    report = import_paths(ws, [folder], jobs=2, progress=kill_a_worker)
    assert killed
    assert report.count("imported") == 60 and not report.failed
    assert len(article_rows(ws)) == 60
    ws.close()


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_the_workers_leave_by_themselves_after_the_import(tmp_path: Path,
                                                          workspace_path: Path) -> None:
    """No worker outlives the import (a child import process waits for them at exit)."""
    import os
    import time

    folder = _articles_folder(tmp_path, 12, 7)
    ws = open_workspace(workspace_path)
    seen: list[int] = []
    report = import_paths(ws, [folder], jobs=2,
                          progress=lambda *_: seen.extend(_workers(os.getpid())))
    assert report.count("imported") == 12
    assert seen, "the import never had workers"
    deadline = time.time() + 20
    while time.time() < deadline and any(_alive(p) for p in set(seen)):
        time.sleep(0.1)
    assert not any(_alive(p) for p in set(seen)), "worker processes stayed after the import"


def _pool_results(folder: Path, **kwargs) -> list[tuple[str, bool, str]]:
    """Each file's (name, prepared, why it failed) through two misbehaving workers, or
    the test fails if the pool has not finished in two minutes."""
    import threading

    from _pool_helpers import misbehaving

    from desktop.services.import_pool import prepare_in_pool
    from desktop.services.import_prepare import ImportOptions

    files = [(p, None) for p in sorted(folder.iterdir()) if p.suffix == ".txt"]
    out: list[tuple[str, bool, str]] = []

    def run() -> None:
        for path, item, why in prepare_in_pool(files, ImportOptions(), frozenset(), 2,
                                               prepare=misbehaving, **kwargs):
            out.append((path.name, item is not None and not item.error, why))

    runner = threading.Thread(target=run, daemon=True)
    runner.start()
    runner.join(120)
    assert not runner.is_alive(), "the pool hung"
    assert [name for name, *_ in out] == [p.name for p, _ in files]  # order kept
    return out


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_a_file_that_kills_its_workers_fails_alone(tmp_path: Path) -> None:
    """A hostile file takes down a worker and then its replacement: it fails, named, and
    every other file (also those queued behind it) is prepared."""
    folder = _articles_folder(tmp_path, 12, 8)
    (folder / "a0003-poison.txt").write_text("Kills its reader.", encoding="utf-8")
    (folder / "a0007-flaky.txt").write_text("On 3 May 2021 the bridge shut.",
                                            encoding="utf-8")
    results = _pool_results(folder)
    failed = {name: why for name, ok, why in results if not ok}
    assert list(failed) == ["a0003-poison.txt"]
    assert "died 2 times" in failed["a0003-poison.txt"]
    assert "SIGKILL" in failed["a0003-poison.txt"]
    assert len(results) == 14


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_a_worker_killed_while_sending_does_not_hang_the_import(tmp_path: Path) -> None:
    """The hang this pool was rebuilt for: a worker killed in the middle of writing a
    result (with a shared result queue the other workers and this process waited on
    its lock and the rest of its message forever)."""
    import os

    folder = _articles_folder(tmp_path, 10, 9)
    (folder / "a0002-huge.txt").write_text("A very long result.", encoding="utf-8")
    results = _pool_results(folder)
    failed = [(name, why) for name, ok, why in results if not ok]
    assert [name for name, _ in failed] == ["a0002-huge.txt"]
    assert "died" in failed[0][1]
    deadline = time.time() + 15
    while time.time() < deadline and _workers(os.getpid()):
        time.sleep(0.1)
    assert not [p for p in _workers(os.getpid()) if _alive(p)], "workers stayed"


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_a_file_that_never_finishes_is_given_up(tmp_path: Path) -> None:
    folder = _articles_folder(tmp_path, 6, 10)
    (folder / "a0001-slow.txt").write_text("Reads forever.", encoding="utf-8")
    started = time.monotonic()
    results = _pool_results(folder, file_seconds=3.0)
    failed = {name: why for name, ok, why in results if not ok}
    assert list(failed) == ["a0001-slow.txt"] and "gave up after 3 s" in failed["a0001-slow.txt"]
    assert time.monotonic() - started < 60


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_a_worker_dead_before_a_file_reached_it_is_not_the_file_s_fault(tmp_path: Path) -> None:
    """Killed while idle, a worker fails at the next send; that file goes to its
    replacement without counting as one of the deaths that fail a hostile file."""
    from desktop.services.import_pool import _Pool
    from desktop.services.import_prepare import ImportOptions, prepare_file

    folder = _articles_folder(tmp_path, 2, 11)
    files = [(p, None) for p in sorted(folder.iterdir())]
    pool = _Pool(files, (prepare_file, ImportOptions(), frozenset(), os.getpid()), 1, 60.0)
    try:
        worker = pool.workers[0]
        worker.process.kill()
        worker.process.join(10)
        assert pool.wait_for(0) and pool.wait_for(1)
        assert pool.deaths.get(0, 0) == 0 and pool.workers and pool.workers[0] is not worker
        assert all(pool.done[i][1] is not None and not pool.done[i][2] for i in (0, 1))
    finally:
        pool.close()
