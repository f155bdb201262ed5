"""The event editor's texts and small widgets: the date field's help, how a stored date
is described back, the error colour, and a note field that commits on leaving it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFocusEvent, QPalette
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from desktop.temporal import FuzzyDate

DATE_TIP = ("Free text: '14 Sep 2018', 'early Sep 2018', 'c. 2016', '2019?', 'circa spring "
            "1944', 'Q3 2019', '2018-09-14 13:05', {numeric}, or a range: '3-5 Mar 2020', "
            "'between 3 and 5 Mar 2020', 'Mar–Apr 2019' (sets the end too); before year 1: "
            "'44 BC', 'c. 3000 BCE'. The calendar is the proleptic Gregorian one, not the Julian")


def numeric_example(dayfirst: bool) -> str:
    """How 07/09/2018 is read under the current Preferences."""
    return ("'07/09/2018' (day first: 7 Sep 2018)" if dayfirst
            else "'07/09/2018' (month first: 9 Jul 2018)")


def error_style(widget: QWidget) -> str:
    """A red that reads on the light and on the dark palette."""
    dark = widget.palette().color(QPalette.ColorRole.Window).lightness() < 128
    return f"color: {'#ff8a80' if dark else '#b3261e'}; font-weight: bold;"


class NoteEdit(QPlainTextEdit):
    """A multi-line field that commits when it loses focus."""

    committed = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        self.committed.emit()


def describe(when: FuzzyDate) -> str:
    """'day precision' / 'month precision, early' plus the period it covers."""
    first, last = when.iso_bounds()
    if str(when.precision) != "minute":  # a day-or-coarser period reads better without times
        first, last = first.split("T")[0], last.split("T")[0]
    bits = [f"{when.precision} precision"]
    if when.qualifier:
        bits.append(str(when.qualifier))
    span = first if first == last else f"{first} … {last}"
    return f"{', '.join(bits)} · {span}"


def restyle(widget: QWidget, sheet: str) -> None:
    """Set a style sheet only when it differs: Qt re-polishes on every call, and the
    editor shows each selected event (every review-queue accept selects the next)."""
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)
