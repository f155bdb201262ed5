"""Moving a fuzzy date by a dragged distance, snapped to what the date can express.

A day-precision event dragged by 1.4 days lands on a whole day; "early Sep 2018"
dragged by five weeks becomes "early Oct 2018", never a false exact moment. The
period's middle is moved, so the nearest period wins, not the floor.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from desktop.temporal import FuzzyDate
from desktop.temporal.fuzzy import period


def moved(when: FuzzyDate, delta_days: float) -> FuzzyDate:
    """`when` moved by `delta_days`, snapped to its precision; unchanged if out of range."""
    lo, hi = period(when.precision, when.anchor())
    middle = lo + (hi - lo) / 2
    try:
        target = middle + timedelta(days=delta_days)
        return FuzzyDate.of(when.precision, target, when.qualifier)
    except (OverflowError, ValueError):
        return when


def moved_pair(
    start: FuzzyDate, end: FuzzyDate | None, delta_days: float
) -> tuple[FuzzyDate, FuzzyDate | None]:
    """A start and optional end moved together (a range keeps its length, each snapped)."""
    return moved(start, delta_days), (moved(end, delta_days) if end is not None else None)


def snap_delta(when: FuzzyDate, delta_days: float) -> float:
    """How far (days) the snapped date actually moved: what a drag preview should show."""
    after = moved(when, delta_days)
    return (after.earliest - when.earliest) / timedelta(days=1)


def clamp_year(when: datetime) -> datetime:
    """Keep a moment inside what datetime holds (years 1-9999)."""
    return min(max(when, datetime(1, 1, 1)), datetime(9999, 12, 31, 23, 59))
