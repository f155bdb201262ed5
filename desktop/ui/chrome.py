"""The window's chrome: the main toolbar, action icons, theme and preferences.

One call from MainWindow.__init__ (after the menus exist) so main_window.py stays about
the views; everything here hangs off the window (no globals).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QToolBar

from desktop.ui.dock_budget import DockBudget
from desktop.ui.event_import import EventImporter
from desktop.ui.icons import set_action_icons
from desktop.ui.preferences import Preferences, SchemeFollower, apply_preferences

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

# toolbar actions, by name in window.actions_by_name; None is a separator
TOOLBAR = ("import", "export", None, "undo", "redo", None, "new_event", "accept", "reject",
           "merge")


def build_toolbar(window: MainWindow) -> QToolBar:
    """The main toolbar with the key actions (icons beside short labels)."""
    bar = QToolBar("Main toolbar", window)
    bar.setObjectName("main-toolbar")  # saveState() needs a name
    bar.setAccessibleName("Main toolbar")
    bar.setIconSize(QSize(20, 20))
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    bar.setMovable(False)
    short = {"import": "Import", "export": "Export", "new_event": "New event",
             "accept": "Accept", "reject": "Reject", "merge": "Merge", "undo": "Undo",
             "redo": "Redo"}
    for name in TOOLBAR:
        if name is None:
            bar.addSeparator()
            continue
        action = window.actions_by_name[name]
        action.setIconText(short[name])  # the toolbar's label; the menu keeps its text
        bar.addAction(action)
        button = bar.widgetForAction(action)
        if button is not None:
            button.setAccessibleName(short[name])
            if name in ("undo", "redo"):  # their text names the edit: a tooltip, not a label
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    return bar


def sync_review_actions(window: MainWindow) -> None:
    """Accept, Reject and Merge act on the review queue: off while it is empty."""
    has_rows = window.review.model.rowCount() > 0 and not window.ws.read_only
    for name in ("accept", "reject", "merge"):
        window.actions_by_name[name].setEnabled(has_rows)


def install_chrome(window: MainWindow) -> None:
    """Preferences, theme, icons, toolbar and the events importer for a new window."""
    window.event_importer = EventImporter(window)
    window.toolbar = build_toolbar(window)
    window.scheme_follower = SchemeFollower(window)
    window.dock_budget = DockBudget(window)
    window.review.model.modelReset.connect(lambda: sync_review_actions(window))
    sync_review_actions(window)
    apply_preferences(window, Preferences.load(window.settings))
    app = QApplication.instance()
    if isinstance(app, QApplication):
        set_action_icons(window.actions_by_name, app.palette())
