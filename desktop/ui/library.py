"""The article library: every article with its counts, an undated flag and a filter box."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QResizeEvent
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

from desktop.ui.empty_state import EmptyHint
from desktop.ui.rows_model import KeyedRowsModel, size_columns

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Title", "Outlet", "Date", "Sugg.", "Acc.")
TIPS = ("Article title", "Outlet that published it", "Publication date ('undated' when unknown)",
        "Suggested events still waiting for review", "Accepted and hand-made events")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class LibraryModel(KeyedRowsModel):
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
            where = " · ".join(str(row[k]) for k in ("outlet", "source_file") if row[k])
            tip = f"{row['title']}\n{where}"  # the outlet too: a narrow pane hides its column
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
    """Metadata contains the text, or (once the search ran) the body holds its words."""

    _needle = ""
    _hits: frozenset[int] = frozenset()

    def set_needle(self, text: str) -> None:
        self._needle = text.strip().lower()
        self.setFilterRegularExpression(re.escape(self._needle))  # re-runs the filter

    def set_hits(self, ids: frozenset[int]) -> None:
        if ids == self._hits:
            return
        begin = getattr(self, "beginFilterChange", None)  # Qt 6.9+; invalidate is deprecated
        if begin is not None:
            begin()
        self._hits = ids
        if begin is not None:
            self.endFilterChange()
        else:
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        needle = self._needle
        if not needle:
            return True
        row = self.sourceModel().rows[source_row]  # type: ignore[attr-defined]
        if row["id"] in self._hits:
            return True
        hay = " ".join(str(row[k] or "") for k in ("title", "outlet", "published", "source_file"))
        if row["undated"]:
            hay += " undated"
        return needle in hay.lower()


class _DeleteKey(QObject):
    """Delete in the library deletes articles, not the window's current event."""

    def __init__(self, panel: LibraryPanel) -> None:
        super().__init__(panel)
        self.panel = panel

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and (
            event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)  # type: ignore[attr-defined]
        ):
            event.accept()
            if event.type() == QEvent.Type.KeyPress:
                self.panel.request_delete()
            return True
        return False


