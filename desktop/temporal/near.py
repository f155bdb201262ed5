"""Where a new event goes when the analyst has said nothing about its date yet.

Ctrl+N dates the new event where the analyst is looking: on the selected event's
date, else in the middle of the timeline's visible range, as finely as that range
is wide (a day when days are visible, a year when decades are), else today.
"""

from __future__ import annotations

from datetime import date, datetime

from desktop.temporal.fuzzy import FuzzyDate, Precision


def precision_for_span(days: float) -> Precision:
    """The finest precision a person would pick looking at `days` of timeline."""
    if days <= 120:
        return Precision.DAY
    if days <= 3 * 366:
        return Precision.MONTH
    return Precision.YEAR


def date_near(
    selected: FuzzyDate | None,
    visible: tuple[datetime, datetime] | None,
    today: date | None = None,
) -> FuzzyDate:
    """A date for a new event: the selection's, else the visible range's middle, else today."""
    if selected is not None:
        if visible is None or (selected.earliest <= visible[1] and selected.latest >= visible[0]):
            return FuzzyDate.of(selected.precision, selected.anchor())
    if visible is not None:
        lo, hi = visible
        if hi > lo:
            middle = lo + (hi - lo) / 2
            return FuzzyDate.of(precision_for_span((hi - lo).total_seconds() / 86400), middle)
    day = today or date.today()
    return FuzzyDate.day(day.year, day.month, day.day)
