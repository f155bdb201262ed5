"""The workspace window: library, reader, review queue, editor and the events table.

The window owns the open Workspace and its QUndoStack (no globals) and re-reads the
store after every change, so what is shown is always what is committed.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, QThreadPool, QTimer
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
from desktop.store import Workspace
from desktop.ui import commands as cmd
from desktop.ui.autobackup import SessionBackups
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
from desktop.ui.team import TeamSupport
from desktop.ui.workers import Worker, tag_job
from desktop.ui.workspaces import WorkspaceActions


class MainWindow(WorkspaceActions, LibraryActions, EntityActions, QMainWindow):
    def __init__(self, ws: Workspace, settings: QSettings, pool: QThreadPool | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.settings = ws, settings
        self.pool = pool or QThreadPool.globalInstance()
        self.undo_stack = QUndoStack(self)
        self.events: list[dict[str, Any]] = []
        self.current_event: int | None = None
        self.current_article: int | None = None
        self.mentions: dict[tuple[int, str | None], list[Any]] = {}
        self._taggers: dict[object, Worker] = {}  # by signals object, until they report
        self._retired: list[Worker] = []
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
        self.importer = ImportController(self, self.statusBar(), self.pool)
        self.importer.changed.connect(self.refresh)
        self.importer.done.connect(lambda _report: self._select_something())
        self.session_backups = SessionBackups(lambda: self.ws, self.pool, self.statusBar())
        self.replacement_watch = ReplacementWatch(self)
        self.actions_by_name = build_menus(self)
        install_chrome(self)  # preferences, theme, icons, toolbar
        self.team = TeamSupport(self)  # live changes from others, read-only state, history
        self._connect()
        self.undo_stack.indexChanged.connect(lambda _i: self.refresh())
        self._restore_layout()
        self._set_title()
        self.team.attach(ws)
        self.refresh()
        self._select_something()

    def _select_something(self) -> None:
        """Start where the work is: the first suggestion, else the first article."""
        if self.current_event is not None or self.current_article is not None:
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
        self.review.edit_requested.connect(self.edit_event)
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

    # -- reading the store ------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the store into every view, keeping what the user is looking at."""
        self.team.before_refresh()
        self.events = lib.event_list(self.ws)
        lanes = [name for _id, name in lib.lane_names(self.ws)]
        self.central.reload()
        self.library.set_rows(lib.library_rows(self.ws))
        self.table.set_rows(self.events, lanes, lib.tag_names(self.ws))
        self.review.set_rows([e for e in self.events if e["status"] == "suggested"])
        self.editor.set_lanes(lanes)
        self.refresh_entities()
        counts = {s: sum(1 for e in self.events if e["status"] == s)
                  for s in ("suggested", "accepted", "manual")}
        self.summary.setText(f"{len(self.library.model.rows)} articles · "
                             f"{counts['suggested']} to review · "
                             f"{counts['accepted'] + counts['manual']} accepted  ")
        if self.current_event is not None and self.event_by_id(self.current_event) is None:
            self.current_event = None
        self.editor.load(self.event_by_id(self.current_event))
        if self.current_event is not None:
            self.table.select_event(self.current_event)
            self.review.select_event(self.current_event)
        if self.current_article is not None:
            self._show_article(self.current_article)

    def event_by_id(self, event_id: int | None) -> dict[str, Any] | None:
        return next((e for e in self.events if e["id"] == event_id), None)

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
        worker = Worker(tag_job(key, detail["text"], published, detail["language"]))
        # Bound methods of this QObject: results are queued to the UI thread.
        worker.signals.finished.connect(self._tagged)
        worker.signals.failed.connect(self._tag_failed)
        self._taggers[worker.signals] = worker
        self.pool.start(worker)

    def _retire(self, signals: object) -> None:
        """Forget a finished tagger, but hold it a while: its thread may still be unwinding."""
        worker = self._taggers.pop(signals, None)
        if worker is not None:
            self._retired = [*self._retired[-7:], worker]

    def _tagged(self, result: tuple[tuple[int, str | None], list[Any]]) -> None:
        self._retire(self.sender())
        key, found = result
        self.mentions[key] = found
        self.reader.set_mentions(key[0], found)

    def _tag_failed(self, _reason: str) -> None:
        self._retire(self.sender())

    def select_event(self, event_id: int, *, reveal: bool = True) -> None:
        """Make an event current everywhere: editor, table, queue and the reader's source."""
        if event_id != self.current_event:
            self.editor.commit_pending()
        self.current_event = event_id
        event = self.event_by_id(event_id)
        self.editor.load(event)
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
        """Apply an edit now and put it on the undo stack; say why if the store refuses."""
        if self.team.refuse_if_read_only():
            return False
        try:
            command.apply()
        except Exception as exc:  # noqa: BLE001 - every refusal is shown, none is fatal
            self.report_error(f"{command.text()} failed: {exc}")
            self.refresh()
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
        before = {e["id"]: e["status"] for e in self.events if e["id"] in ids}
        if before:
            self.run(cmd.SetStatusCommand(self.ws, before, status, self.report_error))
            self.review.view.setFocus()

    def edit_fields(self, event_id: int, before: dict, after: dict, version: int) -> None:
        for d in (before, after):
            if "color" in d:
                d["color"] = d["color"] or None
        self.run(cmd.UpdateEventCommand(self.ws, event_id, before, after, version,
                                        self.report_error))

    def edit_event(self, event_id: int) -> None:
        self.select_event(event_id)
        self.docks[3].raise_()
        self.editor.focus_date()

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
            self.editor.title.selectAll()

    def new_event(self) -> None:
        """Ctrl+N: an event dated near the selection or the timeline's visible range."""
        from desktop.temporal.near import date_near

        current = self.event_by_id(self.current_event)
        timeline = self.central.timeline
        visible = timeline.visible_range() if timeline.model.events else None
        start = date_near(current["start"] if current else None, visible)
        command = cmd.CreateEventCommand(self.ws, "New event", start,
                                         on_error=self.report_error)
        if self.run(command):
            self.docks[3].raise_()
            self.editor.title.setFocus()
            self.editor.title.selectAll()

    def delete_current_event(self) -> None:
        if self.current_event is not None:
            self.run(cmd.DeleteEventCommand(self.ws, self.current_event, self.report_error))

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
        command = cmd.SetPublishedCommand(self.ws, article_id, old, published, self.report_error)
        if self.run_busy(command):
            self.statusBar().showMessage(
                f"Publication date set; {command.added} suggestions recomputed.", 10000)

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
        self.pool.waitForDone(5000)
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.sync()
        self.ws.close()
        super().closeEvent(event)

    def screenshot_when_idle(self, path: Path, *, then_quit: bool = False) -> None:
        """Save a grab of the window once imports and tagging are done (demo, e2e test)."""

        def attempt() -> None:
            if self.importer.running or self._taggers:
                QTimer.singleShot(200, attempt)
                return
            path.parent.mkdir(parents=True, exist_ok=True)
            self.grab().save(str(path))
            print(f"chronologue: screenshot saved to {path}", flush=True)
            if then_quit:
                self.close()
                QApplication.quit()

        QTimer.singleShot(800, attempt)
