"""A large import run in a child process, so the window's UI thread keeps the GIL.

Why: in the window's own process the storing of an import (matching, the ORM, the
commit: ~30 ms of pure Python a file) shares the interpreter lock with the UI thread.
Every time Qt calls back into Python (a cell's data, a paint, an event filter) the UI
thread waited for the import to drop the lock, so a 20 ms paint took 100-200 ms of wall
time while 100,000 events were on screen. A spawned child opens the same workspace file
(SQLite allows one writer at a time; the window's edits wait for a file's short commit
as they wait for another window's) and runs the same `import_paths`; its progress and
report come back through a queue, the cancel flag goes the other way, and the window
follows the stored rows through the change log as it follows any other writer.

Plain Python (no Qt): the task runner's job waits on the queue, releasing the GIL.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.store import Workspace

PROCESS_FILES = 50  # fewer files: the child's start-up (~1-3 s) costs more than it saves
POLL_S = 0.1  # how often the waiting job looks at the cancel flag and the child


def wants_process(ws: Workspace, paths: list[Path]) -> bool:
    """A file workspace and a batch big enough to pay for a second interpreter."""
    if ws.location.backend != "sqlite" or ws.path is None:
        return False
    from desktop.services.importing import collect

    files, _problems = collect(paths)
    return len(files) >= PROCESS_FILES


def _child(location: Any, author: str, paths: list[Path], options: dict[str, Any],
           out: Any, cancel: Any, parent: int) -> None:  # fmt: skip
    """The child's whole life: open, import, report, close."""
    from desktop.services.import_pool import _die_with_parent

    _die_with_parent(parent)  # a child of a killed window must not go on writing
    try:
        from desktop.services.importing import import_paths
        from desktop.store import open_workspace

        ws = open_workspace(location, create=False, backups=False)
    except Exception as exc:  # noqa: BLE001 - said to the user by the window
        out.put(("error", f"{type(exc).__name__}: {exc}"))
        return
    try:
        from sqlalchemy import event

        ws.author = author
        stored_at = [0.0]  # the last commit, on the system's monotonic clock (the same in
        # both processes): the window's benchmark times the summary from it
        event.listen(ws.sessions, "after_commit",
                     lambda _session: stored_at.__setitem__(0, time.monotonic()))

        def progress(done: int, total: int, path: Path) -> None:
            out.put(("progress", done, total, str(path)))

        report = import_paths(ws, paths, progress=progress, should_cancel=cancel.is_set,
                              **options)  # fmt: skip
        out.put(("done", report, stored_at[0]))
    except Exception as exc:  # noqa: BLE001
        out.put(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        ws.close()


class ImportJob:
    """An import of files and folders as a task runner job (`job(progress, should_cancel)`):
    in a child process when `wants_process` says so (decided on the job's thread: finding
    2,000 files is a walk of the folder), else in this process."""

    def __init__(self, ws: Workspace, paths: list[Path], **options: Any) -> None:
        self.ws = ws
        self.paths, self.options = [Path(p) for p in paths], options
        self.in_child = False  # set once the job runs
        self.stored_at = 0.0  # monotonic time of the child's last commit

    def __call__(self, progress: Callable[[int, int, Path], None],
                 should_cancel: Callable[[], bool]) -> Any:  # fmt: skip
        if not wants_process(self.ws, self.paths):
            from desktop.services.importing import import_paths

            return import_paths(self.ws, self.paths, progress=progress,
                                should_cancel=should_cancel, **self.options)  # fmt: skip
        self.in_child = True
        return self._in_child(progress, should_cancel)

    def _in_child(self, progress: Callable[[int, int, Path], None],
                  should_cancel: Callable[[], bool]) -> Any:  # fmt: skip
        context = multiprocessing.get_context("spawn")  # never fork beside Qt's threads
        out = context.Queue()
        cancel = context.Event()
        child = context.Process(
            target=_child, name="chronologue-import", daemon=False,
            args=(self.ws.location, self.ws.author, self.paths, self.options, out, cancel,
                  os.getpid()))  # fmt: skip
        multiprocessing.active_children()  # reaps the child of an earlier import
        child.start()
        finished = False
        try:
            while True:
                if should_cancel():
                    cancel.set()  # the child stops between two files, as in-process
                try:
                    message = out.get(timeout=POLL_S)
                except queue.Empty:
                    if child.is_alive():
                        continue
                    try:  # what it wrote before it exited is still in the pipe
                        message = out.get(timeout=1.0)
                    except queue.Empty:
                        raise RuntimeError("the import process ended without a report "
                                           f"(exit code {child.exitcode})") from None
                kind = message[0]
                if kind == "progress":
                    _, done, total, name = message
                    progress(done, total, Path(name))
                elif kind == "done":
                    finished, self.stored_at = True, message[2]
                    return message[1]
                else:
                    raise RuntimeError(message[1])
        finally:
            cancel.set()
            # once it has reported, it only closes its workspace and exits: the summary
            # does not wait for an interpreter's teardown (seconds on a busy core); the
            # next import reaps it
            if not finished:
                child.join(10.0)
                if child.is_alive():  # it did not stop: never leave it behind the window
                    child.kill()
                    child.join()
                with contextlib.suppress(Exception):
                    out.close()
