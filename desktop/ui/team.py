"""The window's side of team work: other analysts' changes arriving live, a read-only
banner, opening a shared workspace (tested first, off the window's thread), and the
event editor's history.

One TeamSupport per window (``window.team``), given the window's context, its actions,
editor, importer and workspace files (never the window). Changes from other processes
are noticed by a ChangeWatcher thread (LISTEN/NOTIFY on PostgreSQL, the data version on SQLite);
its signal is queued to the window's thread, where the workspace model asks the change
log what changed since the revision it last showed and applies only that (the watcher is
the window's one way of noticing others' commits: the model keeps no poll timer).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QSizePolicy, QToolBar

from desktop.services.team import history_lines
from desktop.store import Workspace, WorkspaceError, open_workspace
from desktop.store.history import clean_author, default_author
from desktop.store.location import Location
from desktop.store.watch import ChangeWatcher
from desktop.store.workspace import read_only_message

if TYPE_CHECKING:
    from desktop.ui.actions import WindowActions
    from desktop.ui.context import WindowContext
    from desktop.ui.editor import EventEditor
    from desktop.ui.importer import ImportController
    from desktop.ui.workspaces import WorkspaceFiles

# Actions that change the workspace: disabled on a read-only one.
WRITE_ACTIONS = ("import", "import_folder", "paste", "import_events", "annotate", "new_event",
                 "delete", "set_date", "article_details")
# accept, reject and merge also need a non-empty queue: chrome.sync_review_actions decides them
APPLY_DELAY_MS = 150  # a burst of notifications (an import) becomes one refresh


class TeamSupport(QObject):
    """Live updates, the read-only state and shared-workspace opening for one window."""

    remote = Signal()  # emitted on the watcher's thread, received on the window's

    def __init__(self, ctx: WindowContext, host: QMainWindow, acts: WindowActions,
                 editor: EventEditor, importer: ImportController, files: WorkspaceFiles,
                 switch: Callable[[Workspace], None]) -> None:  # fmt: skip
        super().__init__(host)
        self.ctx = ctx
        self.acts = acts
        self.editor = editor
        self.importer = importer
        self.files = files
        self.switch = switch  # the window takes a newly opened workspace
        self.sync_review_actions: Callable[[], None] = lambda: None  # set by chrome
        self.watcher: ChangeWatcher | None = None
        self.dialog: QDialog | None = None  # the Open shared workspace dialog, while open
        self.banner_bar = QToolBar("Read-only notice", host)
        self.banner_bar.setObjectName("read-only-banner")
        self.banner_bar.setMovable(False)
        self.banner = QLabel()
        self.banner.setObjectName("readOnlyBanner")
        self.banner.setAccessibleName("Read-only notice")
        self.banner.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.banner.setStyleSheet("QLabel#readOnlyBanner { background: #fff3c4; color: #5a4500;"
                                  " padding: 6px 10px; font-weight: bold; }")
        self.banner_bar.addWidget(self.banner)
        host.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        host.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.banner_bar)
        self._timer = QTimer(self, singleShot=True, interval=APPLY_DELAY_MS)
        self._timer.timeout.connect(self._apply)
        self.remote.connect(self._timer.start, Qt.ConnectionType.QueuedConnection)
        ctx.model.arrived.connect(self._arrived)
        ctx.model.sync_failed.connect(self._unreachable)
        editor.history_source = self.history
        acts.open_shared.triggered.connect(lambda _c=False: self.open_shared_dialog())

    # -- the workspace ----------------------------------------------------------------------
    def attach(self, ws: Workspace) -> None:
        """A workspace was opened in the window: watch it, show whether it is editable."""
        self.stop()
        prefs = self.ctx.preferences
        ws.author = clean_author(prefs.author) if prefs and prefs.author else default_author()
        self.watcher = ChangeWatcher(ws, self.remote.emit)
        self.watcher.start()
        read_only = ws.read_only
        who = f"the role {ws.role!r}" if ws.role else "you"
        self.banner.setText(f"Read-only: {who} may only read this workspace, so editing is "
                            "off. Ask its administrator for an editor role to make changes."
                            if read_only else "")
        self.banner.setToolTip(read_only_message(ws, "Editing") if read_only else "")
        self.banner_bar.setVisible(read_only)
        acts = self.acts.by_name()
        for name in WRITE_ACTIONS:
            acts[name].setEnabled(not read_only)
        self.sync_review_actions()
        self.editor.set_editable(not read_only)

    def stop(self) -> None:
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher = None

    def _apply(self) -> None:
        """Someone may have committed: the model reads what changed since its revision,
        on the task runner (our own commits wake the watcher too; they find nothing new)."""
        self.ctx.model.sync()

    def _arrived(self, _changes: object) -> None:
        if not self.importer.running:
            self.ctx.status("Changes from another analyst arrived.", 5_000)

    def _unreachable(self, reason: str) -> None:
        self.ctx.status(f"Cannot reach the workspace: {reason}", 10_000)

    # -- the editor's history ---------------------------------------------------------------
    def history(self, event_id: int) -> list[Any]:
        try:
            return history_lines(self.ctx.ws, event_id)
        except Exception:  # noqa: BLE001 - history is a help, never a reason to fail
            return []

    # -- opening ----------------------------------------------------------------------------
    def open_location(self, location: Location) -> None:
        """Files open at once (with recovery); a server is connected to off this thread."""
        if not location.is_shared:
            assert location.path is not None
            self.files.open_workspace_path(location.path)
            return
        if self.importer.running:
            self.ctx.report_error("An import is running into this workspace; wait for it "
                                     "to finish or cancel it, then open the other workspace.")
            return
        self.ctx.status(f"Connecting to {location}…", 0)
        self.run_in_background(lambda: open_workspace(location), self._opened)

    def _opened(self, result: object) -> None:
        self.ctx.host.statusBar().clearMessage()
        if isinstance(result, WorkspaceError):
            self.ctx.report_error(str(result))
        elif isinstance(result, Exception):
            self.ctx.report_error(f"{type(result).__name__}: {result}")
        elif isinstance(result, Workspace):
            self.switch(result)

    def run_in_background(self, job: Callable[[], Any], then: Callable[[object], None]) -> None:
        """On the window's task runner; ``then`` gets the result or the exception raised."""
        def run(_task: object) -> object:
            try:
                return job()
            except Exception as exc:  # noqa: BLE001 - handed to the window, which says it
                return exc

        self.ctx.runner.start("team", run, on_done=then)

    def open_shared_dialog(self) -> None:
        from desktop.ui.shared_dialog import SharedWorkspaceDialog

        dialog = SharedWorkspaceDialog(self, self.ctx.settings, self.ctx.host)
        dialog.setObjectName("shared-workspace-dialog")
        dialog.chosen.connect(self.open_location)
        self.dialog = dialog
        dialog.open()
