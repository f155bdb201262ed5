"""An uncaught error in the window is logged and shown in a dialog naming the log file."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import logs
from desktop.ui.crash import install_crash_dialog


def _boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()]  # fmt: skip


def test_uncaught_error_shows_the_log_path(qtbot, make_window, workspace_path, tmp_path: Path):
    window = make_window(workspace_path)
    saved_hooks = sys.excepthook, threading.excepthook
    saved_handlers = logs.logger.handlers[:]
    logs.logger.handlers.clear()
    try:
        log = logs.setup_logging("window", {"CHRONOLOGUE_LOG_DIR": str(tmp_path / "logs")})
        reporter = install_crash_dialog(QApplication.instance())
        hook = sys.excepthook
        try:
            raise KeyError("simulated slot bug")
        except KeyError as exc:
            hook(type(exc), exc, exc.__traceback__)
        qtbot.waitUntil(lambda: len(_boxes()) == 1, timeout=3000)
        box = _boxes()[0]
        assert box.parent() is window or box.parent() is None
        assert str(log) in box.informativeText()
        assert "KeyError" in box.informativeText()
        # A second error while the dialog is up is logged, not stacked as another dialog.
        worker = threading.Thread(target=lambda: 1 / 0)
        worker.start()
        worker.join()
        qtbot.wait(100)
        assert len(_boxes()) == 1 and reporter.box is box
        for handler in logs.logger.handlers:
            handler.flush()
        text = log.read_text(encoding="utf-8")
        assert "KeyError: 'simulated slot bug'" in text and "ZeroDivisionError" in text
        box.close()
    finally:
        sys.excepthook, threading.excepthook = saved_hooks
        for handler in logs.logger.handlers:
            handler.close()
        logs.logger.handlers[:] = saved_handlers
