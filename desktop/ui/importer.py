"""Running imports in the background: progress bar, Cancel, and a summary at the end.

The import runs on the window's task runner; each stored file is committed on its
own, and the window's workspace model picks the new rows up from the change log.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QElapsedTimer, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QProgressBar, QPushButton, QStatusBar, QWidget

from desktop.store import Workspace
from desktop.ui.tasks import Task, TaskRunner, freeze_survivors
from desktop.ui.workers import import_job, paste_job

REFRESH_MS = 400  # take in the stored articles at most this often while files arrive


def suggestion_counts(report: Any) -> str:
    """What the queue gained, after merging: a suggestion that reports an event already
    stored adds a source to it, not a row to review (so both numbers are said)."""
    total = sum(r.suggestions for r in report.results)
    merged = sum(getattr(r, "merged", 0) for r in report.results)
    new = total - merged
    text = f"{new:,} new suggested event{'s' if new != 1 else ''}"
    if merged:
        text += f", {merged:,} more suggestion{'s' if merged != 1 else ''} merged into " \
                "events already there"
    return text


class ImportController(QObject):
    """Owns at most one running import; the window listens to `changed` and `done`."""

    changed = Signal()  # some articles were stored: refresh the views
    done = Signal(object)  # the ImportReport

    def __init__(self, window: QWidget, status: QStatusBar, runner: TaskRunner) -> None:
        super().__init__(window)
        self.window, self.runner = window, runner
        self.worker: Task | None = None
        self.job: Any = None  # the running (or last) job; an ImportJob says `stored_at`
        self.last_report: Any = None
        self.finished_at = 0.0  # monotonic time the summary was shown (benchmarks)
        self.summary: QMessageBox | None = None
        self.model: Any = None  # the window's WorkspaceModel: the summary waits for it
        self._summing = False
        self.suggest = True
        self.dayfirst, self.language = False, "en"  # set from the preferences
        self.bar = QProgressBar()
        self.bar.setAccessibleName("Import progress")
        self.bar.setToolTip("Importing in the background; you can keep working")
        self.bar.setMaximumWidth(260)
        self.bar.setFormat("Importing %v/%m")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel import")
        self.cancel_button.setToolTip("Stop after the current file; what is stored stays")
        self.cancel_button.clicked.connect(self.cancel)
        status.addPermanentWidget(self.bar)
        status.addPermanentWidget(self.cancel_button)
        self.bar.hide()
        self.cancel_button.hide()
        self.status = status
        self._clock = QElapsedTimer()

    @property
    def running(self) -> bool:
        """Files are being read or stored, or the last ones are still on their way to the
        views (the summary follows them)."""
        return self.worker is not None or self._summing

    def import_paths(self, ws: Workspace, paths: list[Path]) -> bool:
        return self._start(import_job(ws, [Path(p) for p in paths], suggest=self.suggest,
                                      dayfirst=self.dayfirst, language=self.language),
                           f"Importing {len(paths)} item{'s' if len(paths) != 1 else ''}…")

    def import_text(self, ws: Workspace, text: str) -> bool:
        return self._start(paste_job(ws, text, suggest=self.suggest, dayfirst=self.dayfirst,
                                     language=self.language), "Importing the clipboard…")

    def _start(self, job: Any, message: str) -> bool:
        if self.worker is not None:
            self.status.showMessage("An import is already running; wait for it or cancel it.",
                                    5000)
            return False
        def run(task: Task) -> Any:
            def progress(done: int, total: int, path: Path) -> None:
                if done:  # the views' new records (and, in this process, the import's)
                    freeze_survivors()  # on this worker thread, between two files
                task.progress(done, total, path.name if path != Path() else "")

            return job(progress, lambda: task.cancelled)

        self.bar.setRange(0, 0)
        self.bar.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self.status.showMessage(message)
        self._clock.start()
        self.job = job
        self.worker = self.runner.start("import", run, on_done=self._finished,
                                        on_error=self._failed, on_progress=self._progress)
        return True

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.cancel_button.setEnabled(False)
            self.status.showMessage("Cancelling after the current file…")

    def wait(self, msecs: int = 10_000) -> None:
        """Cancel and wait (closing the window or switching workspaces)."""
        if self.worker is not None:
            self.worker.cancel()
            self.runner.wait(msecs / 1000)

    def _progress(self, done: int, total: int, name: str) -> None:
        # QProgressBar.setValue repaints at once, and a repaint paints everything dirty in
        # the window (the timeline, the tables): at 100,000 events that was ~100 ms inside
        # each file's progress report. With updates off it only marks the bar for the next
        # paint, which Qt coalesces with the views' own.
        self.bar.setUpdatesEnabled(False)
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.bar.setUpdatesEnabled(True)
        self.bar.update()
        if name:
            self.status.showMessage(f"Importing {name} ({done + 1} of {total})…")
        if done and self._clock.elapsed() > REFRESH_MS:
            self._clock.restart()
            self.changed.emit()

    def _end(self) -> None:
        self.worker = None
        self.bar.hide()
        self.cancel_button.hide()

    def _failed(self, reason: str) -> None:
        self._end()
        self.changed.emit()
        self._show(QMessageBox.Icon.Critical, "Import failed",
                   f"The import stopped: {reason}\nWhat was stored before stays stored.", "")

    def _finished(self, report: Any) -> None:
        """Take in the last files' rows (read off the UI thread), then sum up."""
        self._end()
        self.last_report = report
        self.changed.emit()
        self._summing = True
        if self.model is not None:
            self.model.when_shown(lambda: self._sum_up(report))
        else:
            self._sum_up(report)

    def _sum_up(self, report: Any) -> None:
        self._summing = False
        counts = {s: report.count(s) for s in ("imported", "duplicate", "failed")}
        text = (f"{counts['imported']} imported ({suggestion_counts(report)}), "
                f"{counts['duplicate']} already there, {counts['failed']} failed"
                + (" — cancelled" if report.cancelled else ""))
        self.status.showMessage(text, 15000)
        self.done.emit(report)
        notes = [r for r in report.results if r.status == "failed"
                 or (r.status == "imported" and r.message)]
        details = "\n".join(f"{r.path}: {r.message}" for r in notes)
        if notes:
            self._show(QMessageBox.Icon.Warning, "Import finished with problems",
                       text + ".\n\nSome files could not be imported or gave no suggestions; "
                       "fix them and import them again (the others are stored).", details)
        elif len(report.results) > 1 or report.cancelled:
            # a long import ends with a summary that waits for the user, not a flash
            self._show(QMessageBox.Icon.Information, "Import finished", text + ".", "")

    def _show(self, icon: QMessageBox.Icon, title: str, text: str, details: str) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("import-summary")
        if details:
            box.setDetailedText(details)
        self.summary = box
        box.open()
        self.finished_at = time.monotonic()
