"""Fuzzy dates: a period with inclusive bounds, a precision and an optional qualifier.

Analysts rarely know the minute of an event; an event "in early September 2018" must be
drawn as a range, compared as a range and written back the way a person wrote it.

Deep time: `datetime` stops at year 1, historians do not. A date before year 1 (or one
whose period reaches before it, "c. 1 CE") keeps its bounds as datetimes on the calendar
`cycles` × 400 years later: the proleptic Gregorian calendar repeats exactly every 400
years (146,097 days, a whole number of weeks), so every period, leap day, ISO week and
qualifier computed there is right once moved back. Years are astronomical (0 is 1 BCE,
-43 is 44 BCE, -9999 is 10,000 BCE); `days()` gives the true bounds on a day axis.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from desktop.temporal.eras import (
    CYCLE_DAYS,
    CYCLE_YEARS,
    DEEP_MIN_YEAR,
    EPOCH_ORDINAL,
    bce_span,
    cycles_for,
    iso_deep,
    iso_of_days,
    ordinal,
    span_years,
    year_text,
)

MINUTE = timedelta(minutes=1)
MIN_YEAR, MAX_YEAR = 1, 9999  # the years every store path can hold today
_DEEP_TIMEX = re.compile(r"(-\d{4,5}|0000)(?:-(?:(\d{2})(?:-(\d{2}))?|Q([1-4])"
                         r"|(SP|SU|FA|WI)))?")
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
_SPANS = (Precision.DECADE, Precision.CENTURY)


def _day_end(d: date) -> datetime:
    return datetime(d.year, d.month, d.day, 23, 59)


def _month_end(year: int, month: int) -> datetime:
    return datetime(year, month, calendar.monthrange(year, month)[1], 23, 59)


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def period(precision: Precision, when: datetime, cycles: int = 0) -> tuple[datetime, datetime]:
    """The whole unqualified period of `precision` that contains `when` (on the calendar
    `cycles` × 400 years later: only decades and centuries BCE are counted differently)."""
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
    first, last = span_years(precision is Precision.DECADE, y - cycles * CYCLE_YEARS)
    shift = cycles * CYCLE_YEARS
    return datetime(first + shift, 1, 1), datetime(last + shift, 12, 31, 23, 59)


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


_DEEP_START_DAYS = float(datetime(DEEP_MIN_YEAR + cycles_for(DEEP_MIN_YEAR) * CYCLE_YEARS, 1, 1)
                         .toordinal() - EPOCH_ORDINAL - cycles_for(DEEP_MIN_YEAR) * CYCLE_DAYS)


def _human_of(precision: Precision, when: datetime, cycles: int = 0) -> str:
    y = when.year
    shift = cycles * CYCLE_YEARS
    ys = year_text(y - shift) if cycles else str(y)
    if precision is Precision.MINUTE:
        return f"{when.day} {MONTH_ABBR[when.month - 1]} {ys} {when:%H:%M}"
    if precision is Precision.DAY:
        return f"{when.day} {MONTH_ABBR[when.month - 1]} {ys}"
    if precision is Precision.WEEK:
        iso = when.isocalendar()
        return f"week {iso.week}, {year_text(iso.year - shift) if cycles else iso.year}"
    if precision is Precision.MONTH:
        return f"{MONTH_ABBR[when.month - 1]} {ys}"
    if precision in (Precision.QUARTER, Precision.SEASON):
        head, code = _timex_of(precision, when).split("-")
        if code.startswith("Q"):
            return f"{code} {year_text(int(head) - shift) if cycles else int(head)}"
        return f"{SEASON_NAMES[code]} {year_text(int(head) - shift) if cycles else head}"
    if precision is Precision.YEAR:
        return ys
    deep = bce_span(precision in _SPANS, precision is Precision.DECADE, when.year, cycles)
    if deep is not None:
        return f"{deep}s BCE" if precision is Precision.DECADE else f"{ordinal(deep)} century BCE"
    y -= shift
    if precision is Precision.DECADE:
        return f"{y // 10 * 10}s"
    return f"{ordinal(y // 100 + 1)} century"


def _timex_deep(precision: Precision, when: datetime, cycles: int) -> str:
    """ISO 8601 expanded years for a shifted date: "-0043", "-0043-03-15"."""
    if not cycles:
        return _timex_of(precision, when)
    if precision in (Precision.DECADE, Precision.CENTURY):
        # TIMEX3 has no BCE decade: the first year stands for it, and an events file's
        # precision column says which period (FuzzyDate.requalified reads it back)
        first, _ = span_years(precision is Precision.DECADE, when.year - cycles * CYCLE_YEARS)
        return f"-{-first:04d}" if first < 0 else f"{first:04d}"
    value = _timex_of(precision, when)
    head, sep, rest = value.partition("-")
    year = int(head) - cycles * CYCLE_YEARS
    return (f"-{-year:04d}" if year < 0 else f"{year:04d}") + sep + rest


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


@dataclass(frozen=True, slots=True)
class FuzzyDate:
    """A date known to lie somewhere in [earliest, latest] (inclusive, minute resolution).

    Slots: a workspace holds one or two per event (100,000 at a time), made on opening."""

    earliest: datetime
    latest: datetime
    precision: Precision
    qualifier: Qualifier | None = None
    cycles: int = 0  # earliest/latest are on the calendar this many 400 years later

    # --- constructors -------------------------------------------------------------
    @classmethod
    def of(
        cls, precision: Precision, when: datetime, qualifier: Qualifier | None = None,
        cycles: int = 0,
    ) -> FuzzyDate:
        """The period of `precision` containing `when`, narrowed or widened by `qualifier`.

        `when` is on the calendar `cycles` × 400 years later than the date meant (see the
        module's note). A period that would reach past the years FuzzyDate holds ("after
        9999", "c. 1" without cycles) raises ValueError, like any other impossible date.
        """
        try:
            found = cls._of(Precision(precision), when, qualifier, cycles)
        except OverflowError:
            raise ValueError(
                f"the date is outside the years {MIN_YEAR} to {MAX_YEAR} that can be stored"
            ) from None
        if not cycles:
            return found
        bound = found.latest if found.qualifier is Qualifier.BEFORE else found.earliest
        if bound.year - cycles * CYCLE_YEARS < DEEP_MIN_YEAR:  # (before: its known end)
            raise ValueError(f"the date is before {year_text(DEEP_MIN_YEAR)}, the earliest "
                             "year that can be stored")
        return cls(found.earliest, found.latest, found.precision, found.qualifier, cycles)

    @classmethod
    def at_year(cls, precision: Precision, year: int, month: int = 1, day: int = 1,
                hour: int = 0, minute: int = 0, qualifier: Qualifier | None = None,
                ) -> FuzzyDate:  # fmt: skip
        """The date of `precision` at an astronomical `year` (-43 is 44 BCE), any era.

        CE dates whose period fits in datetime are computed as they always were; an
        earlier one (or "c. 1 CE") on the calendar shifted by whole 400-year cycles.
        """
        if not DEEP_MIN_YEAR <= year <= MAX_YEAR:
            raise ValueError(f"the year {year_text(year)} is outside {year_text(DEEP_MIN_YEAR)}"
                             f" to {MAX_YEAR}, the years that can be stored")
        if year >= 1:
            try:
                return cls.of(precision, datetime(year, month, day, hour, minute), qualifier)
            except ValueError as exc:  # below year 1 ("c. 1 CE"): shifted; past 9999: no
                if "outside the years" not in str(exc) or year > CYCLE_YEARS:
                    raise
        cycles = max(cycles_for(year), 1)
        when = datetime(year + cycles * CYCLE_YEARS, month, day, hour, minute)
        return cls.of(precision, when, qualifier, cycles)

    @classmethod
    def _of(cls, precision: Precision, when: datetime, qualifier: Qualifier | None,
            cycles: int = 0) -> FuzzyDate:  # fmt: skip
        start, end = period(precision, when, cycles)
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
            bce = bce_span(precision in _SPANS, precision is Precision.DECADE, when.year,
                           cycles) is not None  # fmt: skip
            start, end = _third(precision, start, end, _THIRDS.index(qualifier), bce)
        elif qualifier is Qualifier.CIRCA:
            units = 30 if precision is Precision.MINUTE else 1
            start = period(precision, _shift(precision, start, -units), cycles)[0]
            end = period(precision, _shift(precision, start, 2 * units), cycles)[1]
        elif qualifier is Qualifier.SHORTLY_BEFORE:
            start = period(precision, _shift(precision, start, -SHORTLY_BEFORE_UNITS),
                           cycles)[0]  # fmt: skip
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
            return period(self.precision, self.latest, self.cycles)[0]
        return self.earliest

    def to_timex(self) -> str:
        """The TIMEX3 value of the period, without the qualifier ("2018-09", "2018-W37";
        before year 1 an ISO 8601 expanded year, "-0043" for 44 BCE)."""
        return _timex_deep(self.precision, self.anchor(), self.cycles)

    def requalified(self, precision: Precision, qualifier: Qualifier | None) -> FuzzyDate:
        """The period of `precision` at this date's anchor, with `qualifier`, any era
        (an events file's value "-0043" with its precision and qualifier columns)."""
        a = self.anchor()
        return FuzzyDate.at_year(Precision(precision), self.astro_year(), a.month, a.day,
                                 a.hour, a.minute, Qualifier(qualifier) if qualifier else None)

    def astro_year(self) -> int:
        """The astronomical year the period was derived from (-43 for 44 BCE)."""
        return self.anchor().year - self.cycles * CYCLE_YEARS

    def days(self) -> tuple[float, float]:
        """True [earliest, latest + 1 minute) as days since 1970, any era (the axis unit)."""
        offset = self.cycles * CYCLE_DAYS

        def at(when: datetime) -> float:
            return when.toordinal() - EPOCH_ORDINAL - offset + (
                when.hour * 60 + when.minute) / 1440  # fmt: skip

        lo, hi = at(self.earliest), at(self.latest) + 1 / 1440
        if self.cycles and self.qualifier is Qualifier.BEFORE:  # open: back to the first year
            lo = _DEEP_START_DAYS
        elif self.cycles and self.qualifier is Qualifier.AFTER:
            hi = OPEN_END.toordinal() - EPOCH_ORDINAL + 1.0
        return lo, hi

    def sort_key(self) -> tuple[float, float]:
        """Orders dates of every era by their true bounds."""
        return self.days()

    @classmethod
    def from_timex(cls, value: str) -> FuzzyDate:
        """Parse a placeable TIMEX3 value; PRESENT_REF, durations and garbage raise ValueError."""
        deep = _DEEP_TIMEX.fullmatch(value.strip()) if isinstance(value, str) else None
        if deep:  # "-0043", "-0043-03-15", "-0043-Q1": ISO 8601 expanded, astronomical
            year, month, day, quarter, season = deep.groups()
            precision = (Precision.DAY if day else Precision.MONTH if month else
                         Precision.QUARTER if quarter else Precision.SEASON if season else
                         Precision.YEAR)  # fmt: skip
            if quarter:
                month = str(int(quarter) * 3 - 2)
            elif season:
                month = str({"SP": 3, "SU": 6, "FA": 9, "WI": 12}[season])
            return cls.at_year(precision, int(year), int(month or 1), int(day or 1))
        precision, when = parse_timex(value)
        return cls.of(precision, when)

    @classmethod
    def parse_human(cls, text: str) -> FuzzyDate:
        """Parse what human() prints and the usual free forms (see temporal.parse)."""
        from desktop.temporal.parse import parse_human

        return parse_human(text)

    def human(self) -> str:
        """How a person writes it: "14 Sep 2018", "early Sep 2018", "c. 2016", "before 2016"."""
        core = _human_of(self.precision, self.anchor(), self.cycles)
        if self.qualifier is None:
            return core
        if self.qualifier is Qualifier.CIRCA:
            return f"c. {core}"
        if self.qualifier is Qualifier.SHORTLY_BEFORE:
            return f"on or shortly before {core}"
        return f"{self.qualifier.value} {core}"

    def overlaps(self, other: FuzzyDate) -> bool:
        """True when both could be the same moment (their ranges intersect)."""
        if self.cycles or other.cycles:
            (a0, a1), (b0, b1) = self.days(), other.days()
            return a0 < b1 and b0 < a1
        return self.earliest <= other.latest and other.earliest <= self.latest

    def iso_bounds(self) -> tuple[str, str]:
        """Earliest and latest as ISO strings to the minute, for exports and logs (before
        year 1 with an ISO 8601 expanded year: "-0043-01-01T00:00")."""
        if not self.cycles:
            return iso_deep(self.earliest, 0), iso_deep(self.latest, 0)
        lo, hi = self.days()
        return iso_of_days(lo), iso_of_days(hi - 1 / 1440)

    def shifted(self, units: int) -> FuzzyDate:
        """The same kind of period `units` steps later (negative: earlier), unqualified;
        across the era line too (a year before 1 CE is 1 BCE), down to 10,000 BCE."""
        real = self.astro_year()
        reach = {Precision.CENTURY: 100, Precision.DECADE: 10}.get(self.precision, 1)
        lowest = real - abs(units) * reach - abs(units) // 365 - 1
        frame = max(self.cycles, cycles_for(max(lowest, DEEP_MIN_YEAR)))
        if lowest < DEEP_MIN_YEAR:
            frame = self.cycles  # the old clamp at the first year
        anchor = self.anchor()
        if frame != self.cycles:
            anchor = anchor.replace(year=anchor.year + (frame - self.cycles) * CYCLE_YEARS)
        moved = _shift(self.precision, anchor, units)
        if not frame:
            return FuzzyDate.of(self.precision, moved)
        return FuzzyDate.at_year(self.precision, max(moved.year - frame * CYCLE_YEARS,
                                                     DEEP_MIN_YEAR),
                                 moved.month, moved.day, moved.hour, moved.minute)  # fmt: skip

    def __str__(self) -> str:
        return self.human()


def _third(
    precision: Precision, start: datetime, end: datetime, index: int, bce: bool = False
) -> tuple[datetime, datetime]:
    if precision is Precision.MONTH:
        first, last = (1, 11, 21)[index], (10, 20, end.day)[index]
        return start.replace(day=first), end.replace(day=last)
    if precision is Precision.YEAR:
        first, last = (1, 5, 9)[index], (4, 8, 12)[index]
        return start.replace(month=first), _month_end(start.year, last)
    span = 10 if precision is Precision.DECADE else 100
    cuts = (0, 4, 7, 10) if span == 10 else (0, 34, 67, 100)
    y0 = start.year if bce else start.year - start.year % span  # BCE: the period's first year
    first = max(y0 + cuts[index], 1)
    return datetime(first, 1, 1), datetime(y0 + cuts[index + 1] - 1, 12, 31, 23, 59)


# at the end: timex imports Precision from here. A function-level import ran on every
# parse (through PySide's import hook once Qt is loaded: 4.9 -> 3.0 us a from_timex; a
# 100,000-event workspace parses ~11,000 distinct stated dates on opening)
from desktop.temporal.timex import parse_timex  # noqa: E402
