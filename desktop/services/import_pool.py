"""Preparing an import's files in worker processes while this process stores them.

Reading and extracting a file (``prepare_file``) is pure and CPU-bound; storing it
(``store_prepared``) is a short write. Worker processes prepare files a few ahead of
the one being stored, and this process stores them in the order given, one short
transaction each, so the import's report and ids come out as with one process.

Each worker has a pipe of its own (not ``ProcessPoolExecutor``'s shared queue): a worker
killed while it wrote a result left that queue's lock taken and half a message in it,
and the import waited forever. Here a dead worker is an end of file on its own pipe;
its files go to another worker, and a file that kills a second worker (or takes longer
than ``FILE_SECONDS``) fails with its reason while the rest goes on.

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
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection, wait
from multiprocessing.context import SpawnContext
from pathlib import Path
from typing import Any

from desktop.ingest import ManifestRow
from desktop.services.import_prepare import ImportOptions, PreparedFile, prepare_file

FILES_PER_WORKER = 25  # below this a worker's start-up costs more than it saves
AHEAD_PER_WORKER = 4  # files sent to a worker and not yet back: bounds memory
FILE_SECONDS = 300.0  # a file still being read after this is given up (its worker killed)
DEATHS_PER_FILE = 2  # workers a file may take down with it before it fails
LEAVE_SECONDS = 5.0  # a stopped worker still there after this is killed

Prepare = Callable[[Path, "ManifestRow | None", ImportOptions, Any], PreparedFile]
Prepared = tuple[Path, PreparedFile | None, str]  # (path, prepared, why it failed)
Files = list[tuple[Path, ManifestRow | None]]


def choose_jobs(requested: int | None, files: int) -> int:
    """``requested`` if given (at least 1), else every core for a batch big enough."""
    if requested is not None:
        return max(1, requested)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
        os.cpu_count() or 1)
    return max(1, min(cores, files // FILES_PER_WORKER))


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


def _unreadable(exc: BaseException) -> str:
    return f"could not be read ({type(exc).__name__}: {exc})"


def _serve(conn: Connection, prepare: Prepare, options: ImportOptions, stored: frozenset[str],
           parent: int) -> None:  # fmt: skip
    """A worker's life: prepare each file it is sent, until told to stop or orphaned."""
    _die_with_parent(parent)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        index, path, row = task
        try:
            reply = (index, prepare(path, row, options, stored), "")
        except Exception as exc:  # a bug in a reader: this file fails, the rest goes on
            reply = (index, None, _unreadable(exc))
        try:
            conn.send(reply)
        except OSError:
            return
        except Exception as exc:  # the result does not pickle: nothing was sent yet
            conn.send((index, None, _unreadable(exc)))


class _Worker:
    """One worker process, its end of a pipe, and the files sent to it (the first is
    the one being prepared)."""

    process: multiprocessing.process.BaseProcess
    conn: Connection
    sent: deque[int]
    since: float  # when the first of ``sent`` began, on the monotonic clock

    def __init__(self, context: SpawnContext, args: tuple[Any, ...]) -> None:
        self.conn, theirs = context.Pipe(duplex=True)
        self.process = context.Process(target=_serve, args=(theirs, *args), daemon=True,
                                       name="chronologue-import-worker")
        try:
            self.process.start()
        finally:
            theirs.close()
        self.sent = deque()
        self.since = time.monotonic()

    def why_gone(self) -> str:
        self.process.join(1.0)
        code = self.process.exitcode
        if code is not None and code < 0:
            with contextlib.suppress(ValueError):
                return f"killed by {signal.Signals(-code).name}"
        return f"exit code {code}" if code is not None else "gone"

    def stop(self) -> None:
        """Idle: told to leave; busy (a cancelled import): killed, its work is pure."""
        if self.sent:
            with contextlib.suppress(OSError):
                self.process.kill()
        else:
            with contextlib.suppress(OSError):
                self.conn.send(None)
        self.conn.close()


