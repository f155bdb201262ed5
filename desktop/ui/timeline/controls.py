"""The filter controls in the timeline's toolbar: tag, date range and lane visibility.

Each is a compact tool button or short combo (the central area may be ~550 px wide),
opening a menu or a small popup; none changes the model itself. They emit what the
user chose and the view turns that into Filters, so named views restore through
the same setters without echoing signals back.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from datetime import date, datetime, time

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QCursor, QHideEvent, QMouseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QWidget,
)

from desktop.temporal import parse_span

ANY_TAG = "Any tag"
RangeSource = Callable[[], tuple[datetime, datetime]]


def _mark_active(button: QToolButton, active: bool) -> None:
    """Bold text says "this filter hides something" without widening the button much."""
    font = button.font()
    font.setBold(active)
    button.setFont(font)


def shrink_to_fit(box: QComboBox, minimum: int = 56) -> None:
    """Full width when there is room, elided down to `minimum` px when the window is narrow."""
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    box.setMinimumWidth(minimum)
    box.setMaximumWidth(180)  # a long tag name must not eat the text filter's room


def plain_menu_button(button: QToolButton, text: str) -> None:
    """A tool button that drops a menu; "…" says so, and Qt's corner arrow (which
    overlaps the text of small buttons) is left out."""
    button.setText(text)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")


class TagBox(QComboBox):
    """"Any tag" or one of the workspace's tags; long names are elided."""

    tagChanged = Signal(object)  # str | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        shrink_to_fit(self)
        self.setAccessibleName("Timeline tag filter")
        self.setToolTip("Show only events with this tag")
        self.addItem(ANY_TAG, None)
        self.currentIndexChanged.connect(lambda _i: self.tagChanged.emit(self.tag()))

    def tag(self) -> str | None:
        return self.currentData()

    def set_tags(self, tags: list[str]) -> None:
        """Offer these tags, keeping the chosen one (even if no event carries it now)."""
        current = self.tag()
        names = sorted(set(tags) | ({current} if current else set()), key=str.casefold)
        self.blockSignals(True)
        self.clear()
        self.addItem(ANY_TAG, None)
        for name in names:
            self.addItem(name, name)
        self.setCurrentIndex(max(self.findData(current), 0) if current else 0)
        self.blockSignals(False)

    def set_tag(self, tag: str | None) -> None:
        """Select without emitting (restoring a named view)."""
        if tag and self.findData(tag) < 0:
            self.addItem(tag, tag)
        self.blockSignals(True)
        self.setCurrentIndex(self.findData(tag) if tag else 0)
        self.blockSignals(False)


ANYONE = "Anyone, anywhere"


class EntityBox(QComboBox):
    """"Anyone, anywhere" or one actor or place: the timeline of X, or what happened at Y.

    Items hold "actor:Name" / "place:Name" (Qt keeps strings exactly; tuples it does not).
    """

    entityChanged = Signal(object)  # (kind, name) | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        shrink_to_fit(self, 36)  # the toolbar must fit a ~550 px central area
        self.setAccessibleName("Timeline actor or place filter")
        self.setToolTip("Show only the events of one actor, or at one place")
        self.addItem(ANYONE, None)
        self.currentIndexChanged.connect(lambda _i: self.entityChanged.emit(self.entity()))

    def entity(self) -> tuple[str, str] | None:
        data = self.currentData()
        if not data:
            return None
        kind, _, name = data.partition(":")
        return kind, name

    def find(self, entity: tuple[str, str] | None) -> int:
        return self.findData(f"{entity[0]}:{entity[1]}") if entity else 0

    def _add(self, kind: str, name: str) -> None:
        self.addItem(f"{'Actor' if kind == 'actor' else 'Place'}: {name}", f"{kind}:{name}")

    def set_names(self, actors: list[str], places: list[str]) -> None:
        """Offer these names (most named first), keeping the chosen one."""
        current = self.entity()
        self.blockSignals(True)
        self.clear()
        self.addItem(ANYONE, None)
        for kind, names in (("actor", actors), ("place", places)):
            for name in names:
                self._add(kind, name)
        if current is not None and self.find(current) < 0:
            self._add(*current)
        self.setCurrentIndex(max(self.find(current), 0))
        self.blockSignals(False)

    def set_entity(self, entity: tuple[str, str] | None) -> None:
        """Select without emitting (restoring a view, "Timeline of X" from the library)."""
        if entity is not None and self.find(entity) < 0:
            self._add(*entity)
        self.blockSignals(True)
        self.setCurrentIndex(self.find(entity))
        self.blockSignals(False)


