"""Moving a fuzzy date by a dragged distance, snapped to what the date can express.

A day-precision event dragged by 1.4 days lands on a whole day; "early Sep 2018"
dragged by five weeks becomes "early Oct 2018", never a false exact moment. The
period's middle is moved, so the nearest period wins, not the floor.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from desktop.temporal import FuzzyDate
from desktop.temporal.fuzzy import CYCLE_YEARS, period


def moved(when: FuzzyDate, delta_days: float) -> FuzzyDate:
    """`when` moved by `delta_days`, snapped to its precision; unchanged if out of range.
    A date BCE moves on its shifted calendar and is rebuilt from its true year (so one
    dragged past 800 CE comes back as an ordinary date)."""
    lo, hi = period(when.precision, when.anchor(), when.cycles)
    middle = lo + (hi - lo) / 2
    try:
        target = middle + timedelta(days=delta_days)
        if not when.cycles:
            return FuzzyDate.of(when.precision, target, when.qualifier)
        return FuzzyDate.at_year(when.precision, target.year - when.cycles * CYCLE_YEARS,
                                 target.month, target.day, target.hour, target.minute,
                                 when.qualifier)  # fmt: skip
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
    return after.days()[0] - when.days()[0]


def clamp_year(when: datetime) -> datetime:
    """Keep a moment inside what datetime holds (years 1-9999)."""
    return min(max(when, datetime(1, 1, 1)), datetime(9999, 12, 31, 23, 59))
