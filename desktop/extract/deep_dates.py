"""Dates BCE in article text: "15 March 44 BC", "around 2560 BCE", "753 B.C."; and
years marked AD or CE ("around 900 AD").

The calendar rules read "15 March 44" as a day of the reference year and leave "2560
BCE" untagged; a historian's article would then be dated to the wrong millennium. These
phrases are found first (one linear regex pass) and read with the editor's parser.
"""

from __future__ import annotations

import re

from desktop.extract.model import Timex
from desktop.temporal import FuzzyDate, parse_human

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")  # fmt: skip
_PHRASE = re.compile(
    r"(?<![\w.])(?:(?i:c\.|ca\.|circa|around|about|approximately)\s+)?"
    rf"(?:(?i:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\s+|{_MONTH}\s+"
    r"(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?))?"
    r"\d{1,5}\s*(?:B\.\s?C\.(?:\s?E\.)?|BCE|BC)(?![\w])"
)


# "around 900 AD", "AD 79", "in 410 CE": years of the first millennium, which the
# calendar rules leave alone (a bare 900 is as likely a count).
_ERA_YEAR = re.compile(
    r"(?<![\w.])(?:(?:AD|A\.D\.)\s?(?P<y1>[1-9]\d{0,3})(?![\w,.]\d)"
    r"|(?P<y2>[1-9]\d{0,3})\s?(?:AD|A\.D\.|CE|C\.E\.)(?![\w]))"
)


def _era_years(text: str) -> list[Timex]:
    """Looks only around each "AD" or "CE" (the pattern tried at every character of an
    article cost a tenth of a millisecond; "CEO" is common in news)."""
    found: dict[int, re.Match[str]] = {}
    for mark in ("AD", "CE", "A.D.", "C.E."):
        at = text.find(mark)
        while at >= 0:
            match = _ERA_YEAR.search(text, max(0, at - 6), at + len(mark) + 8)
            if match is not None and match.start() <= at < match.end():
                found[match.start()] = match
            at = text.find(mark, at + 1)
    out: list[Timex] = []
    for start in sorted(found):
        match = found[start]
        year = int(match["y1"] or match["y2"])
        out.append(Timex(start, match.end(), match.group(0), "DATE", f"{year:04d}",
                         FuzzyDate.year(year)))  # fmt: skip
    return out


def find_bce(text: str) -> list[Timex]:
    """Every date BCE in `text` as a Timex with its BCE FuzzyDate (value "-0043-03-15")."""
    out = _era_years(text)
    if "BC" not in text and "B." not in text:  # every match ends so; the regex alone
        return out  # tried each position of the article (0.4 ms for 5,000 characters)
    for match in _PHRASE.finditer(text):
        phrase = match.group(0)
        try:
            when = parse_human(phrase, bce=True)
        except ValueError:  # "0 BC", "99999 BC", "31 Feb 44 BC": no date
            continue
        out.append(Timex(match.start(), match.end(), phrase, "DATE", when.to_timex(), when))
    return sorted(out, key=lambda t: t.start) if len(out) > 1 else out


def with_bce(found: list[Timex], deep: list[Timex]) -> list[Timex]:
    """`found` without what overlaps a date BCE, plus the dates BCE, in text order."""
    if not deep:
        return found
    kept = [t for t in found if not any(t.start < d.end and d.start < t.end for d in deep)]
    return sorted([*kept, *deep], key=lambda t: t.start)