class DateRangePopup(QFrame):
    """From/To as free text ("Sep 2018", "07/09/2018", "2019?"); a range typed in From
    ("3-5 Mar 2020", "2018-2019") fills both. Empty means open; what was typed is applied
    on Return, on leaving the field and when the popup closes, so it is never lost."""

    changed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.dayfirst = False  # numeric dates' order, from the Preferences
        self.bounds: list[date | None] = [None, None]
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 8, 8, 8)
        self.from_edit, self.to_edit = QLineEdit(self), QLineEdit(self)
        for row, (label, edit) in enumerate((("&From", self.from_edit), ("&To", self.to_edit))):
            edit.setClearButtonEnabled(True)
            edit.setMinimumWidth(200)
            edit.setAccessibleName(f"Timeline {label.strip('&').lower()} date")
            edit.setToolTip("Any date you would type in the editor: 'Sep 2018', '2019', "
                            "'07/09/2018'; a range in From fills both ('3-5 Mar 2020')")
            edit.editingFinished.connect(self.apply_text)
            caption = QLabel(label, self)
            caption.setBuddy(edit)
            grid.addWidget(caption, row, 0)
            grid.addWidget(edit, row, 1)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Timeline date filter message")
        grid.addWidget(self.message, 2, 0, 1, 2)
        buttons = QHBoxLayout()
        self.visible_button = QPushButton("Visible range", self)
        self.visible_button.setToolTip("Limit to the dates now on screen")
        self.clear_button = QPushButton("Clear", self)
        self.clear_button.setToolTip("Show events of any date")
        self.clear_button.clicked.connect(self.clear)
        buttons.addWidget(self.visible_button)
        buttons.addWidget(self.clear_button)
        grid.addLayout(buttons, 3, 0, 1, 2)

    def apply_text(self) -> bool:
        """Read both fields; emits `changed` when the bounds moved. False on unreadable text."""
        lo, hi = self.bounds
        try:
            lo_text, hi_text = self.from_edit.text().strip(), self.to_edit.text().strip()
            if lo_text:
                first, last = parse_span(lo_text, dayfirst=self.dayfirst)
                lo = first.earliest.date()
                if last is not None:  # a whole range typed in From
                    hi, hi_text = last.latest.date(), ""
                    self.from_edit.setText(str(lo))
                    self.to_edit.setText(str(hi))
            else:
                lo = None
            if hi_text:
                first, last = parse_span(hi_text, dayfirst=self.dayfirst)
                hi = (last or first).latest.date()
            elif not self.to_edit.text().strip():
                hi = None
        except ValueError as exc:
            self.message.setText(str(exc))
            self.message.setToolTip(str(exc))
            return False
        self.message.setText(_describe_bounds(lo, hi))
        self.message.setToolTip("")
        if [lo, hi] != self.bounds:
            self.bounds = [lo, hi]
            self.changed.emit()
        return True

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        self.apply_text()  # closing the popup keeps what was typed
        super().hideEvent(event)

    def clear(self) -> None:
        self.set_dates(None, None)
        self.changed.emit()

    def set_dates(self, lo: date | None, hi: date | None) -> None:
        """Show these bounds (None: open) without emitting."""
        self.bounds = [lo, hi]
        for edit, value in ((self.from_edit, lo), (self.to_edit, hi)):
            edit.blockSignals(True)
            edit.setText(str(value) if value is not None else "")
            edit.blockSignals(False)
        self.message.setText(_describe_bounds(lo, hi))

    def suggest(self, lo: date, hi: date) -> None:
        """Show the dates on screen as placeholders of the open bounds."""
        self.from_edit.setPlaceholderText(f"any (on screen from {lo})")
        self.to_edit.setPlaceholderText(f"any (on screen to {hi})")

    def dates(self) -> tuple[date | None, date | None]:
        return self.bounds[0], self.bounds[1]


def _describe_bounds(lo: date | None, hi: date | None) -> str:
    if lo is None and hi is None:
        return "Showing events of any date."
    if lo is not None and hi is not None and lo > hi:
        lo, hi = hi, lo
    return f"Showing events from {lo or 'the first'} to {hi or 'the last'} (whole days)."


