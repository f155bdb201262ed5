"""A table model over records kept sorted and filtered in Python, changed row by row.

At 100,000 events a QSortFilterProxyModel would call back into Python millions of
times to sort; here the sort is one `list.sort` with a key, a changed record moves by
bisection, and every change is an insert, remove or dataChanged of that row only.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from itertools import compress
from operator import attrgetter, itemgetter, not_
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
SortKey = Callable[[Any], Any]
BATCH = 48  # more changed rows than this: one layout change instead of one signal per row


def everything(_record: Any) -> bool:
    return True


class SortedRecordsModel(QAbstractTableModel):
    """Records with an ``id`` attribute; shown = those `accepts`, in `key` order."""

    columns: tuple[str, ...] = ()
    tips: tuple[str, ...] = ()

    def __init__(self, key: SortKey, parent: Any = None) -> None:
        super().__init__(parent)
        self.records: dict[int, Any] = {}
        self.rows: list[Any] = []  # shown, ascending by key
        self._keys: list[Any] = []
        self._key = key
        self.descending = False
        self.accepts: Callable[[Any], bool] = everything

    # --- reading -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section]
            if role == Qt.ItemDataRole.ToolTipRole and section < len(self.tips):
                return self.tips[section]
        return None

    def record(self, row: int) -> Any:
        return self.rows[len(self.rows) - 1 - row if self.descending else row]

    def row_of(self, record_id: int) -> int | None:
        """The visible row of a record (bisection on its key), None if not shown."""
        rec = self.records.get(record_id)
        if rec is None:
            return None
        p = self._find(rec)
        if p is None:
            return None
        return len(self.rows) - 1 - p if self.descending else p

    def _find(self, rec: Any) -> int | None:
        key = self._full_key(rec)
        p = bisect_left(self._keys, key)
        if p < len(self.rows) and self.rows[p].id == rec.id and self._keys[p] == key:
            return p
        return None

    def _full_key(self, rec: Any) -> tuple[Any, int]:
        return (self._key(rec), rec.id)

    def _visible(self, p: int, n: int | None = None) -> int:
        n = len(self.rows) if n is None else n
        return n - 1 - p if self.descending else p

    # --- changing ------------------------------------------------------------------------
    def set_records(self, records: Iterable[Any],
                    accepts: Callable[[Any], bool] | None = None) -> None:
        """Everything anew; `accepts` (a new filter) is applied in the same single pass."""
        self.records = {r.id: r for r in records}
        if accepts is not None:
            self.accepts = accepts
        self.beginResetModel()
        self._rebuild()
        self.endResetModel()

    def _rebuild(self) -> None:
        """One pass, one C-level sort: at 100,000 records every Python call per record
        costs ~10 ms, so the key is called once and nothing else is."""
        accepts, key = self.accepts, self._key
        shown = ([r for r in self.records.values() if accepts(r)]
                 if accepts is not everything else list(self.records.values()))
        keyed = sorted(zip([(key(r), r.id) for r in shown], shown, strict=True),
                       key=itemgetter(0))
        self._keys = [k for k, _ in keyed]
        self.rows = [r for _, r in keyed]

    def set_order(self, key: SortKey, descending: bool = False) -> None:
        self.layoutAboutToBeChanged.emit()
        old = {id(r): r for r in self.rows}
        persistent = [(i, self.record(i.row()).id) for i in self.persistentIndexList()
                      if i.isValid() and i.row() < len(self.rows)]
        self._key, self.descending = key, descending
        self._rebuild()
        del old
        for index, rid in persistent:
            row = self.row_of(rid)
            self.changePersistentIndex(
                index, self.index(row, index.column()) if row is not None else QModelIndex())
        self.layoutChanged.emit()

    def set_filter(self, accepts: Callable[[Any], bool]) -> None:
        self.accepts = accepts
        self.beginResetModel()
        self._rebuild()
        self.endResetModel()

    def upsert(self, records: Iterable[Any]) -> None:
        records = list(records)
        if len(records) > BATCH:
            self._batch(records, ())
            return
        last = self.columnCount() - 1
        for rec in records:
            old = self.records.get(rec.id)
            self.records[rec.id] = rec
            p_old = self._find(old) if old is not None else None
            shown = self.accepts(rec)
            key = self._full_key(rec)
            if p_old is not None and shown and self._keys[p_old] == key:
                self.rows[p_old] = rec  # same place: only its cells changed
                row = self._visible(p_old)
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))
                continue
            if p_old is not None:
                self._remove_at(p_old)
            if shown:
                p = bisect_left(self._keys, key)
                row = self._visible(p, len(self.rows) + 1)
                if self.descending:
                    row = len(self.rows) - p
                self.beginInsertRows(QModelIndex(), row, row)
                self._keys.insert(p, key)
                self.rows.insert(p, rec)
                self.endInsertRows()

    def remove(self, ids: Iterable[int]) -> None:
        ids = list(ids)
        if len(ids) > BATCH:
            self._batch([], ids)
            return
        for rid in ids:
            old = self.records.pop(rid, None)
            if old is None:
                continue
            p = self._find(old)
            if p is not None:
                self._remove_at(p)

    def _batch(self, records: list[Any], removed: Iterable[int]) -> None:
        """Many rows at once (an import's slice of 400): each row inserted costs the views
        O(rows) (their headers' sections), 400 times per slice at 100,000 rows; one layout
        change costs that once. Selection and current row follow their records through
        the persistent indexes; the order is kept by one merge of two sorted runs."""
        self.layoutAboutToBeChanged.emit()
        persistent = [(i, self.record(i.row()).id) for i in self.persistentIndexList()
                      if i.isValid() and i.row() < len(self.rows)]
        touched = set(removed)
        for rid in touched:
            self.records.pop(rid, None)
        for rec in records:
            self.records[rec.id] = rec
            touched.add(rec.id)
        keep = list(map(not_, map(touched.__contains__, map(attrgetter("id"), self.rows))))
        pairs = list(zip(compress(self._keys, keep), compress(self.rows, keep), strict=True))
        accepts = self.accepts
        fresh = [self.records[i] for i in touched if i in self.records]
        pairs.extend(sorted(((self._full_key(r), r) for r in fresh if accepts(r)),
                            key=itemgetter(0)))
        pairs.sort(key=itemgetter(0))  # two sorted runs: one linear merge
        self._keys = list(map(itemgetter(0), pairs))
        self.rows = list(map(itemgetter(1), pairs))
        for index, rid in persistent:
            row = self.row_of(rid)
            self.changePersistentIndex(
                index, self.index(row, index.column()) if row is not None else QModelIndex())
        self.layoutChanged.emit()

    def _remove_at(self, p: int) -> None:
        row = self._visible(p)
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._keys[p]
        del self.rows[p]
        self.endRemoveRows()
