"""Every event as a sortable, filterable table: the central view until the timeline lands."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.rows_model import RowsModel, size_columns

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Date", "End", "Title", "Status", "Lane", "Tags", "Src", "")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ANY = "Any"
STATUS_FG = {"suggested": "#1f5fae", "accepted": "#2e7d32", "manual": "#2e7d32",
             "rejected": "#8a8a8a"}


class EventsModel(RowsModel):
    columns = COLUMNS
    tips = ("Start (sorts by the earliest possible moment)", "End, if a range", "Title",
            "Review status", "Lane", "Tags", "Number of sources",
            "⚠ = sources disagree on the date")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.rows[index.row()]
        col = index.column()
        if role == SORT_ROLE:
            if col == 0:
                return row["earliest"].isoformat()
            if col == 6:
                return len(row["citations"])
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return (row["human"], row["end_human"], row["title"], row["status"], row["lane"],
                    ", ".join(row["tags"]), str(len(row["citations"])),
                    "⚠" if row["conflict"] else "")[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == 3:
            return QBrush(QColor(STATUS_FG.get(row["status"], "#000000")))
        if role == Qt.ItemDataRole.DecorationRole and col == 2 and row["color"]:
            return QColor(row["color"])
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row['human']}: {row['title']}\n\n{row['description'] or row['quote']}"
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        return None


class EventsFilter(QSortFilterProxyModel):
    """Status, lane, tag and free-text filters, all at once."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = self.lane = self.tag = ""
        self.text = ""

    def set_filters(self, status: str, lane: str, tag: str, text: str) -> None:
        begin = getattr(self, "beginFilterChange", None)  # Qt 6.9+; invalidate is deprecated
        if begin is not None:
            begin()
        self.status, self.lane, self.tag = status, lane, tag
        self.text = text.strip().lower()
        if begin is not None:
            self.endFilterChange()
        else:
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        row = self.sourceModel().rows[source_row]  # type: ignore[attr-defined]
        if self.status and row["status"] != self.status:
            return False
        if self.lane and row["lane"] != self.lane:
            return False
        if self.tag and self.tag not in row["tags"]:
            return False
        if self.text:
            hay = " ".join([row["title"], row["description"], row["human"], row["quote"],
                            row["notes"], " ".join(row["tags"])]).lower()
            return self.text in hay
        return True


class EventsPanel(QWidget):
    event_selected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._quiet = False  # set while the code (not the user) moves the cursor
        self.model = EventsModel(self)
        self.proxy = EventsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.search = QLineEdit(placeholderText="Filter events by text…")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Event text filter")
        self.search.setToolTip("Show events whose title, description, quote, notes or tags "
                               "contain this text")
        self.status = self._combo("Status filter", "Show only events with this status")
        self.status.addItems([ANY, "suggested", "accepted", "manual", "rejected"])
        self.lane = self._combo("Lane filter", "Show only events in this lane")
        self.tag = self._combo("Tag filter", "Show only events with this tag")
        for combo in (self.status, self.lane, self.tag):
            combo.currentTextChanged.connect(self._refilter)
        self.search.textChanged.connect(self._refilter)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setAccessibleName("Events table")
        self.view.setToolTip("All events; click a header to sort, select one to edit it")
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        size_columns(self.view, {0: "early Sep 2018", 1: "early Sep 2018", 3: "suggested",
                                 4: "Diplomacy", 5: "idlib, offensive", 6: "Src", 7: "⚠"}, 2)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.status)
        bar.addWidget(self.lane)
        bar.addWidget(self.tag)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

    @staticmethod
    def _combo(name: str, tip: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.setToolTip(tip)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    def set_rows(self, rows: list[dict[str, Any]], lanes: list[str], tags: list[str]) -> None:
        keep = self.current_id()
        for combo, names, label in ((self.lane, lanes, "Any lane"), (self.tag, tags, "Any tag")):
            chosen = combo.currentText()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(label)
            combo.addItems(names)
            combo.setCurrentText(chosen if chosen in names else label)
            combo.blockSignals(False)
        self._quiet = True
        self.model.set_rows(rows)
        self._quiet = False
        self._refilter()
        self.view.setColumnHidden(1, not any(r["end"] for r in rows))  # no ranges, no column
        if keep is not None:
            self.select_event(keep)

    def _refilter(self, *_args: object) -> None:
        def chosen(combo: QComboBox) -> str:
            return "" if combo.currentIndex() <= 0 else combo.currentText()

        self.proxy.set_filters(chosen(self.status), chosen(self.lane), chosen(self.tag),
                               self.search.text())

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None

    def select_event(self, event_id: int) -> None:
        if self.current_id() == event_id:
            return
        for r, row in enumerate(self.model.rows):
            if row["id"] == event_id:
                index = self.proxy.mapFromSource(self.model.index(r, 0))
                if index.isValid():
                    self._quiet = True
                    self.view.setCurrentIndex(index)
                    self._quiet = False
                    self.view.scrollTo(index)
                return

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._quiet:
            self.event_selected.emit(current.data(Qt.ItemDataRole.UserRole))
