"""One span finder and resolver for every language with a table (desktop.extract.lang).

The tables hold words; the engine holds the grammar of dates shared by these languages:
day-month-year, month-year, parts of a month ("early March"), a month after a
preposition, weekdays with next/last, yesterday/tomorrow, next/last week/month/year, a
year after a year word. The decisions are ours: the span, its precision and, for dates
without a year or a week, the direction in time, read from the clause's future and past
markers. Eastern Arabic digits are read as digits in place, so offsets do not move.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from desktop.extract.model import Timex
from desktop.extract.resolve import (
    day_fuzzy,
    day_year,
    month_year,
    qualified,
    safe_date,
    unit_period,
    weekday_date,
)
from desktop.temporal import FuzzyDate

W = r"[\w\u0640\u064B-\u065F\u0670]"  # a word character, Arabic diacritics included
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)


@dataclass(frozen=True, eq=False)  # hashed by identity: compiled() caches per table
class LangTable:
    """The words one language writes dates with (regex fragments where noted)."""

    code: str
    months: dict[str, int]  # every written form, lower case -> 1..12
    weekdays: dict[str, int]  # every written form -> 0 (Monday) .. 6
    deictics: dict[str, int]  # yesterday, today, tomorrow ... -> days from the reference
    future: str  # regex: a marker of the future in a clause
    past: str  # regex: a marker of the past
    breaks: str = r"[,;:]"  # regex: where a clause ends inside a sentence
    ordinals: dict[str, int] = field(default_factory=dict)  # written-out day numbers
    prefix: str = ""  # regex: clitics before a name (Arabic و ب ل ف)
    name_suffix: str = ""  # regex: case endings after a month name (Turkish 'ta)
    day_suffix: str = ""  # regex: after a day number (1er, 6., 5-го)
    day_month: str = r"\s+"  # regex: between the day and the month (" de ", " من ")
    year_lead: str = r",?\s+"  # regex: between the month and the year
    year_tail: str = ""  # regex: after a year (года, 'da)
    weekday_lead: str = ""  # regex: before a weekday, kept in the span (يوم)
    weekday_tail: str = ""  # regex: after a weekday (günü, -abend)
    next_before: str = "(?!)"
    next_after: str = "(?!)"
    last_before: str = "(?!)"
    last_after: str = "(?!)"
    parts_before: dict[str, str] = field(default_factory=dict)  # regex -> early/mid/late
    parts_after: dict[str, str] = field(default_factory=dict)
    month_before: str = "(?!)"  # regex: what must precede a month named alone
    month_after: str = "(?!)"  # regex: or follow it
    relunits: tuple[tuple[str, str, int], ...] = ()  # (regex, unit, offset)
    years: tuple[str, ...] = ()  # regexes with a (?P<year>) group
    deictic_block_before: str = "(?!)"  # regex ending where a deictic is not one
    deictic_block_after: str = "(?!)"
    numbers: dict[str, int] = field(default_factory=dict)  # "deux" -> 2
    units: dict[str, tuple[str, int]] = field(default_factory=dict)  # "jours" -> (day, 1)
    ago: tuple[tuple[str, int], ...] = ()  # ("il y a {n} {u}", -1): {n} number, {u} unit
    # Where a date only bounds a period ("since March", "until Friday"): regex ending
    # right before the phrase, or starting right after it. The phrase dates no happening.
    bound_before: str = "(?!)"
    bound_after: str = "(?!)"
    present: str = "(?!)"  # regex: a present-tense verb (the nearest day, the coming on a tie)
    weekday_unmarked: str | None = None  # a weekday's direction when no marker says one
    verb_final: bool = False  # the clause's verb follows the date (Turkish): read after it
    night: str = r"\s*(?:à|au|al|a|zum|auf|-|–|/)?\s*"  # "samedi à dimanche": one night


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _parts(table: dict[str, str]) -> str:
    return "|".join(f"(?P<p{i}>{rx})" for i, rx in enumerate(table)) or "(?!)"


@dataclass(frozen=True)
class _Compiled:
    table: LangTable
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    future: re.Pattern[str]
    past: re.Pattern[str]
    breaks: re.Pattern[str]
    block_before: re.Pattern[str]
    block_after: re.Pattern[str]
    bound_before: re.Pattern[str]
    bound_after: re.Pattern[str]
    night: re.Pattern[str]
    present: re.Pattern[str]

    def bounds(self, text: str, timex: Timex) -> bool:
        """Whether the phrase only bounds a period: "since March", "until Friday"."""
        return bool(self.bound_before.search(text, max(0, timex.start - 24), timex.start)
                    or self.bound_after.match(text, timex.end))  # fmt: skip


@lru_cache(maxsize=16)
def compiled(table: LangTable) -> _Compiled:
    """The table's regexes, built once per language."""
    t = table
    pre = f"(?:{t.prefix})?" if t.prefix else ""
    month = f"(?P<month>{_alternation(t.months)})"
    alias = rf"(?:\s*[/(]\s*(?:{_alternation(t.months)})\s*\)?)?"  # أيلول/سبتمبر
    months = f"{pre}{month}{alias}(?:{t.name_suffix})?" if t.name_suffix else f"{pre}{month}{alias}"
    wdays = _alternation(t.weekdays)
    wday = f"(?:{t.weekday_lead})?{pre}(?:{wdays})(?:{t.weekday_tail})?"
    ordinals = _alternation(t.ordinals) if t.ordinals else "(?!)"
    day = rf"(?P<day>(?:[12]\d|3[01]|0?[1-9])(?!\d)(?:{t.day_suffix})|(?P<dayword>{ordinals}))"
    year = rf"(?:{t.year_lead})(?P<year>1[89]\d\d|20\d\d)(?!\d)(?:{t.year_tail})"
    end = f"(?!{W})"
    start = f"(?<!{W})"
    rel = (f"(?:(?P<nb>{t.next_before})|(?P<lb>{t.last_before}))",
           f"(?:(?P<na>{t.next_after})|(?P<la>{t.last_after}))")  # fmt: skip
    patterns = [
        ("date", rf"{start}(?:{wday}[\s,]+(?:dem\s+|den\s+|le\s+|el\s+)?)?{pre}{day}"
                 rf"{t.day_month}{months}(?:{year})?(?:,?\s+{wday})?{end}"),
        ("partb", rf"{start}{pre}(?:{_parts(t.parts_before)}){months}(?:{year})?{end}"),
        ("parta", rf"{start}{months}(?:{year})?\s+(?:{_parts(t.parts_after)}){end}"),
        ("month", rf"{start}{months}{year}{end}"),
        ("month", rf"{start}{pre}{rel[0]}\s+{months}{end}"),
        ("month", rf"{start}{months}\s+{rel[1]}{end}"),
        ("month", rf"{start}(?P<ctx>{pre}(?:{t.month_before})){months}{end}"),
        ("month", rf"{start}{months}(?:{t.month_after}){end}"),
        ("weekday", rf"{start}(?:{rel[0]}\s+)?(?:{t.weekday_lead})?{pre}(?P<wd>{wdays})"
                    rf"(?:{t.weekday_tail})?(?:\s+{rel[1]})?{end}"),
        ("deictic", rf"{start}{pre}(?P<dx>{_alternation(t.deictics)}){end}"),
    ]
    for i, (rx, _unit, _offset) in enumerate(t.relunits):
        patterns.append((f"rel{i}", rf"{start}{pre}(?:{rx}){end}"))
    for rx in t.years:
        patterns.append(("year", rf"{start}(?:{rx}){end}"))
    number = rf"(?P<n>\d{{1,3}}|{_alternation(t.numbers) or '(?!)'})"
    unit = f"(?P<unit>{_alternation(t.units) or '(?!)'})"
    for i, (rx, _sign) in enumerate(t.ago):
        patterns.append((f"ago{i}", start + rx.format(n=number, u=unit) + end))
    patterns.append(("numeric", r"(?<![\d./-])(?:(?P<nd>[0-3]?\d)[./](?P<nm>[01]?\d)[./]"
                                r"(?P<ny>(?:19|20)\d\d)|(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-"
                                r"(?P<id>[0-3]\d))(?![\d./-]?\d)"))
    flags = re.IGNORECASE
    return _Compiled(
        t, tuple((kind, re.compile(rx, flags)) for kind, rx in patterns),
        re.compile(t.future, flags), re.compile(t.past, flags),
        re.compile(rf"{t.breaks}", flags),
        re.compile(rf"(?:{t.deictic_block_before})\s*$", flags),
        re.compile(rf"^\s*(?:{t.deictic_block_after})", flags),
        re.compile(rf"(?<!{W})(?:{t.bound_before})$", flags),
        re.compile(rf"\s*(?:{t.bound_after})(?!{W})", flags),
        re.compile(t.night, flags),
        re.compile(t.present, flags),
    )  # fmt: skip


