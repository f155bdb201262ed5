"""Reading a date range typed by a person ("3-5 March 2020", "between 3 and 5 March 2020").

People write the shared parts of a range once ("March–April 2019" has one year,
"3-5 March" one month), so the first end borrows what it lacks from the second.
A single date is a range without an end.
"""

from __future__ import annotations

import re

from desktop.temporal.fuzzy import MONTH_ABBR, FuzzyDate, Precision
from desktop.temporal.parse import MONTHS, parse_human

_SEPARATOR = re.compile(
    r"\s*(?:–|—|-|\bto\b|\buntil\b|\btill\b|\bthrough\b|\bthru\b|\band\b)\s*", re.IGNORECASE
)
_OPENER = re.compile(r"^(?:between|from)\s+", re.IGNORECASE)
_MONTH_WORD = re.compile(r"\b(" + "|".join(MONTHS) + r")[a-z]*\.?", re.IGNORECASE)
_YEAR_WORD = re.compile(r"\b(\d{3,4})\s*(?:ad|ce)?$", re.IGNORECASE)
_FINE = (Precision.DAY, Precision.MINUTE)


def _left_candidates(left: str, right: str, end: FuzzyDate) -> list[str]:
    """Ways to read the first end with the month and year the second one states."""
    year = _YEAR_WORD.search(right)
    year_text = year.group(1) if year else str(end.anchor().year)
    month = MONTH_ABBR[end.anchor().month - 1]
    out = []
    if re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", left) and end.precision in _FINE:
        month_first = re.match(r"\s*[a-z]", right, re.IGNORECASE) is not None
        out.append(f"{month} {left}, {year_text}" if month_first else f"{left} {month} {year_text}")
    if not _YEAR_WORD.search(left):
        out.append(f"{left} {year_text}")
    out.append(left)
    return out


def _right_candidates(left: str, right: str) -> list[str]:
    """"March 3-5, 2020": the second end "5, 2020" takes the month of the first."""
    month = _MONTH_WORD.search(left)
    out = [right]
    if month and re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?,?\s+\d{3,4}", right):
        out.insert(0, f"{month.group(0)} {right}")
    if re.fullmatch(r"\d{2}", right):  # "2018-19"
        out.insert(0, "")  # filled in by _split once the first year is known
    return out


def _try(text: str, dayfirst: bool, bce: bool = False) -> FuzzyDate | None:
    try:
        return parse_human(text, dayfirst=dayfirst, bce=bce)
    except ValueError:
        return None


def _split(left: str, right: str, dayfirst: bool,
           bce: bool = False) -> tuple[FuzzyDate, FuzzyDate] | None:  # fmt: skip
    for right_text in _right_candidates(left, right):
        if right_text == "":
            first = _try(left, dayfirst, bce)
            if first is None or first.precision is not Precision.YEAR:
                continue
            century = first.anchor().year // 100 * 100
            end = _try(str(century + int(right)), dayfirst)
            if end is not None and end.earliest > first.latest:
                return first, end
            continue
        end = _try(right_text, dayfirst, bce)
        if end is None:
            continue
        for left_text in _left_candidates(left, right_text, end):
            start = _try(left_text, dayfirst, bce)
            if start is not None:
                return start, end
    return None


def parse_span(text: str, *, dayfirst: bool = False,
               bce: bool = False) -> tuple[FuzzyDate, FuzzyDate | None]:  # fmt: skip
    """(start, end) of a typed date or range; end is None for a single date.

    ``bce`` accepts dates before year 1 ("44 BC", "c. 3000 BCE - 2500 BCE").

    Raises ValueError with a reason the UI can show (an unreadable end, a range that
    ends before it starts).
    """
    try:
        return parse_human(text, dayfirst=dayfirst, bce=bce), None
    except ValueError as exc:
        single_error = exc
    stripped = " ".join(str(text).split())
    opened = _OPENER.match(stripped)
    body = stripped[opened.end() :] if opened else stripped
    found: tuple[FuzzyDate, FuzzyDate] | None = None
    for sep in _SEPARATOR.finditer(body):
        word = sep.group(0).strip().lower()
        if word == "and" and not opened:
            continue  # "and" joins a range only after "between"
        left, right = body[: sep.start()].strip(), body[sep.end() :].strip()
        if left and right:
            found = _split(left, right, dayfirst, bce)
            if found is not None:
                break
    if found is None:
        raise single_error
    start, end = found
    if end.days()[1] <= start.days()[0]:
        raise ValueError(
            f"{stripped!r} ends ({end.human()}) before it starts ({start.human()}): "
            "put the earlier date first"
        )
    return start, end
