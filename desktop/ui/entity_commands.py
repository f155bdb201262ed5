"""Edits of actors and places as undo steps: merge aliases, rename, delete."""

from __future__ import annotations

from desktop.services import entities
from desktop.services.entity_merge import (
    EntitySnapshot,
    MergeRecord,
    delete_entity,
    merge_entities,
    restore_entity,
    unmerge_entities,
)
from desktop.store import Workspace
from desktop.ui.commands import ErrorSink, StoreCommand

NOUNS = {"actor": ("actor", "actors"), "place": ("place", "places")}


class MergeEntitiesCommand(StoreCommand):
    """Sources become aliases of the target and their events its events; undo splits them
    back exactly (ids, names, aliases, links and roles)."""

    def __init__(self, ws: Workspace, kind: str, source_ids: list[int], target_id: int,
                 target_name: str, on_error: ErrorSink | None = None) -> None:  # fmt: skip
        n = len(source_ids)
        noun = NOUNS[kind][0 if n == 1 else 1]
        super().__init__(ws, f"Merge {n} {noun} into {target_name}", on_error)
        self.kind, self.source_ids, self.target_id = kind, list(source_ids), target_id
        self.record: MergeRecord | None = None

    def _redo(self) -> None:
        self.record = merge_entities(self.db, self.kind, self.source_ids, self.target_id)

    def _undo(self) -> None:
        assert self.record is not None
        unmerge_entities(self.db, self.record)


class RenameEntityCommand(StoreCommand):
    """A new name; the old one stays as an alias so files and searches still find it."""

    def __init__(self, ws: Workspace, kind: str, entity_id: int, name: str,
                 on_error: ErrorSink | None = None) -> None:  # fmt: skip
        super().__init__(ws, f"Rename {NOUNS[kind][0]} to {name}", on_error)
        self.kind, self.entity_id, self.name = kind, entity_id, name
        self.old_name = ""
        self.old_aliases: list[str] = []

    def _redo(self) -> None:
        session = self.db  # one unit of work: the rename and the alias
        entity = session.get(entities.kind_of(self.kind).model, self.entity_id)
        aliases = list(entity.aliases or []) if entity is not None else []
        self.old_name = entities.rename_entity(session, self.kind, self.entity_id, self.name)
        self.old_aliases = entities.set_aliases(session, self.kind, self.entity_id,
                                                [*aliases, self.old_name])  # fmt: skip

    def _undo(self) -> None:
        entities.rename_entity(self.db, self.kind, self.entity_id, self.old_name)
        entities.set_aliases(self.db, self.kind, self.entity_id, self.old_aliases)


class DeleteEntityCommand(StoreCommand):
    """Remove an actor or place from every event; undo puts it and its links back."""

    def __init__(self, ws: Workspace, kind: str, entity_id: int, name: str,
                 on_error: ErrorSink | None = None) -> None:  # fmt: skip
        super().__init__(ws, f"Delete {NOUNS[kind][0]} {name}", on_error)
        self.kind, self.entity_id = kind, entity_id
        self.snapshot: EntitySnapshot | None = None

    def _redo(self) -> None:
        self.snapshot = delete_entity(self.db, self.kind, self.entity_id)

    def _undo(self) -> None:
        assert self.snapshot is not None
        restore_entity(self.db, self.snapshot)