@dataclass
class _Found:
    start: int
    end: int
    kind: str
    match: re.Match[str]


def _lookup(table: dict[str, int], word: str) -> int:
    folded = word.lower()
    return table.get(folded, table.get(word, 0)) or next(
        (v for k, v in table.items() if k.lower() == folded), 0
    )


def _lookup_unit(table: dict[str, tuple[str, int]], word: str) -> tuple[str, int]:
    folded = word.lower()
    return table.get(folded) or next(v for k, v in table.items() if k.lower() == folded)


def find_spans(text: str, c: _Compiled) -> list[_Found]:
    """Every date span, the longest where they overlap, in text order."""
    norm = text.translate(_DIGITS)
    found: list[_Found] = []
    for kind, pattern in c.patterns:
        for m in pattern.finditer(norm):
            start = m.start("month") if "ctx" in pattern.groupindex and m["ctx"] else m.start()
            if kind == "year":
                start = m.start("year")
            if kind == "deictic" and (c.block_before.search(norm, max(0, start - 16), start)
                                      or c.block_after.match(norm, m.end())):  # fmt: skip
                continue
            found.append(_Found(start, m.end(), kind, m))
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    out: list[_Found] = []
    for item in found:
        if out and item.start < out[-1].end:
            if item.end - item.start > out[-1].end - out[-1].start:
                out[-1] = item
            continue
        if out and _one_night(c, norm, out[-1], item):
            out[-1] = _Found(out[-1].start, item.end, item.kind, item.match)
            continue
        out.append(item)
    return out


