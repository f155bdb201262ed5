"""Calendar arithmetic for relative expressions: which Friday, which October, last week.

Pure functions of a reference date, a tense and an offset, so they are easy to test.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from desktop.extract.tense import Tense
from desktop.temporal import FuzzyDate, Precision, Qualifier


def weekday_date(reference: date, weekday: int, tense: Tense | None, rel: str = "") -> date:
    """The date of a weekday name said on `reference` (0 = Monday)."""
    back = (reference.weekday() - weekday) % 7
    ahead = (weekday - reference.weekday()) % 7
    if rel in ("last", "past", "previous"):
        return reference - timedelta(days=back or 7)
    if rel in ("next", "coming"):
        return reference + timedelta(days=ahead or 7)
    if rel == "this":
        monday = reference - timedelta(days=reference.weekday())
        return monday + timedelta(days=weekday)
    if tense == "past":
        return reference - timedelta(days=back)
    if tense == "future":
        return reference + timedelta(days=ahead)
    if tense == "present":  # "The vote is on Monday": the nearest, the coming one on a tie
        return reference + timedelta(days=ahead) if ahead <= back else reference - timedelta(back)
    return (
        reference - timedelta(days=back) if back <= ahead + 1 else reference + timedelta(days=ahead)
    )


def month_year(reference: date, month: int, tense: Tense | None) -> int:
    """The year of a month name without a year ("in October")."""
    if tense == "past":
        return reference.year if month <= reference.month else reference.year - 1
    if tense == "future":
        return reference.year if month >= reference.month else reference.year + 1
    diff = month - reference.month
    if diff > 6:
        return reference.year - 1
    if diff < -6:
        return reference.year + 1
    return reference.year


def day_year(reference: date, month: int, day: int, tense: Tense | None) -> int:
    """The year of a day and month without a year ("September 7")."""
    if tense == "past":
        return (
            reference.year
            if (month, day) <= (reference.month, reference.day)
            else (reference.year - 1)
        )
    if tense == "future":
        return (
            reference.year
            if (month, day) >= (reference.month, reference.day)
            else (reference.year + 1)
        )
    return month_year(reference, month, None)


def _month_shift(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def unit_period(anchor: date, unit: str, offset: int) -> tuple[str, FuzzyDate | None]:
    """TIMEX3 value and period of the `unit` (day, week, month...) `offset` steps from anchor."""
    if unit == "day":
        d = anchor + timedelta(days=offset)
        return d.isoformat(), FuzzyDate.day(d.year, d.month, d.day)
    if unit in ("week", "weekend"):
        d = anchor + timedelta(weeks=offset)
        iso = d.isocalendar()
        fuzzy = FuzzyDate.week(iso.year, iso.week)
        suffix = "-WE" if unit == "weekend" else ""
        return f"{iso.year:04d}-W{iso.week:02d}{suffix}", fuzzy
    if unit == "month":
        y, m = _month_shift(anchor.year, anchor.month, offset)
        return f"{y:04d}-{m:02d}", FuzzyDate.month(y, m)
    if unit == "quarter":
        y, m = _month_shift(anchor.year, anchor.month, 3 * offset)
        q = (m - 1) // 3 + 1
        return f"{y:04d}-Q{q}", FuzzyDate.of(Precision.QUARTER, datetime(y, m, 1))
    if unit == "year":
        y = anchor.year + offset
        return f"{y:04d}", FuzzyDate.year(y)
    if unit == "decade":
        y = anchor.year // 10 * 10 + 10 * offset
        return f"{y // 10:03d}", FuzzyDate.decade(y)
    if unit == "century":
        h = anchor.year // 100 + offset
        return f"{h:02d}", FuzzyDate.century(h)
    return "", None


def qualified(fuzzy: FuzzyDate | None, mod: str | None) -> FuzzyDate | None:
    """The same period narrowed by early/mid/late where that makes sense."""
    if fuzzy is None or not mod:
        return fuzzy
    try:
        return FuzzyDate.of(fuzzy.precision, fuzzy.anchor(), Qualifier(mod))
    except ValueError:
        return fuzzy


def anchor_date(fuzzy: FuzzyDate) -> date:
    """A representative day of a period, for offsets counted from it."""
    return fuzzy.anchor().date()


def day_fuzzy(d: date) -> FuzzyDate:
    """The day-precise period of a date."""
    return FuzzyDate.day(d.year, d.month, d.day)


def safe_date(y: int, m: int, d: int) -> date | None:
    """The date, or None for impossible ones ("31 February")."""
    try:
        return date(y, m, d)
    except ValueError:
        return None
