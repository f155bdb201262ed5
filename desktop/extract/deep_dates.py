"""Dates BCE in article text: "15 March 44 BC", "around 2560 BCE", "753 B.C.".

The calendar rules read "15 March 44" as a day of the reference year and leave "2560
BCE" untagged; a historian's article would then be dated to the wrong millennium. These
phrases are found first (one linear regex pass) and read with the editor's parser.
"""

from __future__ import annotations

import re

from desktop.extract.model import Timex
from desktop.temporal import parse_human

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")  # fmt: skip
_PHRASE = re.compile(
    r"(?<![\w.])(?:(?i:c\.|ca\.|circa|around|about|approximately)\s+)?"
    rf"(?:(?i:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\s+|{_MONTH}\s+"
    r"(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?))?"
    r"\d{1,5}\s*(?:B\.\s?C\.(?:\s?E\.)?|BCE|BC)(?![\w])"
)


def find_bce(text: str) -> list[Timex]:
    """Every date BCE in `text` as a Timex with its BCE FuzzyDate (value "-0043-03-15")."""
    out: list[Timex] = []
    if "BC" not in text and "B." not in text:  # every match ends so; the regex alone
        return out  # tried each position of the article (0.4 ms for 5,000 characters)
    for match in _PHRASE.finditer(text):
        phrase = match.group(0)
        try:
            when = parse_human(phrase, bce=True)
        except ValueError:  # "0 BC", "99999 BC", "31 Feb 44 BC": no date
            continue
        out.append(Timex(match.start(), match.end(), phrase, "DATE", when.to_timex(), when))
    return out


def with_bce(found: list[Timex], deep: list[Timex]) -> list[Timex]:
    """`found` without what overlaps a date BCE, plus the dates BCE, in text order."""
    if not deep:
        return found
    kept = [t for t in found if not any(t.start < d.end and d.start < t.end for d in deep)]
    return sorted([*kept, *deep], key=lambda t: t.start)
