"""The window's chrome: the main toolbar, action icons, Accept/Reject/Merge following the
review queue, and the dialogs the menus open (Export, Preferences, Theme, Help, About).
Each is given the actions and widgets it touches (never the window)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QMessageBox, QToolBar

from desktop import __version__
from desktop.ui.actions import WindowActions, on
from desktop.ui.context import WindowContext
from desktop.ui.export_dialog import ExportDialog, open_export_dialog
from desktop.ui.icons import set_action_icons
from desktop.ui.preferences import apply_preferences, open_preferences
from desktop.ui.review import ReviewPanel
from desktop.ui.timeline.view import TimelineView

# toolbar actions, by name in WindowActions.by_name(); None is a separator
TOOLBAR = ("import", "export", None, "undo", "redo", None, "new_event", "accept", "reject",
           "merge")
SHORT = {"import": "Import", "export": "Export", "new_event": "New event", "accept": "Accept",
         "reject": "Reject", "merge": "Merge", "undo": "Undo", "redo": "Redo"}


def build_toolbar(host: QMainWindow, acts: WindowActions) -> QToolBar:
    """The main toolbar with the key actions (icons beside short labels)."""
    bar = QToolBar("Main toolbar", host)
    bar.setObjectName("main-toolbar")  # saveState() needs a name
    bar.setAccessibleName("Main toolbar")
    bar.setIconSize(QSize(20, 20))
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    bar.setMovable(False)
    by_name = acts.by_name()
    for name in TOOLBAR:
        if name is None:
            bar.addSeparator()
            continue
        action = by_name[name]
        action.setIconText(SHORT[name])  # the toolbar's label; the menu keeps its text
        bar.addAction(action)
        button = bar.widgetForAction(action)
        if button is not None:
            button.setAccessibleName(SHORT[name])
            if name in ("undo", "redo"):  # their text names the edit: a tooltip, not a label
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    host.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    return bar


def follow_review_queue(acts: WindowActions, review: ReviewPanel,
                        ctx: WindowContext) -> Callable[[], None]:
    """Accept, Reject and Merge act on the review queue: off while it is empty (or the
    workspace read-only). Returns the check, for whoever changes the read-only state."""
    def sync() -> None:
        has_rows = review.model.rowCount() > 0 and not ctx.ws.read_only
        for action in (acts.accept, acts.reject, acts.merge):
            action.setEnabled(has_rows)

    model = review.model
    for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
        signal.connect(lambda *_args: sync())
    sync()
    return sync


def set_icons(acts: WindowActions) -> None:
    """Icons drawn for the current palette (again after a theme change)."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        set_action_icons(acts.by_name(), app.palette())


class WindowDialogs:
    """The menus' dialogs, each kept while open (they open with open(), not exec())."""

    def __init__(self, ctx: WindowContext, timeline: TimelineView) -> None:
        self.ctx = ctx
        self.timeline = timeline  # its visible range pre-fills the export
        self.export_dialog: ExportDialog | None = None
        self.preferences_dialog: QDialog | None = None
        self.help_dialog: QDialog | None = None
        self.shortcuts_dialog: QDialog | None = None

    def connect(self, acts: WindowActions) -> None:
        on(acts.export, self.open_export)
        on(acts.preferences, self.open_preferences)
        for key, action in acts.themes.items():
            on(action, lambda k=key: self.choose_theme(k))
        self.ctx.preferences_changed.connect(
            lambda prefs: acts.show_checked(acts.themes, prefs.theme))
        if self.ctx.preferences is not None:
            acts.show_checked(acts.themes, self.ctx.preferences.theme)
        on(acts.getting_started, self.show_help)
        on(acts.shortcuts, self.show_shortcuts)
        on(acts.about, self.show_about)

    def open_export(self, entity: tuple[str, str] | None = None) -> None:
        # The timeline's visible range (exact datetimes) makes "Visible range" available.
        self.export_dialog = open_export_dialog(
            self.ctx, visible_range=self.timeline.visible_range(), entity=entity)

    def open_preferences(self) -> None:
        self.preferences_dialog = open_preferences(self.ctx)

    def choose_theme(self, key: str) -> None:
        assert self.ctx.preferences is not None
        prefs = replace(self.ctx.preferences, theme=key)
        prefs.save(self.ctx.settings)
        apply_preferences(self.ctx, prefs)

    def show_help(self) -> None:
        from desktop.ui.dialogs import GettingStartedDialog

        self.help_dialog = GettingStartedDialog(self.ctx.host)
        self.help_dialog.open()

    def show_about(self) -> None:
        QMessageBox.about(self.ctx.host, "About Chronologue",
                          f"<h3>Chronologue {__version__}</h3><p>Turn news articles into "
                          f"source-grounded timelines.</p><p>Workspace: {self.ctx.ws}</p>")

    def show_shortcuts(self) -> None:
        from desktop.ui.dialogs import ShortcutsDialog

        self.shortcuts_dialog = ShortcutsDialog(self.ctx.host)
        self.shortcuts_dialog.open()
