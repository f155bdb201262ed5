"""The one dateline detector: where an article says when it was published.

Both the importer (the publication date) and the tagger (reference date; a dateline
is never an event) use it. A dateline is a line that is (almost) only a full date,
possibly with labels ("Published:", "Updated", "Posted on", "Publié le"), a weekday,
a time and a short name; or a wire-service lead, "ARIHA, Syria (AP) — 4 March 2022"
or "BEIRUT, March 28, 2022 (Reuters) - ...", which the story continues on the same
line. Dates inside prose ("On September 7 the forces...") are not datelines, and
without a year there is none: the detector never guesses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from desktop.temporal.months import dateline_words, month_number

HEAD_LINES = 15
HEAD_CHARS = 1500
MIN_YEAR, MAX_YEAR = 1800, 2100
MAX_LINE_CHARS = 120
WIRE_HEAD_CHARS = 400  # a wire lead's date comes after a place and agency, never later
_MAX_LEFTOVER_WORDS = 2

_EN_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
    r"|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# a month name of any script; two words only outside ASCII ("كانون الأول", "تشرين الثاني")
_WORD_MONTH = r"(?P<month>(?:[^\W\d_]{3,}|[^\W\d_\x00-\x7f]{2,})(?:\s[^\W\d_\x00-\x7f]{2,})?)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º|\.)?"
_YEAR = r"(?P<year>\d{4})"
_PATTERNS = (  # (pattern, day-first for numeric forms: None = the user's order)
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_EN_MONTH},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_EN_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),
    re.compile(r"\b(?P<year>\d{4})-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)\b"),
    re.compile(r"\b(?P<year>\d{4})/(?P<month>[01]?\d)/(?P<day>[0-3]?\d)\b"),
    re.compile(r"\b(?P<a>[0-3]?\d)(?P<sep>[./-])(?P<b>[0-3]?\d)(?P=sep)(?P<year>\d{4})\b"),
    re.compile(rf"\b{_DAY}\s+(?:de\s+)?{_WORD_MONTH},?\s+(?:de\s+|del\s+)?{_YEAR}"),
    re.compile(rf"\b{_WORD_MONTH}\s+{_DAY},?\s+{_YEAR}"),
    re.compile(r"(?P<year>\d{4})\s*[年년]\s*(?P<month>[01]?\d)\s*[月월]\s*(?P<day>[0-3]?\d)\s*[日일]"),
    re.compile(rf"\b{_YEAR}\.\s+{_WORD_MONTH}\s+(?P<day>[0-3]?\d)\."),
)
# \d{4} spelled out: a pattern that opens with one character class lets the search skip
# to the next digit in C (a repeat first is tried at every character, twice as slow).
_YEARISH = re.compile(r"\d\d\d\d")

_LABEL_WORDS = frozenset(
    """published publish posted updated update last modified first date dateline created
    on at by am pm a.m p.m gmt bst utc cet cest est edt pst pdt ist msk eet eest ast
    mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday
    saturday sunday local time""".split()
)
_UPDATED = re.compile(
    r"updated|modified|aktualisiert|mis à jour|actualizad|aggiornato|bijgewerkt|"
    r"обновлено|güncelle|تحديث|atualizado|uppdaterad|opdateret|oppdatert|päivitetty",
    re.I,
)
_TIME = re.compile(r"\b\d{1,2}[:.h]\d{2}(?:[:.]\d{2})?\b|\b[+-]\d{2}:?\d{2}\b|T\d{2}:\d{2}\S*")
_WORD = re.compile(r"[^\W\d_]+(?:\.[^\W\d_]+)*\.?", re.UNICODE)
_AGENCY = r"\((?P<agency>[^\W\d_][\w.&/' -]{0,30})\)"  # (AP), (dpa), (ТАСС), (سانا)
_PLACE_WORD = re.compile(r"^(?:[^\W\d_][\w.'’-]*)$")
_PLACE_PARTICLE = frozenset("de del la le el al of upon am an der sur".split())
_WIRE_PREFIX = re.compile(
    rf"^\s*(?P<place>[^\W\d_][^()\n]{{0,60}}?)\s*(?:{_AGENCY})?\s*[,:—–-]+\s*$", re.UNICODE
)
_WIRE_SUFFIX = re.compile(rf"^\s*(?:{_AGENCY})?\s*(?:[—–-]+|:|$)")


@dataclass(frozen=True)
class Dateline:
    """A dateline: its date, the date expression's span, the whole line's span."""

    when: date
    start: int
    end: int
    line_start: int
    line_end: int
    updated: bool = False


def make_date(year: int, month: int, day: int) -> date | None:
    """A date from parts, or None when they do not form a plausible real date."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _parts(match: re.Match[str], dayfirst: bool | None, language: str | None) -> date | None:
    groups = match.groupdict()
    year = int(groups["year"])
    if groups.get("a") is not None:
        first, second = int(groups["a"]), int(groups["b"])
        if groups["sep"] == "." or first > 12:
            day, month = first, second
        elif second > 12 or (dayfirst is False and first != second):
            day, month = second, first
        elif dayfirst or first == second:
            day, month = first, second
        else:
            return None  # 05/09/2018 in an unknown order is no date
        return make_date(year, month, day)
    text = groups["month"]
    month = int(text) if text.isdigit() else month_number(text, language)
    return make_date(year, month, int(groups["day"])) if month else None


