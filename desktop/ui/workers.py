"""Background work on QThreadPool: imports and date tagging, results back by signal.

Each worker opens its own sessions through `ws.session()`: SQLite sessions never
cross threads, only the thread-safe Workspace/engine does. Cancelling is a flag the
service polls between files, so a cancel never leaves half an article stored.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Signal

from desktop.store import Workspace


class WorkerSignals(QObject):
    """Signals live on a QObject; the runnable itself cannot carry them."""

    progress = Signal(int, int, str)  # done, total, current file
    finished = Signal(object)  # the result
    failed = Signal(str)  # a readable reason


class Worker(QRunnable):
    """Runs `job(progress, should_cancel)` off the UI thread."""

    def __init__(self, job: Callable[[Callable[[int, int, Path], None], Callable[[], bool]], Any]
                 ) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the window keeps a reference until `finished`
        self.job = job
        self.signals = WorkerSignals()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, done: int, total: int, path: Path) -> None:
        self.signals.progress.emit(done, total, str(path.name if path != Path() else ""))

    def run(self) -> None:
        try:
            result = self.job(self._progress, self._cancel.is_set)
        except Exception as exc:  # noqa: BLE001 - shown to the user, never lost in a thread
            traceback.print_exc()
            self.signals.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        self.signals.finished.emit(result)


def import_job(ws: Workspace, paths: list[Path], *, suggest: bool = True,
               dayfirst: bool = False, language: str = "en"):  # fmt: skip
    """An import of files/folders as a Worker job."""

    def job(progress, should_cancel):
        from desktop.services.importing import import_paths

        return import_paths(ws, paths, suggest=suggest, progress=progress,
                            should_cancel=should_cancel, dayfirst=dayfirst,
                            language=language)  # fmt: skip

    return job


def paste_job(ws: Workspace, text: str, *, suggest: bool = True,
              dayfirst: bool = False, language: str = "en"):  # fmt: skip
    """Clipboard text as one article, as a Worker job."""

    def job(progress, should_cancel):
        from desktop.ingest import IngestError, draft_from_text
        from desktop.services.importing import FileResult, ImportReport, import_draft

        progress(0, 1, Path("clipboard"))
        try:
            draft = draft_from_text(text, source_file="clipboard", source_format="paste",
                                    dayfirst=dayfirst)  # fmt: skip
        except IngestError as exc:
            return ImportReport([FileResult(Path("clipboard"), "failed", str(exc))])
        result = import_draft(draft=draft, ws=ws, path=Path("clipboard"), suggest=suggest,
                              dayfirst=dayfirst, language=language)  # fmt: skip
        progress(1, 1, Path())
        return ImportReport([result])

    return job


def tag_job(key: Any, text: str, reference, language: str):
    """Date expressions of one article for the reader's highlights, returned with `key`."""

    def job(progress, should_cancel):
        from desktop.services.annotation import date_mentions

        return key, date_mentions(text, reference, language)

    return job
