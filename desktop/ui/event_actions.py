"""The window's event edits: status from the queue, editor fields, merge, new, annotate,
delete (of the focused pane), each one undoable command with a status line naming it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QApplication, QDialog, QDockWidget, QWidget

from desktop.services.annotation import NEEDS_REVIEW_TAG, annotation_from_span
from desktop.services.timeline_data import TimelineEvent
from desktop.ui import commands as cmd
from desktop.ui.actions import WindowActions, on
from desktop.ui.bidi import select_from_start
from desktop.ui.context import WindowContext
from desktop.ui.editor import EventEditor
from desktop.ui.events_table import EventsPanel
from desktop.ui.library import LibraryPanel
from desktop.ui.reader import ReaderPanel
from desktop.ui.review import ReviewPanel
from desktop.ui.timeline.view import TimelineView


@dataclass
class Panes:
    """The panes an event edit reads its selection from (the window's, by reference)."""

    library: LibraryPanel
    reader: ReaderPanel
    review: ReviewPanel
    editor: EventEditor
    table: EventsPanel
    timeline: TimelineView
    editor_dock: QDockWidget


def named(events: list[TimelineEvent]) -> str:
    """“Title” (date) for one event, “N events” for more: what a status line says."""
    if len(events) == 1:
        return f"“{events[0].title}” ({events[0].date_text()})"
    return f"{len(events)} events"


class EventActions:
    """One per window. `select_event` and `current_event` are the window's: which event
    is current is the window's state; `mentions` are the reader's dates per article."""

    def __init__(self, ctx: WindowContext, panes: Panes,
                 current_event: Callable[[], int | None],
                 select_event: Callable[..., None],
                 mentions: dict[tuple[int, str | None], list[Any]]) -> None:  # fmt: skip
        self.ctx = ctx
        self.panes = panes
        self.current_event = current_event
        self.select_event = select_event
        self.mentions = mentions
        self.merge_dialog: QDialog | None = None  # kept while open
        p = panes
        p.reader.annotate_requested.connect(self.annotate_selection)
        p.review.status_requested.connect(self.set_status)
        p.review.edit_requested.connect(lambda i: self.edit_event(i, from_queue=True))
        p.review.merge_requested.connect(self.ask_merge)
        p.editor.edit_requested.connect(self.edit_fields)
        p.editor.remove_citation_requested.connect(
            lambda c: self.ctx.run(cmd.RemoveCitationCommand(self.ctx.ws, c,
                                                             self.ctx.report_error)))
        p.editor.status_requested.connect(self.set_status)
        p.editor.finished.connect(p.review.view.setFocus)

    def connect(self, acts: WindowActions) -> None:
        on(acts.annotate, self.annotate_selection)
        on(acts.new_event, self.new_event)
        on(acts.delete, self.delete_focused)
        for action, what in ((acts.accept, "accepted"), (acts.reject, "rejected"),
                             (acts.merge, "merge")):
            on(action, lambda what=what: self.panes.review.view.act.emit(what))

    def _records(self, ids: list[int]) -> list[TimelineEvent]:
        return [e for e in (self.ctx.model.record(i) for i in ids) if e is not None]

    def set_status(self, ids: list[int], status: str) -> None:
        events = self._records(ids)
        before = {e.id: e.status for e in events}
        if before and self.ctx.run(cmd.SetStatusCommand(self.ctx.ws, before, status,
                                                        self.ctx.report_error)):
            verb = {"accepted": "Accepted", "rejected": "Rejected"}.get(status, f"Marked {status}")
            self.ctx.status(f"{verb} {named(events)}. Ctrl+Z undoes it.", 8000)
            self.panes.review.view.setFocus()

    def edit_fields(self, event_id: int, before: dict, after: dict, version: int) -> None:
        for d in (before, after):
            if "color" in d:
                d["color"] = d["color"] or None
        self.ctx.run(cmd.UpdateEventCommand(self.ctx.ws, event_id, before, after, version,
                                            self.ctx.report_error))

    def edit_event(self, event_id: int, *, from_queue: bool = False) -> None:
        """E in the queue, Enter on the timeline: the editor's date field, ready to type;
        from the queue, Enter there hands the focus back to the queue."""
        self.select_event(event_id)
        self.panes.editor_dock.raise_()
        self.panes.editor.focus_date(return_on_enter=from_queue)

    def ask_merge(self, source_ids: list[int]) -> None:
        from desktop.ui.dialogs import MergeDialog

        dialog = MergeDialog(list(self.ctx.model.events.values()), source_ids, self.ctx.host)
        dialog.setObjectName("merge-dialog")
        dialog.accepted.connect(lambda: self.merge(source_ids, dialog.target()))
        self.merge_dialog = dialog
        dialog.open()

    def merge(self, source_ids: list[int], target_id: int | None) -> None:
        if target_id is not None and target_id not in source_ids:
            self.ctx.run(cmd.MergeCommand(self.ctx.ws, source_ids, target_id,
                                          self.ctx.report_error))

    def annotate_selection(self) -> None:
        """Ctrl+E: an event from the reader's selection, dated from a date inside it."""
        reader, editor = self.panes.reader, self.panes.editor
        span = reader.selection_span()
        article = reader.article
        if span is None or article is None:
            self.ctx.status("Select a sentence in the reader first, then press Ctrl+E.", 8000)
            return
        mentions = self.mentions.get((article["id"], article["published"]))
        try:
            note = annotation_from_span(self.ctx.ws, article["id"], *span, mentions=mentions)
        except (ValueError, LookupError) as exc:
            self.ctx.status(str(exc), 8000)
            return
        command = cmd.CreateEventCommand(
            self.ctx.ws, note.title, note.start, citation=note.citation,
            tags=[NEEDS_REVIEW_TAG] if note.needs_review else None,
            on_error=self.ctx.report_error)
        if self.ctx.run(command):
            self.ctx.status(f"New event on {note.start.human()}: {note.reason}. "
                            "Type a better title, or Esc.", 10000)
            editor.title.setFocus()
            select_from_start(editor.title)  # a long Arabic quote: its start in view

    def new_event(self) -> None:
        """Ctrl+N: an event dated near the selection or the timeline's visible range."""
        from desktop.temporal.near import date_near

        current = self.ctx.model.record(self.current_event())
        timeline = self.panes.timeline
        visible = timeline.visible_range() if timeline.model.events else None
        start = date_near(current.start if current else None, visible)
        command = cmd.CreateEventCommand(self.ctx.ws, "New event", start,
                                         on_error=self.ctx.report_error)
        if self.ctx.run(command):
            self.panes.editor_dock.raise_()
            self.panes.editor.title.setFocus()
            self.panes.editor.title.selectAll()

    def delete_focused(self) -> None:
        """Delete acts on the pane that has the focus: the queue's or the timeline's
        selection, the table's row, the library's articles; never from the reader."""
        focus = QApplication.focusWidget()
        p = self.panes

        def inside(widget: QWidget) -> bool:
            return focus is not None and (focus is widget or widget.isAncestorOf(focus))

        if inside(p.reader):
            self.ctx.status("Delete does nothing in the reader: select the event in the "
                            "queue, the table or the timeline.", 8000)
            return
        if inside(p.library):
            p.library.request_delete()
            return
        if inside(p.review):
            ids = p.review.selected_ids()
        elif inside(p.table):
            ids = [i for i in [p.table.current_id()] if i is not None]
        elif inside(p.timeline):
            ids = p.timeline.selected_ids()
        else:
            current = self.current_event()
            ids = [current] if current is not None else []
        self.delete_events(ids)

    def delete_events(self, ids: list[int]) -> None:
        """Delete events as one undo step; the status bar names what went."""
        events = self._records(ids)
        if not events:
            return
        stack = self.ctx.undo_stack
        stack.beginMacro(f"Delete {len(events)} event{'s' if len(events) != 1 else ''}")
        done = [e for e in events
                if self.ctx.run(cmd.DeleteEventCommand(self.ctx.ws, e.id,
                                                       self.ctx.report_error))]
        stack.endMacro()
        if done:
            self.ctx.status(f"Deleted {named(done)}. Ctrl+Z brings it back.", 10000)
