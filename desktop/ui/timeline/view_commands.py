"""Undoable edits of named timeline views: save, rename, delete (one unit of work each)."""

from __future__ import annotations

from typing import Any

from desktop.services.saved_views import (
    delete_view,
    put_view,
    rename_view,
    restore_view,
    view_settings,
)
from desktop.store import Workspace
from desktop.ui.commands import ErrorSink, StoreCommand


class SaveViewCommand(StoreCommand):
    """Save the view on screen under a name (over an existing one: its other keys stay);
    undo puts back what the name held, or removes a new view."""

    def __init__(self, ws: Workspace, name: str, state: dict[str, Any],
                 on_error: ErrorSink | None = None) -> None:  # fmt: skip
        super().__init__(ws, f"Save view {name}", on_error)
        self.name, self.state = name, dict(state)
        self.before: dict[str, Any] | None = None

    def _first(self) -> None:
        self.before = view_settings(self.db, self.name)
        self._redo()

    def _redo(self) -> None:
        put_view(self.db, self.name, {**(self.before or {}), **self.state})

    def _undo(self) -> None:
        if self.before is None:
            delete_view(self.db, self.name)
        else:
            put_view(self.db, self.name, self.before)


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
