"""Every user edit as a QUndoCommand over the services: one unit of work, one commit.

Each apply, undo and redo runs all its steps in one session (`self.db`) committed once,
so a refused step leaves nothing behind; what it changed goes to `on_changes` (the
window's workspace model). The first application happens in `apply()` before the
command is pushed, so a refused edit (stale version, missing event) raises to the
caller and never enters the stack; undo and redo check the versions they wrote and
report failures through `on_error` instead of raising into Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand
from sqlalchemy.orm import Session

from desktop.services import editing, entities, review, vocabulary
from desktop.services.editing import CitationSpec, EventSnapshot
from desktop.store import Workspace
from desktop.store.changes import ChangeSet, committed_changes
from desktop.temporal import FuzzyDate

ErrorSink = Callable[[str], None]
ChangeSink = Callable[[ChangeSet], None]


def _ignore(_message: object) -> None:
    pass


class EditCancelled(Exception):
    """The user stopped a long edit (its unit of work rolls back: nothing changed)."""


class Progress(Protocol):
    """A long edit's progress hook and cancel flag (the task runner's Task fits)."""

    @property
    def cancelled(self) -> bool: ...

    def progress(self, done: int, total: int, text: str = "") -> None: ...


class StoreCommand(QUndoCommand):
    """Base: skips the redo that QUndoStack.push makes, since apply() already did it."""

    def __init__(self, ws: Workspace, text: str, on_error: ErrorSink | None = None) -> None:
        super().__init__(text)
        self.ws = ws
        self.on_error = on_error or _ignore
        self.on_changes: ChangeSink = _ignore  # set by whoever runs the command
        # event id -> the version this window's last write left; shared by a window's
        # commands, so an undo is refused only if someone *else* changed the event
        self.written: dict[int, int] = {}
        self.changes = ChangeSet()  # what the last apply, undo or redo changed
        self._applied = False
        self._session: Session | None = None
        self.focus_event: int | None = None  # what the window should select afterwards
        self.task: Progress | None = None  # set while applied on the task runner

    @property
    def db(self) -> Session:
        """The session of the unit of work in progress (inside _first/_redo/_undo only)."""
        assert self._session is not None, "a command step ran outside its unit of work"
        return self._session

    def _unit(self, step: Callable[[], None]) -> None:
        """Run one step in one session, committed once (or not at all if it raises)."""
        with self.ws.session() as session:
            self._session = session
            try:
                step()
            finally:
                self._session = None
        self.changes = committed_changes(session)
        self.on_changes(self.changes)

    def _check(self, ids: list[int]) -> None:
        """Refuse if another window or process changed these events since our last write."""
        mine = {i: self.written[i] for i in ids if i in self.written}
        if mine:
            found = editing.versions(self.db, list(mine))
            editing.check_versions(self.db, {i: v for i, v in mine.items() if i in found})

    def _wrote(self, ids: list[int]) -> None:
        self.written.update(editing.versions(self.db, ids))

    def apply(self) -> None:
        """Do the edit for the first time; raises if the store refuses it."""
        self._unit(self._first)
        self._applied = True

    def _first(self) -> None:
        self._redo()

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._guard(self._redo)

    def undo(self) -> None:
        self._guard(self._undo)

    def _guard(self, step: Callable[[], None]) -> None:
        try:
            self._unit(step)
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
        self._check(list(self.before))
        review.set_status(self.db, list(self.before), self.status)
        self._wrote(list(self.before))

    def _undo(self) -> None:
        self._check(list(self.before))
        for old in set(self.before.values()):
            review.set_status(self.db, [i for i, s in self.before.items() if s == old], old)
        self._wrote(list(self.before))


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
            fields["lane_id"] = vocabulary.lane_id_for(self.db, fields.pop("lane"))
        return fields

    def _first(self) -> None:  # checked against the version the user saw
        editing.update_event(self.db, self.event_id, expected_version=self.expected_version,
                             **self._fields(self.after))
        self._wrote([self.event_id])

    def _redo(self) -> None:
        self._check([self.event_id])
        editing.update_event(self.db, self.event_id, **self._fields(self.after))
        self._wrote([self.event_id])

    def _undo(self) -> None:
        self._check([self.event_id])
        editing.update_event(self.db, self.event_id, **self._fields(self.before))
        self._wrote([self.event_id])
        if self.created_lane:
            vocabulary.drop_lane_if_unused(self.db, self.created_lane)
        if "tags" in self.after:
            vocabulary.drop_unused_tags(self.db)
        for kind, names in self.new_entities.items():
            ids = [entities.find_entity(self.db, kind, n) for n in names]
            entities.drop_unused(self.db, kind, [i for i in ids if i is not None])


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
            self.focus_event = editing.restore_event(self.db, self.snapshot)
        else:
            self.focus_event = editing.create_event(
                self.db, self.title, self.start, description=self.description,
                citation=self.citation,
            )
            if self.tags:
                editing.update_event(self.db, self.focus_event, tags=self.tags)
        self._wrote([self.focus_event])

    def _undo(self) -> None:
        assert self.focus_event is not None
        self._check([self.focus_event])
        self.snapshot = editing.delete_event(self.db, self.focus_event)
        if self.tags:
            vocabulary.drop_unused_tags(self.db)


class DeleteEventCommand(StoreCommand):
    def __init__(self, ws: Workspace, event_id: int, on_error: ErrorSink | None = None) -> None:
        super().__init__(ws, "Delete event", on_error)
        self.event_id = event_id
        self.snapshot: EventSnapshot | None = None

    def _redo(self) -> None:
        self._check([self.event_id])
        self.snapshot = editing.delete_event(self.db, self.event_id)

    def _undo(self) -> None:
        assert self.snapshot is not None
        self.focus_event = editing.restore_event(self.db, self.snapshot)
        self._wrote([self.event_id])


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
        self._check([self.target_id, *self.source_ids])
        target = editing.read_snapshot(self.db, self.target_id)
        self.target_before = {"confidence": target.fields["confidence"],
                              "actors": target.actors, "places": target.places}
        self.snapshots = [editing.merge_events(self.db, s, self.target_id)
                          for s in self.source_ids]
        self._wrote([self.target_id])

    def _undo(self) -> None:
        self._check([self.target_id])
        for snap in reversed(self.snapshots):
            editing.restore_event(self.db, snap)
        editing.update_event(self.db, self.target_id, **self.target_before)
        self._wrote([*self.source_ids, self.target_id])


class RemoveCitationCommand(StoreCommand):
    def __init__(self, ws: Workspace, citation_id: int, on_error: ErrorSink | None = None) -> None:
        super().__init__(ws, "Remove citation", on_error)
        self.citation_id = citation_id
        self.removed: tuple[int, CitationSpec] | None = None

    def _redo(self) -> None:
        if self.removed is not None:
            self._check([self.removed[0]])
        self.removed = editing.remove_citation(self.db, self.citation_id)
        self.focus_event = self.removed[0]
        self._wrote([self.focus_event])

    def _undo(self) -> None:
        assert self.removed is not None
        event_id, spec = self.removed
        self._check([event_id])
        editing.add_citation(self.db, event_id, spec)
        self._wrote([event_id])
