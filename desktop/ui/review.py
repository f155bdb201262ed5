"""The review queue: pending suggestions, driven from the keyboard.

J/K or arrows move, A accepts, R rejects, E edits, M merges into another event;
Shift with a move extends the selection and A/R/M act on everything selected.
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.eventdates import ANCHOR_LABELS
from desktop.ui.bidi import VisibleStartDelegate, isolated
from desktop.ui.empty_state import EmptyHint
from desktop.ui.rows_model import size_columns
from desktop.ui.sorted_model import SortedRecordsModel

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("", "Date", "Dated by", "Title", "Quote", "Conf.")
TIPS = ("⚠ = the sources disagree on the date", "Suggested date",
        "How the date was found: a date phrase attached to the happening, the date the text "
        "last set, or the article's own date", "Suggested title",
        "The sentence that states it", "How sure the extractor is")
FILTERS = (("Dated by: any", None), ("Date phrase", "phrase"),
           ("Text continuation", "continuation"), ("Article's date", "publication"))
CONFLICT_BG = QColor("#fde2e1")
HELP = ("<b>J/K</b> move · <b>A</b> accept · <b>R</b> reject · <b>E</b> edit · "
        "<b>M</b> merge · <b>Shift</b>+move selects")


_CONFLICT = attrgetter("conflict")


def _queue_order(e: Any) -> Any:
    return e.earliest


def _pending(e: Any) -> bool:
    return e.status == "suggested"


class ReviewModel(SortedRecordsModel):
    """Pending suggestions (TimelineEvent records) in date order."""

    columns = COLUMNS
    tips = TIPS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(_queue_order, parent)
        self.accepts = _pending
        # event id -> (its record, its cells' texts): a repaint after every accept asks
        # each visible cell again, and the dates and quotes cost a format and a split
        self._texts: dict[int, tuple[Any, tuple[str, ...]]] = {}

    def texts(self, row: Any) -> tuple[str, ...]:
        found = self._texts.get(row.id)
        if found is not None and found[0] is row:
            return found[1]
        if len(self._texts) > 4 * len(self.rows) + 1000:
            self._texts.clear()
        texts = ("⚠" if row.conflict else ("↷" if row.redated else ""),
                 # "by 5 Sep 2018": the column is narrow, the tooltip says it all
                 row.date_text().replace("on or shortly before ", "by "),
                 ANCHOR_LABELS.get(row.anchor or "", ""), isolated(row.title),
                 " ".join(row.quote.split()), f"{row.confidence:.2f}")
        self._texts[row.id] = (row, texts)
        return texts

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.texts(row)[col]
        if role == Qt.ItemDataRole.BackgroundRole and row.conflict:
            return QBrush(CONFLICT_BG)
        if role == Qt.ItemDataRole.ForegroundRole and row.conflict:
            return QBrush(QColor("#1a1a1a"))  # readable on the pink under a dark palette
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{row.date_text()}: {row.title}\n\n{row.quote}"
            if row.anchor:
                tip += f"\n\nDated by {ANCHOR_LABELS[row.anchor]}"
            if row.conflict:
                tip += (f"\n\nConflict: its {row.sources} sources give different dates "
                        "(see the editor)")
            if row.redated:
                tip += f"\n\nRe-dated: the source says {row.redated}"
            return tip
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (0, 5):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class QueueView(QTableView):
    """The table that owns the review keys while it has focus."""

    act = Signal(str)  # "accepted", "rejected", "edit", "merge"

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        jumps = {Qt.Key.Key_Home: -10**9, Qt.Key.Key_End: 10**9,
                 Qt.Key.Key_PageUp: -self._page(), Qt.Key.Key_PageDown: self._page()}
        if key in jumps and not mods & Qt.KeyboardModifier.AltModifier:
            # Ctrl+Home must move the selection with the cursor: A/R act on the selection
            self.step(jumps[key], extend=shift)
            event.accept()
            return
        if mods & ~Qt.KeyboardModifier.ShiftModifier:  # Ctrl/Alt chords belong to the window
            super().keyPressEvent(event)
            return
        if key in (Qt.Key.Key_J, Qt.Key.Key_Down):
            self.step(1, extend=shift)
        elif key in (Qt.Key.Key_K, Qt.Key.Key_Up):
            self.step(-1, extend=shift)
        elif key == Qt.Key.Key_A:
            self.act.emit("accepted")
        elif key == Qt.Key.Key_R:
            self.act.emit("rejected")
        elif key == Qt.Key.Key_E:
            self.act.emit("edit")
        elif key == Qt.Key.Key_M:
            self.act.emit("merge")
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _page(self) -> int:
        height = self.rowHeight(0) if self.model().rowCount() else 0
        return max(1, self.viewport().height() // max(height, 1) - 1)

    def step(self, delta: int, *, extend: bool = False) -> None:
        rows = self.model().rowCount()
        if rows == 0:
            return
        current = self.currentIndex().row()
        row = 0 if current < 0 else max(0, min(rows - 1, current + delta))
        index = self.model().index(row, 1)
        flags = QItemSelectionModel.SelectionFlag.Rows
        if extend:
            flags |= QItemSelectionModel.SelectionFlag.Select
        else:
            flags |= QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.selectionModel().setCurrentIndex(index, flags)
        self.scrollTo(index)


class ReviewPanel(QWidget):
    current_event_changed = Signal(int)
    status_requested = Signal(list, str)  # event ids, new status
    edit_requested = Signal(int)
    merge_requested = Signal(list)
    TITLE_ROOM = 200  # px the titles keep before the "Dated by" column makes way

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._quiet = False  # set while the code (not the user) moves the cursor
        self._dated_by_width = 0  # the "Dated by" column's width when shown
        self._title_width = 0  # the Title column's width while "Dated by" is shown
        self.model = ReviewModel(self)
        self.view = QueueView()
        self.view.setModel(self.model)
        self.view.setAccessibleName("Review queue")
        self.view.setToolTip("Suggestions waiting for review. " + HELP.replace("<b>", "")
                             .replace("</b>", ""))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.setTabKeyNavigation(False)
        self.titles = VisibleStartDelegate(self.view)
        self.view.setItemDelegateForColumn(3, self.titles)
        size_columns(self.view, {0: "⚠", 1: "early Sep 2018", 2: "article's date",
                                 3: "M" * 14, 5: "0.00"}, 4)
        self._dated_by_width = self.view.horizontalHeader().sectionSize(2)
        self.dated_by = QComboBox()
        self.dated_by.setAccessibleName("Show suggestions dated by")
        self.dated_by.setToolTip("Show only the suggestions whose date was found this way")
        self.dated_by.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.dated_by.setMinimumContentsLength(10)
        for label, key in FILTERS:
            self.dated_by.addItem(label, key)
        self.dated_by.currentIndexChanged.connect(self._refilter)
        self.empty_hint = EmptyHint(self.view, self._empty_text)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.menu: QMenu | None = None  # the open context menu (tests drive it)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.act.connect(self._act)
        self.count = QLabel()
        self.count.setWordWrap(True)
        self.count.setAccessibleName("Review queue size")
        keys = QLabel(HELP)
        keys.setStyleSheet("color: palette(placeholder-text);")
        keys.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        top.addWidget(self.count, 1)
        top.addWidget(self.dated_by)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(keys)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        """A narrow pane (a 1280-pixel screen) gives the titles the "Dated by" column's
        room (the filter above and each row's tooltip still say how it was dated)."""
        super().resizeEvent(event)
        header = self.view.horizontalHeader()
        fixed = header.sectionSize(0) + header.sectionSize(1) + self._dated_by_width
        room = self.view.viewport().width() - fixed
        narrow = room < self.TITLE_ROOM
        if narrow != self.view.isColumnHidden(2):
            self.view.setColumnHidden(2, narrow)
            if narrow:  # the titles take the room the column leaves, within the pane
                self._title_width = header.sectionSize(3)
                visible = room + self._dated_by_width
                header.resizeSection(3, max(self._title_width, min(
                    self._title_width + self._dated_by_width, visible)))  # fmt: skip
            elif self._title_width:
                header.resizeSection(3, self._title_width)

    def set_records(self, records: Any) -> None:
        """Everything anew (opening a workspace); the cursor stays on the same event."""
        old_id, old_row = self.current_id(), self.view.currentIndex().row()
        self._quiet = True
        self.model.set_records(records)
        self._quiet = False
        self._count()
        if not self.model.rows:
            return
        row = self.model.row_of(old_id) if old_id is not None else None
        if row is None:
            row = min(max(old_row, 0), len(self.model.rows) - 1)
        self.select_row(row, emit=old_id is not None and self.current_id() != old_id)

    def apply(self, records: list[Any], removed: set[int]) -> None:
        """Only the rows that changed move; the cursor stays on its event, or when that
        left the queue (accepted, rejected) on the row that took its place."""
        old_id, old_row = self.current_id(), self.view.currentIndex().row()
        selected = set(self.selected_ids())
        self._quiet = True
        self.model.remove(removed)
        self.model.upsert(records)
        self._quiet = False
        self._count()
        if not self.model.rows:
            return
        row = self.model.row_of(old_id) if old_id is not None else None
        if row is not None:
            if self.current_id() != old_id:
                self.select_row(row, emit=False)
            elif selected and not set(self.selected_ids()) & selected:
                self.select_row(row, emit=False)
            return
        if old_row < 0:
            return
        self.select_row(min(old_row, len(self.model.rows) - 1), emit=True)

    def _empty_text(self) -> str:
        if any(_pending(r) for r in self.model.records.values()):
            return ("No suggestion is dated this way. Choose “Dated by: any” above to see "
                    "the others.")
        return ("Nothing left to review. Import more articles (Ctrl+I), add an event by "
                "hand (Ctrl+N), or export the timeline (Ctrl+Shift+E).")

    def _context_menu(self, pos: QPoint) -> None:
        """Right-click: the queue's keys as commands, on the selected suggestions."""
        index = self.view.indexAt(pos)
        if index.isValid() and not self.view.selectionModel().isRowSelected(index.row()):
            self.select_row(index.row())
        if self.current_id() is None:
            return
        menu = QMenu(self.view)
        for text, what in (("&Accept\tA", "accepted"), ("&Reject\tR", "rejected"),
                           ("&Edit date\tE", "edit"), ("&Merge into another event…\tM",
                                                        "merge")):
            menu.addAction(text, lambda w=what: self._act(w))
        self.menu = menu
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def _refilter(self, *_args: object) -> None:
        wanted = self.dated_by.currentData()
        self.model.set_filter(_pending if wanted is None
                              else lambda e: e.status == "suggested" and e.anchor == wanted)
        self._count()
        if self.model.rows:
            self.select_row(0)

    def _count(self) -> None:
        n = len(self.model.rows)
        conflicts = sum(map(bool, map(_CONFLICT, self.model.rows)))  # C-level: per delta
        hidden = 0
        if self.dated_by.currentData() is not None:
            hidden = sum(1 for r in self.model.records.values() if _pending(r)) - n
        self.count.setText(f"{n} suggestion{'s' if n != 1 else ''} to review"
                           + (f" · {conflicts} with conflicting dates" if conflicts else "")
                           + (f" · {hidden} hidden by the filter" if hidden else ""))

    def select_row(self, row: int, *, emit: bool = True) -> None:
        index = self.model.index(row, 1)
        self._quiet = True
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self._quiet = False
        self.view.scrollTo(index)
        if emit:
            self.current_event_changed.emit(self.model.rows[row].id)

    def select_event(self, event_id: int) -> bool:
        if self.current_id() == event_id:  # keep a multi-row selection the user is making
            return True
        row = self.model.row_of(event_id)
        if row is None:
            return False
        self.select_row(row, emit=False)
        return True

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        ids = [self.model.rows[r].id for r in rows]
        current = self.current_id()
        if not ids and current is not None:
            ids = [current]
        return ids

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._quiet:
            self.current_event_changed.emit(current.data(Qt.ItemDataRole.UserRole))

    def _act(self, what: str) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        if what in ("accepted", "rejected"):
            self.status_requested.emit(ids, what)
        elif what == "edit":
            self.edit_requested.emit(self.current_id() or ids[0])
        elif what == "merge":
            self.merge_requested.emit(ids)
