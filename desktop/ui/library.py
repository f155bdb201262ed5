"""The article library: every article with its counts, an undated flag and a filter box."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.rows_model import RowsModel, size_columns

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Title", "Outlet", "Date", "Sugg.", "Acc.")
TIPS = ("Article title", "Outlet that published it", "Publication date ('undated' when unknown)",
        "Suggested events still waiting for review", "Accepted and hand-made events")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class LibraryModel(RowsModel):
    columns = COLUMNS
    tips = TIPS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            if col == 0:
                return row["title"]
            if col == 1:
                return row["outlet"]
            if col == 2:
                if role == SORT_ROLE:
                    return row["published"] or ""
                return row["published"] or "undated"
            value = row["suggested"] if col == 3 else row["accepted"]
            return value if role == SORT_ROLE else (str(value) if value else "")
        if role == Qt.ItemDataRole.ForegroundRole and col == 2 and row["undated"]:
            return QBrush(QColor("#c0392b"))
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{row['title']}\n{row['source_file'] or ''}"
            if row["undated"]:
                tip += "\nUndated: set its publication date to place its relative dates."
            if row["error"]:
                tip += f"\n{row['error']}"
            return tip
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 3:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        return None


class _Filter(QSortFilterProxyModel):
    _needle = ""

    def set_needle(self, text: str) -> None:
        self._needle = text.strip().lower()
        self.setFilterRegularExpression(re.escape(self._needle))  # re-runs the filter

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        needle = self._needle
        if not needle:
            return True
        row = self.sourceModel().rows[source_row]  # type: ignore[attr-defined]
        hay = " ".join(str(row[k] or "") for k in ("title", "outlet", "published", "source_file"))
        if row["undated"]:
            hay += " undated"
        return needle in hay.lower()


class LibraryPanel(QWidget):
    """Emits the article the user picked; asks the window to set an article's date
    or to edit its details (double-click, context menu)."""

    article_selected = Signal(int)
    set_date_requested = Signal(int)
    details_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._quiet = False  # set while the code (not the user) moves the cursor
        self.model = LibraryModel(self)
        self.proxy = _Filter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.filter = QLineEdit(placeholderText="Filter articles (title, outlet, 'undated')…")
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName("Article filter")
        self.filter.setToolTip("Show only articles whose title, outlet or date contain this text")
        self.filter.textChanged.connect(self._refilter)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setAccessibleName("Article library")
        self.view.setToolTip("Articles in this workspace; select one to read it, "
                                "double-click (or right-click) to edit its details")
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        size_columns(self.view, {1: "Al Mayadeen", 2: "2018-09-14", 3: "Sugg.", 4: "Acc."}, 0)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.doubleClicked.connect(self._row_activated)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.date_button = QPushButton("Set date…")
        self.date_button.setAccessibleName("Set publication date")
        self.date_button.setToolTip("Set the selected article's publication date; "
                                    "its suggestions are recomputed")
        self.date_button.clicked.connect(self._ask_date)
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.date_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.view)

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        keep = self.current_id()
        self._quiet = True
        self.model.set_rows(rows)
        self._quiet = False
        if keep is not None:
            self.select(keep, emit=False)

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None

    def row_for(self, article_id: int) -> dict[str, Any] | None:
        return next((r for r in self.model.rows if r["id"] == article_id), None)

    def select(self, article_id: int, *, emit: bool = True) -> None:
        for r, row in enumerate(self.model.rows):
            if row["id"] == article_id:
                index = self.proxy.mapFromSource(self.model.index(r, 0))
                if not index.isValid():
                    return
                self._quiet = not emit
                self.view.setCurrentIndex(index)
                self._quiet = False
                self.view.scrollTo(index)
                return

    def _refilter(self, text: str) -> None:
        self.proxy.set_needle(text)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._quiet:
            self.article_selected.emit(current.data(Qt.ItemDataRole.UserRole))

    def _ask_date(self) -> None:
        article_id = self.current_id()
        if article_id is not None:
            self.set_date_requested.emit(article_id)

    def _row_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.details_requested.emit(index.data(Qt.ItemDataRole.UserRole))

    def context_actions(self, article_id: int) -> QMenu:
        """The row's menu (built apart from exec() so tests can trigger its actions)."""
        menu = QMenu(self)
        details = menu.addAction("Article &details…")
        details.setToolTip("Edit the title, outlet, URL, author, language and date")
        details.triggered.connect(lambda: self.details_requested.emit(article_id))
        when = menu.addAction("Set &date…")
        when.triggered.connect(lambda: self.set_date_requested.emit(article_id))
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if index.isValid():
            self.view.setCurrentIndex(index)
            menu = self.context_actions(index.data(Qt.ItemDataRole.UserRole))
            menu.exec(self.view.viewport().mapToGlobal(pos))
            menu.deleteLater()
