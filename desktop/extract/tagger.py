"""The temporal tagger: text and reference date in, TIMEX3-style mentions out.

Candidates are resolved in text order because relative expressions depend on what came
before: a dateline line resets the reference date, and "the previous day" counts from the
last date mentioned, not from the publication date.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from desktop.extract.anaphora import History
from desktop.extract.candidate import Candidate
from desktop.extract.lexicon import HOLIDAYS, PARTS_OF_DAY
from desktop.extract.model import Timex
from desktop.extract.resolve import (
    day_year,
    month_year,
    qualified,
    unit_period,
    weekday_date,
)
from desktop.extract.rules_relative import duration_value
from desktop.extract.tense import Tense, tense_at
from desktop.temporal import FuzzyDate, Precision, Qualifier

_REL_OFFSET = {
    "this": 0, "current": 0, "the current": 0, "last": -1, "past": -1, "previous": -1,
    "this past": -1, "next": 1, "coming": 1, "the coming": 1, "the next": 1,
}  # fmt: skip
_ANAPHORIC = {
    "the previous": -1, "the preceding": -1, "the prior": -1, "the following": 1,
    "the same": 0, "that": 0,
}  # fmt: skip
_HEDGES = {
    "more than": Qualifier.BEFORE, "over": Qualifier.BEFORE, "at least": Qualifier.BEFORE,
    "just over": Qualifier.BEFORE, "nearly": Qualifier.AFTER, "almost": Qualifier.AFTER,
    "less than": Qualifier.AFTER, "just under": Qualifier.AFTER, "about": Qualifier.CIRCA,
    "around": Qualifier.CIRCA, "roughly": Qualifier.CIRCA, "approximately": Qualifier.CIRCA,
    "some": Qualifier.CIRCA,
}  # fmt: skip
_QUARTERS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "final": 4,
}
_UNTIL = re.compile(r"\b(?:until|till)\s+$", re.IGNORECASE)
_TO = re.compile(r"\bto\s+$", re.IGNORECASE)
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _day_fuzzy(d: date) -> FuzzyDate:
    return FuzzyDate.day(d.year, d.month, d.day)


def _period_year(reference: date, first: int, last: int, tense: Tense | None) -> int:
    """The year of a yearless part of a year (months first..last) said on `reference`."""
    if tense == "past" and first > reference.month:
        return reference.year - 1
    if tense == "future" and last < reference.month:
        return reference.year + 1
    return reference.year


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


class Resolver:
    """Turns candidates into Timex objects, keeping the reference and the mentions so far."""

    def __init__(self, text: str, reference: date | None) -> None:
        self.text = text
        self.reference = reference
        self.history = History()
        self.floating_times: list[int] = []  # times dated from the reference, for now

    def tense(self, cand: Candidate) -> Tense | None:
        """The tense of the clause around the candidate (decides past or coming dates).

        After "until" the verb's tense says nothing: "may last until spring".
        """
        if _UNTIL.search(self.text, max(0, cand.start - 8), cand.start):
            return None
        return tense_at(self.text, cand.start, cand.end)

    def make(
        self,
        cand: Candidate,
        kind: str,
        value: str,
        fuzzy: FuzzyDate | None = None,
        needs: bool = False,
        dateline: bool = False,
    ) -> Timex:
        return Timex(
            cand.start,
            cand.end,
            self.text[cand.start : cand.end],
            kind,
            value,
            fuzzy,
            needs,
            dateline,
        )

    def resolve(self, cand: Candidate, dateline: bool = False) -> Timex | None:
        handler = getattr(self, f"_{cand.kind}")
        timex = (
            handler(cand, **cand.data)
            if cand.kind != "date"
            else self._date(cand, dateline=dateline, **cand.data)
        )
        if timex is not None and timex.fuzzy is not None:
            self.history.add(timex.end, timex.fuzzy, cand.kind)
        return timex

    # --- calendar dates ---------------------------------------------------------------
    def _date(self, cand, y, m, d, hh=None, mm=None, ap=None, wd=None, dateline=False):
        needs = y is None
        if y is None:
            if self.reference is None:
                return self.make(cand, "DATE", "", None, True)
            y = day_year(self.reference, m, d, self.tense(cand))
            if wd:
                for year in (y, y - 1, y + 1):
                    found = safe_date(year, m, d)
                    if found and found.strftime("%a").lower() == wd[:3].lower():
                        y = year
                        break
        day = safe_date(y, m, d)
        if day is None:
            return None
        if hh is not None:
            hour = int(hh)
            if ap:
                hour = hour % 12 + (12 if ap.lower().startswith("p") else 0)
            moment = datetime(day.year, day.month, day.day, hour, int(mm))
            return self.make(
                cand,
                "TIME",
                moment.strftime("%Y-%m-%dT%H:%M"),
                FuzzyDate.minute(moment),
                needs,
                dateline,
            )
        return self.make(cand, "DATE", day.isoformat(), _day_fuzzy(day), needs, dateline)

    def _month(self, cand, y, m, mod=None, rel="", rel_year=None):
        needs = y is None
        if y is None:
            ref = self.reference
            if ref is None:
                return self.make(cand, "DATE", "", None, True)
            if rel_year is not None:
                y = ref.year + rel_year
            elif rel in ("last", "past"):
                y = ref.year if m < ref.month else ref.year - 1
            elif rel in ("next", "coming"):
                y = ref.year if m > ref.month else ref.year + 1
            elif rel == "this":
                y = ref.year
            else:
                y = month_year(ref, m, self.tense(cand))
        fuzzy = qualified(FuzzyDate.month(y, m), mod)
        return self.make(cand, "DATE", f"{y:04d}-{m:02d}", fuzzy, needs)

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
        month, day = HOLIDAYS[re.sub(r"\s+", " ", name)]
        needs = not y
        if not y:
            if self.reference is None:
                return self.make(cand, "DATE", "", None, True)
            y = day_year(self.reference, month, day, self.tense(cand))
        found = date(y, month, day)
        return self.make(cand, "DATE", found.isoformat(), _day_fuzzy(found), needs)

    def _season(self, cand, code, rel, y, mod=None):
        needs = not y
        if not y:
            if self.reference is None:
                return self.make(cand, "DATE", "", None, True)
            ref = self.reference
            first = _SEASON_START[code]
            y = ref.year - (1 if ref.month < 3 and code == "WI" else 0)
            if rel in ("last", "past", "the past"):
                y -= 0 if first + 2 < ref.month else 1
            elif rel in ("next", "coming", "the coming"):
                y += 0 if first > ref.month else 1
            elif code != "WI":
                y = _period_year(ref, first, first + 2, self.tense(cand))
        fuzzy = FuzzyDate.of(Precision.SEASON, datetime(y, _SEASON_START[code], 1))
        return self.make(cand, "DATE", f"{y:04d}-{code}", qualified(fuzzy, mod), needs)

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
                y = _period_year(ref, number * 3 - 2, number * 3, self.tense(cand))
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
                y = _period_year(self.reference, 6 * h - 5, 6 * h, self.tense(cand))
        return self.make(cand, "DATE", f"{y:04d}-H{h}", FuzzyDate.year(y), needs)

    def _dayonly(self, cand, d):
        ref = self.reference
        if ref is None:
            return self.make(cand, "DATE", "", None, True)
        tense = self.tense(cand)
        shift = 0
        if tense == "past" and d > ref.day:
            shift = -1
        elif tense == "future" and d < ref.day:
            shift = 1
        y, m = divmod(ref.year * 12 + ref.month - 1 + shift, 12)
        found = safe_date(y, m + 1, d)
        if found is None:
            return None
        return self.make(cand, "DATE", found.isoformat(), _day_fuzzy(found), True)

    # --- relative to the reference or to the last mention ----------------------------
    def _weekday(self, cand, wd, rel, part):
        if self.reference is None:
            return self.make(cand, "TIME" if part else "DATE", "", None, True)
        tense = self.tense(cand)
        if _TO.search(self.text, max(0, cand.start - 4), cand.start):
            tense = None  # "postponed to Thursday"
        day = weekday_date(self.reference, wd, tense, rel)
        if part:
            return self.make(
                cand, "TIME", f"{day.isoformat()}T{PARTS_OF_DAY[part]}", _day_fuzzy(day), True
            )
        return self.make(cand, "DATE", day.isoformat(), _day_fuzzy(day), True)

    def _deictic(self, cand, days, part):
        if self.reference is None:
            return self.make(cand, "TIME" if part else "DATE", "", None, True)
        day = self.reference + timedelta(days=days)
        if part:
            return self.make(
                cand, "TIME", f"{day.isoformat()}T{PARTS_OF_DAY[part]}", _day_fuzzy(day), True
            )
        return self.make(cand, "DATE", day.isoformat(), _day_fuzzy(day), True)

    def _relunit(self, cand, rel, unit, mod=None):
        if rel == "the":  # "the weekend": the last one in the past tense, else the coming
            if self.reference is None:
                return self.make(cand, "DATE", "", None, True)
            back = self.tense(cand) == "past" and self.reference.weekday() < 5
            value, fuzzy = unit_period(self.reference, "weekend", -1 if back else 0)
            return self.make(cand, "DATE", value, fuzzy, True)
        if unit in PARTS_OF_DAY:  # "the next morning", "that night"
            base = self.history.anchor_for("day", cand.start) or self.reference
            if base is None:
                return self.make(cand, "TIME", "", None, True)
            day = base + timedelta(days=_ANAPHORIC.get(rel, 1))
            return self.make(
                cand, "TIME", f"{day.isoformat()}T{PARTS_OF_DAY[unit]}", _day_fuzzy(day), True
            )
        if rel in _ANAPHORIC or (rel in ("the next", "next") and unit == "day"):
            offset = _ANAPHORIC.get(rel, 1)
            base = self.history.anchor_for(unit, cand.start) or self.reference
        else:
            offset = _REL_OFFSET.get(rel, 0)
            base = self.reference
        if base is None:
            return self.make(cand, "DATE", "", None, True)
        value, fuzzy = unit_period(base, unit, offset)
        return self.make(cand, "DATE", value, qualified(fuzzy, mod), True)

    def _offset(self, cand, n, unit, dir, hedge, inverse):
        if unit in ("minute", "hour"):
            return None
        if n is None:
            return self.make(
                cand, "DATE", "FUTURE_REF" if dir in ("later", "from now", "hence") else "PAST_REF"
            )
        sign = 1 if dir in ("later", "from now", "hence", "after") else -1
        if inverse:
            sign = -sign
            if not self.history.any_since(self._sentence_start(cand.start)):
                # "came two days after the vote": nothing dates the arrival, so it is
                # only a duration
                end = cand.start + len(
                    re.match(r"(.*?)\s+(?:after|before)$", self.text[cand.start : cand.end]).group(
                        1
                    )
                )
                span = Candidate(cand.start, end, "duration")
                return self.make(span, "DURATION", duration_value(n, unit))
        if dir in ("ago", "from now", "hence"):
            base = self.reference
        else:
            base = self.history.anchor_for(unit, cand.start) or self.reference
        if base is None:
            return self.make(cand, "DATE", "", None, True)
        if unit == "day":
            moved = base + timedelta(days=sign * n)
            value, fuzzy = unit_period(moved, "day", 0)
        elif unit == "week":
            value, fuzzy = unit_period(base, "week", sign * n)
        elif unit == "month":
            value, fuzzy = unit_period(base, "month", sign * n)
        elif unit == "year":
            value, fuzzy = unit_period(base, "year", sign * n)
        elif unit == "decade":
            value, fuzzy = unit_period(base, "year", sign * 10 * n)
            value, fuzzy = unit_period(date(int(value), 1, 1), "decade", 0)
        else:
            value, fuzzy = unit_period(base, "century", sign * n)
        if hedge in _HEDGES and fuzzy is not None:
            fuzzy = FuzzyDate.of(fuzzy.precision, fuzzy.anchor(), _HEDGES[hedge])
        return self.make(cand, "DATE", value, fuzzy, True)

    # --- not placeable ---------------------------------------------------------------
    def _vague(self, cand, value):
        return self.make(cand, "DATE", value)

    def _duration(self, cand, value):
        return self.make(cand, "DURATION", value)

    def _set(self, cand, value):
        return self.make(cand, "SET", value)

    def _sentence_start(self, position: int) -> int:
        return max(self.text.rfind(ch, 0, position) for ch in ".!?\n") + 1

    def _time(self, cand, hh, mm):
        sentence_start = self._sentence_start(cand.start)
        day = self.history.day_since(sentence_start)
        needs = True
        if day is None:
            day = self.reference
            self.floating_times.append(cand.start)
        else:
            needs = self.history.last_needs
        if day is None:
            return self.make(cand, "TIME", f"XXXX-XX-XXT{hh:02d}:{mm:02d}")
        moment = datetime(day.year, day.month, day.day, hh, mm)
        return self.make(
            cand, "TIME", moment.strftime("%Y-%m-%dT%H:%M"), FuzzyDate.minute(moment), needs
        )
