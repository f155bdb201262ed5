"""Undoable edits of named timeline views: rename and delete (one unit of work each)."""

from __future__ import annotations

from desktop.services.saved_views import delete_view, rename_view, restore_view
from desktop.store import Workspace
from desktop.ui.commands import ErrorSink, StoreCommand


class RenameViewCommand(StoreCommand):
    def __init__(self, ws: Workspace, old: str, new: str,
                 on_error: ErrorSink | None = None) -> None:  # fmt: skip
        super().__init__(ws, f"Rename view {old} to {new}", on_error)
        self.old, self.new = old, new

    def _redo(self) -> None:
        self.new = rename_view(self.db, self.old, self.new)

    def _undo(self) -> None:
        rename_view(self.db, self.new, self.old)


class DeleteViewCommand(StoreCommand):
    """Undo puts the view back with the settings it had."""

    def __init__(self, ws: Workspace, name: str, on_error: ErrorSink | None = None) -> None:
        super().__init__(ws, f"Delete view {name}", on_error)
        self.name = name
        self.settings: dict = {}

    def _redo(self) -> None:
        self.settings = delete_view(self.db, self.name)

    def _undo(self) -> None:
        restore_view(self.db, self.name, self.settings)
