"""A table model over a list of dicts, refreshed in place so views keep sort and scroll.

The window re-reads the store after every edit; resetting the model each time would
re-sort and re-measure every row, so unchanged id lists only signal the rows that changed.
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QHeaderView, QTableView

Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    columns: ClassVar[tuple[str, ...]] = ()
    tips: ClassVar[tuple[str, ...]] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        if [r["id"] for r in rows] != [r["id"] for r in self.rows]:
            self.beginResetModel()
            self.rows = rows
            self.endResetModel()
            return
        old, self.rows = self.rows, rows
        last = self.columnCount() - 1
        for i, (a, b) in enumerate(zip(old, rows, strict=True)):
            if a != b:
                self.dataChanged.emit(self.index(i, 0), self.index(i, last))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section]
            if role == Qt.ItemDataRole.ToolTipRole and section < len(self.tips):
                return self.tips[section]
        return None


def size_columns(view: QTableView, samples: dict[int, str], stretch: int) -> None:
    """Fixed widths from sample text, one stretching column: no per-row measuring."""
    header = view.horizontalHeader()
    metrics = QFontMetrics(view.font())
    for col in range(view.model().columnCount()):
        if col == stretch:
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
            continue
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        text = samples.get(col, str(view.model().headerData(col, Qt.Orientation.Horizontal,
                                                             Qt.ItemDataRole.DisplayRole)))
        header.resizeSection(col, metrics.horizontalAdvance(text) + 18)


class KeyedRowsModel(RowsModel):
    """RowsModel that also takes single-row changes: upsert/remove signal only the rows
    concerned (insert, remove, dataChanged), so views keep selection and scroll.

    Rows stay in arrival order (a proxy sorts them); `pos` finds a row by id.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.pos: dict[Any, int] = {}

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        super().set_rows(rows)
        self.pos = {r["id"]: i for i, r in enumerate(self.rows)}

    def upsert(self, rows: list[dict[str, Any]]) -> None:
        """Changed rows in place; new ones appended as one block (one insert for an
        import's slice, not one per article for the sorting proxy to take in)."""
        last = self.columnCount() - 1
        new: dict[Any, dict[str, Any]] = {}
        for row in rows:
            at = self.pos.get(row["id"])
            if at is None:
                new[row["id"]] = row
            elif self.rows[at] != row:
                self.rows[at] = row
                self.dataChanged.emit(self.index(at, 0), self.index(at, last))
        if not new:
            return
        n = len(self.rows)
        self.beginInsertRows(QModelIndex(), n, n + len(new) - 1)
        for k, (rid, row) in enumerate(new.items()):
            self.rows.append(row)
            self.pos[rid] = n + k
        self.endInsertRows()

    def remove(self, ids: set[Any]) -> None:
        for at in sorted((self.pos[i] for i in ids if i in self.pos), reverse=True):
            self.beginRemoveRows(QModelIndex(), at, at)
            del self.rows[at]
            self.endRemoveRows()
        if ids & self.pos.keys():
            self.pos = {r["id"]: i for i, r in enumerate(self.rows)}
