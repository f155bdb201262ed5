"""The Entities panel's requests (timeline of, export, merge, rename) turned into views
and undoable edits; the panel and the editor's name lists follow change sets."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QInputDialog

from desktop.services import entities
from desktop.services.timeline_data import TimelineEvent
from desktop.store.changes import ChangeSet
from desktop.ui.context import WindowContext
from desktop.ui.editor import EventEditor
from desktop.ui.entities_panel import EntitiesPanel
from desktop.ui.entity_commands import MergeEntitiesCommand, RenameEntityCommand
from desktop.ui.timeline.view import TimelineView

ENTITY_KINDS = ("actor", "place")


def touches_entities(changes: ChangeSet) -> bool:
    """Whether a change set can change the Entities panel's rows (names or counts)."""
    return bool(changes.of("actor") or changes.of("place"))


class EntityActions:
    """One per window; the export dialog is opened by the window's `export` callback."""

    def __init__(self, ctx: WindowContext, panel: EntitiesPanel, editor: EventEditor,
                 timeline: TimelineView,
                 export: Callable[[tuple[str, str]], None]) -> None:  # fmt: skip
        self.ctx = ctx
        self.panel = panel
        self.editor = editor
        self.timeline = timeline
        self.export = export  # opens File > Export for one actor's or place's timeline
        self.stale = False  # an event's actors or places moved: re-read once applied
        self.reading = False  # a background re-read is running
        self.again = False  # another change came while it ran: read once more after it
        panel.timeline_requested.connect(self.show_entity_timeline)
        panel.export_requested.connect(lambda kind, name: self.export((kind, name)))
        panel.merge_requested.connect(self.ask_merge_entities)
        panel.rename_requested.connect(self.ask_rename_entity)

    def refresh_entities(self) -> None:
        """The panel's rows and the editor's completions (one grouped query per kind)."""
        self._show(self._read(self.ctx.ws))

    @staticmethod
    def _read(ws: object) -> tuple[list, list]:
        return entities.entity_rows(ws, "actor"), entities.entity_rows(ws, "place")

    def _show(self, rows: tuple[list, list]) -> None:
        actors, places = rows
        self.panel.set_rows(actors, places)
        self.editor.set_entity_names([r.name for r in actors], [r.name for r in places])

    def refresh_in_background(self) -> None:
        """The same re-read on the task runner: at 100,000 events the grouped queries take
        a few hundred ms, once per imported file. One at a time; changes that arrive
        meanwhile are taken by one more read after it."""
        if self.reading:
            self.again = True
            return
        self.reading, self.again = True, False
        ws = self.ctx.ws

        def done(rows: tuple[list, list]) -> None:
            self.reading = False
            if ws is self.ctx.ws:  # not a workspace closed meanwhile (File > Open)
                self._show(rows)
            if self.again:
                self.refresh_in_background()

        def failed(message: str) -> None:
            self.reading = False
            self.ctx.report_error(f"Reading the actors and places failed: {message}")

        self.ctx.runner.start("entities", lambda _task: self._read(ws), on_done=done,
                              on_error=failed)

    def events_changed(self, records: list[TimelineEvent],
                       before: list[TimelineEvent]) -> None:  # fmt: skip
        """Note whether the panel's rows moved: an event's actors or places, or whether it
        counts (rejected events do not), for an event that names any."""
        def counted(e: TimelineEvent) -> tuple | None:
            if not e.actors and not e.places:
                return None
            return tuple(e.actors), tuple(e.places), e.status != "rejected"

        old = {e.id: counted(e) for e in before}
        now = {e.id: counted(e) for e in records}
        if any(old.get(i) != c for i, c in now.items()) or any(
                c is not None for i, c in old.items() if i not in now):
            self.stale = True

    def applied(self, changes: ChangeSet) -> None:
        """After each change set: the panel re-reads only if it touched actors or places."""
        if self.stale or touches_entities(changes):
            self.stale = False
            self.refresh_in_background()

    def show_entity_timeline(self, kind: str, name: str) -> None:
        """ "Timeline of X": the timeline shows only its events, fitted, in date order."""
        self.timeline.show_entity(kind, name)
        self.ctx.status(
            f"Timeline of {name}: {len(self.timeline.model.lane_of)} events "
            "(choose “Anyone, anywhere” above the timeline to see all)", 8000)

    def ask_merge_entities(self, kind: str, ids: list[int]) -> None:
        rows = {r.id: r for r in entities.entity_rows(self.ctx.ws, kind, ids)}
        ordered = sorted(rows.values(), key=lambda r: (-r.events, r.name.casefold()))
        if len(ordered) < 2:
            return
        names = [r.name for r in ordered]
        noun = "actor" if kind == "actor" else "place"
        keep, ok = QInputDialog.getItem(
            self.ctx.host, f"Merge {len(names)} {noun}s",
            "These are one. Keep the name (the others become its aliases):", names, 0, False)
        if ok and keep:
            self.merge_entities(kind, [r.id for r in ordered], keep)

    def merge_entities(self, kind: str, ids: list[int], keep: str) -> bool:
        target = entities.find_entity(self.ctx.ws, kind, keep)
        if target is None:
            return False
        sources = [i for i in ids if i != target]
        return self.ctx.run(MergeEntitiesCommand(self.ctx.ws, kind, sources, target, keep,
                                                 self.ctx.report_error))  # fmt: skip

    def ask_rename_entity(self, kind: str, entity_id: int) -> None:
        old = self.panel.name_of(entity_id)
        name, ok = QInputDialog.getText(self.ctx.host, f"Rename {kind}", "New name (the old "
                                        "one stays as an alias):", text=old)  # fmt: skip
        if ok and name.strip() and name.strip() != old:
            self.ctx.run(RenameEntityCommand(self.ctx.ws, kind, entity_id, name.strip(),
                                             self.ctx.report_error))  # fmt: skip
