"""Every QAction of the window, declared in one class with its text, key and tip.

The menus (ui/menus.py) and the toolbar (ui/chrome.py) lay them out; whoever does the
work connects `triggered` (the window, its event actions, its workspace files, the
timeline). `by_name()` is the flat view icons, the toolbar and the read-only state use.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack

from desktop.services.timeline_data import GROUPINGS
from desktop.ui.theme import THEME_LABELS

Key = QKeySequence.StandardKey


def make_action(parent: QObject, text: str, shortcut: QKeySequence | Key | str | None = None,
                tip: str = "") -> QAction:
    action = QAction(text, parent)
    if shortcut is not None:
        action.setShortcut(shortcut if isinstance(shortcut, QKeySequence)
                           else QKeySequence(shortcut))
    action.setToolTip(tip or text.replace("&", "").rstrip("…"))
    action.setStatusTip(action.toolTip())
    return action


def on(action: QAction, slot: Callable[[], object]) -> None:
    """Connect an action to a slot that takes no argument (not `checked`)."""
    action.triggered.connect(lambda _checked=False: slot())


def _review_tip(text: str, key: str) -> str:
    return f"{text.replace('&', '').rstrip('…')}: the selected rows of the review queue " \
           f"({key} there)"


class WindowActions:
    """The window's actions (one object per window; the window is their parent)."""

    def __init__(self, parent: QObject, undo_stack: QUndoStack) -> None:
        a = lambda *args: make_action(parent, *args)  # noqa: E731 - short table below
        # File
        self.new = a("&New workspace…", "Ctrl+Shift+N",
                     "Create an empty workspace file (Ctrl+N makes a new event)")
        self.open = a("&Open workspace…", Key.Open, "Open a workspace file")
        self.open_shared = a("Open &shared workspace…", "Ctrl+Shift+O",
                             "Open a team workspace on a PostgreSQL server")
        self.import_files = a("&Import files…", "Ctrl+I",
                              "Import articles (txt, md, html, pdf, docx)")
        self.import_folder = a("Import &folder…", "Ctrl+Shift+I",
                               "Import every article in a folder")
        self.paste = a("&Paste article from clipboard", "Ctrl+Shift+V",
                       "Make an article from the text on the clipboard")
        self.import_events = a("Import &events…", None,
                               "Import events from Chronologue JSON, TimelineJS or CSV")
        self.export = a("&Export…", "Ctrl+Shift+E",
                        "Export the timeline as PDF, PNG, SVG, CSV, JSON or TimelineJS")
        self.quit = a("&Quit", Key.Quit)
        # Edit
        self.undo = undo_stack.createUndoAction(parent, "&Undo")
        self.undo.setShortcut(QKeySequence(Key.Undo))
        self.redo = undo_stack.createRedoAction(parent, "&Redo")
        self.redo.setShortcut(QKeySequence(Key.Redo))
        self.find = a("&Filter events", Key.Find)
        self.preferences = a("&Preferences…", Key.Preferences,
                             "Date order, article language, page size, theme")
        if self.preferences.shortcut().isEmpty():  # Linux desktops define no standard key
            self.preferences.setShortcut(QKeySequence("Ctrl+,"))
        # Event
        self.annotate = a("Event from &selection", "Ctrl+E",
                          "Make an event from the text selected in the reader")
        self.new_event = a("&New event", "Ctrl+N", "Make an event from scratch")
        self.delete = a("&Delete event", Key.Delete)
        self.accept = a("&Accept suggestions", None, _review_tip("&Accept suggestions", "A"))
        self.reject = a("&Reject suggestions", None, _review_tip("&Reject suggestions", "R"))
        self.merge = a("&Merge into another event…", None,
                       _review_tip("&Merge into another event…", "M"))
        self.set_date = a("Set article &date…", None,
                          "Set the current article's publication date")
        self.article_details = a("Article detai&ls…", None, "Edit the current article's title, "
                                 "outlet, URL, author, language and date")
        # View: the timeline's keys (F, Z) work when it has focus; the menu makes them
        # findable (no window-wide letter shortcuts: they would eat typing)
        self.fit_all = a("&Fit all events\tF", None, "Show every event on the timeline")
        self.zoom_selection = a("&Zoom to selection\tZ", None,
                                "Zoom the timeline to the selected events")
        self.groupings = {name: a(name.capitalize(), None, f"One timeline lane per {name}")
                          for name in GROUPINGS}
        self.themes = {key: a(label, None, f"{label} theme")
                       for key, label in THEME_LABELS.items()}
        # one checked entry each, kept in step with the timeline's combo and Preferences
        self.grouping_group, self.theme_group = QActionGroup(parent), QActionGroup(parent)
        for group, entries in ((self.grouping_group, self.groupings),
                               (self.theme_group, self.themes)):
            for action in entries.values():
                action.setCheckable(True)
                group.addAction(action)
        self.groupings[GROUPINGS[0]].setChecked(True)
        # Help
        self.getting_started = a("&Getting started", None,
                                 "A short tour of the app (works offline)")
        self.shortcuts = a("&Keyboard shortcuts", Key.HelpContents)
        self.about = a("&About Chronologue", None)

    def show_checked(self, entries: dict[str, QAction], key: str) -> None:
        """Check the entry for `key` (the grouping or theme now in force)."""
        if key in entries:
            entries[key].setChecked(True)

    def by_name(self) -> dict[str, QAction]:
        """Every action by its short name ("import", "group_tag", "theme_dark", …)."""
        names = {"import": self.import_files}
        names.update((k, v) for k, v in vars(self).items() if isinstance(v, QAction)
                     and k != "import_files")
        names.update((f"group_{k}", v) for k, v in self.groupings.items())
        names.update((f"theme_{k}", v) for k, v in self.themes.items())
        return names
