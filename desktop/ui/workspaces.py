"""Workspace and import-file actions: New, Open, Open recent, first run, Import files.

One WorkspaceFiles per window (``window.files``). It asks for files and opens
workspaces (with recovery); switching the views over is the window's `switch` callback.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QMessageBox

from desktop.ingest import SUPPORTED_EXTENSIONS
from desktop.services import library as lib
from desktop.store import Workspace, WorkspaceError
from desktop.store.location import Location
from desktop.store.workspace import SUFFIX
from desktop.ui.actions import WindowActions, on
from desktop.ui.context import WindowContext
from desktop.ui.importer import ImportController
from desktop.ui.recovery import ask_with_dialog, open_or_recover

FILTER = f"Chronologue workspaces (*{SUFFIX});;All files (*)"
ARTICLE_FILTER = (
    "Articles (" + " ".join(f"*{ext}" for ext in SUPPORTED_EXTENSIONS) + ");;All files (*)"
)


class WorkspaceFiles:
    """File-menu work for one window."""

    def __init__(self, ctx: WindowContext, importer: ImportController,
                 switch: Callable[[Workspace], None],
                 open_location: Callable[[Location], None]) -> None:  # fmt: skip
        self.ctx = ctx
        self.importer = importer
        self.switch = switch  # the window takes a newly opened workspace
        self.open_location = open_location  # a recent entry (a file or a server)
        self.welcome_dialog: QDialog | None = None  # kept while open
        self.recent_menu: QMenu | None = None

    def connect(self, acts: WindowActions, recent_menu: QMenu) -> None:
        on(acts.new, self.new_workspace)
        on(acts.open, self.open_workspace_dialog)
        on(acts.import_files, self.import_files_dialog)
        on(acts.import_folder, self.import_folder_dialog)
        self.recent_menu = recent_menu
        recent_menu.aboutToShow.connect(self.fill_recent)

    def import_paths(self, paths: list[Path]) -> bool:
        return self.importer.import_paths(self.ctx.ws, paths)

    def new_workspace(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self.ctx.host, "New workspace",
                                              str(self._folder()), FILTER)
        if name:
            path = Path(name)
            if path.suffix != SUFFIX:
                path = path.with_suffix(SUFFIX)
            self.open_workspace_path(path)

    def open_workspace_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self.ctx.host, "Open workspace",
                                              str(self._folder()), FILTER)
        if name:
            self.open_workspace_path(Path(name))

    def _folder(self) -> Path:
        return self.ctx.ws.path.parent if self.ctx.ws.path else Path.home()

    def open_workspace_path(self, path: Path) -> bool:
        """Switch to another workspace file (created if missing)."""
        if self.importer.running:
            self.ctx.report_error("An import is running into this workspace; wait for it to "
                                  "finish or cancel it, then open the other workspace.")
            return False
        try:
            ws = open_or_recover(path, ask_with_dialog(self.ctx.host))
        except WorkspaceError as exc:
            self.ctx.report_error(str(exc))
            return False
        self.switch(ws)
        return True

    def import_files_dialog(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self.ctx.host, "Import articles", "",
                                                ARTICLE_FILTER)
        if names:
            self.import_paths([Path(n) for n in names])

    def import_folder_dialog(self) -> None:
        name = QFileDialog.getExistingDirectory(self.ctx.host, "Import a folder of articles")
        if name:
            self.import_paths([Path(name)])

    def fill_recent(self) -> None:
        from desktop.store.location import LocationError, parse_location
        from desktop.ui.app import recent_workspaces

        menu = self.recent_menu
        assert menu is not None
        menu.clear()
        entries = recent_workspaces(self.ctx.settings)
        for entry in entries:
            try:
                location = parse_location(entry)
            except LocationError:
                continue
            if location.path is not None:
                label = f"{location.path.stem}  ({location.path.parent})"
                present = location.path.exists()
            else:
                label, present = f"{location.name}  ({location}, shared)", True
            action = menu.addAction(label)
            action.setEnabled(present)
            action.triggered.connect(lambda _c=False, loc=location: self.open_location(loc))
        if not entries:
            menu.addAction("No recent workspaces").setEnabled(False)

    def offer_first_run(self) -> None:
        """No workspace yet: offer the sample built from seeds/, an empty one, or a file."""
        from desktop.ui.app import SEEDS
        from desktop.ui.dialogs import WelcomeDialog

        dialog = WelcomeDialog(SEEDS.is_dir(), self.ctx.host)
        dialog.setObjectName("welcome-dialog")
        dialog.accepted.connect(lambda: self._first_run_choice(dialog.choice))
        self.welcome_dialog = dialog
        dialog.open()

    def _first_run_choice(self, choice: int) -> None:
        from desktop.ui.app import remember_workspace
        from desktop.ui.dialogs import WelcomeDialog

        if choice == WelcomeDialog.SAMPLE:
            self.open_sample_workspace()
        elif choice == WelcomeDialog.OPEN:
            self.open_workspace_dialog()
        else:
            remember_workspace(self.ctx.settings, self.ctx.ws.location)

    def open_sample_workspace(self, path: Path | None = None) -> bool:
        """Open (building it on first use) the sample workspace from the seeds folder."""
        from desktop.ui.app import SEEDS, sample_workspace_path

        path = path or sample_workspace_path()
        if not self.open_workspace_path(path):
            return False
        if not lib.article_count(self.ctx.ws):  # the views are still being filled
            if not SEEDS.is_dir():
                QMessageBox.information(self.ctx.host, "Chronologue", "The sample articles "
                                        "are not installed with this copy of Chronologue.")
                return False
            self.import_paths([SEEDS])
        return True
