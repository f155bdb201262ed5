"""Small dialogs: merge target, publication date, first run, keyboard shortcuts.

They are opened with open() (not exec()) by the window, so nothing blocks the event loop
and tests can drive them like a user would.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.screen_fit import fit_resize

SHORTCUTS = (
    ("J / ↓", "Next suggestion (review queue)"),
    ("K / ↑", "Previous suggestion"),
    ("Shift+J / Shift+K", "Extend the selection"),
    ("A", "Accept the selected suggestions"),
    ("R", "Reject the selected suggestions"),
    ("E", "Edit the current suggestion's date"),
    ("M", "Merge the selected suggestions into another event"),
    ("Ctrl+E", "Make an event from the text selected in the reader"),
    ("Ctrl+N", "New event from scratch"),
    ("Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y", "Undo / redo / redo"),
    ("Ctrl+I", "Import files"),
    ("Ctrl+Shift+I", "Import a folder"),
    ("Ctrl+Shift+N", "New workspace"),
    ("Ctrl+Shift+O", "Open a shared (team) workspace"),
    ("Ctrl+Shift+V", "Make an article from the clipboard"),
    ("Ctrl+O", "Open a workspace"),
    ("Ctrl+F", "Filter the events table"),
    ("Del", "Delete the selected event"),
    ("Del (in the library)", "Delete the selected articles (asks first; undoable)"),
    ("Ctrl+Shift+E", "Export the timeline (PDF, PNG, SVG, CSV, JSON, TimelineJS)"),
    ("Ctrl+,", "Preferences: numeric date order, language, page size, theme"),
    ("F1", "This list of shortcuts"),
    ("F (timeline)", "Fit all events"),
    ("Z (timeline)", "Zoom to the selected events"),
    ("+ / − (timeline)", "Zoom in / out, keeping the selection in view"),
    ("← / → (timeline)", "Pan earlier / later"),
    ("↑ / ↓ (timeline)", "Scroll the lanes"),
    ("Wheel / drag (timeline)", "Zoom about the cursor / pan"),
    ("Enter (timeline)", "Edit the selected event"),
    ("Esc (timeline)", "Clear the selection"),
    ("Esc (editor)", "Done: back to the review queue"),
)


class MergeDialog(QDialog):
    """Pick the event that absorbs the selected suggestions (they become its citations)."""

    SHOWN = 400  # candidates listed at once; the filter searches all of them

    def __init__(self, events: list[Any], sources: list[int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Merge into another event")
        self.sources = sources
        chosen = [e for e in events if e.id in sources]
        source_dates = {e.date_text() for e in chosen}
        anchor = min((e.earliest for e in chosen), default=None)
        self.filter = QLineEdit(placeholderText="Filter by title, date or quote…")
        self.filter.setAccessibleName("Merge target filter")
        self.filter.textChanged.connect(self._refilter)
        self.list = QListWidget()
        self.list.setAccessibleName("Merge targets")
        self.list.setToolTip("The event that gains the selected suggestions as sources")
        self.candidates = [e for e in events if e.id not in sources and e.status != "rejected"]
        # Same date first, then the nearest in time: merging is about the same happening.
        self.candidates.sort(key=lambda e: (
            e.date_text() not in source_dates, e.status == "suggested",
            abs((e.earliest - anchor).total_seconds()) if anchor is not None else 0, e.id))
        self._fill("")
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Merge")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        n = len(sources)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"Merge {n} suggestion{'s' if n != 1 else ''} into:"))
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        fit_resize(self, 560, 420)

    def _fill(self, needle: str) -> None:
        self.list.clear()
        shown = 0
        for e in self.candidates:
            text = f"{e.date_text()} · {e.status} · {e.title}"
            if needle and needle not in text.lower() and needle not in e.quote.lower():
                continue
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, e.id)
            item.setToolTip(f"{text}\n\n{e.quote}" if e.quote else text)  # the row elides
            self.list.addItem(item)
            shown += 1
            if shown >= self.SHOWN:
                break
        if self.list.count():
            self.list.setCurrentRow(0)

    def _refilter(self, text: str) -> None:
        self._fill(text.strip().lower())

    def select_target(self, event_id: int) -> None:
        if not any(self.list.item(i).data(Qt.ItemDataRole.UserRole) == event_id
                   for i in range(self.list.count())):
            e = next((c for c in self.candidates if c.id == event_id), None)
            if e is not None:
                item = QListWidgetItem(f"{e.date_text()} · {e.status} · {e.title}")
                item.setToolTip(item.text())
                item.setData(Qt.ItemDataRole.UserRole, e.id)
                self.list.insertItem(0, item)
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == event_id:
                self.list.setCurrentRow(i)

    def target(self) -> int | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None


class DateDialog(QDialog):
    """An article's publication date (or none)."""

    def __init__(self, title: str, current: date | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Publication date")
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setAccessibleName("Publication date")
        when = current or date.today()
        self.edit.setDate(QDate(when.year, when.month, when.day))
        self.undated = QCheckBox("Undated (no publication date)")
        self.undated.setChecked(False)
        self.undated.toggled.connect(lambda on: self.edit.setEnabled(not on))
        note = QLabel("Relative dates in the text ('on Friday', 'last week') are placed from "
                      "this date; the article's pending suggestions are recomputed.")
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        label = QLabel(f"<b>{title}</b>")
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addWidget(self.edit)
        layout.addWidget(self.undated)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def value(self) -> date | None:
        if self.undated.isChecked():
            return None
        return self.edit.date().toPython()  # type: ignore[return-value]


class WelcomeDialog(QDialog):
    """First run: the sample workspace, an empty one, or an existing file."""

    SAMPLE, EMPTY, OPEN = 1, 2, 3

    def __init__(self, has_sample: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Welcome to Chronologue")
        self.choice = 0
        text = QLabel("<h3>Welcome to Chronologue</h3>Turn news articles into a timeline where "
                      "every event keeps its sources. Start with the sample workspace (five "
                      "articles on Idlib, 2018–2021) to see how it works, or start empty and "
                      "drop your own files on the window.")
        text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        for label, choice, enabled in (("Open the sample workspace", self.SAMPLE, has_sample),
                                       ("Start an empty workspace", self.EMPTY, True),
                                       ("Open a workspace file…", self.OPEN, True)):
            button = QPushButton(label)
            button.setEnabled(enabled)
            button.setAccessibleName(label)
            button.clicked.connect(lambda _=False, c=choice: self._choose(c))
            layout.addWidget(button)
        self.resize(460, 260)

    def _choose(self, choice: int) -> None:
        self.choice = choice
        self.accept()


HELP_PAGE = Path(__file__).resolve().parents[2] / "resources" / "help" / "getting-started.md"


class GettingStartedDialog(QDialog):
    """Help > Getting started: the tour, offline, from the bundled resources."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Getting started")
        self.setObjectName("getting-started")
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("Getting started")
        self.browser.setOpenLinks(False)  # offline: nothing to follow
        try:
            self.browser.setMarkdown(HELP_PAGE.read_text(encoding="utf-8"))
        except OSError as exc:
            self.browser.setPlainText(f"The help page could not be read ({exc}). The README "
                                      "next to the program has the same tour.")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        fit_resize(self, 640, 680)


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        table = QTableWidget(len(SHORTCUTS), 2)
        self.table = table
        table.setAccessibleName("Keyboard shortcuts")
        table.setHorizontalHeaderLabels(["Keys", "Does"])
        table.verticalHeader().hide()
        for row, (keys, what) in enumerate(SHORTCUTS):
            for column, text in enumerate((keys, what)):
                item = QTableWidgetItem(text)
                item.setToolTip(f"{keys}: {what}")
                table.setItem(row, column, item)
        header = table.horizontalHeader()  # the keys whole ("Ctrl+Z / Ctrl+Shift+Z / …")
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        fit_resize(self, 640, 520)
