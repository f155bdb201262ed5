"""The window's answer to an unexpected error: a dialog that says where the log is.

The exception hook may run on any thread (a worker's error reaches it too), so the
dialog is raised through a queued signal on the GUI thread, and only one at a time.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.logs import install_excepthook


class CrashReporter(QObject):
    """Lives on the GUI thread; ``report`` may be called from any thread."""

    requested = Signal(str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.box: QMessageBox | None = None
        self.requested.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def report(self, text: str, path: Path | None) -> None:
        self.requested.emit(text, str(path or ""))

    @Slot(str, str)
    def _show(self, text: str, path: str) -> None:
        if self.box is not None and self.box.isVisible():
            return  # one dialog is enough; every error is in the log
        box = QMessageBox(QApplication.activeWindow())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle("Chronologue: unexpected error")
        box.setText("Something went wrong inside Chronologue.")
        box.setInformativeText(text)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAccessibleName("Unexpected error")
        if path:
            box.setDetailedText(f"Log file: {path}")
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        self.box = box
        box.open()


def install_crash_dialog(app: QApplication) -> CrashReporter:
    """Route uncaught exceptions to the log and to a dialog; returns the reporter."""
    reporter = CrashReporter(app)
    install_excepthook(reporter.report)
    return reporter