class _Pool:
    """The workers and the bookkeeping that keeps results in the given order."""

    files: Files
    todo: deque[int]  # not sent yet, in the order to send (files to retry at the front)
    done: dict[int, Prepared]  # back, waiting for their turn
    deaths: dict[int, int]  # files being prepared when their worker died
    workers: list[_Worker]
    spawns_left: int  # replacements for dead workers, so a flaky system cannot loop
    file_seconds: float

    def __init__(self, files: Files, args: tuple[Any, ...], jobs: int,
                 file_seconds: float) -> None:  # fmt: skip
        self.files = files
        self.todo = deque(range(len(files)))
        self.done = {}
        self.deaths = {}
        self.workers = []
        self.spawns_left = jobs + 2
        self.file_seconds = file_seconds
        self._context = multiprocessing.get_context("spawn")
        self._args = args
        for _ in range(jobs):
            self._spawn()

    def _spawn(self) -> None:
        if self.spawns_left <= 0:
            return
        self.spawns_left -= 1
        try:
            self.workers.append(_Worker(self._context, self._args))
        except OSError:  # no more processes: whatever is left is prepared here
            self.spawns_left = 0

    def wait_for(self, index: int) -> bool:
        """Until file ``index`` is back; False when no worker is left to prepare it."""
        while index not in self.done:
            if not self.workers:
                return False
            self._send()
            self._receive()
        return True

    def _send(self) -> None:
        while self.todo and self.workers:
            worker = min(self.workers, key=lambda w: len(w.sent))
            if len(worker.sent) >= AHEAD_PER_WORKER:
                return
            index = self.todo.popleft()
            if not worker.sent:
                worker.since = time.monotonic()
            worker.sent.append(index)
            try:
                worker.conn.send((index, *self.files[index]))
            except OSError:  # it died before this file reached it: the file is not to blame
                worker.sent.pop()
                self.todo.appendleft(index)
                self._lost(worker, worker.why_gone())

    def _receive(self) -> None:
        busy = {w.conn: w for w in self.workers if w.sent}
        if not busy:
            return
        first = min(w.since for w in busy.values())
        timeout = max(0.0, first + self.file_seconds - time.monotonic())
        for conn in wait(list(busy), timeout):
            worker = busy[conn]  # type: ignore[index]
            try:
                index, item, why = conn.recv()
            except (EOFError, OSError):
                self._lost(worker, worker.why_gone())
                continue
            worker.sent.popleft()
            worker.since = time.monotonic()
            self.done[index] = (self.files[index][0], item, why)
        now = time.monotonic()
        for worker in [w for w in busy.values() if w.sent and w in self.workers]:
            if now - worker.since >= self.file_seconds:
                with contextlib.suppress(OSError):
                    worker.process.kill()
                self._lost(worker, "", timed_out=True)

    def _lost(self, worker: _Worker, how: str, *, timed_out: bool = False) -> None:
        """A worker died: the file it was on may have killed it (retried once, by
        another worker), the files queued behind it go back to the front."""
        self.workers.remove(worker)
        worker.conn.close()
        if not worker.sent:  # died idle: nothing of this import was lost with it
            self._spawn()
            return
        current, *queued = worker.sent
        self.todo.extendleft(reversed(queued))
        path = self.files[current][0]
        self.deaths[current] = self.deaths.get(current, 0) + 1
        if timed_out:
            why = f"gave up after {self.file_seconds:.0f} s of reading (the file may be hostile)"
            self.done[current] = (path, None, why)
        elif self.deaths[current] >= DEATHS_PER_FILE:
            why = (f"its reader process died {self.deaths[current]} times ({how}): "
                   "the file may be damaged, hostile or too big to read")
            self.done[current] = (path, None, why)
        else:
            self.todo.appendleft(current)
        self._spawn()

    def close(self) -> None:
        workers, self.workers = self.workers, []
        for worker in workers:
            worker.stop()
        threading.Thread(target=_reap, args=([w.process for w in workers],),
                         name="chronologue-import-reaper", daemon=True).start()


def _reap(processes: list[multiprocessing.process.BaseProcess]) -> None:
    """Collect the stopped workers (no zombies in a long-running window), and kill one
    that did not leave in time."""
    deadline = time.monotonic() + LEAVE_SECONDS
    for process in processes:
        process.join(max(0.0, deadline - time.monotonic()))
        if process.exitcode is None:
            with contextlib.suppress(OSError):
                process.kill()
            process.join(1.0)


def prepare_in_pool(
    files: Files,
    options: ImportOptions,
    stored: frozenset[str],
    jobs: int,
    *,
    prepare: Prepare = prepare_file,
    file_seconds: float = FILE_SECONDS,
) -> Iterator[Prepared]:
    """Prepared files in the given order; a file that failed comes with a reason.

    ``prepare`` runs in the workers (a module-level function: it is pickled). If no
    worker can be had (all died and no more may start), the rest is prepared in this
    process, so the import still finishes. Closing the generator (a cancelled import)
    stops the workers at once.
    """
    pool = _Pool(files, (prepare, options, stored, os.getpid()), jobs, file_seconds)
    try:
        for index, (path, row) in enumerate(files):
            if pool.wait_for(index):
                yield pool.done.pop(index)
                continue
            with contextlib.suppress(ValueError):
                pool.todo.remove(index)
            try:
                here: Prepared = (path, prepare(path, row, options, stored), "")
            except Exception as exc:  # noqa: BLE001 - as a worker would report it
                here = (path, None, _unreadable(exc))
            yield here
    finally:
        pool.close()