def _one_night(c: _Compiled, text: str, first: _Found, second: _Found) -> bool:
    """ "dans la nuit de samedi à dimanche", "ليل السبت الأحد": the night before the
    second day, one span dated by it."""
    if first.kind != "weekday" or second.kind != "weekday":
        return False
    if not c.night.fullmatch(text, first.end, second.start):
        return False
    days = c.table.weekdays
    return (_lookup(days, first.match["wd"]) + 1) % 7 == _lookup(days, second.match["wd"])


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(ch, 0, start) for ch in ".!?؟\n") + 1
    stops = [i for i in (text.find(ch, end) for ch in ".!?؟\n") if i >= 0]
    return left, min(stops) if stops else len(text)


def direction(c: _Compiled, text: str, start: int, end: int) -> str | None:
    """Future or past from the markers of the clause around a span, else the sentence's."""
    left, right = _sentence(text, start, end)
    if c.table.verb_final:  # the first verb after the date is the one it modifies
        marks = [(m.start(), tense) for tense, rx in (("future", c.future), ("past", c.past))
                 if (m := rx.search(text, end, right))]  # fmt: skip
        if marks:
            return min(marks)[1]
    cut_left, cut_right = left, right
    for m in c.breaks.finditer(text, left, right):
        if m.end() <= start:
            cut_left = m.end()
        elif m.start() >= end:
            cut_right = m.start()
            break
    for lo, hi in ((cut_left, cut_right), (left, right)):
        clause = text[lo:start] + " " + text[end:hi]
        if c.future.search(clause):
            return "future"
        if c.past.search(clause):
            return "past"
        if c.present.search(clause):
            return "present"
    return None


