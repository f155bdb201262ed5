"""Resolving named periods: years, decades, centuries, holidays, seasons, quarters, halves.

Split from the Resolver (tagger.py) so that each module stays readable; these handlers
only need the reference date, the clause tense and the mentions so far.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from desktop.extract.anaphora import History
from desktop.extract.candidate import Candidate
from desktop.extract.lexicon import FLOATING_HOLIDAYS, HOLIDAYS
from desktop.extract.model import Timex
from desktop.extract.resolve import day_fuzzy, day_year, qualified, unit_period
from desktop.extract.tense import Tense
from desktop.temporal import FuzzyDate, Precision

_QUARTERS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
    "fourth": 4, "4th": 4, "final": 4,
}  # fmt: skip
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
# "that winter", "the following spring": counted from the last date the text named.
_STORY_RELS = frozenset({"that", "following", "previous", "same", "following year",
                         "previous year"})  # fmt: skip


def period_year(reference: date, first: int, last: int, tense: Tense | None) -> int:
    """The year of a yearless part of a year (months first..last) said on `reference`."""
    if tense == "past" and first > reference.month:
        return reference.year - 1
    if tense == "future" and last < reference.month:
        return reference.year + 1
    return reference.year


def _easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


def holiday_date(name: str, year: int) -> date:
    """The day a holiday falls on in `year`: fixed, nth weekday of a month, or Easter-based."""
    if name in HOLIDAYS:
        month, day = HOLIDAYS[name]
        return date(year, month, day)
    rule = FLOATING_HOLIDAYS[name]
    if rule[0] == "easter":
        return _easter(year) + timedelta(days=rule[1])
    month, weekday, nth = rule
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


class PeriodRules:
    """Handlers for named periods, mixed into the Resolver."""

    reference: date | None
    history: History
    narrative: bool

    def make(
        self,
        cand: Candidate,
        kind: str,
        value: str,
        fuzzy: FuzzyDate | None = None,
        needs: bool = False,
    ) -> Timex:
        raise NotImplementedError  # the Resolver's

    def tense(self, cand: Candidate) -> Tense | None:
        raise NotImplementedError  # the Resolver's

    def story_year(self, cand: Candidate) -> int | None:
        raise NotImplementedError  # the Resolver's

    def _year(self, cand, y, mod=None):
        return self.make(cand, "DATE", f"{y:04d}", qualified(FuzzyDate.year(y), mod))

    def _fiscal(self, cand, y, mod=None):
        return self.make(cand, "DATE", f"FY{y:04d}", FuzzyDate.year(y))

    def _decade(self, cand, first, mod=None):
        return self.make(
            cand, "DATE", f"{first // 10:03d}", qualified(FuzzyDate.decade(first), mod)
        )

    def _century(self, cand, hundreds, mod=None):
        return self.make(
            cand, "DATE", f"{hundreds:02d}", qualified(FuzzyDate.century(hundreds), mod)
        )

    def _holiday(self, cand, name, y):
        name = re.sub(r"\s+", " ", name).replace("’", "'")
        needs = not y
        if not y:
            if self.reference is None:
                return self.make(cand, "DATE", "", None, True)
            this_year = holiday_date(name, self.reference.year)
            y = self.story_year(cand) or day_year(
                self.reference, this_year.month, this_year.day, self.tense(cand)
            )
        found = holiday_date(name, y)
        return self.make(cand, "DATE", found.isoformat(), day_fuzzy(found), needs)

    def _season(self, cand, code, rel, y, mod=None):
        needs = not y
        if not y:
            if self.reference is None:
                return self.make(cand, "DATE", "", None, True)
            ref = self.reference
            first = _SEASON_START[code]
            y = ref.year - (1 if ref.month < 3 and code == "WI" else 0)
            story = self._story_season(cand, first, rel)
            if story is not None:
                y = story
            elif rel.endswith(" year"):  # "of this year", "of last year", "of next year"
                y = ref.year + {"last year": -1, "next year": 1}.get(rel, 0)
            elif rel in ("last", "past", "the past"):
                y -= 0 if first + 2 < ref.month else 1
            elif rel in ("next", "coming", "the coming"):
                y += 0 if first > ref.month else 1
            elif code != "WI":
                y = period_year(ref, first, first + 2, self.tense(cand))
        fuzzy = FuzzyDate.of(Precision.SEASON, datetime(y, _SEASON_START[code], 1))
        return self.make(cand, "DATE", f"{y:04d}-{code}", qualified(fuzzy, mod), needs)

    def _story_season(self, cand: Candidate, first: int, rel: str) -> int | None:
        """The year of "that winter", "the following spring" (from the last date named),
        and in a narrative of a bare "the autumn"; None: count from the reference."""
        if rel not in _STORY_RELS and not (rel == "" and self.narrative):
            return None
        last = self.history.last_fuzzy("year", cand.start)  # the last date, any precision
        if last is None:
            return None
        base = last.anchor().date()
        year_only = last.precision is Precision.YEAR
        if rel == "following":
            return base.year + 1 if year_only or first <= base.month else base.year
        if rel == "previous":
            return base.year - 1 if year_only or first >= base.month else base.year
        if rel in ("following year", "previous year"):
            return base.year + (1 if rel == "following year" else -1)
        return base.year

    def _quarter(self, cand, q, y, rel, mod=None):
        ref = self.reference
        if q == "last" and not y and not rel:
            if ref is None:
                return self.make(cand, "DATE", "", None, True)
            value, fuzzy = unit_period(ref, "quarter", -1)
            return self.make(cand, "DATE", value, fuzzy, True)
        number = int(q) if q.isdigit() else _QUARTERS.get(q, 4)
        needs = not y
        if not y:
            if ref is None:
                return self.make(cand, "DATE", "", None, True)
            if rel:
                y = ref.year + {"last": -1, "next": 1}.get(rel, 0)
            else:
                y = self.story_year(cand) or period_year(
                    ref, number * 3 - 2, number * 3, self.tense(cand)
                )
        fuzzy = FuzzyDate.of(Precision.QUARTER, datetime(y, number * 3 - 2, 1))
        return self.make(cand, "DATE", f"{y:04d}-Q{number}", qualified(fuzzy, mod), needs)

    def _half(self, cand, h, y, rel):
        needs = not y
        if not y:
            if self.reference is None:
                return self.make(cand, "DATE", "", None, True)
            if rel:
                y = self.reference.year + {"last": -1, "next": 1}.get(rel, 0)
            else:
                y = self.story_year(cand) or period_year(
                    self.reference, 6 * h - 5, 6 * h, self.tense(cand)
                )
        return self.make(cand, "DATE", f"{y:04d}-H{h}", FuzzyDate.year(y), needs)

    def _theperiod(self, cand: Candidate, unit: str) -> Timex | None:
        """ "the quarter" is the quarter last named; "the year" the year last dated.

        A bare "the quarter" with no quarter before it is left untagged: it may be any.
        """
        if unit == "quarter":
            last = self.history.last_with(Precision.QUARTER, cand.start)
            if last is None:
                return None
            value = f"{last.year:04d}-Q{(last.month - 1) // 3 + 1}"
            fuzzy = FuzzyDate.of(Precision.QUARTER, datetime(last.year, last.month, 1))
            return self.make(cand, "DATE", value, fuzzy, True)
        base = self.history.anchor_for("year", cand.start) or self.reference
        if base is None:
            return self.make(cand, "DATE", "", None, True)
        return self.make(cand, "DATE", f"{base.year:04d}", FuzzyDate.year(base.year), True)
