"""Find an article's publication dateline near the top of its plain text.

A dateline is a line that is (almost) only a full date, possibly with a label
("Published", "Updated:"), a weekday and a time: "Wednesday 05 September 2018
18:38 BST". Dates inside prose ("On September 7 the forces...") are events,
not the publication date, so they are never taken. Without a year there is no
dateline: the reader must never guess.
"""

from __future__ import annotations

import re
from datetime import date

MAX_LINES = 15
MAX_CHARS = 1500
MIN_YEAR, MAX_YEAR = 1800, 2100

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
    r"|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"

_PATTERNS = (
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(r"\b(?P<year>\d{4})-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)\b"),
    re.compile(r"\b(?P<year>\d{4})/(?P<month>[01]?\d)/(?P<day>[0-3]?\d)\b"),
)

# Words allowed around the date on a dateline, all lower case.
_LABEL_WORDS = frozenset(
    """published publish posted updated update last modified first date dateline created
    on at by am pm a.m p.m gmt bst utc cet cest est edt pst pdt ist msk eet eest ast
    mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday
    saturday sunday""".split()
)
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\b|\b[+-]\d{2}:?\d{2}\b|T\d{2}:\d{2}\S*")
_WORD = re.compile(r"[^\W\d_]+(?:\.[^\W\d_]+)*\.?", re.UNICODE)
_MAX_LEFTOVER_WORDS = 2
_MAX_LINE_CHARS = 120


def make_date(year: int, month: int, day: int) -> date | None:
    """A date from parts, or None when they do not form a plausible real date."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _match_date(line: str) -> tuple[date, int, int] | None:
    for pattern in _PATTERNS:
        for match in pattern.finditer(line):
            month_text = match.group("month")
            if month_text.isdigit():
                month = int(month_text)
            else:
                month = _MONTHS.get(month_text.lower().rstrip(".")[:4], 0) or _MONTHS.get(
                    month_text.lower()[:3], 0
                )
            found = make_date(int(match.group("year")), month, int(match.group("day")))
            if found is not None:
                return found, match.start(), match.end()
    return None


def _is_dateline(line: str, start: int, end: int) -> bool:
    """True when only labels, weekday, time and a short name surround the date."""
    if len(line.strip()) > _MAX_LINE_CHARS:
        return False
    rest = _TIME.sub(" ", line[:start] + " " + line[end:])
    leftover = [w for w in _WORD.findall(rest) if w.lower().rstrip(".") not in _LABEL_WORDS]
    if not leftover:
        return True
    if len(leftover) > _MAX_LEFTOVER_WORDS or not all(w[0].isupper() for w in leftover):
        return False  # only a short name may sit beside the date ("Al Jazeera, 5 Sep 2018")
    # A sentence ending after the date ("... 2018 they left.") is prose, not a dateline.
    return not re.search(r"[^\W\d_]\s*[.!?]\s*$", line[end:])


def find_dateline(text: str) -> tuple[date, int, int] | None:
    """Return (date, start, end) of the dateline near the top of ``text``, or None.

    Looks at the first 15 non-empty lines within the first 1500 characters;
    offsets index into ``text`` and cover the date expression itself.
    """
    head = text[:MAX_CHARS]
    seen = 0
    offset = 0
    for raw in head.splitlines(keepends=True):
        line_start = offset
        offset += len(raw)
        line = raw.splitlines()[0]
        if not line.strip():
            continue
        seen += 1
        if seen > MAX_LINES:
            break
        if line == raw and len(text) > len(head) and offset == len(head):
            break  # a line cut off by the character limit cannot be judged
        found = _match_date(line)
        if found is None:
            continue
        when, start, end = found
        if _is_dateline(line, start, end):
            return when, line_start + start, line_start + end
    return None


_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_COMPACT = re.compile(r"^\s*(?:D:)?(\d{4})(\d{2})(\d{2})")


def parse_iso_date(value: str | None) -> date | None:
    """Parse an ISO-like date with a year ("2018-09-05T10:00Z"); anything else -> None."""
    if not value:
        return None
    match = _ISO.match(value) or _COMPACT.match(value)
    if match is None:
        return None
    return make_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
