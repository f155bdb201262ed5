"""Set the publication date of several articles at once, each pre-filled from its text.

The proposal (the article's dateline, else the latest past date it mentions) is only
pre-filled: every row stays editable, and an empty cell leaves that article undated.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.temporal import Precision, parse_human
from desktop.ui.screen_fit import fit_resize

_HEADERS = ("Article", "Now", "New date (YYYY-MM-DD; empty: undated)")


class SetDatesDialog(QDialog):
    def __init__(self, rows: list[dict[str, Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Set the date of {len(rows)} articles")
        self.setObjectName("dates-dialog")
        self.rows = rows
        found = sum(1 for r in rows if r["proposed"])
        self.note = QLabel(
            f"Dates found in the text of {found} of {len(rows)} articles are filled in (the "
            "others keep their current date); check them, type or clear any. Suggestions of "
            "the articles whose date changes are recomputed."
        )
        self.note.setWordWrap(True)
        self.table = QTableWidget(len(rows), 3)
        self.table.setAccessibleName("Articles and their new dates")
        self.table.setHorizontalHeaderLabels(_HEADERS)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for r, row in enumerate(rows):
            title = QTableWidgetItem(row["title"])
            title.setToolTip(row["title"])  # the column elides long titles
            now = QTableWidgetItem(row["published"].isoformat() if row["published"] else "undated")
            for item in (title, now):
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            value = row["proposed"] or row["published"]
            new = QTableWidgetItem(value.isoformat() if value else "")
            new.setToolTip("Found in the article's text" if row["proposed"] else
                           "No date found in the text: type one, or leave it empty")
            self.table.setItem(r, 0, title)
            self.table.setItem(r, 1, now)
            self.table.setItem(r, 2, new)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # titles elide
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(False)
        self.table.itemChanged.connect(self._validate)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Set dates")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        fit_resize(self, 720, min(560, 160 + 30 * len(rows)))

    def _parse(self, text: str) -> date | None:
        text = text.strip()
        if not text:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
        try:
            fuzzy = parse_human(text)  # "7 September 2018" is fine too
        except ValueError:
            fuzzy = None
        if fuzzy is None or fuzzy.precision != Precision.DAY:
            raise ValueError(f"'{text}' is not a day: use YYYY-MM-DD")
        return fuzzy.earliest.date()

    def _validate(self, _item: QTableWidgetItem | None = None) -> bool:
        problems = []
        for r in range(self.table.rowCount()):
            item = self.table.item(r, 2)
            try:
                self._parse(item.text())
                item.setForeground(QBrush())
            except ValueError as exc:
                item.setForeground(QBrush(QColor("#c0392b")))
                problems.append(f"{self.rows[r]['title'][:40]}: {exc}")
        self.error.setText(problems[0] if problems else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)
        return not problems

    def values(self) -> dict[int, date | None]:
        """The dates that change: {article id: new date or None}."""
        out: dict[int, date | None] = {}
        for r, row in enumerate(self.rows):
            new = self._parse(self.table.item(r, 2).text())
            if new != row["published"]:
                out[row["id"]] = new
        return out
