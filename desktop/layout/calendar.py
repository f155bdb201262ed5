"""A float time axis in days since 1970-01-01 that also covers BCE years.

`datetime` stops at year 1, but history does not; the interactive view therefore works
in days (a float, minute resolution is ~7e-4) on the proleptic Gregorian calendar with
astronomical year numbers (year 0 is 1 BCE, year -43 is 44 BCE). The civil<->day
conversions are Howard Hinnant's branch-free algorithms, valid for any year.
"""

from __future__ import annotations

import math
from datetime import datetime

from desktop.layout.ticks import MONTHS

EPOCH_ORDINAL = datetime(1970, 1, 1).toordinal()
MINUTES_PER_DAY = 1440.0
FIRST_CE_DAYS = -719162.0  # 1 January of year 1


def days_from_civil(year: int, month: int, day: int) -> int:
    """Whole days from 1970-01-01 to the given proleptic Gregorian date (any year)."""
    y = year - (month <= 2)
    era = y // 400  # floor division: the C original's negative-year fix-up is built in
    yoe = y - era * 400
    mp = (month + 9) % 12
    doy = (153 * mp + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def civil_from_days(days: int) -> tuple[int, int, int]:
    """(year, month, day) of a whole day number; the inverse of days_from_civil."""
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (month <= 2), month, day


def to_days(when: datetime) -> float:
    """A datetime as days since 1970 (fast path through the ordinal)."""
    return (when.toordinal() - EPOCH_ORDINAL) + (when.hour * 60 + when.minute) / MINUTES_PER_DAY


def from_days(days: float) -> datetime | None:
    """The datetime at `days`, or None outside years 1-9999 (BCE has no datetime)."""
    whole = math.floor(days)
    y, m, d = civil_from_days(whole)
    if not 1 <= y <= 9999:
        return None
    minutes = min(int(round((days - whole) * MINUTES_PER_DAY)), 1439)
    return datetime(y, m, d, minutes // 60, minutes % 60)


def year_days(year: int) -> float:
    """Day number of 1 January of an astronomical year."""
    return float(days_from_civil(year, 1, 1))


def year_label(year: int, *, era: bool = False) -> str:
    """"44 BCE" for astronomical -43; CE years plain, or with " CE" when `era`."""
    if year <= 0:
        return f"{1 - year} BCE"
    return f"{year} CE" if era else str(year)


def describe(days: float, unit: str = "day", *, era: bool = False) -> str:
    """A human label for a moment at the given unit: "2018", "Sep 2018", "7 Sep 2018"."""
    whole = math.floor(days)
    y, m, d = civil_from_days(whole)
    yl = year_label(y, era=era)
    if unit == "year":
        return yl
    if unit == "month":
        return f"{MONTHS[m - 1]} {yl}"
    if unit == "day":
        return f"{d} {MONTHS[m - 1]} {yl}"
    minutes = min(int(round((days - whole) * MINUTES_PER_DAY)), 1439)
    return f"{d} {MONTHS[m - 1]} {yl} {minutes // 60:02d}:{minutes % 60:02d}"
