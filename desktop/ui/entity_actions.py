"""The window's actor and place actions: the Entities panel's timeline, export, merge and
rename requests turned into views and undoable edits."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog

from desktop.services import entities
from desktop.ui.entity_commands import MergeEntitiesCommand, RenameEntityCommand

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


class EntityActions:
    def connect_entities(self: MainWindow) -> None:
        panel = self.entities_panel
        panel.timeline_requested.connect(self.show_entity_timeline)
        panel.export_requested.connect(self.export_entity_timeline)
        panel.merge_requested.connect(self.ask_merge_entities)
        panel.rename_requested.connect(self.ask_rename_entity)

    def refresh_entities(self: MainWindow) -> None:
        actors = entities.entity_rows(self.ws, "actor")
        places = entities.entity_rows(self.ws, "place")
        self.entities_panel.set_rows(actors, places)
        self.editor.set_entity_names([r.name for r in actors], [r.name for r in places])

    def show_entity_timeline(self: MainWindow, kind: str, name: str) -> None:
        """ "Timeline of X": the timeline shows only its events, fitted, in date order."""
        self.central.timeline.show_entity(kind, name)
        self.statusBar().showMessage(
            f"Timeline of {name}: {len(self.central.timeline.model.lane_of)} events "
            "(choose “Anyone, anywhere” above the timeline to see all)", 8000)

    def export_entity_timeline(self: MainWindow, kind: str, name: str) -> None:
        from desktop.ui.export_dialog import open_export_dialog

        open_export_dialog(self, visible_range=self.central.timeline.visible_range(),
                           entity=(kind, name))  # fmt: skip

    def ask_merge_entities(self: MainWindow, kind: str, ids: list[int]) -> None:
        rows = {r.id: r for r in entities.entity_rows(self.ws, kind, ids)}
        ordered = sorted(rows.values(), key=lambda r: (-r.events, r.name.casefold()))
        if len(ordered) < 2:
            return
        names = [r.name for r in ordered]
        noun = "actor" if kind == "actor" else "place"
        keep, ok = QInputDialog.getItem(
            self, f"Merge {len(names)} {noun}s",
            "These are one. Keep the name (the others become its aliases):", names, 0, False)
        if ok and keep:
            self.merge_entities(kind, [r.id for r in ordered], keep)

    def merge_entities(self: MainWindow, kind: str, ids: list[int], keep: str) -> bool:
        target = entities.find_entity(self.ws, kind, keep)
        if target is None:
            return False
        sources = [i for i in ids if i != target]
        return self.run(MergeEntitiesCommand(self.ws, kind, sources, target, keep,
                                             self.report_error))  # fmt: skip

    def ask_rename_entity(self: MainWindow, kind: str, entity_id: int) -> None:
        old = self.entities_panel.name_of(entity_id)
        name, ok = QInputDialog.getText(self, f"Rename {kind}", "New name (the old one "
                                        "stays as an alias):", text=old)  # fmt: skip
        if ok and name.strip() and name.strip() != old:
            self.run(RenameEntityCommand(self.ws, kind, entity_id, name.strip(),
                                         self.report_error))  # fmt: skip