def _dates_in(
    line: str, dayfirst: bool | None, language: str | None
) -> list[tuple[date, int, int]]:
    found: list[tuple[date, int, int]] = []
    taken = bytearray(len(line))  # characters already inside a found date: linear, where
    for pattern in _PATTERNS:  # comparing with every earlier date was quadratic
        for match in pattern.finditer(line):
            start, end = match.span()
            if 1 in taken[start:end]:
                continue
            when = _parts(match, dayfirst, language)
            if when is not None:
                found.append((when, start, end))
                taken[start:end] = b"\x01" * (end - start)
    return sorted(found, key=lambda item: item[1])


def _label_word(word: str) -> bool:
    folded = word.casefold().rstrip(".")
    return folded in _LABEL_WORDS or folded in dateline_words()


def _only_date(line: str, start: int, end: int) -> bool:
    """True when only labels, weekday, time and a short name surround the date."""
    if len(line.strip()) > MAX_LINE_CHARS:
        return False
    rest = _TIME.sub(" ", line[:start] + " " + line[end:])
    leftover = [w for w in _WORD.findall(rest) if not _label_word(w)]
    if not leftover:
        return True
    if len(leftover) > _MAX_LEFTOVER_WORDS or not all(_capital(w) for w in leftover):
        return False  # only a short name may sit beside the date ("Al Jazeera, 5 Sep 2018")
    if any(not w[0].isupper() for w in leftover) and not _uncased_place(line[:start]):
        return False
    # A sentence ending after the date ("... 2018 they left.") is prose, not a dateline.
    return not re.search(r"[^\W\d_]\s*[.!?]\s*$", line[end:])


_LAST_SEPARATOR = re.compile(r"^(?P<place>.*)[-–—,:،](?P<between>[^-–—,:،]*)$", re.S)


def _uncased_place(before: str) -> bool:
    """A word without case beside a date names a place only when a separator follows it
    ("بيروت - الإثنين 5 كانون الأول 2022"); "قال المسؤول 5 آذار 2022" is prose."""
    split = _LAST_SEPARATOR.match(_TIME.sub(" ", before))
    if split is None or not split.group("place").strip():
        return False
    return all(_label_word(w) for w in _WORD.findall(split.group("between")))


def _place(prefix: re.Match[str] | None) -> list[str] | None:
    """The words of a wire lead's place, if ``prefix`` (of _WIRE_PREFIX) has one."""
    if prefix is None:
        return None
    place = prefix.group("place").replace(",", " ").split()
    if not place or len(place) > 6 or not all(_place_word(w) for w in place):
        return None
    return place


def _capital(word: str) -> bool:
    """Capitalised, or in a script without case (Arabic, Hebrew, CJK): a name may start so."""
    first = word[0]
    return first.isupper() or (first.isalpha() and first.lower() == first.upper())


def _place_word(word: str) -> bool:
    return bool(_PLACE_WORD.match(word)) and (
        _capital(word) or word in _PLACE_PARTICLE or word.startswith("al-"))


def _wire(line: str, start: int, end: int) -> bool:
    """A wire lead: PLACE[, Region] [(AGENCY)] — DATE or PLACE, DATE (AGENCY) - story."""
    prefix = _WIRE_PREFIX.match(line[:start])
    suffix = _WIRE_SUFFIX.match(line[end:])
    place = _place(prefix)
    if place is None or suffix is None:
        return False
    agency = prefix.group("agency") or suffix.group("agency")
    capital_city = len(place[0]) > 1 and place[0].isupper()
    return bool(agency) or capital_city


# How far a wire lead's prefix can reach: the place's 61 characters, an agency and the
# separators, each as long as it can be. Every end of a _WIRE_PREFIX match lies within.
_WIRE_REACH = re.compile(r"\s*[^\W\d_][^()\n]{0,60}\s*(?:\([^)\n]{0,32}\))?[\s,:—–-]*")
_SEPARATOR = re.compile(r"[,:—–-]\s*")


