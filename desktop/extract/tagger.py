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
from desktop.extract.lexicon import PARTS_OF_DAY
from desktop.extract.model import Timex
from desktop.extract.periods import PeriodRules
from desktop.extract.resolve import (
    day_fuzzy,
    day_year,
    month_year,
    qualified,
    safe_date,
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
_MONTH_OR_FINER = frozenset(
    {Precision.SEASON, Precision.MONTH, Precision.WEEK, Precision.DAY, Precision.MINUTE}
)
_UNTIL = re.compile(r"\b(?:until|till)\s+(?:at\s+least\s+)?$", re.IGNORECASE)
# "called elections for December": a plan made in the past for a date that may be ahead.
_SCHEDULED_FOR = re.compile(
    r"\b(?:call(?:ed|s)?|set|sets|schedul(?:ed|es)|plann?(?:ed|s)|postpon(?:ed|es)|"
    r"delay(?:ed|s)|mov(?:ed|es)|push(?:ed|es)|reschedul(?:ed|es)|slated|fix(?:ed|es)|"
    r"book(?:ed|s))\b[^.;!?\n]{0,40}\bfor\s+$",
    re.IGNORECASE,
)
_MOVED_TO = re.compile(
    r"\b(?:postpon|delay|push|mov|reschedul|put\s+off|defer)\w*(?:\s+back)?\b"
    r"[^.;!?\n]{0,30}?\bto\s+(?:the\s+)?(?:(?:mid|early|late)[\s-]+)?$",
    re.IGNORECASE,
)
_AGREED_TO = re.compile(
    r"\b(?:agreed|plans?|planned|promised|decided|vowed|pledged|threatened|expects?|expected|"
    r"hopes?|hoped|intends?|intended|offered|voted|arranged|prepared)\s+to\s+"
    r"(?!(?:a|an|the|its|their|his|her|this|that|these|those|some|new|terms|talks)\b)[a-z]+\b"
    r"[^.;!?\n,]{0,40}?\b(?:on|in|by|next|this)?\s*$",
    re.IGNORECASE,
)
_RANGE_END = re.compile(r"\s*(?:and|to|through|until|till|-|–)\s*$", re.IGNORECASE)
_COMPARISON = re.compile(
    r"\b(?:down|up)\s+from\b|\bcompared\s+(?:with|to)\b|\bthan\s+(?:in|during|at)\b"
    r"|\bas\s+opposed\s+to\b",
    re.IGNORECASE,
)
_DISTANT_PAST = re.compile(r"\b(?:1[5-9]\d0s|the\s+\d+(?:st|nd|rd|th)\s+century|1[5-9]\d\d)\b")
_SINCE = re.compile(r"\bsince\s+$", re.IGNORECASE)
_TO = re.compile(r"\bto\s+$", re.IGNORECASE)


class Resolver(PeriodRules):
    """Turns candidates into Timex objects, keeping the reference and the mentions so far."""

    def __init__(self, text: str, reference: date | None, narrative: bool = False) -> None:
        self.text = text
        self.reference = reference
        self.narrative = narrative  # a story far from its publication date (see narrative)
        self.history = History()
        self.floating_times: list[int] = []  # times dated from the reference, for now
        self.explicit_year: tuple[int, date] | None = None  # (end, start day) of the last one

    def tense(self, cand: Candidate) -> Tense | None:
        """The tense of the clause around the candidate (decides past or coming dates).

        After "until" the verb's tense says nothing: "may last until spring".
        """
        if _UNTIL.search(self.text, max(0, cand.start - 17), cand.start):
            return None
        if _SCHEDULED_FOR.search(self.text, max(0, cand.start - 60), cand.start):
            return None
        if _MOVED_TO.search(self.text, max(0, cand.start - 50), cand.start):
            return "future"  # "the vote was pushed back to March": the new date is ahead
        if _AGREED_TO.search(self.text, max(0, cand.start - 70), cand.start):
            return "future"  # "the minister agreed to meet union leaders on Wednesday"
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
            if not timex.needs_reference and cand.kind in ("date", "month", "year"):
                since = _SINCE.search(self.text, max(0, cand.start - 8), cand.start)
                self.explicit_year = None if since else (timex.end, timex.fuzzy.earliest.date())
        return timex

    def year_nearby(self, cand: Candidate, tense: Tense | None, month: int) -> int | None:
        """The year just written in this sentence, for a yearless date right after it.

        "seized the dam in February 2022, days after the invasion began on Feb. 24":
        the 24th is in 2022, not in the year before the publication date. The far end
        of a range comes after its start: "between October 2016 and September".
        """
        last = self.explicit_year
        if last is None or tense == "future" or not self.history.entries:
            return None
        end, first = last
        if self.history.entries[-1][0] != end or cand.start - end > 80:
            return None
        if end < self._sentence_start(cand.start):
            return None
        if _RANGE_END.match(self.text, end, cand.start):
            return first.year + (1 if month < first.month else 0)
        # Only the month just named: "captured in December 2003 and convicted in
        # November" is a later November.
        return first.year if month == first.month else None

    def story_year(self, cand: Candidate, month: int | None = None) -> int | None:
        """In a narrative, the year its story last reached (a bare "March" is in it).

        A story moves forward: a month before the one it reached is in the next year
        ("The siege began on 17 September 1870 ... by January": 1871).
        """
        if not self.narrative:
            return None
        last = self.history.last_fuzzy("year", cand.start)
        if last is None:
            return None
        at = last.anchor()
        if month is not None and last.precision in _MONTH_OR_FINER and month < at.month:
            return at.year + 1
        return at.year

    # --- calendar dates ---------------------------------------------------------------
    def _date(self, cand, y, m, d, hh=None, mm=None, ap=None, wd=None, dateline=False):
        needs = y is None
        if y is None:
            if self.reference is None:
                return self.make(cand, "DATE", "", None, True)
            tense = self.tense(cand)
            y = (self.story_year(cand, m) or self.year_nearby(cand, tense, m)
                 or day_year(self.reference, m, d, tense))  # fmt: skip
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
        return self.make(cand, "DATE", day.isoformat(), day_fuzzy(day), needs, dateline)

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
            elif rel == "that":  # "In 1987, the market crashed. That October ..."
                y = (self.history.anchor_for("year", cand.start) or ref).year
            else:
                tense = self.tense(cand)
                y = (self.story_year(cand, m) or self.year_nearby(cand, tense, m)
                     or month_year(ref, m, tense))  # fmt: skip
        fuzzy = qualified(FuzzyDate.month(y, m), mod)
        return self.make(cand, "DATE", f"{y:04d}-{m:02d}", fuzzy, needs)

    def _dayonly(self, cand, d):
        ref = self.reference
        if ref is None:
            return self.make(cand, "DATE", "", None, True)
        month = self.history.anchor_for("month", cand.start) if self.narrative else None
        if month is not None:  # "Contact was lost on the 30th": of the story's month
            found = safe_date(month.year, month.month, d)
            if found is None:
                return None
            return self.make(cand, "DATE", found.isoformat(), day_fuzzy(found), True)
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
        return self.make(cand, "DATE", found.isoformat(), day_fuzzy(found), True)

    def _weekday_day(self, cand, wd, d):
        """ "Sun 10th": this month's 10th if it is a Sunday, else the nearest such month."""
        ref = self.reference
        if ref is None:
            return self.make(cand, "DATE", "", None, True)
        for shift in (0, 1, -1, 2, -2):
            y, m = divmod(ref.year * 12 + ref.month - 1 + shift, 12)
            day = safe_date(y, m + 1, d)
            if day is not None and day.weekday() == wd:
                return self.make(cand, "DATE", day.isoformat(), day_fuzzy(day), True)
        return None

    # --- relative to the reference or to the last mention ----------------------------
    def _weekday(self, cand, wd, rel, part):
        if self.reference is None:
            return self.make(cand, "TIME" if part else "DATE", "", None, True)
        tense = self.tense(cand)
        if _TO.search(self.text, max(0, cand.start - 4), cand.start):
            tense = None  # "postponed to Thursday"
        elif tense is None and _SCHEDULED_FOR.search(self.text, max(0, cand.start - 60),
                                                     cand.start):  # fmt: skip
            tense = "future"  # "a protest planned for Saturday": a plan is for a day ahead
        day = weekday_date(self.reference, wd, tense, rel)
        if part:
            return self.make(
                cand, "TIME", f"{day.isoformat()}T{PARTS_OF_DAY[part]}", day_fuzzy(day), True
            )
        return self.make(cand, "DATE", day.isoformat(), day_fuzzy(day), True)

    def _deictic(self, cand, days, part):
        if days == 0 and not part and (self.narrative or self._generic_today(cand)):
            return self.make(cand, "DATE", "PRESENT_REF")
        if self.reference is None:
            return self.make(cand, "TIME" if part else "DATE", "", None, True)
        day = self.reference + timedelta(days=days)
        narrated = self._narrated_day(cand) if days == 0 else None
        if narrated is not None:
            day = narrated
        if part:
            return self.make(
                cand, "TIME", f"{day.isoformat()}T{PARTS_OF_DAY[part]}", day_fuzzy(day), True
            )
        return self.make(cand, "DATE", day.isoformat(), day_fuzzy(day), True)

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
                cand, "TIME", f"{day.isoformat()}T{PARTS_OF_DAY[unit]}", day_fuzzy(day), True
            )
        anaphoric_this = (self.narrative and rel == "this"
                          and not self.text.startswith(("this", "This"), cand.start))  # fmt: skip
        if anaphoric_this:  # a story's "by the end of the month": the month it reached
            rel = "the same"
        if rel in _ANAPHORIC or rel == "the next" or (rel == "next" and unit == "day"):
            offset = _ANAPHORIC.get(rel, 1)
            base = self.history.anchor_for(unit, cand.start)
            last = self.history.last_fuzzy("year", cand.start) if self.narrative else None
            if (offset == 0 and last is not None and last.precision is Precision.YEAR
                    and unit in ("month", "week", "day")):  # fmt: skip
                year = last.anchor().year  # "in the same month" after "1890": of 1890
                return self.make(cand, "DATE", f"{year:04d}", FuzzyDate.year(year), True)
            base = base or self.reference
        else:
            offset = _REL_OFFSET.get(rel, 0)
            base = self.reference
            if (unit == "weekend" and rel == "this" and base is not None and base.weekday() < 5
                    and self.tense(cand) == "past"):  # fmt: skip
                offset = -1  # "prices doubled this weekend", said on a Monday: the last one
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

    def _narrated_day(self, cand: Candidate) -> date | None:
        """ "The court on 3 March today sentenced ...", filed on 5 March: "today" is the
        explicit day the sentence narrates, not the later day the article was dated."""
        start = self._sentence_start(cand.start)
        for end, fuzzy, kind in reversed(self.history.entries):
            if end < start:
                return None
            if kind == "date" and fuzzy.precision.value == "day":
                day = fuzzy.earliest.date()
                if timedelta(0) < self.reference - day <= timedelta(days=7):
                    return day
        return None

    def _generic_today(self, cand: Candidate) -> bool:
        """ "employs 60,000 people today, down from 170,000 in the 1980s": nowadays.

        "today" set against a distant past period in a comparison is the present era
        (PRESENT_REF in TIMEX3), not the publication day.
        """
        if not self.text.startswith("today", cand.start) and not self.text.startswith(
            "Today", cand.start
        ):
            return False
        start = self._sentence_start(cand.start)
        stop = min(x for x in (self.text.find(". ", cand.end), len(self.text)) if x >= 0)
        sentence = self.text[start:stop]
        return bool(_COMPARISON.search(sentence) and _DISTANT_PAST.search(sentence))

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
