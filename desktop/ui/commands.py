"""Every user edit as a QUndoCommand over the services: each step is committed at once.

The first application happens in `apply()` before the command is pushed, so a refused
edit (stale version, missing event) raises to the caller and never enters the stack;
later redo/undo calls report failures through `on_error` instead of raising into Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtGui import QUndoCommand

from desktop.services import editing, entities, review, vocabulary
from desktop.services.editing import CitationSpec, EventSnapshot
from desktop.store import Workspace
from desktop.temporal import FuzzyDate

ErrorSink = Callable[[str], None]


def _ignore(_message: str) -> None:
    pass


class StoreCommand(QUndoCommand):
    """Base: skips the redo that QUndoStack.push makes, since apply() already did it."""

    def __init__(self, ws: Workspace, text: str, on_error: ErrorSink | None = None) -> None:
        super().__init__(text)
        self.ws = ws
        self.on_error = on_error or _ignore
        self._applied = False
        self.focus_event: int | None = None  # what the window should select afterwards

    def apply(self) -> None:
        """Do the edit for the first time; raises if the store refuses it."""
        self._redo()
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._guard(self._redo)

    def undo(self) -> None:
        self._guard(self._undo)

    def _guard(self, action: Callable[[], None]) -> None:
        try:
            action()
        except Exception as exc:  # noqa: BLE001 - reported to the user, never raised into Qt
            self.on_error(f"{self.text()}: {exc}")

    def _redo(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


class SetStatusCommand(StoreCommand):
    def __init__(self, ws: Workspace, before: dict[int, str], status: str,
                 on_error: ErrorSink | None = None) -> None:
        verb = {"accepted": "Accept", "rejected": "Reject"}.get(status, f"Mark {status}")
        n = len(before)
        super().__init__(ws, f"{verb} {n} event{'s' if n != 1 else ''}", on_error)
        self.before = dict(before)
        self.status = status

    def _redo(self) -> None:
        review.set_status(self.ws, list(self.before), self.status)

    def _undo(self) -> None:
        for old in set(self.before.values()):
            review.set_status(self.ws, [i for i, s in self.before.items() if s == old], old)


class UpdateEventCommand(StoreCommand):
    """before/after hold the same keys: title, description, notes, color, lane (a name),
    start (FuzzyDate), end (FuzzyDate | None), tags (list[str]). A lane or tag the edit
    created is dropped again on undo, so undo leaves the store as it was."""

    def __init__(self, ws: Workspace, event_id: int, before: dict[str, Any],
                 after: dict[str, Any], expected_version: int | None = None,
                 on_error: ErrorSink | None = None) -> None:
        what = ", ".join(sorted(after)) or "event"
        super().__init__(ws, f"Edit {what}", on_error)
        self.event_id = self.focus_event = event_id
        self.before, self.after = dict(before), dict(after)
        self.expected_version = expected_version
        lane = (after.get("lane") or "").strip()
        self.created_lane = lane if lane and not vocabulary.has_lane(ws, lane) else None
        self.new_entities = {  # names the edit will create: undo removes them again
            kind: [n for n in _names(after[key]) if entities.find_entity(ws, kind, n) is None]
            for kind, key in (("actor", "actors"), ("place", "places")) if key in after
        }

    def _fields(self, values: dict[str, Any]) -> dict[str, Any]:
        fields = dict(values)
        if "lane" in fields:
            fields["lane_id"] = vocabulary.lane_id_for(self.ws, fields.pop("lane"))
        return fields

    def apply(self) -> None:
        editing.update_event(self.ws, self.event_id, expected_version=self.expected_version,
                             **self._fields(self.after))
        self._applied = True

    def _redo(self) -> None:
        editing.update_event(self.ws, self.event_id, **self._fields(self.after))

    def _undo(self) -> None:
        editing.update_event(self.ws, self.event_id, **self._fields(self.before))
        if self.created_lane:
            vocabulary.drop_lane_if_unused(self.ws, self.created_lane)
        if "tags" in self.after:
            vocabulary.drop_unused_tags(self.ws)
        for kind, names in self.new_entities.items():
            ids = [entities.find_entity(self.ws, kind, n) for n in names]
            entities.drop_unused(self.ws, kind, [i for i in ids if i is not None])


def _names(values: list) -> list[str]:
    return [v if isinstance(v, str) else v[0] for v in values]


class CreateEventCommand(StoreCommand):
    def __init__(self, ws: Workspace, title: str, start: FuzzyDate, *,
                 citation: CitationSpec | None = None, tags: list[str] | None = None,
                 description: str = "", on_error: ErrorSink | None = None) -> None:
        super().__init__(ws, "Create event", on_error)
        self.title, self.start, self.citation = title, start, citation
        self.tags, self.description = list(tags or []), description
        self.snapshot: EventSnapshot | None = None

    def _redo(self) -> None:
        if self.snapshot is not None:
            self.focus_event = editing.restore_event(self.ws, self.snapshot)
            return
        self.focus_event = editing.create_event(
            self.ws, self.title, self.start, description=self.description,
            citation=self.citation,
        )
        if self.tags:
            editing.update_event(self.ws, self.focus_event, tags=self.tags)

    def _undo(self) -> None:
        assert self.focus_event is not None
        self.snapshot = editing.delete_event(self.ws, self.focus_event)
        if self.tags:
            vocabulary.drop_unused_tags(self.ws)


class DeleteEventCommand(StoreCommand):
    def __init__(self, ws: Workspace, event_id: int, on_error: ErrorSink | None = None) -> None:
        super().__init__(ws, "Delete event", on_error)
        self.event_id = event_id
        self.snapshot: EventSnapshot | None = None

    def _redo(self) -> None:
        self.snapshot = editing.delete_event(self.ws, self.event_id)

    def _undo(self) -> None:
        assert self.snapshot is not None
        self.focus_event = editing.restore_event(self.ws, self.snapshot)


class MergeCommand(StoreCommand):
    """Merge events into a target: it gains their citations; undo brings them back."""

    def __init__(self, ws: Workspace, source_ids: list[int], target_id: int,
                 on_error: ErrorSink | None = None) -> None:
        n = len(source_ids)
        super().__init__(ws, f"Merge {n} event{'s' if n != 1 else ''}", on_error)
        self.source_ids, self.target_id = list(source_ids), target_id
        self.focus_event = target_id
        self.snapshots: list[EventSnapshot] = []
        self.target_before: dict[str, Any] = {}

    def _redo(self) -> None:
        target = editing.read_snapshot(self.ws, self.target_id)
        self.target_before = {"confidence": target.fields["confidence"],
                              "actors": target.actors, "places": target.places}
        self.snapshots = [editing.merge_events(self.ws, s, self.target_id)
                          for s in self.source_ids]

    def _undo(self) -> None:
        for snap in reversed(self.snapshots):
            editing.restore_event(self.ws, snap)
        editing.update_event(self.ws, self.target_id, **self.target_before)


class RemoveCitationCommand(StoreCommand):
    def __init__(self, ws: Workspace, citation_id: int, on_error: ErrorSink | None = None) -> None:
        super().__init__(ws, "Remove citation", on_error)
        self.citation_id = citation_id
        self.removed: tuple[int, CitationSpec] | None = None

    def _redo(self) -> None:
        self.removed = editing.remove_citation(self.ws, self.citation_id)
        self.focus_event = self.removed[0]

    def _undo(self) -> None:
        assert self.removed is not None
        event_id, spec = self.removed
        editing.add_citation(self.ws, event_id, spec)


class SetPublishedCommand(StoreCommand):
    """An article's publication date; its pending suggestions are recomputed both ways."""

    def __init__(self, ws: Workspace, article_id: int, old: date | None, new: date | None,
                 on_error: ErrorSink | None = None) -> None:
        super().__init__(ws, "Set publication date", on_error)
        self.article_id, self.old, self.new = article_id, old, new
        self.added = 0

    def _redo(self) -> None:
        from desktop.services.suggesting import set_published

        self.added = set_published(self.ws, self.article_id, self.new)

    def _undo(self) -> None:
        from desktop.services.suggesting import set_published

        set_published(self.ws, self.article_id, self.old)
