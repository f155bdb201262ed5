"""Fuzzy dates: a period with inclusive bounds, a precision and an optional qualifier.

Analysts rarely know the minute of an event; an event "in early September 2018" must be
drawn as a range, compared as a range and written back the way a person wrote it.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

MINUTE = timedelta(minutes=1)
MIN_YEAR, MAX_YEAR = 1, 9999  # the years a FuzzyDate can hold
SHORTLY_BEFORE_UNITS = 2  # "on or shortly before 14 Sep": 12 to 14 Sep
OPEN_START = datetime(1, 1, 1)
OPEN_END = datetime(9999, 12, 31, 23, 59)

MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}  # months, 13+ = next year
SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}


class Precision(StrEnum):
    """How finely a date is known, coarsest first."""

    CENTURY = "century"
    DECADE = "decade"
    YEAR = "year"
    SEASON = "season"
    QUARTER = "quarter"
    MONTH = "month"
    WEEK = "week"
    DAY = "day"
    MINUTE = "minute"


class Qualifier(StrEnum):
    """How a writer hedged a date ("c. 2016", "early Sep 2018", "before 2016")."""

    CIRCA = "circa"
    EARLY = "early"
    MID = "mid"
    LATE = "late"
    BEFORE = "before"
    AFTER = "after"
    # "on or shortly before": a news report's undated happening, the article's day or
    # the two days before it
    SHORTLY_BEFORE = "shortly before"


_THIRDS = (Qualifier.EARLY, Qualifier.MID, Qualifier.LATE)


def _day_end(d: date) -> datetime:
    return datetime(d.year, d.month, d.day, 23, 59)


def _month_end(year: int, month: int) -> datetime:
    return datetime(year, month, calendar.monthrange(year, month)[1], 23, 59)


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def period(precision: Precision, when: datetime) -> tuple[datetime, datetime]:
    """The whole unqualified period of `precision` that contains `when`."""
    y, m = when.year, when.month
    if precision is Precision.MINUTE:
        start = when.replace(second=0, microsecond=0)
        return start, start
    if precision is Precision.DAY:
        return datetime(y, m, when.day), _day_end(when.date())
    if precision is Precision.WEEK:
        monday = when.date() - timedelta(days=when.weekday())
        return datetime.combine(monday, datetime.min.time()), _day_end(monday + timedelta(6))
    if precision is Precision.MONTH:
        return datetime(y, m, 1), _month_end(y, m)
    if precision is Precision.QUARTER:
        first = (m - 1) // 3 * 3 + 1
        return datetime(y, first, 1), _month_end(y, first + 2)
    if precision is Precision.SEASON:
        if m in (1, 2):
            y -= 1
        first = {3: 3, 4: 3, 5: 3, 6: 6, 7: 6, 8: 6, 9: 9, 10: 9, 11: 9}.get(m, 12)
        end_y, end_m = _add_months(y, first, 2)
        return datetime(y, first, 1), _month_end(end_y, end_m)
    if precision is Precision.YEAR:
        return datetime(y, 1, 1), datetime(y, 12, 31, 23, 59)
    span = 10 if precision is Precision.DECADE else 100
    first_year = max(y // span * span, 1)
    return datetime(first_year, 1, 1), datetime(y // span * span + span - 1, 12, 31, 23, 59)


def _timex_of(precision: Precision, when: datetime) -> str:
    y = when.year
    if precision is Precision.MINUTE:
        return when.strftime("%Y-%m-%dT%H:%M")
    if precision is Precision.DAY:
        return f"{y:04d}-{when.month:02d}-{when.day:02d}"
    if precision is Precision.WEEK:
        iso = when.isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}"
    if precision is Precision.MONTH:
        return f"{y:04d}-{when.month:02d}"
    if precision is Precision.QUARTER:
        return f"{y:04d}-Q{(when.month - 1) // 3 + 1}"
    if precision is Precision.SEASON:
        start, _ = period(precision, when)
        code = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}[start.month]
        return f"{start.year:04d}-{code}"
    if precision is Precision.YEAR:
        return f"{y:04d}"
    if precision is Precision.DECADE:
        return f"{y // 10:03d}"
    return f"{y // 100:02d}"


def _human_of(precision: Precision, when: datetime) -> str:
    y = when.year
    if precision is Precision.MINUTE:
        return f"{when.day} {MONTH_ABBR[when.month - 1]} {y} {when:%H:%M}"
    if precision is Precision.DAY:
        return f"{when.day} {MONTH_ABBR[when.month - 1]} {y}"
    if precision is Precision.WEEK:
        iso = when.isocalendar()
        return f"week {iso.week}, {iso.year}"
    if precision is Precision.MONTH:
        return f"{MONTH_ABBR[when.month - 1]} {y}"
    if precision in (Precision.QUARTER, Precision.SEASON):
        value = _timex_of(precision, when)
        head, code = value.split("-")
        return f"{code} {int(head)}" if code.startswith("Q") else f"{SEASON_NAMES[code]} {head}"
    if precision is Precision.YEAR:
        return str(y)
    if precision is Precision.DECADE:
        return f"{y // 10 * 10}s"
    n = y // 100 + 1
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix} century"


def _shift(precision: Precision, when: datetime, units: int) -> datetime:
    """`when` moved by whole units of `precision` (months keep the 1st of the month)."""
    if precision is Precision.MINUTE:
        return when + units * MINUTE
    if precision is Precision.DAY:
        return when + timedelta(days=units)
    if precision is Precision.WEEK:
        return when + timedelta(weeks=units)
    months = {Precision.MONTH: 1, Precision.QUARTER: 3, Precision.SEASON: 3}.get(precision)
    if months:
        y, m = _add_months(when.year, when.month, units * months)
        return datetime(y, m, 1)
    years = {Precision.YEAR: 1, Precision.DECADE: 10, Precision.CENTURY: 100}[precision]
    return datetime(min(max(when.year + units * years, 1), 9999), 1, 1)


@dataclass(frozen=True)
class FuzzyDate:
    """A date known to lie somewhere in [earliest, latest] (inclusive, minute resolution)."""

    earliest: datetime
    latest: datetime
    precision: Precision
    qualifier: Qualifier | None = None

    # --- constructors -------------------------------------------------------------
    @classmethod
    def of(
        cls, precision: Precision, when: datetime, qualifier: Qualifier | None = None
    ) -> FuzzyDate:
        """The period of `precision` containing `when`, narrowed or widened by `qualifier`.

        A period that would reach past the years FuzzyDate holds ("after 9999", "c. 1")
        raises ValueError, like any other impossible date.
        """
        try:
            return cls._of(Precision(precision), when, qualifier)
        except OverflowError:
            raise ValueError(
                f"the date is outside the years {MIN_YEAR} to {MAX_YEAR} that can be stored"
            ) from None

    @classmethod
    def _of(cls, precision: Precision, when: datetime, qualifier: Qualifier | None) -> FuzzyDate:
        start, end = period(precision, when)
        if qualifier is None:
            return cls(start, end, precision)
        qualifier = Qualifier(qualifier)
        if qualifier in _THIRDS:
            if precision not in (
                Precision.YEAR,
                Precision.MONTH,
                Precision.DECADE,
                Precision.CENTURY,
            ):
                raise ValueError(f"'{qualifier}' applies to a month, year, decade or century")
            start, end = _third(precision, start, end, _THIRDS.index(qualifier))
        elif qualifier is Qualifier.CIRCA:
            units = 30 if precision is Precision.MINUTE else 1
            start = period(precision, _shift(precision, start, -units))[0]
            end = period(precision, _shift(precision, start, 2 * units))[1]
        elif qualifier is Qualifier.SHORTLY_BEFORE:
            start = period(precision, _shift(precision, start, -SHORTLY_BEFORE_UNITS))[0]
        elif qualifier is Qualifier.BEFORE:
            start, end = OPEN_START, start - MINUTE
        else:
            start, end = end + MINUTE, OPEN_END
        return cls(start, end, precision, qualifier)

    @classmethod
    def day(cls, year: int, month: int, day: int) -> FuzzyDate:
        """One calendar day, 00:00 to 23:59."""
        return cls.of(Precision.DAY, datetime(year, month, day))

    @classmethod
    def month(cls, year: int, month: int, qualifier: Qualifier | None = None) -> FuzzyDate:
        """A month; early/mid/late narrow it to days 1-10, 11-20, 21-end."""
        return cls.of(Precision.MONTH, datetime(year, month, 1), qualifier)

    @classmethod
    def year(cls, year: int, qualifier: Qualifier | None = None) -> FuzzyDate:
        """A year; early/mid/late narrow it to Jan-Apr, May-Aug, Sep-Dec."""
        return cls.of(Precision.YEAR, datetime(year, 1, 1), qualifier)

    @classmethod
    def week(cls, isoyear: int, week: int) -> FuzzyDate:
        """An ISO week, Monday 00:00 to Sunday 23:59."""
        monday = date.fromisocalendar(isoyear, week, 1)
        return cls.of(Precision.WEEK, datetime.combine(monday, datetime.min.time()))

    @classmethod
    def minute(cls, when: datetime) -> FuzzyDate:
        """A moment to the minute (seconds dropped)."""
        return cls.of(Precision.MINUTE, when)

    @classmethod
    def decade(cls, first_year: int, qualifier: Qualifier | None = None) -> FuzzyDate:
        """A decade given by its first year (1990 for the 1990s)."""
        return cls.of(Precision.DECADE, datetime(max(first_year, 1), 1, 1), qualifier)

    @classmethod
    def century(cls, hundreds: int, qualifier: Qualifier | None = None) -> FuzzyDate:
        """A century as TIMEX3 writes it: 19 is 1900-1999 (the 20th century)."""
        return cls.of(Precision.CENTURY, datetime(max(hundreds * 100, 1), 1, 1), qualifier)

    # --- reading ------------------------------------------------------------------
    def anchor(self) -> datetime:
        """A moment inside the unqualified period this date was derived from."""
        if self.qualifier is Qualifier.BEFORE:
            return self.latest + MINUTE
        if self.qualifier is Qualifier.AFTER:
            return self.earliest - MINUTE
        if self.qualifier is Qualifier.CIRCA:
            return self.earliest + (self.latest - self.earliest) / 2
        if self.qualifier is Qualifier.SHORTLY_BEFORE:
            return period(self.precision, self.latest)[0]
        return self.earliest

    def to_timex(self) -> str:
        """The TIMEX3 value of the period, without the qualifier ("2018-09", "2018-W37")."""
        return _timex_of(self.precision, self.anchor())

    @classmethod
    def from_timex(cls, value: str) -> FuzzyDate:
        """Parse a placeable TIMEX3 value; PRESENT_REF, durations and garbage raise ValueError."""
        from desktop.temporal.timex import parse_timex

        precision, when = parse_timex(value)
        return cls.of(precision, when)

    @classmethod
    def parse_human(cls, text: str) -> FuzzyDate:
        """Parse what human() prints and the usual free forms (see temporal.parse)."""
        from desktop.temporal.parse import parse_human

        return parse_human(text)

    def human(self) -> str:
        """How a person writes it: "14 Sep 2018", "early Sep 2018", "c. 2016", "before 2016"."""
        core = _human_of(self.precision, self.anchor())
        if self.qualifier is None:
            return core
        if self.qualifier is Qualifier.CIRCA:
            return f"c. {core}"
        if self.qualifier is Qualifier.SHORTLY_BEFORE:
            return f"on or shortly before {core}"
        return f"{self.qualifier.value} {core}"

    def overlaps(self, other: FuzzyDate) -> bool:
        """True when both could be the same moment (their ranges intersect)."""
        return self.earliest <= other.latest and other.earliest <= self.latest

    def iso_bounds(self) -> tuple[str, str]:
        """Earliest and latest as ISO strings to the minute, for exports and logs."""
        return self.earliest.isoformat(timespec="minutes"), self.latest.isoformat(
            timespec="minutes"
        )

    def shifted(self, units: int) -> FuzzyDate:
        """The same kind of period `units` steps later (negative: earlier), unqualified."""
        return FuzzyDate.of(self.precision, _shift(self.precision, self.anchor(), units))

    def __str__(self) -> str:
        return self.human()


def _third(
    precision: Precision, start: datetime, end: datetime, index: int
) -> tuple[datetime, datetime]:
    if precision is Precision.MONTH:
        first, last = (1, 11, 21)[index], (10, 20, end.day)[index]
        return start.replace(day=first), end.replace(day=last)
    if precision is Precision.YEAR:
        first, last = (1, 5, 9)[index], (4, 8, 12)[index]
        return start.replace(month=first), _month_end(start.year, last)
    span = 10 if precision is Precision.DECADE else 100
    cuts = (0, 4, 7, 10) if span == 10 else (0, 34, 67, 100)
    y0 = start.year - start.year % span
    first = max(y0 + cuts[index], 1)
    return datetime(first, 1, 1), datetime(y0 + cuts[index + 1] - 1, 12, 31, 23, 59)
