"""Non-English text: dateparser finds the dates, we find their spans and precision.

dateparser always gets `languages=[...]` (auto-detection costs seconds per document) and
fills missing day or month from the base date, so the precision is read from the matched
string itself, never from dateparser's result.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from desktop.extract.model import Timex
from desktop.temporal import FuzzyDate
from desktop.temporal.dateline import find_datelines

_DIGITS = re.compile(r"\d+")
# Prepositions and articles dateparser leaves around a date ("le 7 septembre 2018 à").
_EDGE_WORDS = frozenset(
    """le la les l' en à a au aux du de des el los las del di il im am um vom von seit ab bis
    in on at the dans depuis desde hasta na w v ve и в на с до по od do""".split()
)


def _trim(phrase: str, start: int) -> tuple[str, int]:
    """Drop leading and trailing function words from a dateparser match."""
    while True:
        head = re.match(r"(\S+)\s+", phrase)
        if head and head.group(1).lower() in _EDGE_WORDS:
            start += head.end()
            phrase = phrase[head.end() :]
            continue
        tail = re.search(r"\s+(\S+)$", phrase)
        if tail and tail.group(1).lower() in _EDGE_WORDS:
            phrase = phrase[: tail.start()]
            continue
        return phrase, start


def _precision(phrase: str, found: datetime) -> str:
    numbers = [int(n) for n in _DIGITS.findall(phrase)]
    has_year = any(n == found.year for n in numbers) or any(
        len(n) == 4 for n in _DIGITS.findall(phrase)
    )
    has_day = any(n == found.day and len(str(n)) <= 2 for n in numbers)
    words = re.findall(r"[^\W\d_]{3,}", phrase)
    if numbers and not words and len(numbers) >= 3:
        return "day"
    if has_day or not numbers:
        return "day"
    return "month" if words and has_year else "year" if has_year else "day"


def tag_foreign(
    text: str, reference: date | None, language: str, dayfirst: bool = False
) -> list[Timex]:
    """Dates found by dateparser's search_dates, with spans located in the text."""
    try:
        from dateparser.search import search_dates
    except ImportError:  # pragma: no cover - dateparser is a dependency
        return []
    base = datetime.combine(reference or date.today(), datetime.min.time())
    settings = {"RELATIVE_BASE": base, "RETURN_AS_TIMEZONE_AWARE": False,
                "DATE_ORDER": "DMY" if dayfirst else "MDY"}  # fmt: skip
    try:
        found = search_dates(text, languages=[language.split("-")[0]], settings=settings) or []
    except Exception:  # dateparser raises on unknown languages and odd input
        return []
    out: list[Timex] = []
    cursor = 0
    datelines = find_datelines(text, dayfirst=dayfirst, language=language)
    for phrase, when in found:
        start = text.find(phrase, cursor)
        if start < 0:
            continue
        cursor = start + len(phrase)
        phrase, start = _trim(phrase, start)
        end = start + len(phrase)
        precision = _precision(phrase, when)
        if precision == "year":
            fuzzy, value = FuzzyDate.year(when.year), f"{when.year:04d}"
        elif precision == "month":
            fuzzy, value = FuzzyDate.month(when.year, when.month), f"{when:%Y-%m}"
        else:
            fuzzy, value = FuzzyDate.day(when.year, when.month, when.day), f"{when:%Y-%m-%d}"
        needs = not any(len(n) == 4 for n in _DIGITS.findall(phrase))
        dateline = any(start < line.end and line.start < end for line in datelines)
        out.append(Timex(start, end, phrase, "DATE", value, fuzzy, needs, dateline=dateline))
    return out
