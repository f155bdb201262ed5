"""Workspace and import-file actions of the main window: New, Open, Recent, first run.

A mixin so main_window.py stays about the views; it uses only the window's ws,
settings, undo stack, importer and refresh().
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.ingest import SUPPORTED_EXTENSIONS
from desktop.services import library as lib
from desktop.store import Workspace, WorkspaceError
from desktop.store.workspace import SUFFIX
from desktop.ui.recovery import ask_with_dialog, open_or_recover

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

FILTER = f"Chronologue workspaces (*{SUFFIX});;All files (*)"
ARTICLE_FILTER = (
    "Articles (" + " ".join(f"*{ext}" for ext in SUPPORTED_EXTENSIONS) + ");;All files (*)"
)


class WorkspaceActions:
    def new_workspace(self: MainWindow) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "New workspace", str(self._folder()), FILTER)
        if name:
            path = Path(name)
            if path.suffix != SUFFIX:
                path = path.with_suffix(SUFFIX)
            self.open_workspace_path(path)

    def open_workspace_dialog(self: MainWindow) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Open workspace", str(self._folder()),
                                              FILTER)
        if name:
            self.open_workspace_path(Path(name))

    def _folder(self: MainWindow) -> Path:
        return self.ws.path.parent if self.ws.path else Path.home()

    def open_workspace_path(self: MainWindow, path: Path) -> bool:
        """Switch to another workspace file (created if missing)."""
        if self.importer.running:
            self.report_error("An import is running into this workspace; wait for it to "
                              "finish or cancel it, then open the other workspace.")
            return False
        try:
            ws = open_or_recover(path, ask_with_dialog(self))
        except WorkspaceError as exc:
            self.report_error(str(exc))
            return False
        self.set_workspace(ws)
        return True

    def set_workspace(self: MainWindow, ws: Workspace) -> None:
        from desktop.ui.app import remember_workspace

        self.editor.commit_pending()
        self.runner.wait(5.0)  # taggers read the old workspace's text only, but be tidy
        if not ws.location.same_as(self.ws.location):
            self.ws.close()
        self.ws = ws
        self.undo_stack.clear()  # commands hold the old workspace; they cannot apply here
        self.mentions.clear()
        self.current_event = self.current_article = None
        self.reader.show_article(None, [])
        remember_workspace(self.settings, ws.location)
        self._set_title()
        self.team.attach(ws)
        self.model.switch(ws)  # read anew; the views fill when it is read

    def import_files_dialog(self: MainWindow) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, "Import articles", "", ARTICLE_FILTER)
        if names:
            self.import_paths([Path(n) for n in names])

    def import_folder_dialog(self: MainWindow) -> None:
        name = QFileDialog.getExistingDirectory(self, "Import a folder of articles")
        if name:
            self.import_paths([Path(name)])

    def offer_first_run(self: MainWindow) -> None:
        """No workspace yet: offer the sample built from seeds/, an empty one, or a file."""
        from desktop.ui.app import SEEDS
        from desktop.ui.dialogs import WelcomeDialog

        dialog = WelcomeDialog(SEEDS.is_dir(), self)
        dialog.setObjectName("welcome-dialog")
        dialog.accepted.connect(lambda: self._first_run_choice(dialog.choice))
        self.welcome_dialog = dialog
        dialog.open()

    def _first_run_choice(self: MainWindow, choice: int) -> None:
        from desktop.ui.app import remember_workspace
        from desktop.ui.dialogs import WelcomeDialog

        if choice == WelcomeDialog.SAMPLE:
            self.open_sample_workspace()
        elif choice == WelcomeDialog.OPEN:
            self.open_workspace_dialog()
        else:
            remember_workspace(self.settings, self.ws.location)

    def open_sample_workspace(self: MainWindow, path: Path | None = None) -> bool:
        """Open (building it on first use) the sample workspace from the seeds folder."""
        from desktop.ui.app import SEEDS, sample_workspace_path

        path = path or sample_workspace_path()
        if not self.open_workspace_path(path):
            return False
        if not lib.article_count(self.ws):  # the views are still being filled
            if not SEEDS.is_dir():
                QMessageBox.information(self, "Chronologue", "The sample articles are not "
                                        "installed with this copy of Chronologue.")
                return False
            self.import_paths([SEEDS])
        return True
