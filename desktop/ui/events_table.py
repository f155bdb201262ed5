"""Every event as a sortable, filterable table: the central view until the timeline lands."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
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

from desktop.ui.bidi import VisibleStartDelegate, alignment, isolated
from desktop.ui.rows_model import size_columns
from desktop.ui.sorted_model import SortedRecordsModel, everything

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Date", "End", "Title", "Status", "Lane", "Tags", "Src", "")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ANY = "Any"
STATUS_FG = {"suggested": "#1f5fae", "accepted": "#2e7d32", "manual": "#2e7d32",
             "rejected": "#8a8a8a"}


def _by_date(e: Any) -> Any:
    return e.earliest


SORT_KEYS = (
    _by_date,
    lambda e: (e.end is not None, e.end.earliest if e.end is not None else e.earliest),
    lambda e: e.title.lower(),
    lambda e: e.status,
    lambda e: e.lane if e.lane is not None else -1,
    lambda e: e.tags,
    lambda e: e.sources,
    lambda e: e.conflict,
)


class EventsModel(SortedRecordsModel):
    """Every event (TimelineEvent records); sorted and filtered here, not by a proxy."""

    columns = COLUMNS
    tips = ("Start (sorts by the earliest possible moment)", "End, if a range", "Title",
            "Review status", "Lane", "Tags", "Number of sources",
            "⚠ = sources disagree on the date")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(_by_date, parent)
        self.lane_names: dict[int | None, str] = {}

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.record(index.row())
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return row.start.human() if row.start is not None else ""
            if col == 1:
                return row.end.human() if row.end is not None else ""
            return (None, None, isolated(row.title), row.status, self.lane_names.get(row.lane, ""),
                    ", ".join(row.tags), str(row.sources), "⚠" if row.conflict else "")[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == 3:
            return QBrush(QColor(STATUS_FG.get(row.status, "#000000")))
        if role == Qt.ItemDataRole.DecorationRole and col == 2 and row.color:
            return QColor(row.color)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.date_text()}: {row.title}\n\n{row.description or row.quote}"
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 2:
            return alignment(row.title)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.set_order(SORT_KEYS[column], order == Qt.SortOrder.DescendingOrder)


def event_filter(status: str, lane: int | None | bool, tag: str, text: str) -> Any:
    """The table's filter as one predicate (lane False: any lane)."""
    needle = text.strip().lower()
    if not (status or lane is not False or tag or needle):
        return everything  # the model skips 100,000 calls that would all say yes

    def accepts(e: Any) -> bool:
        if status and e.status != status:
            return False
        if lane is not False and e.lane != lane:
            return False
        if tag and tag not in e.tags:
            return False
        if needle:
            hay = " ".join([e.title, e.description, e.date_text(), e.quote, e.notes,
                            " ".join(e.tags)]).lower()
            return needle in hay
        return True

    return accepts


class EventsPanel(QWidget):
    event_selected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._quiet = False  # set while the code (not the user) moves the cursor
        self.model = EventsModel(self)
        self.proxy = self.model  # older name: the model filters and sorts itself
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
        self.view.setModel(self.model)
        self.view.setAccessibleName("Events table")
        self.view.setToolTip("All events; click a header to sort, select one to edit it")
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.titles = VisibleStartDelegate(self.view)
        self.view.setItemDelegateForColumn(2, self.titles)
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

    def set_records(self, records: Any, lanes: list[tuple[int, str]], tags: list[str]) -> None:
        keep = self.current_id()
        self.set_vocabulary(lanes, tags)
        self._quiet = True
        self.model.set_records(records, self._filter())  # one sort, not two
        self._quiet = False
        self.view.setColumnHidden(1, not any(e.end is not None for e in records))
        if keep is not None:
            self.select_event(keep)

    def set_vocabulary(self, lanes: list[tuple[int, str]], tags: list[str]) -> None:
        """The lane and tag choices (after a lane or tag was created or dropped)."""
        self.model.lane_names = dict(lanes)
        for combo, items, label in ((self.lane, lanes, "Any lane"),
                                    (self.tag, [(t, t) for t in tags], "Any tag")):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(label, False)
            for value, name in items:
                combo.addItem(name, value)
            at = combo.findData(chosen) if chosen is not False else 0
            combo.setCurrentIndex(max(at, 0))
            combo.blockSignals(False)
        if self.model.rows:
            last = self.model.columnCount() - 1
            self.model.dataChanged.emit(self.model.index(0, 4),
                                        self.model.index(len(self.model.rows) - 1, last))

    def apply(self, records: list[Any], removed: set[int]) -> None:
        """Only the changed rows: selection and scroll stay where they are."""
        self._quiet = True
        self.model.remove(removed)
        self.model.upsert(records)
        self._quiet = False
        if any(e.end is not None for e in records):
            self.view.setColumnHidden(1, False)

    def _filter(self) -> Any:
        """The predicate the filter bar describes."""
        def chosen(combo: QComboBox) -> Any:
            return combo.currentData() if combo.currentIndex() > 0 else False

        status = self.status.currentText() if self.status.currentIndex() > 0 else ""
        tag = chosen(self.tag) or ""
        return event_filter(status, chosen(self.lane), tag, self.search.text())

    def _refilter(self, *_args: object) -> None:
        keep = self.current_id()
        self.model.set_filter(self._filter())
        if keep is not None:
            self.select_event(keep)

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None

    def select_event(self, event_id: int) -> None:
        if self.current_id() == event_id:
            return
        row = self.model.row_of(event_id)
        if row is not None:
            index = self.model.index(row, 0)
            self._quiet = True
            self.view.setCurrentIndex(index)
            self._quiet = False
            self.view.scrollTo(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._quiet:
            self.event_selected.emit(current.data(Qt.ItemDataRole.UserRole))
