"""Hourly backups during long sessions, taken on the window's task runner.

Why: the daily copy on open protects yesterday's work, not this afternoon's. Every few
minutes the window asks whether the workspace was edited since its newest backup and
that backup is an hour old (desktop.store.backup.backup_if_edited); the copy itself runs
off the UI thread. A failure is said once in the status bar until a copy works again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QStatusBar

from desktop.store import Workspace
from desktop.store.backup import BackupFailed, backup_if_edited
from desktop.ui.tasks import Task, TaskRunner

CHECK_MS = 5 * 60 * 1000


class SessionBackups(QObject):
    """Owns the timer and at most one backup job at a time."""

    def __init__(self, current: Callable[[], Workspace], runner: TaskRunner, status: QStatusBar,
                 interval_ms: int = CHECK_MS) -> None:  # fmt: skip
        """`current` gives the window's workspace now (it changes when another is opened)."""
        super().__init__(status)
        self.current, self.runner, self.status = current, runner, status
        self.worker: Task | None = None
        self.last: Path | None = None  # the newest copy this session made
        self.failing = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        path = getattr(self.current(), "path", None)
        if self.worker is not None or path is None or not Path(path).is_file():
            return

        def job(_task: Task) -> Path | str | None:
            try:
                return backup_if_edited(Path(path))
            except BackupFailed as exc:
                return str(exc)

        self.worker = self.runner.start("backup", job, on_done=self._done, on_error=self._done)

    def _done(self, result: Path | str | None) -> None:
        self.worker = None
        if isinstance(result, Path):
            self.last, self.failing = result, False
            self.status.showMessage(f"Backed up to {result.name}", 5000)
        elif isinstance(result, str) and not self.failing:
            self.failing = True
            self.status.showMessage(f"Hourly backup failed: {result}", 60_000)
