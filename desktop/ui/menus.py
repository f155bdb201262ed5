"""The window's menu bar: File, Edit, Event, View and Help, laid out from its actions."""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget, QMenu, QMenuBar

from desktop.ui.actions import WindowActions


def build_menus(bar: QMenuBar, acts: WindowActions, docks: list[QDockWidget]) -> QMenu:
    """Fill the menu bar; returns the File > Open recent menu (filled when shown)."""
    file = bar.addMenu("&File")
    file.addActions([acts.new, acts.open, acts.open_shared])
    recent = file.addMenu("Open &recent")
    file.addSeparator()
    file.addActions([acts.import_files, acts.import_folder, acts.paste, acts.import_events])
    file.addSeparator()
    file.addAction(acts.export)
    file.addSeparator()
    file.addAction(acts.quit)

    edit = bar.addMenu("&Edit")
    edit.addActions([acts.undo, acts.redo])
    edit.addSeparator()
    edit.addAction(acts.find)
    edit.addSeparator()
    edit.addAction(acts.preferences)

    event = bar.addMenu("E&vent")
    event.addActions([acts.annotate, acts.new_event, acts.delete])
    event.addSeparator()
    event.addActions([acts.accept, acts.reject, acts.merge])
    event.addSeparator()
    event.addActions([acts.set_date, acts.article_details])

    view = bar.addMenu("&View")
    for dock in docks:
        view.addAction(dock.toggleViewAction())
    view.addSeparator()
    view.addActions([acts.fit_all, acts.zoom_selection])
    view.addMenu("&Group lanes by").addActions(list(acts.groupings.values()))
    view.addMenu("&Theme").addActions(list(acts.themes.values()))

    help_menu = bar.addMenu("&Help")
    help_menu.addActions([acts.getting_started, acts.shortcuts, acts.about])
    return recent
