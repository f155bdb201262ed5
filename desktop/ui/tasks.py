"""The one place background work starts: a thread pool whose results come back to the
UI thread by a queued signal.

Python owns every job and future (no QRunnable whose C++ side Qt may delete while its
thread unwinds), so nothing has to be kept alive by hand. A job is
``fn(task) -> result``; it may call ``task.progress(done, total, text)`` (throttled
here, so a fast loop cannot flood the event queue) and should poll
``task.cancelled`` between steps.
"""

from __future__ import annotations

import gc
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QObject, Signal

PROGRESS_EVERY_S = 0.05
SWITCH_INTERVAL_S = 0.001
_gc_lock = threading.Lock()
_gc_pauses = 0


@contextmanager
def bulk_objects() -> Iterator[None]:
    """Build a large, long-lived set of objects (a workspace's 100,000 records) without
    the garbage collector, then freeze what survived.

    While the records grow the collector would run its full pass a dozen times (a few
    hundred ms each at 100,000 events, holding the GIL, so the UI thread stalls too);
    frozen, they are never scanned again, so later edits do not pay for them either.
    Acyclic records are still freed by reference counting when the views drop them.
    One collection before freezing (~0.1 s at 100,000 events, once per load): the cyclic
    garbage made meanwhile (a read's session and result objects) would live for good.
    """
    global _gc_pauses
    with _gc_lock:
        _gc_pauses += 1
        if _gc_pauses == 1:
            gc.disable()
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0:
                gc.collect()
                gc.freeze()
                gc.enable()


def freeze_survivors() -> None:
    """Between two files of a long import: collect what was made since the last freeze,
    then freeze the survivors.

    An import into 100,000 events ran ~100 of the collector's full passes, each scanning
    every object the import and the views had added (up to 430 ms holding the GIL, so the
    UI thread stalled). With survivors frozen file by file a full pass scans only the
    objects made since the last file. The pass before freezing frees that file's cyclic
    garbage (its closed session's objects), so only an object alive now and part of a
    cycle later is kept for good, as `bulk_objects` already accepts.
    """
    with _gc_lock:
        if _gc_pauses == 0 and gc.isenabled():
            gc.collect()
            gc.freeze()


class Task:
    """One job: its cancel flag, its progress reports and its callbacks."""

    def __init__(self, runner: TaskRunner, name: str, on_done: Callable[[Any], None] | None,
                 on_error: Callable[[str], None] | None,
                 on_progress: Callable[[int, int, str], None] | None) -> None:  # fmt: skip
        self.runner, self.name = runner, name
        self.on_done, self.on_error, self.on_progress = on_done, on_error, on_progress
        self._cancel = threading.Event()
        self._last_progress = 0.0
        self.future: Future | None = None

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def running(self) -> bool:
        return self.future is not None and not self.future.done()

    def progress(self, done: int, total: int, text: str = "", *, force: bool = False) -> None:
        """Called from the job's thread; at most one report per 50 ms reaches the UI."""
        now = time.monotonic()
        if force or done >= total or now - self._last_progress >= PROGRESS_EVERY_S:
            self._last_progress = now
            self.runner._progressed.emit(self, done, total, text)


class TaskRunner(QObject):
    """Starts jobs on worker threads; their callbacks run on the UI thread."""

    _finished = Signal(object, object, object)  # task, result, error text (or None)
    _progressed = Signal(object, int, int, str)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, workers: int = 2) -> None:
        super().__init__(parent)
        # Workers and the UI thread share the GIL: a worker in pure Python keeps it for
        # the switch interval (5 ms by default) each time the UI thread asks, and a paint
        # asks many times. 1 ms keeps an import's matching from stretching every frame.
        sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL_S))
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="chronologue")
        self.tasks: set[Task] = set()
        self.closed = False
        self._finished.connect(self._deliver)
        self._progressed.connect(self._report)

    def start(self, name: str, job: Callable[[Task], Any], *,
              on_done: Callable[[Any], None] | None = None,
              on_error: Callable[[str], None] | None = None,
              on_progress: Callable[[int, int, str], None] | None = None) -> Task:  # fmt: skip
        task = Task(self, name, on_done, on_error, on_progress)
        if self.closed:  # the window is closing: nothing new starts
            task.cancel()
            return task
        self.tasks.add(task)
        if len(self.tasks) == 1:
            self.busy_changed.emit(True)
        task.future = self._pool.submit(self._run, task, job)
        return task

    def _run(self, task: Task, job: Callable[[Task], Any]) -> None:
        try:
            result = job(task)
        except Exception as exc:  # noqa: BLE001 - shown to the user, never lost in a thread
            traceback.print_exc()
            self._finished.emit(task, None, f"{type(exc).__name__}: {exc}")
            return
        self._finished.emit(task, result, None)

    def _deliver(self, task: Task, result: Any, error: str | None) -> None:
        self.tasks.discard(task)
        if not self.tasks:
            self.busy_changed.emit(False)
        if error is not None:
            if task.on_error is not None:
                task.on_error(error)
        elif task.on_done is not None:
            task.on_done(result)

    def _report(self, task: Task, done: int, total: int, text: str) -> None:
        if task.on_progress is not None and task in self.tasks:
            task.on_progress(done, total, text)

    @property
    def busy(self) -> bool:
        return bool(self.tasks)

    def running(self, name: str) -> list[Task]:
        return [t for t in self.tasks if t.name == name]

    def wait(self, timeout_s: float = 10.0) -> bool:
        """Block until every job has returned (closing the window, tests); True if so."""
        deadline = time.monotonic() + timeout_s
        for task in list(self.tasks):
            if task.future is not None:
                try:
                    task.future.exception(timeout=max(0.0, deadline - time.monotonic()))
                except TimeoutError:
                    return False
        return True

    def shutdown(self, timeout_s: float = 10.0) -> None:
        """Cancel everything, wait for the threads, stop the pool."""
        self.closed = True
        for task in list(self.tasks):
            task.cancel()
        self.wait(timeout_s)
        self._pool.shutdown(wait=False, cancel_futures=True)