class LibraryPanel(QWidget):
    """Emits the article the user picked; asks the window to set articles' dates, edit
    an article's details (double-click, context menu) or delete articles (Delete key).

    ``search_bodies`` (set by the window) finds articles whose text holds the filter's
    words; it runs a moment after the typing stops.
    """

    article_selected = Signal(int)
    set_date_requested = Signal(int)
    dates_requested = Signal(list)
    details_requested = Signal(int)
    delete_requested = Signal(list)
    SEARCH_DELAY_MS = 250
    TITLE_ROOM = 150  # px the titles keep before the Outlet column makes way

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._quiet = False  # set while the code (not the user) moves the cursor
        self._outlet_width = 0  # the Outlet column's width when shown
        self.search_bodies: Callable[[str], list[int]] | None = None
        self._search_timer = QTimer(self, singleShot=True, interval=self.SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._search)
        self.model = LibraryModel(self)
        self.proxy = _Filter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.filter = QLineEdit(
            placeholderText="Filter: title, outlet, 'undated', words in the text…"
        )
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName("Article filter")
        self.filter.setToolTip("Show only articles whose title, outlet or date contain this text, "
                               "or whose text holds all these words (\"quotes\" for a phrase)")
        self.filter.textChanged.connect(self._refilter)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setAccessibleName("Article library")
        self.view.setToolTip("Articles in this workspace; select one to read it, "
                                "double-click (or right-click) to edit its details")
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.installEventFilter(_DeleteKey(self))
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        size_columns(self.view, {1: "Al Mayadeen", 2: "2018-09-14", 3: "Sugg.", 4: "Acc."}, 0)
        self._outlet_width = self.view.horizontalHeader().sectionSize(1)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.doubleClicked.connect(self._row_activated)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.empty_hint = EmptyHint(self.view, self._empty_text)
        self.date_button = QPushButton("Set date…")
        self.date_button.setAccessibleName("Set publication date")
        self.date_button.setToolTip("Set the selected articles' publication dates (proposed "
                                    "from their text); their suggestions are recomputed")
        self.date_button.clicked.connect(self._ask_date)
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.date_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.view)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        """A narrow pane (a 1280-pixel screen) gives the titles the Outlet column's room:
        otherwise the fixed columns leave the titles a few letters."""
        super().resizeEvent(event)
        header = self.view.horizontalHeader()
        fixed = sum(header.sectionSize(col) for col in (2, 3, 4)) + self._outlet_width
        room = self.view.viewport().width() - fixed
        self.view.setColumnHidden(1, room < self.TITLE_ROOM)

    def _empty_text(self) -> str:
        typed = self.filter.text().strip()
        if typed and self.model.rowCount():
            return (f"No article matches “{typed}”. Clear the filter box, or try fewer or "
                    "other words (every word must appear).")
        return ("No articles yet. Import files or a folder (Ctrl+I, Ctrl+Shift+I), drop them "
                "on the window, or paste an article (Ctrl+Shift+V).")

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        keep = self.current_id()
        self._quiet = True
        self.model.set_rows(rows)
        self._quiet = False
        if keep is not None:
            self.select(keep, emit=False)

    def selected_ids(self) -> list[int]:
        """The selected articles in view order (the current one when nothing is selected)."""
        rows = sorted(self.view.selectionModel().selectedRows(), key=lambda i: i.row())
        ids = [index.data(Qt.ItemDataRole.UserRole) for index in rows]
        current = self.current_id()
        return ids or ([current] if current is not None else [])

    def request_delete(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.delete_requested.emit(ids)

    def apply(self, rows: list[dict[str, Any]], removed: set[int]) -> None:
        """Only the articles that changed: the sort, selection and scroll stay."""
        self._quiet = True
        self.model.remove(removed)
        self.model.upsert(rows)
        self._quiet = False

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None

    def row_for(self, article_id: int) -> dict[str, Any] | None:
        at = self.model.pos.get(article_id)
        return self.model.rows[at] if at is not None else None

    def select(self, article_id: int, *, emit: bool = True) -> None:
        at = self.model.pos.get(article_id)
        if at is None:
            return
        index = self.proxy.mapFromSource(self.model.index(at, 0))
        if not index.isValid():
            return
        self._quiet = not emit
        self.view.setCurrentIndex(index)
        self._quiet = False
        self.view.scrollTo(index)

    def _refilter(self, text: str) -> None:
        self.proxy.set_hits(frozenset())
        self.proxy.set_needle(text)
        if text.strip() and self.search_bodies is not None:
            self._search_timer.start()
        else:
            self._search_timer.stop()

    def _search(self) -> None:
        text = self.filter.text()
        if text.strip() and self.search_bodies is not None:
            self.proxy.set_hits(frozenset(self.search_bodies(text)))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._quiet:
            self.article_selected.emit(current.data(Qt.ItemDataRole.UserRole))

    def _ask_date(self) -> None:
        ids = self.selected_ids()
        if len(ids) > 1:
            self.dates_requested.emit(ids)
        elif ids:
            self.set_date_requested.emit(ids[0])

    def _row_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.details_requested.emit(index.data(Qt.ItemDataRole.UserRole))

    def context_actions(self, article_id: int) -> QMenu:
        """The row's menu (built apart from exec() so tests can trigger its actions);
        date and delete act on the whole selection when the row is part of it."""
        menu = QMenu(self)
        ids = self.selected_ids()
        if article_id not in ids:
            ids = [article_id]
        details = menu.addAction("Article &details…")
        details.setToolTip("Edit the title, outlet, URL, author, language and date")
        details.triggered.connect(lambda: self.details_requested.emit(article_id))
        if len(ids) > 1:
            when = menu.addAction(f"Set &dates of {len(ids)} articles…")
            when.triggered.connect(lambda: self.dates_requested.emit(ids))
        else:
            when = menu.addAction("Set &date…")
            when.triggered.connect(lambda: self.set_date_requested.emit(article_id))
        menu.addSeparator()
        label = f"De&lete {len(ids)} articles…" if len(ids) > 1 else "De&lete article…"
        remove = menu.addAction(label)
        remove.setToolTip("Remove from the workspace with their suggestions (undoable)")
        remove.triggered.connect(lambda: self.delete_requested.emit(ids))
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if index.isValid():
            selected = {i.row() for i in self.view.selectionModel().selectedRows()}
            if index.row() not in selected:
                self.view.setCurrentIndex(index)
            menu = self.context_actions(index.data(Qt.ItemDataRole.UserRole))
            menu.exec(self.view.viewport().mapToGlobal(pos))
            menu.deleteLater()
