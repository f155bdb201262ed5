"""The Entities panel beside the library: actors and places with their counts of events.

Select one to see its timeline (only its events, in order), export that as its own PDF,
rename it, or select several spellings of one name and merge them into one (undoable).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.entities import EntityRow
from desktop.ui.rows_model import Index, RowsModel, size_columns

SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class EntitiesModel(RowsModel):
    columns = ("Name", "Kind", "Events", "Also known as")
    tips = ("The actor's or place's name", "Person, organisation, group or state; for a "
            "place its country", "Events naming it that are not rejected",
            "Other names it goes by (what merging keeps)")  # fmt: skip

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            value = (row["name"], row["what"], row["events"], row["aliases"])[col]
            return value if role == SORT_ROLE or col != 2 else str(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            where = ""
            if row["latitude"] is not None:
                where = f"\n{row['latitude']:.4f}, {row['longitude']:.4f}"
            return f"{row['name']} — {row['events']} event(s){where}"
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 2:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        return None


def _row(r: EntityRow) -> dict[str, Any]:
    what = r.type if r.kind == "actor" else (r.country or "")
    return {"id": r.id, "name": r.name, "what": what, "events": r.events,
            "aliases": ", ".join(r.aliases), "latitude": r.latitude,
            "longitude": r.longitude}  # fmt: skip


class EntitiesPanel(QWidget):
    """Lists one kind at a time; the window turns its requests into undoable edits."""

    timeline_requested = Signal(str, str)  # kind, name
    export_requested = Signal(str, str)
    merge_requested = Signal(str, list)  # kind, ids (the window asks which to keep)
    rename_requested = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: dict[str, list[EntityRow]] = {"actor": [], "place": []}
        self.kind_box = QComboBox()
        self.kind_box.addItem("Actors", "actor")
        self.kind_box.addItem("Places", "place")
        self.kind_box.setAccessibleName("Entity kind")
        self.kind_box.currentIndexChanged.connect(lambda _i: self._show())
        self.filter = QLineEdit(placeholderText="Filter names…")
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName("Entity filter")
        self.model = EntitiesModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setAccessibleName("Actors and places")
        self.view.setToolTip("Double-click to see only its events on the timeline; select "
                             "several spellings of one name and merge them")
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        size_columns(self.view, {1: "organisation", 2: "Events", 3: "HTS, Tahrir al-Sham"}, 0)
        self.view.doubleClicked.connect(lambda _i: self._request(self.timeline_requested))
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.timeline_button = self._button("Timeline of…", "Show only its events on the "
                                            "timeline, in order", self.timeline_requested)
        self.export_button = self._button("Export PDF…", "Export its timeline as its own PDF",
                                          self.export_requested)
        self.merge_button = QPushButton("Merge…")
        self.merge_button.setToolTip("Merge the selected names into one (they become aliases)")
        self.merge_button.clicked.connect(self.request_merge)
        top = QHBoxLayout()
        top.addWidget(self.kind_box)
        top.addWidget(self.filter, 1)
        buttons = QHBoxLayout()
        for b in (self.timeline_button, self.export_button, self.merge_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def _button(self, text: str, tip: str, signal: Any) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.clicked.connect(lambda: self._request(signal))
        return button

    @property
    def kind(self) -> str:
        return self.kind_box.currentData()

    def set_kind(self, kind: str) -> None:
        self.kind_box.setCurrentIndex(self.kind_box.findData(kind))

    def set_rows(self, actors: list[EntityRow], places: list[EntityRow]) -> None:
        """Entities named by at least one event that is not rejected."""
        self.rows = {"actor": [r for r in actors if r.events],
                     "place": [r for r in places if r.events]}  # fmt: skip
        self._show()

    def _show(self) -> None:
        self.model.set_rows([_row(r) for r in self.rows[self.kind]])

    def selected_ids(self) -> list[int]:
        rows = sorted(self.view.selectionModel().selectedRows(), key=lambda i: i.row())
        ids = [i.data(Qt.ItemDataRole.UserRole) for i in rows]
        current = self.view.currentIndex()
        if not ids and current.isValid():
            ids = [current.data(Qt.ItemDataRole.UserRole)]
        return ids

    def name_of(self, entity_id: int) -> str:
        return next((r.name for r in self.rows[self.kind] if r.id == entity_id), "")

    def select_name(self, name: str) -> None:
        for r in range(self.proxy.rowCount()):
            index = self.proxy.index(r, 0)
            if index.data() == name:
                self.view.setCurrentIndex(index)
                self.view.selectRow(r)
                return

    def _request(self, signal: Any) -> None:
        ids = self.selected_ids()
        if ids:
            signal.emit(self.kind, self.name_of(ids[0]))

    def request_merge(self) -> None:
        ids = self.selected_ids()
        if len(ids) >= 2:
            self.merge_requested.emit(self.kind, ids)

    def _context_menu(self, pos: Any) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        menu = QMenu(self)
        name = self.name_of(ids[0])
        menu.addAction(f"Timeline of {name}", lambda: self._request(self.timeline_requested))
        menu.addAction("Export its timeline as PDF…",
                       lambda: self._request(self.export_requested))
        menu.addAction("Rename…", lambda: self.rename_requested.emit(self.kind, ids[0]))
        merge = menu.addAction(f"Merge {len(ids)} names into one…", self.request_merge)
        merge.setEnabled(len(ids) >= 2)
        menu.popup(self.view.viewport().mapToGlobal(pos))
