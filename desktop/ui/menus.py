"""The window's menus and actions, with standard shortcuts where Qt has them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

Key = QKeySequence.StandardKey


def _action(window: MainWindow, menu: QMenu, text: str, slot: Callable[[], object],
            shortcut: QKeySequence | Key | str | None = None, tip: str = "") -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(shortcut if isinstance(shortcut, QKeySequence)
                           else QKeySequence(shortcut))
    action.setToolTip(tip or text.replace("&", "").rstrip("…"))
    action.setStatusTip(action.toolTip())
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    return action


def build_menus(w: MainWindow) -> dict[str, QAction]:
    """Create File, Edit, Event, View and Help menus; returns the actions by name."""
    bar = w.menuBar()
    acts: dict[str, QAction] = {}
    file = bar.addMenu("&File")
    acts["new"] = _action(w, file, "&New workspace…", w.new_workspace, "Ctrl+Shift+N",
                          "Create an empty workspace file (Ctrl+N makes a new event)")
    acts["open"] = _action(w, file, "&Open workspace…", w.open_workspace_dialog, Key.Open,
                           "Open a workspace file")
    acts["open_shared"] = _action(w, file, "Open &shared workspace…",
                                  lambda: w.team.open_shared_dialog(), "Ctrl+Shift+O",
                                  "Open a team workspace on a PostgreSQL server")
    w.recent_menu = file.addMenu("Open &recent")
    w.recent_menu.aboutToShow.connect(lambda: fill_recent(w))
    file.addSeparator()
    acts["import"] = _action(w, file, "&Import files…", w.import_files_dialog, "Ctrl+I",
                             "Import articles (txt, md, html, pdf, docx)")
    acts["import_folder"] = _action(w, file, "Import &folder…", w.import_folder_dialog,
                                    "Ctrl+Shift+I", "Import every article in a folder")
    acts["paste"] = _action(w, file, "&Paste article from clipboard", w.paste_article,
                            "Ctrl+Shift+V", "Make an article from the text on the clipboard")
    acts["import_events"] = _action(w, file, "Import &events…", lambda: w.event_importer.ask(),
                                    tip="Import events from Chronologue JSON, TimelineJS or CSV")
    file.addSeparator()
    acts["export"] = _action(w, file, "&Export…", lambda: _export(w), "Ctrl+Shift+E",
                             "Export the timeline as PDF, PNG, SVG, CSV, JSON or TimelineJS")
    file.addSeparator()
    acts["quit"] = _action(w, file, "&Quit", w.close, Key.Quit)

    edit = bar.addMenu("&Edit")
    undo = w.undo_stack.createUndoAction(w, "&Undo")
    undo.setShortcut(QKeySequence(Key.Undo))
    redo = w.undo_stack.createRedoAction(w, "&Redo")
    redo.setShortcut(QKeySequence(Key.Redo))
    edit.addAction(undo)
    edit.addAction(redo)
    acts["undo"], acts["redo"] = undo, redo
    edit.addSeparator()
    acts["find"] = _action(w, edit, "&Filter events", w.focus_event_filter, Key.Find)
    edit.addSeparator()
    acts["preferences"] = _action(w, edit, "&Preferences…", lambda: _preferences(w),
                                  Key.Preferences, "Date order, article language, page size, "
                                  "theme")  # fmt: skip
    if acts["preferences"].shortcut().isEmpty():  # Linux desktops define no standard key
        acts["preferences"].setShortcut(QKeySequence("Ctrl+,"))

    event = bar.addMenu("E&vent")
    acts["annotate"] = _action(w, event, "Event from &selection", w.annotate_selection,
                               "Ctrl+E", "Make an event from the text selected in the reader")
    acts["new_event"] = _action(w, event, "&New event", w.new_event, "Ctrl+N",
                                "Make an event from scratch")
    acts["delete"] = _action(w, event, "&Delete event", w.delete_current_event, Key.Delete)
    event.addSeparator()
    for name, text, what, key in (("accept", "&Accept suggestions", "accepted", "A"),
                                  ("reject", "&Reject suggestions", "rejected", "R"),
                                  ("merge", "&Merge into another event…", "merge", "M")):
        acts[name] = _action(w, event, text, lambda what=what: w.review.view.act.emit(what),
                             tip=f"{text.replace('&', '').rstrip('…')}: the selected rows "
                             f"of the review queue ({key} there)")
    event.addSeparator()
    acts["set_date"] = _action(w, event, "Set article &date…", w.ask_article_date,
                               tip="Set the current article's publication date")
    acts["article_details"] = _action(w, event, "Article detai&ls…", w.edit_article_details,
                                      tip="Edit the current article's title, outlet, URL, "
                                      "author, language and date")

    view = bar.addMenu("&View")
    for dock in w.docks:
        view.addAction(dock.toggleViewAction())
    _timeline_commands(w, view, acts)

    help_menu = bar.addMenu("&Help")
    acts["getting_started"] = _action(w, help_menu, "&Getting started", lambda: _help(w),
                                      tip="A short tour of the app (works offline)")
    acts["shortcuts"] = _action(w, help_menu, "&Keyboard shortcuts", w.show_shortcuts,
                                Key.HelpContents)
    acts["about"] = _action(w, help_menu, "&About Chronologue", w.show_about)
    return acts


def _export(w: MainWindow) -> None:
    from desktop.ui.export_dialog import open_export_dialog

    # The timeline's visible range (exact datetimes) makes "Visible range" available.
    open_export_dialog(w, visible_range=w.central.timeline.visible_range())


def _timeline_commands(w: MainWindow, view: QMenu, acts: dict[str, QAction]) -> None:
    """Fit, zoom, grouping and theme: the timeline's keys (F, Z) work when it has focus;
    the menu makes them findable (no window-wide letter shortcuts: they would eat typing)."""
    from desktop.services.timeline_data import GROUPINGS
    from desktop.ui.preferences import apply_preferences
    from desktop.ui.theme import THEME_LABELS

    view.addSeparator()
    timeline = lambda: w.central.timeline  # noqa: E731 - the view may be rebuilt
    acts["fit_all"] = _action(w, view, "&Fit all events\tF", lambda: timeline().fit_all(),
                              tip="Show every event on the timeline")
    acts["zoom_selection"] = _action(w, view, "&Zoom to selection\tZ",
                                     lambda: timeline().zoom_to_selection(),
                                     tip="Zoom the timeline to the selected events")
    group = view.addMenu("&Group lanes by")
    for name in GROUPINGS:
        acts[f"group_{name}"] = _action(w, group, name.capitalize(),
                                        lambda g=name: timeline().set_grouping(g),
                                        tip=f"One timeline lane per {name}")
    themes = view.addMenu("&Theme")
    for key, label in THEME_LABELS.items():
        def choose(k: str = key) -> None:
            from dataclasses import replace

            prefs = replace(w.preferences, theme=k)
            prefs.save(w.settings)
            apply_preferences(w, prefs)

        acts[f"theme_{key}"] = _action(w, themes, label, choose, tip=f"{label} theme")


def _help(w: MainWindow) -> None:
    from desktop.ui.dialogs import GettingStartedDialog

    w.help_dialog = GettingStartedDialog(w)
    w.help_dialog.open()


def _preferences(w: MainWindow) -> None:
    from desktop.ui.preferences import open_preferences

    open_preferences(w)


def fill_recent(w: MainWindow) -> None:
    from desktop.store.location import LocationError, parse_location
    from desktop.ui.app import recent_workspaces

    w.recent_menu.clear()
    entries = recent_workspaces(w.settings)
    for entry in entries:
        try:
            location = parse_location(entry)
        except LocationError:
            continue
        if location.path is not None:
            label = f"{location.path.stem}  ({location.path.parent})"
            present = location.path.exists()
        else:
            label, present = f"{location.name}  ({location}, shared)", True
        action = w.recent_menu.addAction(label)
        action.setEnabled(present)
        action.triggered.connect(lambda _c=False, loc=location: w.team.open_location(loc))
    if not entries:
        w.recent_menu.addAction("No recent workspaces").setEnabled(False)