def _rel(m: re.Match[str]) -> str:
    groups = m.groupdict()
    if groups.get("nb") or groups.get("na"):
        return "next"
    if groups.get("lb") or groups.get("la"):
        return "last"
    return ""


def _mod(m: re.Match[str], parts: dict[str, str]) -> str | None:
    """early/mid/late from the part group that matched."""
    for key, value in m.groupdict().items():
        if value and key.startswith("p") and key[1:].isdigit():
            return list(parts.values())[int(key[1:])]
    return None


def resolve(item: _Found, c: _Compiled, text: str, reference: date | None) -> Timex | None:
    """The calendar value of one span, dated against `reference`."""
    t, m = c.table, item.match
    phrase = text[item.start : item.end]

    def make(value: str, fuzzy: FuzzyDate | None, needs: bool, kind: str = "DATE") -> Timex:
        return Timex(item.start, item.end, phrase, kind, value, fuzzy, needs)

    year = int(m["year"]) if m.groupdict().get("year") else None
    if item.kind == "year":
        return make(f"{year:04d}", FuzzyDate.year(year), False)
    if item.kind == "numeric":
        y, mo, d = (m["ny"], m["nm"], m["nd"]) if m["ny"] else (m["iy"], m["im"], m["id"])
        found = safe_date(int(y), int(mo), int(d))  # day first in all these languages
        return make(found.isoformat(), day_fuzzy(found), False) if found else None
    parts = {"partb": t.parts_before, "parta": t.parts_after}.get(item.kind)
    kind = "month" if parts is not None else item.kind
    if kind in ("date", "month"):
        month = _lookup(t.months, m["month"])
        if not month:
            return None
    if reference is None and (year is None or kind not in ("date", "month")):
        return make("", None, True)
    tense = direction(c, text, item.start, item.end) if year is None else None
    if item.kind == "date":
        digits = _LEADING.match(m["day"]) if not m["dayword"] else None
        day = int(digits[0]) if digits else _lookup(t.ordinals, m["dayword"])
        y = year or day_year(reference, month, day, tense)
        found = safe_date(y, month, day)
        return make(found.isoformat(), day_fuzzy(found), year is None) if found else None
    if kind == "month":
        rel = _rel(m)
        if year is None:
            if rel == "last":
                year = reference.year if month < reference.month else reference.year - 1
            elif rel == "next":
                year = reference.year if month > reference.month else reference.year + 1
            else:
                year = month_year(reference, month, tense)
        fuzzy = qualified(FuzzyDate.month(year, month), _mod(m, parts or {}))
        return make(f"{year:04d}-{month:02d}", fuzzy, m.groupdict().get("year") is None)
    if item.kind == "weekday":
        wd = _lookup(t.weekdays, m["wd"])
        rel = _rel(m)
        day = weekday_date(reference, wd, None if rel else tense or t.weekday_unmarked, rel)
        return make(day.isoformat(), day_fuzzy(day), True)
    if item.kind == "deictic":
        day = reference + timedelta(days=_lookup(t.deictics, m["dx"]))
        return make(day.isoformat(), day_fuzzy(day), True)
    if item.kind.startswith("ago"):
        unit, count = _lookup_unit(t.units, m["unit"])
        n = m.groupdict().get("n")
        if n:
            count = int(n) if n.isdigit() else _lookup(t.numbers, n)
        sign = t.ago[int(item.kind[3:])][1]
        if unit == "day":
            moved = reference + timedelta(days=sign * count)
            return make(moved.isoformat(), day_fuzzy(moved), True)
        value, fuzzy = unit_period(reference, unit, sign * count)
        return make(value, fuzzy, True)
    _rx, unit, offset = t.relunits[int(item.kind[3:])]
    value, fuzzy = unit_period(reference, unit, offset)
    return make(value, fuzzy, True)


_LEADING = re.compile(r"\d+")
