"""The workspace window: library, reader, review queue, editor and the events table.

The window owns the open Workspace, its QUndoStack, its task runner and its workspace
model (no globals). The store is read once; after that every edit's change set (and
every change another process logs) reaches the views as the rows that changed.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from desktop import __version__
from desktop.services import library as lib
from desktop.services.annotation import NEEDS_REVIEW_TAG, annotation_from_span
from desktop.services.queries import article_detail
from desktop.services.timeline_data import TimelineEvent
from desktop.store import Workspace
from desktop.ui import commands as cmd
from desktop.ui.autobackup import SessionBackups
from desktop.ui.bidi import select_from_start
from desktop.ui.central import CentralArea
from desktop.ui.chrome import install_chrome
from desktop.ui.editor import EventEditor
from desktop.ui.entities_panel import EntitiesPanel
from desktop.ui.entity_actions import EntityActions
from desktop.ui.events_table import EventsPanel
from desktop.ui.file_watch import ReplacementWatch
from desktop.ui.importer import ImportController
from desktop.ui.library import LibraryPanel
from desktop.ui.library_actions import LibraryActions
from desktop.ui.menus import build_menus
from desktop.ui.reader import ReaderPanel
from desktop.ui.review import ReviewPanel
from desktop.ui.tasks import TaskRunner
from desktop.ui.team import TeamSupport
from desktop.ui.workers import tag_job
from desktop.ui.workspace_model import EventDelta, WorkspaceModel
from desktop.ui.workspaces import WorkspaceActions


class MainWindow(WorkspaceActions, LibraryActions, EntityActions, QMainWindow):
    def __init__(self, ws: Workspace, settings: QSettings, parent: QWidget | None = None,
                 ) -> None:  # fmt: skip
        super().__init__(parent)
        self.ws, self.settings = ws, settings
        self.runner = TaskRunner(self)
        self.undo_stack = QUndoStack(self)
        self.model = WorkspaceModel(ws, self.runner, self)
        self.written_versions: dict[int, int] = {}  # what our edits left (undo checks)
        self.current_event: int | None = None
        self.current_article: int | None = None
        self.current_detail: dict[str, Any] | None = None  # the editor's event, in full
        self.mentions: dict[tuple[int, str | None], list[Any]] = {}
        self._after_idle: list[Any] = []
        self.setObjectName("MainWindow")
        self.setAcceptDrops(True)
        self.library = LibraryPanel()
        self.reader = ReaderPanel()
        self.review = ReviewPanel()
        self.editor = EventEditor()
        self.table = EventsPanel()
        self.entities_panel = EntitiesPanel()
        self.central = CentralArea(self)
        self.setCentralWidget(self.central)
        self.docks = [
            self._dock("Library", self.library, Qt.DockWidgetArea.LeftDockWidgetArea),
            self._dock("Review queue", self.review, Qt.DockWidgetArea.LeftDockWidgetArea),
            self._dock("Reader", self.reader, Qt.DockWidgetArea.RightDockWidgetArea),
            self._dock("Event editor", self.editor, Qt.DockWidgetArea.RightDockWidgetArea),
        ]
        self.entities_dock = self._dock("Entities", self.entities_panel,
                                        Qt.DockWidgetArea.LeftDockWidgetArea)
        self.tabifyDockWidget(self.docks[0], self.entities_dock)
        self.docks[0].raise_()
        self.summary = QLabel()
        self.summary.setAccessibleName("Workspace summary")
        self.statusBar().addPermanentWidget(self.summary)
        self.importer = ImportController(self, self.statusBar(), self.runner)
        self.importer.model = self.model
        self.importer.changed.connect(self.refresh)
        self.importer.done.connect(lambda _report: self._select_something())
        self.session_backups = SessionBackups(lambda: self.ws, self.runner, self.statusBar())
        self.replacement_watch = ReplacementWatch(self)
        self.actions_by_name = build_menus(self)
        install_chrome(self)  # preferences, theme, icons, toolbar
        self.team = TeamSupport(self)  # live changes from others, read-only state, history
        self._connect()
        self._restore_layout()
        self._set_title()
        self.team.attach(ws)
        self.model.load()

    @property
    def events(self) -> list[TimelineEvent]:
        """Every event record the window holds (no store read)."""
        return list(self.model.events.values())

    def event_by_id(self, event_id: int | None) -> TimelineEvent | None:
        return self.model.record(event_id)

    def _select_something(self) -> None:
        """Start where the work is: the first suggestion, else the first article."""
        if self.current_event is not None or self.current_article is not None:
            return
        if not self.model.ready:
            return
        if self.review.model.rows:
            self.review.select_row(0)
        elif self.library.model.rows:
            self.library.select(self.library.model.rows[0]["id"])

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(title.lower().replace(" ", "-"))
        dock.setWidget(widget)
        dock.setAccessibleName(title)
        self.addDockWidget(area, dock)
        return dock

    def _connect(self) -> None:
        self.model.loaded.connect(self._loaded)
        self.model.events_changed.connect(self._events_changed)
        self.model.lanes_changed.connect(self._lanes_changed)
        self.model.articles_changed.connect(self._articles_changed)
        self.model.applied.connect(
            lambda cs: self.refresh_entities() if cs.of("actor") or cs.of("place") else None)
        self.library.article_selected.connect(self.show_article)
        self.library.set_date_requested.connect(self.ask_article_date)
        self.library.details_requested.connect(self.edit_article_details)
        self.connect_library()
        self.connect_entities()
        self.reader.set_date_requested.connect(self.ask_article_date)
        self.reader.annotate_requested.connect(self.annotate_selection)
        self.reader.event_clicked.connect(lambda i: self.select_event(i, reveal=False))
        self.review.current_event_changed.connect(self.select_event)
        self.review.status_requested.connect(self.set_status)
        self.review.edit_requested.connect(lambda i: self.edit_event(i, from_queue=True))
        self.review.merge_requested.connect(self.ask_merge)
        self.table.event_selected.connect(self.select_event)
        self.editor.edit_requested.connect(self.edit_fields)
        self.editor.jump_requested.connect(self.jump_to)
        self.editor.remove_citation_requested.connect(
            lambda c: self.run(cmd.RemoveCitationCommand(self.ws, c, self.report_error)))
        self.editor.status_requested.connect(self.set_status)
        self.editor.finished.connect(self.review.view.setFocus)

    def _set_title(self) -> None:
        shared = " (shared)" if self.ws.location.is_shared else ""
        read_only = " — read-only" if self.ws.read_only else ""
        self.setWindowTitle(f"Chronologue — {self.ws.name}{shared}{read_only}")
        self.setWindowFilePath(str(self.ws.path) if self.ws.path else "")

    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1600, 980)
            self.resizeDocks(self.docks[:2], [400, 400], Qt.Orientation.Horizontal)
            self.resizeDocks(self.docks[2:], [500, 500], Qt.Orientation.Horizontal)
            self.resizeDocks(self.docks[:2], [330, 560], Qt.Orientation.Vertical)
            self.resizeDocks(self.docks[2:], [430, 530], Qt.Orientation.Vertical)
        if state is not None:
            self.restoreState(state)

    # -- following the store -----------------------------------------------------------------
    def refresh(self) -> None:
        """Take in what others committed (another window, the CLI, a running import)."""
        self.model.sync()

    def _loaded(self) -> None:
        """The workspace was read: every view starts from it."""
        m = self.model
        records = list(m.events.values())
        lanes = [(lane.id, lane.name) for lane in m.lanes]
        self.central.fill(m)
        self.library.set_rows(sorted(m.articles.values(), key=lambda r: r["id"]))
        self.table.set_records(records, lanes, m.tag_names())
        self.review.set_records(records)
        self.editor.set_lanes(m.lane_names())
        self.refresh_entities()
        self._summarise()
        if self.current_event is not None and self.event_by_id(self.current_event) is None:
            self.current_event = None
        self._load_editor()
        if self.current_event is not None:
            self.table.select_event(self.current_event)
            self.review.select_event(self.current_event)
        if self.current_article is not None:
            self._show_article(self.current_article)
        self._select_something()

    def _events_changed(self, delta: EventDelta) -> None:
        records = list(delta.records.values())
        tags_moved = any(delta.before.get(i) is None or delta.before[i].tags != e.tags
                         for i, e in delta.records.items()) or any(
            delta.before[i].tags for i in delta.removed if i in delta.before)
        tags = self.model.tag_names() if tags_moved else None
        self.central.timeline.apply_events(records, delta.removed, tags)
        self.review.apply(records, delta.removed)
        self.table.apply(records, delta.removed)
        if tags is not None:
            self.table.set_vocabulary([(lane.id, lane.name) for lane in self.model.lanes], tags)
        self._summarise()
        if self.current_event in delta.removed:
            self.current_event = None
            self._load_editor()
        elif self.current_event in delta.records:
            self._load_editor()
        if self.current_article is not None and any(
                self.current_article in e.article_ids
                for e in (*records, *(delta.before[i] for i in delta.removed
                                      if i in delta.before))):
            self._show_marks(self.current_article)

    def _lanes_changed(self) -> None:
        lanes = [(lane.id, lane.name) for lane in self.model.lanes]
        self.central.timeline.set_lanes(self.model.lanes)
        self.editor.set_lanes(self.model.lane_names())
        self.table.set_vocabulary(lanes, self.model.tag_names())

    def _articles_changed(self, rows: list[dict[str, Any]], removed: set[int]) -> None:
        self.library.apply(rows, removed)
        self._summarise()
        if self.current_article in removed:
            self.current_article = None
            self.reader.show_article(None, [])

    def _summarise(self) -> None:
        counts = self.model.status_counts
        self.summary.setText(f"{len(self.model.articles)} articles · "
                             f"{counts['suggested']} to review · "
                             f"{counts['accepted'] + counts['manual']} accepted  ")

    def _load_editor(self) -> None:
        """The editor shows the current event in full (one small read)."""
        detail = lib.event_detail(self.ws, self.current_event) \
            if self.current_event is not None else None
        if detail is None:
            self.current_event = None
        self.current_detail = detail
        self.editor.load(detail)

    def show_article(self, article_id: int) -> None:
        if article_id != self.current_article:
            self.current_article = article_id
            self._show_article(article_id)
            self.library.select(article_id, emit=False)

    def _show_article(self, article_id: int) -> None:
        detail = article_detail(self.ws, article_id)
        if detail is None:
            self.current_article = None
        self.reader.show_article(detail, lib.article_marks(self.ws, article_id) if detail else [])
        if detail is None:
            return
        key = (article_id, detail["published"])
        if key in self.mentions:
            self.reader.set_mentions(article_id, self.mentions[key])
            return
        published = date.fromisoformat(detail["published"]) if detail["published"] else None
        job = tag_job(key, detail["text"], published, detail["language"])
        self.runner.start("tag", lambda _task: job(None, None), on_done=self._tagged)

    def _show_marks(self, article_id: int) -> None:
        """The reader's event marks after its article's events changed (text stays)."""
        if self.reader.article is not None and self.reader.article["id"] == article_id:
            self.reader.show_article(self.reader.article, lib.article_marks(self.ws, article_id))

    def _tagged(self, result: tuple[tuple[int, str | None], list[Any]]) -> None:
        key, found = result
        self.mentions[key] = found
        self.reader.set_mentions(key[0], found)

    def select_event(self, event_id: int, *, reveal: bool = True) -> None:
        """Make an event current everywhere: editor, table, queue and the reader's source."""
        if event_id != self.current_event:
            self.editor.commit_pending()
        self.current_event = event_id
        self._load_editor()
        event = self.current_detail
        self.table.select_event(event_id)
        self.review.select_event(event_id)
        self.central.show_event(event_id)
        if event and event["citations"] and reveal:
            here = [c for c in event["citations"] if c["article_id"] == self.current_article]
            c = (here or event["citations"])[0]
            self.jump_to(c["article_id"], c["start"], c["end"])

    def jump_to(self, article_id: int, start: int, end: int) -> None:
        self.show_article(article_id)
        self.reader.reveal(start, end)

    # -- edits -------------------------------------------------------------------------------
    def run(self, command: cmd.StoreCommand) -> bool:
        """Apply an edit now and put it on the undo stack; say why if the store refuses.

        Its change set (and every undo's and redo's) goes to the workspace model."""
        command.on_changes = self.model.apply
        command.written = self.written_versions
        if self.team.refuse_if_read_only():
            return False
        try:
            command.apply()
        except Exception as exc:  # noqa: BLE001 - every refusal is shown, none is fatal
            self.report_error(f"{command.text()} failed: {exc}")
            return False
        self.undo_stack.push(command)
        if command.focus_event is not None and self.event_by_id(command.focus_event):
            self.select_event(command.focus_event, reveal=False)
        return True

    def report_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 15000)
        box = QMessageBox(QMessageBox.Icon.Warning, "Chronologue", message,
                          QMessageBox.StandardButton.Ok, self)
        box.open()

    def set_status(self, ids: list[int], status: str) -> None:
        events = [e for e in (self.event_by_id(i) for i in ids) if e is not None]
        before = {e.id: e.status for e in events}
        if before and self.run(cmd.SetStatusCommand(self.ws, before, status, self.report_error)):
            verb = {"accepted": "Accepted", "rejected": "Rejected"}.get(status, f"Marked {status}")
            what = (f"“{events[0].title}” ({events[0].date_text()})" if len(events) == 1
                    else f"{len(events)} events")
            self.statusBar().showMessage(f"{verb} {what}. Ctrl+Z undoes it.", 8000)
            self.review.view.setFocus()

    def edit_fields(self, event_id: int, before: dict, after: dict, version: int) -> None:
        for d in (before, after):
            if "color" in d:
                d["color"] = d["color"] or None
        self.run(cmd.UpdateEventCommand(self.ws, event_id, before, after, version,
                                        self.report_error))

    def edit_event(self, event_id: int, *, from_queue: bool = False) -> None:
        self.select_event(event_id)
        self.docks[3].raise_()
        self.editor.focus_date(return_on_enter=from_queue)

    def ask_merge(self, source_ids: list[int]) -> None:
        from desktop.ui.dialogs import MergeDialog

        dialog = MergeDialog(self.events, source_ids, self)
        dialog.setObjectName("merge-dialog")
        dialog.accepted.connect(lambda: self.merge(source_ids, dialog.target()))
        self.merge_dialog = dialog
        dialog.open()

    def merge(self, source_ids: list[int], target_id: int | None) -> None:
        if target_id is not None and target_id not in source_ids:
            self.run(cmd.MergeCommand(self.ws, source_ids, target_id, self.report_error))

    def annotate_selection(self) -> None:
        """Ctrl+E: an event from the reader's selection, dated from a date inside it."""
        span = self.reader.selection_span()
        article = self.reader.article
        if span is None or article is None:
            self.statusBar().showMessage("Select a sentence in the reader first, then press "
                                         "Ctrl+E.", 8000)
            return
        mentions = self.mentions.get((article["id"], article["published"]))
        try:
            note = annotation_from_span(self.ws, article["id"], *span, mentions=mentions)
        except (ValueError, LookupError) as exc:
            self.statusBar().showMessage(str(exc), 8000)
            return
        command = cmd.CreateEventCommand(
            self.ws, note.title, note.start, citation=note.citation,
            tags=[NEEDS_REVIEW_TAG] if note.needs_review else None, on_error=self.report_error)
        if self.run(command):
            self.statusBar().showMessage(f"New event on {note.start.human()}: {note.reason}. "
                                         "Type a better title, or Esc.", 10000)
            self.editor.title.setFocus()
            select_from_start(self.editor.title)  # a long Arabic quote: its start in view

    def new_event(self) -> None:
        """Ctrl+N: an event dated near the selection or the timeline's visible range."""
        from desktop.temporal.near import date_near

        current = self.event_by_id(self.current_event)
        timeline = self.central.timeline
        visible = timeline.visible_range() if timeline.model.events else None
        start = date_near(current.start if current else None, visible)
        command = cmd.CreateEventCommand(self.ws, "New event", start,
                                         on_error=self.report_error)
        if self.run(command):
            self.docks[3].raise_()
            self.editor.title.setFocus()
            self.editor.title.selectAll()

    def delete_current_event(self) -> None:
        """Delete acts on the pane that has the focus: the queue's or the timeline's
        selection, the table's row, the library's articles; never from the reader."""
        focus = QApplication.focusWidget()

        def inside(widget: QWidget) -> bool:
            return focus is not None and (focus is widget or widget.isAncestorOf(focus))

        if inside(self.reader):
            self.statusBar().showMessage("Delete does nothing in the reader: select the event "
                                         "in the queue, the table or the timeline.", 8000)
            return
        if inside(self.library):
            self.library.request_delete()
            return
        if inside(self.review):
            ids = self.review.selected_ids()
        elif inside(self.table):
            ids = [i for i in [self.table.current_id()] if i is not None]
        elif inside(self.central.timeline):
            ids = self.central.timeline.selected_ids()
        else:
            ids = [self.current_event] if self.current_event is not None else []
        self.delete_events(ids)

    def delete_events(self, ids: list[int]) -> None:
        """Delete events (each undoable); the status bar names what went."""
        events = [e for e in (self.event_by_id(i) for i in ids) if e is not None]
        if not events:
            return
        self.undo_stack.beginMacro(f"Delete {len(events)} event{'s' if len(events) != 1 else ''}")
        done = [e for e in events
                if self.run(cmd.DeleteEventCommand(self.ws, e.id, self.report_error))]
        self.undo_stack.endMacro()
        if done:
            what = (f"“{done[0].title}” ({done[0].date_text()})" if len(done) == 1
                    else f"{len(done)} events")
            self.statusBar().showMessage(f"Deleted {what}. Ctrl+Z brings it back.", 10000)

    def ask_article_date(self, article_id: int | None = None) -> None:
        from desktop.ui.dialogs import DateDialog

        article_id = article_id or self.current_article
        row = self.library.row_for(article_id) if article_id else None
        if row is None:
            self.statusBar().showMessage("Select an article first.", 5000)
            return
        old = date.fromisoformat(row["published"]) if row["published"] else None
        dialog = DateDialog(row["title"], old, self)
        dialog.setObjectName("date-dialog")
        dialog.accepted.connect(lambda: self.set_article_date(article_id, dialog.value()))
        self.date_dialog = dialog
        dialog.open()

    def set_article_date(self, article_id: int, published: date | None) -> None:
        row = self.library.row_for(article_id)
        old = date.fromisoformat(row["published"]) if row and row["published"] else None
        if published == old:
            return
        from desktop.ui.article_commands import EditArticleCommand

        # The same exact-restore edit as the details dialog: undo puts back the pending
        # suggestions as they were, edits included. Re-extraction runs off the UI thread.
        command = EditArticleCommand(self.ws, article_id, {"published": published},
                                     self.report_error)
        self.statusBar().showMessage("Recomputing this article's suggestions…")

        def then() -> None:
            command.on_changed = self._article_changed  # undo and redo run on this thread
            self._article_changed(article_id)
            self.statusBar().showMessage(
                f"Publication date set; {command.added} suggestions recomputed.", 10000)

        self.run_in_background(command, then)

    def _article_changed(self, article_id: int) -> None:
        self.mentions = {k: v for k, v in self.mentions.items() if k[0] != article_id}
        if article_id == self.current_article:
            self._show_article(article_id)

    def run_in_background(self, command: cmd.StoreCommand, then: Any = None) -> None:
        """Apply a slow edit (re-extraction) on the task runner, then stack it."""
        if self.team.refuse_if_read_only():
            return
        command.on_changes = lambda _c: None  # views follow once it is back on this thread
        command.written = self.written_versions

        def done(_result: object) -> None:
            self.model.apply(command.changes)
            self.undo_stack.push(command)
            command.on_changes = self.model.apply
            if then is not None:
                then()

        self.runner.start("edit", lambda _task: command.apply(), on_done=done,
                          on_error=lambda reason: self.report_error(
                              f"{command.text()} failed: {reason}"))

    def edit_article_details(self, article_id: int | None = None) -> None:
        from desktop.ui.article_dialog import open_article_dialog

        open_article_dialog(self, article_id)

    def focus_event_filter(self) -> None:
        self.table.search.setFocus()
        self.table.search.selectAll()

    # -- import ------------------------------------------------------------------------------
    def import_paths(self, paths: list[Path]) -> bool:
        return self.importer.import_paths(self.ws, paths)

    def paste_article(self) -> None:
        text = QApplication.clipboard().text()
        if not text.strip():
            self.statusBar().showMessage("The clipboard holds no text to import.", 6000)
            return
        self.importer.import_text(self.ws, text)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    # -- help, closing, screenshots ----------------------------------------------------------
    def show_about(self) -> None:
        QMessageBox.about(self, "About Chronologue",
                          f"<h3>Chronologue {__version__}</h3><p>Turn news articles into "
                          "source-grounded timelines.</p><p>Workspace: "
                          f"{self.ws}</p>")

    def show_shortcuts(self) -> None:
        from desktop.ui.dialogs import ShortcutsDialog

        self.shortcuts_dialog = ShortcutsDialog(self)
        self.shortcuts_dialog.open()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.editor.commit_pending()
        self.team.stop()
        self.importer.wait()
        self.runner.shutdown(5.0)
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.sync()
        self.ws.close()
        super().closeEvent(event)

    def screenshot_when_idle(self, path: Path, *, then_quit: bool = False) -> None:
        """Save a grab of the window once imports and tagging are done (demo, e2e test)."""

        def attempt() -> None:
            if self.importer.running or self.runner.busy or not self.model.ready:
                QTimer.singleShot(200, attempt)
                return
            path.parent.mkdir(parents=True, exist_ok=True)
            self.grab().save(str(path))
            print(f"chronologue: screenshot saved to {path}", flush=True)
            if then_quit:
                self.close()
                QApplication.quit()

        QTimer.singleShot(800, attempt)
