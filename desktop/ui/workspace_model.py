"""The window's one view of the store: loaded once, then kept in step by change sets.

Every edit's unit of work returns a ChangeSet; `apply` re-reads only the rows it names
and tells the views exactly what changed (`events_changed` with the new records and
the removed ids, `lanes_changed`, `articles_changed`). Other windows and the CLI are
followed the same way: the window's change watcher (ui/team.py) wakes `sync`, which asks
the change log what changed since our revision (no timer of its own) on the task runner:
one look at a time, and one more after it if wake-ups came meanwhile (at 100,000 events an
import's change log is read several times a second; on the UI thread it stalled the window).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import chain
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.services import library as lib
from desktop.services import timeline_data as data
from desktop.services.timeline_data import LaneInfo, TimelineEvent
from desktop.store import Workspace
from desktop.store.changes import ChangeSet, changes_since, workspace_revision
from desktop.ui.tasks import Task, TaskRunner, bulk_objects

SYNC_LIMIT = 300  # more changed rows than this are read on a worker thread
# events handed to the views per event-loop pass: at 100,000 events a slice of 400 cost
# ~25 ms of the UI thread (more than BATCH rows re-laid out the tables whole: a layout
# change over 100,000 rows); 48 keep the tables' row signals and cost ~10 ms
SLICE = 48
# a delta this many slices long (the window fell behind a fast import) goes in slices
# four times larger: ~25 ms a pass instead of ~10, but the views catch up in a quarter
# of the passes, so the summary does not wait seconds for the backlog of a long import
BACKLOG_SLICES = 8


def slice_size(events: int) -> int:
    """Events handed to the views per pass for a delta of `events`."""
    return SLICE * 4 if events > SLICE * BACKLOG_SLICES else SLICE


@dataclass
class EventDelta:
    """Events created or updated (their new records) and deleted ids."""

    records: dict[int, TimelineEvent] = field(default_factory=dict)
    created: set[int] = field(default_factory=set)
    removed: set[int] = field(default_factory=set)
    before: dict[int, TimelineEvent] = field(default_factory=dict)  # the old records

    def __bool__(self) -> bool:
        return bool(self.records or self.removed)


@dataclass
class Snapshot:
    revision: int
    events: list[TimelineEvent]
    lanes: list[LaneInfo]
    articles: list[dict[str, Any]]


@dataclass
class Delta:
    """What a change set means for the views, read off the UI thread when large."""

    changes: ChangeSet
    events: list[TimelineEvent]
    lanes: list[LaneInfo] | None
    articles: list[dict[str, Any]]


def read_snapshot(ws: Workspace) -> Snapshot:
    with ws.session() as session:  # the revision first: a change racing the read is re-read
        revision = workspace_revision(session)
    with bulk_objects():
        events = data.load_events(ws)
    return Snapshot(revision, events, data.load_lanes(ws),
                    lib.library_rows(ws, counts=article_counts(events)))


def article_counts(events: list[TimelineEvent]) -> dict[int, dict[str, int]]:
    """article id -> status -> events citing it (what the library's columns count)."""
    counts: dict[int, dict[str, int]] = {}
    for e in events:
        for a in e.article_ids:
            per = counts.get(a)
            if per is None:
                per = counts[a] = {}
            per[e.status] = per.get(e.status, 0) + 1
    return counts


def read_since(ws: Workspace, revision: int) -> ChangeSet:
    """What the change log holds after `revision` (on the task runner)."""
    with ws.session() as session:
        return changes_since(session, revision)


def read_delta(ws: Workspace, changes: ChangeSet, articles_before: set[int]) -> Delta:
    ids = changes.events.created | changes.events.updated
    events = data.load_events(ws, ids=ids) if ids else []
    lanes = data.load_lanes(ws) if changes.lanes or changes.reset else None
    touched = set(articles_before) | (changes.articles.created | changes.articles.updated)
    for e in events:
        touched.update(e.article_ids)
    touched -= changes.articles.deleted
    return Delta(changes, events, lanes, lib.library_rows(ws, touched) if touched else [])


class WorkspaceModel(QObject):
    """Holds events, lanes and article rows; the only reader of the store for the views."""

    loaded = Signal()  # everything was (re)read: views reset
    events_changed = Signal(object)  # EventDelta
    lanes_changed = Signal()
    articles_changed = Signal(list, set)  # new/updated article rows, deleted ids
    applied = Signal(object)  # the ChangeSet, after every view has it
    arrived = Signal(object)  # a ChangeSet others committed, found by `sync`
    sync_failed = Signal(str)  # the change log could not be read (a server went away)

    def __init__(self, ws: Workspace, runner: TaskRunner, parent: QObject | None = None,
                 ) -> None:  # fmt: skip
        super().__init__(parent)
        self.ws, self.runner = ws, runner
        self.revision = -1
        self.events: dict[int, TimelineEvent] = {}
        self.lanes: list[LaneInfo] = []
        self.articles: dict[int, dict[str, Any]] = {}
        self.status_counts: Counter[str] = Counter()
        self.tag_counts: Counter[str] = Counter()
        self._queue: list[ChangeSet] = []
        self._reading: Task | None = None
        self._looking: Task | None = None  # the change log being read by `sync`
        self._sync_wanted = False  # a wake-up came while a read was running
        self._background_wanted = False  # a queued change set should be read off-thread
        self._slices: list[list[TimelineEvent]] = []  # a large delta still being applied
        self._sliced: Delta | None = None
        self._slice_no = 0
        self._when_shown: list[Callable[[], None]] = []

    @property
    def ready(self) -> bool:
        return self.revision >= 0

    # --- loading -------------------------------------------------------------------------
    def load(self, *, background: bool = True) -> None:
        """Read everything (opening, switching workspaces, a restored file)."""
        self._queue.clear()
        self._slices, self._sliced = [], None
        self._looking = None  # what a look in progress finds is older than this read
        ws = self.ws
        if not background:
            self._loaded(read_snapshot(ws))
            return
        self._reading = self.runner.start(
            "load", lambda _task: read_snapshot(ws),
            on_done=lambda snap: self._loaded(snap) if ws is self.ws else None,
            on_error=self._failed)

    def switch(self, ws: Workspace, *, background: bool = True) -> None:
        """Follow another workspace (File > Open): everything is read anew."""
        self.ws = ws
        self.revision = -1
        self._reading = None
        self.load(background=background)

    def _loaded(self, snap: Snapshot) -> None:
        self._reading = None
        self.revision = snap.revision
        events = snap.events
        self.events = {e.id: e for e in events}
        # map and chain: C-level passes over 100,000 records, no generator frame per one
        self.status_counts = Counter(map(attrgetter("status"), events))
        self.tag_counts = Counter(chain.from_iterable(map(attrgetter("tags"), events)))
        self.lanes = snap.lanes
        self.articles = {r["id"]: r for r in snap.articles}
        with bulk_objects():  # the views' own indexes of 100,000 records
            self.loaded.emit()
        self._next()

    def _failed(self, reason: str) -> None:
        self._reading = None
        print(f"chronologue: could not read the workspace: {reason}")

    # --- following changes ----------------------------------------------------------------
    def apply(self, changes: ChangeSet, *, background: bool = False) -> None:
        """Bring the views up to date with a committed change set (ours or anyone's).

        Our own small edits are read at once (the views show them before the key press
        returns); `background` (others' changes, an import's) reads on the task runner."""
        if not changes or not self.ready and self._reading is None:
            return
        if changes.since > self.revision >= 0:  # someone else wrote in between: take all
            self._sync_wanted = True  # (this change set too) from the log, off this thread
            if not self._busy:
                self._next()
            return
        self._queue.append(changes)
        self._background_wanted |= background
        if not self._busy:
            self._next()

    def sync(self) -> None:
        """Look in the change log for what others committed, on the task runner; what it
        finds is applied (its rows read off the UI thread too) and announced by `arrived`.
        A wake-up while a look or a read is running is taken by one more look after it."""
        if self._busy or self._looking is not None or not self.ready:
            self._sync_wanted = True
            return
        self._sync_wanted = False
        ws, revision = self.ws, max(self.revision, 0)

        def done(changes: ChangeSet) -> None:
            if task is self._looking:  # not a look from before a reload or a switch
                self._found(changes)

        def failed(reason: str) -> None:
            if task is self._looking:
                self._looking = None
                self.sync_failed.emit(reason)
                self._next()

        task = self._looking = self.runner.start(
            "changes-since", lambda _task: read_since(ws, revision), on_done=done,
            on_error=failed)

    def _found(self, changes: ChangeSet) -> None:
        self._looking = None
        if changes and (changes.revision > self.revision or changes.reset):
            self.arrived.emit(changes)
            self._queue.append(changes)
            self._background_wanted = True
        self._next()

    @property
    def _busy(self) -> bool:
        """A read is running or a large change set is still being handed out."""
        return self._reading is not None or bool(self._slices)

    def when_shown(self, callback: Callable[[], None]) -> None:
        """Call back once every change looked for so far is in the views (at once when
        nothing is being read): an import's summary waits for its last rows."""
        self._when_shown.append(callback)
        self._settle()

    def _settle(self) -> None:
        if (self._busy or self._looking is not None or self._queue or self._sync_wanted
                or not self.ready):
            return
        callbacks, self._when_shown = self._when_shown, []
        for callback in callbacks:
            callback()

    def _next(self) -> None:
        if not self._busy and not self._queue and self._sync_wanted and self.ready:
            self.sync()
        if self._busy or not self._queue:
            self._settle()
            return
        changes = self._queue.pop(0)
        while self._queue:
            changes = changes.then(self._queue.pop(0))
        background, self._background_wanted = self._background_wanted, False
        if changes.revision <= self.revision and not changes.reset:  # already applied
            self._next()
            return
        if changes.reset:
            self.load()
            return
        before = self._articles_of(changes.events.updated | changes.events.deleted)
        ws = self.ws
        if not background and len(changes.events.created | changes.events.updated) <= SYNC_LIMIT:
            self._take(read_delta(ws, changes, before))
            self._settle()
            return
        self._reading = self.runner.start(
            "changes", lambda _task: read_delta(ws, changes, before),
            on_done=lambda delta: self._took(delta) if ws is self.ws else None,
            on_error=self._failed)

    def slicing(self) -> bool:
        """A large delta is being handed to the views, one slice per pass."""
        return self._sliced is not None

    def _articles_of(self, event_ids: set[int]) -> set[int]:
        out: set[int] = set()
        for i in event_ids:
            e = self.events.get(i)
            if e is not None:
                out.update(e.article_ids)
        return out

    def _took(self, delta: Delta) -> None:
        """A background read is back: hand it to the views in slices of SLICE events, one
        per event-loop turn, so an import's thousands of rows never freeze the window."""
        self._reading = None
        if len(delta.events) <= SLICE:
            self._take(delta)
            self._next()
            return
        events = delta.events
        size = slice_size(len(events))
        self._slices = [events[i:i + size] for i in range(0, len(events), size)]
        self._sliced, self._slice_no = delta, 0
        self._take_slice()

    def _take_slice(self) -> None:
        delta = self._sliced
        if delta is None or not self._slices:
            return
        part = self._slices.pop(0)
        last = not self._slices
        self._take(delta, part, first=self._slice_no == 0, last=last)
        self._slice_no += 1
        if last:
            self._sliced = None
            self._next()
        else:
            # a timer, not a zero-delay call (Qt posts those, and runs the next in the same
            # pass as this one): the other timers due (a repaint, an animation) go between
            QTimer.singleShot(1, self._take_slice)

    def _take(self, delta: Delta, part: list[TimelineEvent] | None = None, *,
              first: bool = True, last: bool = True) -> None:  # fmt: skip
        """Apply (a slice of) a delta: lanes with the first slice; deletions, articles and
        `applied` with the last."""
        changes = delta.changes
        if first and delta.lanes is not None:
            self.lanes = delta.lanes
            self.lanes_changed.emit()
        ev = EventDelta()
        for e in delta.events if part is None else part:
            old = self.events.get(e.id)
            if old is not None:
                ev.before[e.id] = old
                self._count(old, -1)
            else:
                ev.created.add(e.id)
            ev.records[e.id] = e
            self.events[e.id] = e
            self._count(e, 1)
        if last:
            self.revision = max(self.revision, changes.revision)
            # an id said updated that we cannot read any more was deleted meanwhile
            read = {e.id for e in delta.events}
            gone = (changes.events.deleted
                    | ((changes.events.created | changes.events.updated) - read))
            for i in gone:
                old = self.events.pop(i, None)
                if old is not None:
                    ev.before[i] = old
                    ev.removed.add(i)
                    self._count(old, -1)
        if ev:
            self.events_changed.emit(ev)
        if not last:
            return
        removed_articles = {a for a in changes.articles.deleted if a in self.articles}
        for a in removed_articles:
            del self.articles[a]
        for row in delta.articles:
            self.articles[row["id"]] = row
        if delta.articles or removed_articles:
            self.articles_changed.emit(delta.articles, removed_articles)
        self.applied.emit(changes)

    def _count(self, e: TimelineEvent, sign: int) -> None:
        self.status_counts[e.status] += sign
        for t in e.tags:
            self.tag_counts[t] += sign

    # --- reading for the views -------------------------------------------------------------
    def lane_names(self) -> list[str]:
        return [lane.name for lane in self.lanes]

    def tag_names(self) -> list[str]:
        return sorted(t for t, n in self.tag_counts.items() if n > 0)

    def record(self, event_id: int | None) -> TimelineEvent | None:
        return self.events.get(event_id) if event_id is not None else None
