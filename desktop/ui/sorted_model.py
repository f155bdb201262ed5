"""A table model over records kept sorted and filtered in Python, changed row by row.

At 100,000 events a QSortFilterProxyModel would call back into Python millions of
times to sort; here the sort is one `list.sort` with a key, a changed record moves by
bisection, and every change is an insert, remove or dataChanged of that row only.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from operator import itemgetter
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
        """Many rows at once (an import's slice of 400), with nothing re-sorted: the rows
        that go are found by bisection, the new ones are sorted among themselves and their
        places found by bisection. A few contiguous runs are signalled as row removals and
        insertions; many runs scattered over the table (each costs the views O(rows): their
        headers' sections) become one layout change, the lists rebuilt by slicing (at
        100,000 rows re-sorting (key, record) pairs held the UI thread ~300 ms a slice).
        Selection and current row follow their records through the persistent indexes."""
        drop: set[int] = set()  # positions of rows that leave (or move)
        same: list[int] = []  # positions whose record changed but not its place
        fresh: list[tuple[Any, Any]] = []  # (key, record) to insert
        for rid in removed:
            old = self.records.pop(rid, None)
            p = self._find(old) if old is not None else None
            if p is not None:
                drop.add(p)
        accepts = self.accepts
        for rec in {r.id: r for r in records}.values():
            old = self.records.get(rec.id)
            self.records[rec.id] = rec
            p = self._find(old) if old is not None else None
            key, shown = self._full_key(rec), accepts(rec)
            if p is not None and shown and self._keys[p] == key:
                self.rows[p] = rec
                same.append(p)
                continue
            if p is not None:
                drop.add(p)
            if shown:
                fresh.append((key, rec))
        fresh.sort(key=itemgetter(0))
        gone = _runs(sorted(drop))
        places = _places(self._keys, sorted(drop), fresh)
        if not gone and not places and not same:
            return
        if len(gone) + len(places) <= BATCH:
            self._signal_rows(gone, places, same)
            return
        self.layoutAboutToBeChanged.emit()
        persistent = [(i, self.record(i.row()).id) for i in self.persistentIndexList()
                      if i.isValid() and i.row() < len(self.rows)]
        self._keys = _spliced(_without(self._keys, gone), [(p, k) for p, k, _ in places])
        self.rows = _spliced(_without(self.rows, gone), [(p, r) for p, _, r in places])
        for index, rid in persistent:
            row = self.row_of(rid)
            self.changePersistentIndex(
                index, self.index(row, index.column()) if row is not None else QModelIndex())
        self.layoutChanged.emit()

    def _signal_rows(self, gone: list[tuple[int, int]],
                     places: list[tuple[int, list[Any], list[Any]]], same: list[int]) -> None:
        """A few runs: one dataChanged over the rows changed in place, one removal per run
        that goes (last first, so the earlier positions hold) and one insertion per run
        that arrives (`places` are positions in the list after the removals)."""
        if same:
            rows = [self._visible(p) for p in same]
            self.dataChanged.emit(self.index(min(rows), 0),
                                  self.index(max(rows), self.columnCount() - 1))
        for start, count in reversed(gone):
            n = len(self.rows)
            first = n - start - count if self.descending else start
            self.beginRemoveRows(QModelIndex(), first, first + count - 1)
            del self._keys[start:start + count]
            del self.rows[start:start + count]
            self.endRemoveRows()
        for p, keys, recs in reversed(places):
            first = len(self.rows) - p if self.descending else p
            self.beginInsertRows(QModelIndex(), first, first + len(recs) - 1)
            self._keys[p:p] = keys
            self.rows[p:p] = recs
            self.endInsertRows()

    def _remove_at(self, p: int) -> None:
        row = self._visible(p)
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._keys[p]
        del self.rows[p]
        self.endRemoveRows()


def _runs(positions: list[int]) -> list[tuple[int, int]]:
    """Ascending positions as (start, count) runs of consecutive ones."""
    out: list[tuple[int, int]] = []
    for p in positions:
        if out and out[-1][0] + out[-1][1] == p:
            out[-1] = (out[-1][0], out[-1][1] + 1)
        else:
            out.append((p, 1))
    return out


def _places(keys: list[Any], drops: list[int],
            fresh: list[tuple[Any, Any]]) -> list[tuple[int, list[Any], list[Any]]]:
    """Where sorted new (key, record) pairs go in `keys` once the `drops` positions are
    gone, grouped by place: [(position, keys, records)]. A new key never equals a kept
    one (the key ends with the record's id), so bisecting the list before the drops and
    subtracting the drops before that point gives the place after them."""
    out: list[tuple[int, list[Any], list[Any]]] = []
    for key, rec in fresh:
        b = bisect_left(keys, key)
        p = b - bisect_left(drops, b)
        if out and out[-1][0] == p:
            out[-1][1].append(key)
            out[-1][2].append(rec)
        else:
            out.append((p, [key], [rec]))
    return out


def _without(seq: list[Any], gone: list[tuple[int, int]]) -> list[Any]:
    """`seq` less the (start, count) runs, by slicing (C-level copies)."""
    if not gone:
        return seq
    out: list[Any] = []
    prev = 0
    for start, count in gone:
        out += seq[prev:start]
        prev = start + count
    out += seq[prev:]
    return out


def _spliced(seq: list[Any], inserts: list[tuple[int, list[Any]]]) -> list[Any]:
    """`seq` with each (position, items) inserted before its position, by slicing."""
    if not inserts:
        return seq
    out: list[Any] = []
    prev = 0
    for p, items in inserts:
        out += seq[prev:p]
        out += items
        prev = p
    out += seq[prev:]
    return out
