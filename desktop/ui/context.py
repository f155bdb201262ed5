"""What the window's helpers may use of it: one narrow object instead of the window.

The workspace (replaced on File > Open), settings, the task runner, the undo stack, the
workspace model, the preferences, and the ways to report: a status line, an error box,
and `run` (an edit applied now and stacked). Helpers get this and the few widgets they
act on, never the window, so no module in ui/ imports main_window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow, QMessageBox

from desktop.store import Workspace
from desktop.store.workspace import read_only_message
from desktop.ui.tasks import Task, TaskRunner
from desktop.ui.workspace_model import WorkspaceModel

if TYPE_CHECKING:
    from desktop.ui.commands import StoreCommand
    from desktop.ui.preferences import Preferences


class WindowContext(QObject):
    """One per window; owned by it (its QObject parent)."""

    preferences_changed = Signal(object)  # Preferences, after they are current
    workspace_changed = Signal(object)  # the Workspace now open

    def __init__(self, ws: Workspace, settings: QSettings, host: QMainWindow) -> None:
        super().__init__(host)
        self.ws = ws
        self.settings = settings
        self.host = host  # dialogs' parent; its status bar is the one spoken to
        self.runner = TaskRunner(host)
        self.undo_stack = QUndoStack(host)
        self.model = WorkspaceModel(ws, self.runner, host)
        self.written_versions: dict[int, int] = {}  # what our edits left (undo checks)
        self.preferences: Preferences | None = None  # set by apply_preferences
        # the window makes an edit's event current (set once the views exist)
        self.focus_event: Callable[[int], None] = lambda _event_id: None

    def status(self, message: str, ms: int = 8000) -> None:
        self.host.statusBar().showMessage(message, ms)

    def report_error(self, message: str) -> None:
        self.status(message, 15000)
        box = QMessageBox(QMessageBox.Icon.Warning, "Chronologue", message,
                          QMessageBox.StandardButton.Ok, self.host)
        box.open()

    def refuse_if_read_only(self) -> bool:
        if self.ws.read_only:
            self.report_error(read_only_message(self.ws, "This change"))
            return True
        return False

    def run(self, command: StoreCommand) -> bool:
        """Apply an edit now and put it on the undo stack; say why if the store refuses.

        Its change set (and every undo's and redo's) goes to the workspace model."""
        command.on_changes = self.model.apply
        command.written = self.written_versions
        if self.refuse_if_read_only():
            return False
        try:
            command.apply()
        except Exception as exc:  # noqa: BLE001 - every refusal is shown, none is fatal
            self.report_error(f"{command.text()} failed: {exc}")
            return False
        self.undo_stack.push(command)
        if command.focus_event is not None and self.model.record(command.focus_event):
            self.focus_event(command.focus_event)
        return True

    def run_in_background(self, command: StoreCommand, then: Callable[[], Any] | None = None,
                          *, progress: Callable[[int, int, str], None] | None = None,
                          finally_: Callable[[], None] | None = None) -> Task | None:
        """Apply a slow edit (re-extraction) on the task runner, then stack it; returns
        the task (its cancel() stops a command that looks at it, leaving nothing
        behind). `finally_` runs on this thread however it ended."""
        if self.refuse_if_read_only():
            return None
        command.on_changes = lambda _c: None  # views follow once it is back on this thread
        command.written = self.written_versions

        def done(_result: object) -> None:
            command.task = None
            if finally_ is not None:
                finally_()
            self.model.apply(command.changes)
            self.undo_stack.push(command)
            command.on_changes = self.model.apply
            if then is not None:
                then()

        def failed(reason: str) -> None:
            command.task = None
            if finally_ is not None:
                finally_()
            if task.cancelled:
                self.status(f"{command.text()}: cancelled; nothing was changed.", 8000)
            else:
                self.report_error(f"{command.text()} failed: {reason}")

        def work(running: Task) -> object:
            command.task = running
            return command.apply()

        task = self.runner.start("edit", work, on_done=done, on_progress=progress,
                                 on_error=failed)
        return task
