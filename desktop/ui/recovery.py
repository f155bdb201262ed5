"""Opening a workspace that turns out damaged: offer the newest good backup.

The question is a parameter so tests (and the CLI-minded) can answer it without a
dialog; the window passes a message box.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.store import Workspace, WorkspaceError, open_workspace
from desktop.store.backup import RestoreFailed, newest_good_backup
from desktop.store.location import Location
from desktop.store.restore import restore
from desktop.store.workspace import WorkspaceDamaged

Ask = Callable[[str], bool]


def ask_with_dialog(parent: QWidget | None) -> Ask:
    def ask(message: str) -> bool:
        answer = QMessageBox.warning(
            parent, "Workspace damaged", message,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes

    return ask


def open_or_recover(where: Path | Location, ask: Ask) -> Workspace:
    """Open a workspace; if a file is damaged and a good backup exists, offer to restore it
    (a shared workspace's backups are the server's).

    Raises WorkspaceError (with the reason) when the workspace stays unopened.
    """
    if isinstance(where, Location):
        if where.is_shared:
            return open_workspace(where)
        assert where.path is not None
        where = where.path
    path = where
    try:
        return open_workspace(path)
    except WorkspaceDamaged as exc:
        backup = newest_good_backup(path)
        if backup is None:
            raise
        question = (
            f"{exc}\n\nRestore the backup from {backup.taken:%Y-%m-%d %H:%M} UTC now? "
            "The damaged file is kept beside it, renamed, not deleted."
        )
        if not ask(question):
            raise
        try:
            restore(path, backup.path)
        except RestoreFailed as failure:
            raise WorkspaceError(f"restoring {path} failed: {failure}") from failure
        return open_workspace(path)
