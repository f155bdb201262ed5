"""Years across the era line: astronomical numbering, the 400-year shift, BCE counting.

`datetime` stops at year 1, so a FuzzyDate before it keeps its bounds on the calendar
whole 400-year cycles later (see fuzzy's note); these helpers convert between that
shifted calendar, true astronomical years (0 is 1 BCE, -43 is 44 BCE) and how
historians write them, decades and centuries BCE counted back from year 1.
"""

from __future__ import annotations

import math
from datetime import datetime

DEEP_MIN_YEAR = -9999  # astronomical: 10,000 BCE, the earliest year a FuzzyDate can hold
CYCLE_YEARS, CYCLE_DAYS = 400, 146097  # one Gregorian cycle
_SHIFTED_FROM = 801  # a shifted year is at least this: room for circa/early/late arithmetic
EPOCH_ORDINAL = 719163  # datetime(1970, 1, 1).toordinal()


def year_text(year: int) -> str:
    """An astronomical year as people write it: "2018", "44 BCE" (-43), "1 BCE" (0)."""
    return f"{1 - year} BCE" if year <= 0 else str(year)


def cycles_for(year: int) -> int:
    """The 400-year cycles a period of astronomical `year` is computed that many years on."""
    return max(0, -((year - _SHIFTED_FROM) // CYCLE_YEARS))


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th ... 11th, 21st."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def span_years(decade: bool, year: int) -> tuple[int, int]:
    """First and last astronomical year of the decade (else century) holding `year`.

    CE: TIMEX3's counting, the 1990s are 1990-1999 and "19" is 1900-1999. BCE as
    historians count back: the 40s BCE are 49-40 BCE, the 1st century BCE 100-1 BCE.
    """
    if year >= 1:
        span = 10 if decade else 100
        return max(year // span * span, 1), year // span * span + span - 1
    back = 1 - year  # the year as BCE counts it
    if decade:
        tens = back // 10 * 10
        return 1 - (tens + 9), 1 - max(tens, 1)
    hundreds = ((back - 1) // 100 + 1) * 100
    return 1 - hundreds, 1 - (hundreds - 99)


def bce_span(spans: bool, decade: bool, shifted_year: int, cycles: int) -> int | None:
    """The number a decade or century BCE is written with (40 for the 40s BCE, 5 for the
    5th century BCE); None when the date is not one (`spans`: it is a decade/century)."""
    year = shifted_year - cycles * CYCLE_YEARS
    if not (spans and cycles) or year >= 1:
        return None
    back = 1 - year
    return back // 10 * 10 if decade else (back - 1) // 100 + 1


def iso_of_days(days: float) -> str:
    """ISO text to the minute of a day number of any era ("-0043-03-15T00:00")."""
    whole = math.floor(days)
    cycles = cycles_for(1970 + whole // 365 - 1)  # a year at or before it: a safe shift
    when = datetime.fromordinal(whole + EPOCH_ORDINAL + cycles * CYCLE_DAYS)
    minutes = min(int(round((days - whole) * 1440)), 1439)
    return iso_deep(when.replace(hour=minutes // 60, minute=minutes % 60), cycles)


def iso_deep(when: datetime, cycles: int) -> str:
    """A shifted moment as ISO text with its true year ("-0043-03-15T00:00")."""
    text = when.isoformat(timespec="minutes")
    if not cycles:
        return text
    year = when.year - cycles * CYCLE_YEARS
    return (f"-{-year:04d}" if year < 0 else f"{year:04d}") + text[4:]