def _may_be_wire(line: str) -> bool:
    """Whether any date in ``line`` could follow a wire lead's place: _wire's test of the
    prefix, made for each place a prefix can end (after a separator) instead of for each
    date. A long line of prose, which can be no other dateline, then needs no date search
    (nine patterns over its head: most of an import's dateline time)."""
    reach = _WIRE_REACH.match(line)
    if reach is None:
        return False
    for separator in _SEPARATOR.finditer(line, 0, reach.end()):
        # the prefix ends after the separator, anywhere in the spaces that follow it
        for end in range(separator.start() + 1, separator.end() + 1):
            if _place(_WIRE_PREFIX.match(line[:end])) is not None:
                return True
    return False


def _line_datelines(
    line: str, offset: int, dayfirst: bool | None, language: str | None
) -> list[Dateline]:
    if not _YEARISH.search(line):
        return []
    if len(line) > MAX_LINE_CHARS and len(line.strip()) > MAX_LINE_CHARS and not (
            _may_be_wire(line)):
        return []  # _only_date refuses a line this long, and it is no wire lead
    out = []
    end_of_line = offset + len(line)
    # Past MAX_LINE_CHARS only a wire lead can be a dateline, and its date sits at the
    # head of the line: scanning all of a 19 MB one-line file was quadratic.
    head = line if len(line) <= MAX_LINE_CHARS else line[:WIRE_HEAD_CHARS]
    for when, start, end in _dates_in(head, dayfirst, language):
        if _only_date(line, start, end) or _wire(line, start, end):
            updated = bool(_UPDATED.search(line[max(0, start - 30) : start]))
            out.append(Dateline(when, offset + start, offset + end, offset, end_of_line, updated))
    return out


def find_datelines(
    text: str,
    *,
    dayfirst: bool | None = False,
    language: str | None = None,
    limit: int | None = None,
) -> list[Dateline]:
    """Every dateline in ``text`` in order (the first ``limit`` characters only, if given).

    ``dayfirst`` orders ambiguous numeric dates (05/09/2018); None skips them.
    """
    out: list[Dateline] = []
    scope = text if limit is None else text[:limit]
    # Only lines with four digits can hold a dateline: jump from one to the next with a
    # regex instead of visiting every line (9 million short lines took seconds).
    pos = 0
    while (digits := _YEARISH.search(scope, pos)) is not None:
        start = _line_start(scope, pos, digits.start())
        brk = _line_end(scope, digits.start())
        # As str.splitlines() + rstrip("\r\n") did: a form feed or U+2028 stays on its line.
        end = brk + 1 if brk < len(scope) and scope[brk] not in "\r\n" else brk
        if limit is not None and end == len(scope) < len(text):
            break  # a line cut off by the limit cannot be judged
        line = scope[start:end]
        if line.strip():
            out.extend(_line_datelines(line, start, dayfirst, language))
        pos = brk + 1
    return out


def full_dates(
    text: str, *, dayfirst: bool | None = False, language: str | None = None
) -> list[date]:
    """Every date with day, month and year written in ``text``, in order (datelines or not)."""
    out: list[date] = []
    for line in text.splitlines():
        if _YEARISH.search(line):
            out.extend(when for when, _, _ in _dates_in(line, dayfirst, language))
    return out


_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # what str.splitlines() splits at
_BREAK = re.compile(f"[{_BREAKS}]")


_RARE_BREAK = re.compile(f"[{_BREAKS.replace(chr(10), '')}]")


def _line_start(text: str, floor: int, at: int) -> int:
    """Start of the line holding ``at``; ``floor`` is a line start at or before it."""
    start = max(floor, text.rfind("\n", floor, at) + 1)  # the usual break, then the others
    for found in _RARE_BREAK.finditer(text, start, at):  # only within the last line
        start = found.end()
    return start


def _line_end(text: str, at: int) -> int:
    found = _BREAK.search(text, at)
    return len(text) if found is None else found.start()


def find_dateline(
    text: str, *, dayfirst: bool | None = False, language: str | None = None
) -> tuple[date, int, int] | None:
    """The publication dateline near the top of ``text``: (date, start, end) or None.

    Looks at the first 15 non-empty lines within the first 1500 characters and
    prefers a publication date over an "Updated" one.
    """
    head_end, seen = 0, 0
    for raw in text[:HEAD_CHARS].splitlines(keepends=True):
        seen += bool(raw.strip())
        if seen > HEAD_LINES:
            break
        head_end += len(raw)
    found = [
        d
        for d in find_datelines(text, dayfirst=dayfirst, language=language, limit=HEAD_CHARS)
        if d.line_start < head_end
    ]
    if not found:
        return None
    chosen = next((d for d in found if not d.updated), found[0])
    return chosen.when, chosen.start, chosen.end
