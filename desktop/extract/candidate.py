"""A proposed temporal expression and the small text helpers the rules share."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.extract.lexicon import MONTHS


@dataclass
class Candidate:
    """One proposed span and what its pattern read from it (no calendar value yet)."""

    start: int
    end: int
    kind: str
    data: dict = field(default_factory=dict)
    priority: int = 5


_WORD_AFTER = re.compile(r"[\s,]*([\w'’-]+)")
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n\s*|[\"“(]\s*)$")


def add(out: list[Candidate], start: int, end: int, kind: str, priority: int = 5, **data) -> None:
    """Append a candidate (a helper so that rules read as one line each)."""
    out.append(Candidate(start, end, kind, data, priority))


def month_number(token: str) -> int:
    """1-12 for a month name or abbreviation in any case."""
    return MONTHS[token.lower().rstrip(".")[:3]]


def capitalised(token: str) -> bool:
    return token[:1].isupper()


def word_before(text: str, start: int) -> str:
    """The word just before `start`, skipping spaces and commas.

    Read backwards from `start`: what ([\\w.'’-]+)[\\s,]*$ found in the 40 characters
    before, but that regex tried every position and every word length (8 us a call).
    """
    floor = max(0, start - 40)
    end = start
    while end > floor and (text[end - 1] == "," or text[end - 1].isspace()):
        end -= 1
    first = end
    while first > floor and (text[first - 1].isalnum() or text[first - 1] in "_.'’-"):
        first -= 1  # \w is isalnum() or "_"
    return text[first:end]


def word_after(text: str, end: int) -> str:
    """The word just after `end`, skipping spaces and commas."""
    match = _WORD_AFTER.match(text, end, min(len(text), end + 40))
    return match.group(1) if match else ""


# Words before "last" that make it the verb: "could last several weeks".
_VERB_LAST_BEFORE = frozenset(
    "could would will may might can should must to not did does do shall 'll ’ll".split()
)


def verb_last(low: str, start: int) -> bool:
    """Whether the "last" at `start` is the verb (to last), not the adjective."""
    return low.startswith("last", start) and word_before(low, start) in _VERB_LAST_BEFORE


def at_sentence_start(text: str, start: int) -> bool:
    return bool(_SENTENCE_START.search(text[max(0, start - 4) : start]))
