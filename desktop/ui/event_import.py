"""File > Import events: a Chronologue JSON, TimelineJS JSON or CSV file of events.

Runs on the window's task runner like every import; the window's workspace model
takes in the new events from the change log when it reports.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from desktop.store import Workspace
from desktop.ui.tasks import Task

if TYPE_CHECKING:
    from desktop.ui.context import WindowContext

FILTER = "Events (*.json *.csv);;All files (*)"


def events_job(ws: Workspace, path: Path):
    """Read one events file into the workspace; returns (path, report)."""

    def job(progress, should_cancel) -> tuple[Path, Any]:
        from desktop.services.interchange import import_events_file

        return path, import_events_file(ws, path)

    return job


class EventImporter(QObject):
    """Owns the running events import (results come back to the UI thread)."""

    def __init__(self, ctx: WindowContext) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.worker: Task | None = None
        self.last_report: Any = None

    def ask(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self.ctx.host, "Import events", "", FILTER)
        if name:
            self.start(Path(name))

    def start(self, path: Path) -> bool:
        if self.worker is not None:
            self.ctx.status("An events import is already running.", 5000)
            return False
        job = events_job(self.ctx.ws, path)
        self.ctx.status(f"Importing events from {path.name}…", 0)
        self.worker = self.ctx.runner.start("import-events", lambda _t: job(None, None),
                                               on_done=self._finished, on_error=self._failed)
        return True

    def _end(self) -> None:
        self.worker = None

    def _finished(self, result: tuple[Path, Any]) -> None:
        self._end()
        path, report = result
        self.last_report = report
        skipped = f", {len(report.skipped)} skipped" if report.skipped else ""
        self.ctx.model.sync()
        self.ctx.status(
            f"{path.name}: {report.events} events and {report.articles} articles "
            f"imported{skipped}.", 15000)
        if report.skipped:
            shown = "\n".join(report.skipped[:12])
            self.ctx.report_error(f"Some entries of {path.name} were skipped:\n{shown}")

    def _failed(self, reason: str) -> None:
        self._end()
        self.ctx.model.sync()
        self.ctx.report_error(f"Could not import the events file: {reason}")