class DateRangeButton(QToolButton):
    """"Dates…": opens the popup; emits whole days as datetimes (the end is inclusive)."""

    rangeChanged = Signal(object, object)  # datetime | None, datetime | None

    def __init__(self, visible_range: RangeSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText("Dates…")
        self.setAccessibleName("Timeline date range filter")
        self.visible_range = visible_range
        self.popup = DateRangePopup(self)
        self.popup.changed.connect(self._changed)
        self.popup.visible_button.clicked.connect(self._use_visible)
        self.clicked.connect(self.open_popup)
        self._show_state()

    def open_popup(self) -> None:
        lo, hi = self.visible_range()
        self.popup.suggest(lo.date(), hi.date())
        self.popup.adjustSize()
        # from the toolbar's "»" menu the button is hidden: open where the menu was
        at = self.mapToGlobal(QPoint(0, self.height())) if self.isVisible() else QCursor.pos()
        self.popup.move(at)
        self.popup.show()
        self.popup.from_edit.setFocus()

    def _use_visible(self) -> None:
        lo, hi = self.visible_range()
        self.popup.set_dates(lo.date(), hi.date())
        self._changed()

    def _changed(self) -> None:
        self._show_state()
        self.rangeChanged.emit(*self.range())

    def range(self) -> tuple[datetime | None, datetime | None]:
        lo, hi = self.popup.dates()
        if lo and hi and lo > hi:  # a reversed range means the days between them
            lo, hi = hi, lo
        return (datetime.combine(lo, time.min) if lo else None,
                datetime.combine(hi, time.max) if hi else None)  # fmt: skip

    def set_range(self, lo: datetime | None, hi: datetime | None) -> None:
        """Show a restored range without emitting."""
        self.popup.set_dates(lo.date() if lo else None, hi.date() if hi else None)
        self._show_state()

    def _show_state(self) -> None:
        lo, hi = self.popup.dates()
        _mark_active(self, lo is not None or hi is not None)
        if lo is None and hi is None:
            self.setToolTip("Show only events within a date range")
        else:
            self.setToolTip(f"Dates: {lo or '…'} to {hi or '…'} (click to change)")


class StayOpenMenu(QMenu):
    """Clicking a checkable entry toggles it and keeps the menu open (hide several lanes)."""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        action = self.activeAction()
        if action is not None and action.isCheckable() and action.isEnabled():
            action.trigger()
            return
        super().mouseReleaseEvent(event)


class LanesButton(QToolButton):
    """"Lanes…": a checkable entry per lane; unchecking one hides its events."""

    hiddenChanged = Signal(object)  # frozenset of lane keys
    newLaneRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        plain_menu_button(self, "Lanes…")
        self.setAccessibleName("Timeline lane visibility")
        self.lanes: list[tuple[Hashable, str]] = []
        self.hidden: frozenset[Hashable] = frozenset()
        self.lanes_menu = StayOpenMenu(self)
        self.lanes_menu.aboutToShow.connect(self.fill_menu)
        self.setMenu(self.lanes_menu)
        self._show_state()

    def set_lanes(self, lanes: list[tuple[Hashable, str]]) -> None:
        self.lanes = list(lanes)

    def set_hidden(self, hidden: frozenset[Hashable]) -> None:
        """Show a restored choice without emitting."""
        self.hidden = frozenset(hidden)
        self._show_state()

    def fill_menu(self) -> None:
        menu = self.lanes_menu
        menu.clear()
        menu.addAction("Show all lanes", lambda: self._set(frozenset()))
        menu.addSeparator()
        for key, name in self.lanes:
            action = menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(key not in self.hidden)
            action.toggled.connect(lambda on, k=key: self.set_lane_shown(k, on))
        menu.addSeparator()
        new = menu.addAction("New lane…")
        new.triggered.connect(lambda _checked=False: self.newLaneRequested.emit())

    def set_lane_shown(self, key: Hashable, shown: bool) -> None:
        self._set(self.hidden - {key} if shown else self.hidden | {key})

    def _set(self, hidden: frozenset[Hashable]) -> None:
        if hidden != self.hidden:
            self.set_hidden(hidden)
            self.hiddenChanged.emit(self.hidden)

    def _show_state(self) -> None:
        n = len(self.hidden)
        _mark_active(self, n > 0)
        self.setToolTip(f"{n} lane{'s' if n != 1 else ''} hidden (click to choose)" if n
                        else "Choose which lanes are shown")  # fmt: skip
