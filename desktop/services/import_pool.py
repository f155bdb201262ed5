"""Preparing an import's files in worker processes while this process stores them.

Reading and extracting a file (``prepare_file``) is pure and CPU-bound; storing it
(``store_prepared``) is a short write. A pool of worker processes prepares files a few
ahead of the one being stored, and this process stores them in the order given, one
short transaction each, so the import's report and ids come out as with one process.

Workers are *spawned*, not forked: the window runs imports on a thread beside Qt's,
and forking a threaded process can hang the child. Spawning costs about a second per
worker, so small batches are prepared here instead (see `choose_jobs`).
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from desktop.ingest import ManifestRow
from desktop.services.import_prepare import ImportOptions, PreparedFile, prepare_file

FILES_PER_WORKER = 25  # below this a worker's start-up costs more than it saves
AHEAD_PER_WORKER = 4  # prepared files waiting per worker: bounds memory

# The digests of the articles already stored, set once in each worker process by the
# pool's initializer (sending them with every file would copy them thousands of times).
_stored: frozenset[str] = frozenset()


def choose_jobs(requested: int | None, files: int) -> int:
    """``requested`` if given (at least 1), else every core for a batch big enough."""
    if requested is not None:
        return max(1, requested)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
        os.cpu_count() or 1)
    return max(1, min(cores, files // FILES_PER_WORKER))


def _init(stored: frozenset[str], parent: int) -> None:
    global _stored
    _stored = stored
    _die_with_parent(parent)


def _die_with_parent(parent: int) -> None:
    """A worker must not outlive an import killed from outside (SIGKILL, a crash): the
    pool cannot tell it to stop then. Linux ends it with the parent; elsewhere a thread
    notices the parent is gone within a second."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="chronologue-parent-watch", daemon=True).start()


def _prepare(path: Path, row: ManifestRow | None, options: ImportOptions) -> PreparedFile:
    return prepare_file(path, row, options, _stored)


Prepared = tuple[Path, PreparedFile | None, str]  # (path, prepared, why it failed)


def prepare_in_pool(
    files: list[tuple[Path, ManifestRow | None]],
    options: ImportOptions,
    stored: frozenset[str],
    jobs: int,
) -> Iterator[Prepared]:
    """Prepared files in the given order; a file whose worker failed comes with a reason.

    If the pool itself breaks (a worker killed by the system, say), the remaining
    files are prepared in this process, so the import still finishes. Closing the
    generator (a cancelled import) stops the workers.
    """
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init,
                               initargs=(stored, os.getpid()))
    pending: deque[tuple[Path, ManifestRow | None, Future[PreparedFile]]] = deque()
    queue = iter(files)
    broken = False
    try:
        while True:
            while not broken and len(pending) < jobs * AHEAD_PER_WORKER:
                item = next(queue, None)
                if item is None:
                    break
                try:
                    future = pool.submit(_prepare, item[0], item[1], options)
                except BrokenProcessPool as exc:  # it broke since the last result came back
                    future = Future()
                    future.set_exception(exc)
                    broken = True
                pending.append((*item, future))
            if not pending:
                break
            path, row, future = pending.popleft()
            try:
                yield path, future.result(), ""
            except BrokenProcessPool:
                broken = True
                yield path, prepare_file(path, row, options, stored), ""
                for path, row, _ in pending:
                    yield path, prepare_file(path, row, options, stored), ""
                pending.clear()
                for path, row in queue:
                    yield path, prepare_file(path, row, options, stored), ""
                return
            except Exception as exc:  # a bug in a reader: this file fails, the rest goes on
                yield path, None, f"could not be read ({type(exc).__name__}: {exc})"
    finally:
        # waiting (~1 s while the workers' interpreters tear down): without it a child
        # import process's pool workers never got their stop sentinel and hung its exit
        pool.shutdown(wait=True, cancel_futures=True)
