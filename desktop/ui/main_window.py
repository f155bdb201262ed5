"""The workspace window: library, reader, review queue, editor and the events table.

The window's state is declared here: its context (ui/context.py: the open Workspace,
settings, task runner, undo stack and workspace model; no globals), its actions
(ui/actions.py), its panes, and which event and article are current. The helpers that
do the work (event, library, entity and file actions, team support) get the context and
the panes they act on, never the window. The store is read once; after that every
edit's change set (and every change another process logs) reaches the views as the
rows that changed.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMainWindow, QWidget

from desktop.services import library as lib
from desktop.services.timeline_data import TimelineEvent
from desktop.store import Workspace
from desktop.ui import burst
from desktop.ui.actions import WindowActions, on
from desktop.ui.autobackup import SessionBackups
from desktop.ui.burst import BurstRepaint, asked_update, held_updates
from desktop.ui.central import CentralArea
from desktop.ui.chrome import WindowDialogs, build_toolbar, follow_review_queue, set_icons
from desktop.ui.context import WindowContext
from desktop.ui.dock_budget import DockBudget
from desktop.ui.editor import EventEditor
from desktop.ui.entities_panel import EntitiesPanel
from desktop.ui.entity_actions import EntityActions
from desktop.ui.event_actions import EventActions, Panes
from desktop.ui.event_import import EventImporter
from desktop.ui.events_table import EventsPanel
from desktop.ui.file_watch import ReplacementWatch
from desktop.ui.importer import ImportController
from desktop.ui.library import LibraryPanel
from desktop.ui.library_actions import LibraryActions
from desktop.ui.menus import build_menus
from desktop.ui.preferences import (
    Preferences,
    SchemeFollower,
    apply_app_theme,
    apply_preferences,
)
from desktop.ui.reader import ReaderPanel
from desktop.ui.reader_feed import ReaderFeed
from desktop.ui.review import ReviewPanel
from desktop.ui.screen_fit import room
from desktop.ui.tasks import freeze_survivors
from desktop.ui.team import TeamSupport
from desktop.ui.workspace_model import EventDelta
from desktop.ui.workspaces import WorkspaceFiles

LEFT, RIGHT = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea


class MainWindow(QMainWindow):
    def __init__(self, ws: Workspace, settings: QSettings, parent: QWidget | None = None,
                 ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.setAcceptDrops(True)
        self.ctx = WindowContext(ws, settings, self)
        self.settings, self.runner = settings, self.ctx.runner
        self.undo_stack, self.model = self.ctx.undo_stack, self.ctx.model
        # the theme's style sheet before the panes: set afterwards, it re-polishes them all
        prefs = Preferences.load(settings)
        apply_app_theme(prefs.theme)
        self.current_event: int | None = None
        self._delta_at = -1e9  # monotonic seconds of the last events_changed
        self.current_detail: dict[str, Any] | None = None  # the editor's event, in full
        # -- panes
        self.library, self.reader, self.review = LibraryPanel(), ReaderPanel(), ReviewPanel()
        self.editor, self.table = EventEditor(), EventsPanel()
        self.entities_panel = EntitiesPanel()
        self.central = CentralArea(self.ctx, self.table, self)
        self.setCentralWidget(self.central)
        self.feed = ReaderFeed(self.ctx, self.reader, self.library)  # the current article
        self.dialogs = WindowDialogs(self.ctx, self.central.timeline)
        self.docks = [self._dock("Library", self.library, LEFT),
                      self._dock("Review queue", self.review, LEFT),
                      self._dock("Reader", self.reader, RIGHT),
                      self._dock("Event editor", self.editor, RIGHT)]
        self.entities_dock = self._dock("Entities", self.entities_panel, LEFT)
        self.tabifyDockWidget(self.docks[0], self.entities_dock)
        self.docks[0].raise_()
        self.summary = QLabel()
        self.summary.setAccessibleName("Workspace summary")
        self.statusBar().addPermanentWidget(self.summary)
        # a narrow window clips the message: its tooltip is the whole of it
        bar = self.statusBar()
        bar.messageChanged.connect(lambda text: bar.setToolTip(text))
        # -- helpers, each given the context and what it acts on
        self.importer = ImportController(self, self.statusBar(), self.runner)
        self.importer.model = self.model  # its summary waits until the views show the rows
        self.session_backups = SessionBackups(lambda: self.ctx.ws, self.runner,
                                              self.statusBar())
        self.replacement_watch = ReplacementWatch(self.ctx, self.set_workspace)
        self.event_importer = EventImporter(self.ctx)
        self.files = WorkspaceFiles(self.ctx, self.importer, self.set_workspace,
                                    lambda location: self.team.open_location(location))
        self.event_actions = EventActions(
            self.ctx, Panes(self.library, self.reader, self.review, self.editor, self.table,
                            self.central.timeline, self.docks[3]),
            lambda: self.current_event, self.select_event, self.feed.mentions)
        self.library_actions = LibraryActions(self.ctx, self.library, self.reader,
                                              self.importer, lambda: self.feed.current_article,
                                              self.feed.article_changed)
        self.entity_actions = EntityActions(self.ctx, self.entities_panel, self.editor,
                                            self.central.timeline, self.dialogs.open_export)
        # -- actions, menus, toolbar
        self.actions = WindowActions(self, self.undo_stack)
        self.actions_by_name = self.actions.by_name()
        self.recent_menu = build_menus(self.menuBar(), self.actions, self.docks)
        self._connect_actions()
        self.toolbar = build_toolbar(self, self.actions)
        self.team = TeamSupport(self.ctx, self, self.actions, self.editor, self.importer,
                                self.files, self.set_workspace)
        self.team.sync_review_actions = follow_review_queue(self.actions, self.review,
                                                            self.ctx)
        self.scheme_follower = SchemeFollower(self.ctx)
        self.dock_budget = DockBudget(self)
        self.burst = self._burst()
        self._connect()
        self._restore_layout()
        self._set_title()
        apply_preferences(self.ctx, prefs, theme=False)
        self.team.attach(ws)
        self.model.load()

    @property
    def ws(self) -> Workspace:
        return self.ctx.ws

    @property
    def preferences(self) -> Preferences:
        assert self.ctx.preferences is not None  # applied in __init__
        return self.ctx.preferences

    @property
    def events(self) -> list[TimelineEvent]:
        """Every event record the window holds (no store read)."""
        return list(self.model.events.values())

    def event_by_id(self, event_id: int | None) -> TimelineEvent | None:
        return self.model.record(event_id)

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(title.lower().replace(" ", "-"))
        dock.setWidget(widget)
        dock.setAccessibleName(title)
        self.addDockWidget(area, dock)
        return dock

    def _connect_actions(self) -> None:
        acts = self.actions
        self.files.connect(acts, self.recent_menu)
        self.event_actions.connect(acts)
        self.library_actions.connect(acts)
        self.central.connect(acts)
        self.dialogs.connect(acts)
        on(acts.import_events, self.event_importer.ask)
        on(acts.paste, self.paste_article)
        on(acts.quit, self.close)
        on(acts.find, self.focus_event_filter)

    def _burst(self) -> BurstRepaint:
        """An import's repaints: released one view per pass, a few times a second; last,
        the records that came are frozen (after the open's freeze the collector's full
        pass scanned all an import had added, up to 35 ms on this thread at 100,000)."""
        timeline = self.central.timeline
        return BurstRepaint([asked_update(timeline.canvas, timeline.minimap),
                             held_updates(self.review.view), held_updates(self.table.view),
                             held_updates(self.library.view),
                             held_updates(self.entities_panel.view),
                             (lambda: None, freeze_survivors)], self, busy=self._applying)

    def _connect(self) -> None:
        self.ctx.focus_event = lambda i: self.select_event(i, reveal=False)
        self.ctx.preferences_changed.connect(self._preferences_changed)
        self.model.loaded.connect(self._loaded)
        self.model.events_changed.connect(self._events_changed)
        self.model.lanes_changed.connect(self._lanes_changed)
        self.model.articles_changed.connect(self._articles_changed)
        self.model.applied.connect(self.entity_actions.applied)
        self.importer.changed.connect(self.refresh)
        self.importer.done.connect(lambda _report: self._select_something())
        self.reader.event_clicked.connect(lambda i: self.select_event(i, reveal=False))
        self.review.current_event_changed.connect(self.select_event)
        self.table.event_selected.connect(self.select_event)
        self.central.event_selected.connect(self.select_event)
        self.central.event_activated.connect(self.event_actions.edit_event)
        self.editor.jump_requested.connect(self.feed.jump_to)

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
            # a first run on a small screen (1280x720): the docks laid out for the
            # comfortable size give way as the window shrinks to the room there is
            # (offscreen has no real screen: its nominal 800x800 is no user's room)
            if QGuiApplication.platformName() != "offscreen":
                self.resize(self.size().boundedTo(room(self)))
        if state is not None:
            self.restoreState(state)

    def _preferences_changed(self, prefs: Preferences) -> None:
        """Import options apply to the next import; the date order to typed dates."""
        self.importer.dayfirst, self.importer.language = prefs.dayfirst, prefs.language
        self.editor.set_dayfirst(prefs.dayfirst)
        self.central.timeline.dates_button.popup.dayfirst = prefs.dayfirst
        set_icons(self.actions)

    # -- following the store -----------------------------------------------------------------
    def refresh(self) -> None:
        """Take in what others committed (a running import): only what the log says."""
        self.model.sync()

    def set_workspace(self, ws: Workspace) -> None:
        """Show another workspace (File > Open, a restore, a server): read anew."""
        from desktop.ui.app import remember_workspace

        self.editor.commit_pending()
        self.runner.wait(5.0)  # taggers read the old workspace's text only, but be tidy
        if not ws.location.same_as(self.ws.location):
            self.ws.close()
        self.ctx.ws = ws
        self.undo_stack.clear()  # commands hold the old workspace; they cannot apply here
        self.ctx.written_versions.clear()  # versions of the old workspace's events
        self.current_event = None
        self.feed.clear()
        for view in (self.review.view, self.table.view):  # the new queue starts at its top
            view.setCurrentIndex(QModelIndex())
        remember_workspace(self.settings, ws.location)
        self._set_title()
        self.team.attach(ws)
        self.model.switch(ws)  # read anew; the views fill when it is read

    def _select_something(self) -> None:
        """Start where the work is: the first suggestion, else the first article."""
        if self.current_event is not None or self.feed.current_article is not None:
            return
        if not self.model.ready:
            return
        if self.review.model.rows:
            self.review.select_row(0)
        elif self.library.model.rows:
            self.library.select(self.library.model.rows[0]["id"])

    def _loaded(self) -> None:
        """The workspace was read: every view starts from it."""
        m = self.model
        records = list(m.events.values())
        self.central.fill(m)
        self.library.set_rows(sorted(m.articles.values(), key=lambda r: r["id"]))
        self.table.set_records(records, [(lane.id, lane.name) for lane in m.lanes],
                               m.tag_names())
        self.review.set_records(records)
        self.editor.set_lanes(m.lane_names())
        self.entity_actions.refresh_entities()
        self._summarise()
        if self.current_event is not None and self.event_by_id(self.current_event) is None:
            self.current_event = None
        self._load_editor()
        if self.current_event is not None:
            self.table.select_event(self.current_event)
            self.review.select_event(self.current_event)
        if self.feed.current_article is not None:
            self.feed.reshow(self.feed.current_article)
        self._select_something()

    def _applying(self) -> bool:
        """Slices of a delta still coming, or one applied a moment ago (this pass, maybe):
        a held view's repaint waits (ui/burst.py)."""
        return (self.model.slicing()
                or time.monotonic() - self._delta_at < burst.BUSY_RETRY_MS / 1000)

    def _events_changed(self, delta: EventDelta) -> None:
        self._delta_at = time.monotonic()
        records = list(delta.records.values())
        before = [delta.before[i] for i in (*delta.records, *delta.removed) if i in delta.before]
        tags_moved = any(delta.before.get(i) is None or delta.before[i].tags != e.tags
                         for i, e in delta.records.items()) or any(
            delta.before[i].tags for i in delta.removed if i in delta.before)
        tags = self.model.tag_names() if tags_moved else None
        held = self.burst.wanted(len(records) + len(delta.removed))
        if held:
            self.burst.hold()
        self.central.timeline.apply_events(records, delta.removed, tags, repaint=not held)
        self.review.apply(records, delta.removed)
        self.table.apply(records, delta.removed)
        if tags is not None:
            self.table.set_vocabulary([(lane.id, lane.name) for lane in self.model.lanes], tags)
        self.entity_actions.events_changed(records, before)
        self._summarise()
        if self.current_event in delta.removed:
            self.current_event = None
            self._load_editor()
        elif self.current_event in delta.records:
            self._load_editor()
        article = self.feed.current_article
        if article is not None and any(article in e.article_ids for e in (*records, *before)):
            self.feed.show_marks(article)

    def _lanes_changed(self) -> None:
        lanes = [(lane.id, lane.name) for lane in self.model.lanes]
        self.central.timeline.set_lanes(self.model.lanes)
        self.editor.set_lanes(self.model.lane_names())
        self.table.set_vocabulary(lanes, self.model.tag_names())

    def _articles_changed(self, rows: list[dict[str, Any]], removed: set[int]) -> None:
        self.library.apply(rows, removed)
        self._summarise()
        self.feed.articles_removed(removed)

    def _summarise(self) -> None:
        counts = self.model.status_counts
        self.summary.setText(f"{len(self.model.articles)} articles · "
                             f"{counts['suggested']} to review · "
                             f"{counts['accepted'] + counts['manual']} accepted  ")
        self.summary.setToolTip(
            f"{len(self.model.articles)} articles in this workspace; {counts['suggested']} "
            f"suggested events wait for review; {counts['accepted']} accepted and "
            f"{counts['manual']} made by hand; {counts['rejected']} rejected")

    def _load_editor(self) -> None:
        """The editor shows the current event in full (one small read)."""
        detail = lib.event_detail(self.ws, self.current_event) \
            if self.current_event is not None else None
        if detail is None:
            self.current_event = None
        self.current_detail = detail
        self.editor.load(detail)

    # -- what is current ---------------------------------------------------------------------
    def show_article(self, article_id: int) -> None:
        self.feed.show_article(article_id)

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
            here = [c for c in event["citations"]
                    if c["article_id"] == self.feed.current_article]
            c = (here or event["citations"])[0]
            self.feed.jump_to(c["article_id"], c["start"], c["end"])

    def focus_event_filter(self) -> None:
        self.table.search.setFocus()
        self.table.search.selectAll()

    # -- import ------------------------------------------------------------------------------
    def import_paths(self, paths: list[Path]) -> bool:
        return self.files.import_paths(paths)

    def paste_article(self) -> None:
        text = QApplication.clipboard().text()
        if not text.strip():
            self.ctx.status("The clipboard holds no text to import.", 6000)
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

    # -- closing, screenshots ---------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.editor.commit_pending()
        self.team.stop()
        self.importer.wait()
        self.runner.shutdown(5.0)
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.central.remember_view()
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
