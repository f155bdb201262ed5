"""Sentence spans for suggestions: exact offsets, robust to "Mr.", "U.S." and quotes.

A newline always ends a sentence (article text is one paragraph per line, and headings,
bylines and datelines stand on lines of their own).
"""

from __future__ import annotations

import re

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr st gen col lt sgt capt cpt maj prof sen rep gov pres jr sr inc ltd co corp
    vs etc no nos fig vol pp jan feb mar apr jun jul aug sep sept oct nov dec mt ft ave rd
    blvd dept est approx a.m p.m u.s u.k u.n e.u u.s.a d.c i.e e.g al""".split()
)
_LINE = re.compile(r"[^\n]+")
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_BOILERPLATE = re.compile(
    r"^(?:your (?:support|donation)|join (?:our|the|\w+ for free)|sign up|subscribe|"
    r"(?:add|post) a comment|comments?$|share this|thank you for|please refresh|"
    r"notifications can|stay up to date|read more|you can read this|click here|follow us|"
    r"advertisement|related:|https?://|your email address)",
    re.IGNORECASE,
)


_TAIL_WORD = re.compile(r"([\w.]+)$")


def _is_abbreviation(line: str, dot: int) -> bool:
    """Whether the full stop at line[dot] closes an abbreviation or an initial."""
    # Only the last few characters matter; searching the whole line before every full
    # stop made a long single-line text quadratic.
    match = _TAIL_WORD.search(line, max(0, dot - 64), dot)
    if not match:
        return False
    word = match.group(1).lower().strip(".")
    if word in _ABBREVIATIONS:
        return True
    return len(word) == 1 and word.isalpha()


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, whitespace trimmed, so text[start:end] is the sentence."""
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        body = line.group(0)
        cursor = 0
        for end in _END.finditer(body):
            if (
                body[end.start()] == "."
                and end.end() - end.start() == 1
                and _is_abbreviation(body, end.start())
            ):
                continue
            _push(spans, line.start(), body, cursor, end.end())
            cursor = end.end()
        _push(spans, line.start(), body, cursor, len(body))
    return spans


def _push(spans: list[tuple[int, int]], offset: int, body: str, start: int, end: int) -> None:
    piece = body[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    lead = len(piece) - len(piece.lstrip())
    spans.append((offset + start + lead, offset + start + lead + len(stripped)))


def is_boilerplate(sentence: str) -> bool:
    """Site furniture (donation appeals, comment prompts) that never holds an event."""
    return bool(_BOILERPLATE.match(sentence.strip()))
