"""Sentence spans for suggestions: exact offsets, robust to "Mr.", "U.S." and quotes.

A newline always ends a sentence (article text is one paragraph per line, and headings,
bylines and datelines stand on lines of their own).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from operator import itemgetter

from desktop.temporal.months import month_number

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr st gen col lt sgt capt cpt maj prof sen rep gov pres jr sr inc ltd co corp
    vs etc no nos fig vol pp jan feb mar apr jun jul aug sep sept oct nov dec mt ft ave rd
    blvd dept est approx a.m p.m u.s u.k u.n e.u u.s.a d.c i.e e.g al""".split()
)
_CONTENT = re.compile(r"[^\S\n]*(\S(?:[^\n]*\S)?)")  # a line's content, trimmed
_STOP = re.compile(r"[.!?؟]")
# A sentence starts with a capital or a digit; Arabic has no capitals (any letter will do).
_CAPITAL = (r"A-Z0-9\u00C0-\u00D6\u00D8-\u00DEŞĞİÇÖÜŁŒŠŽ\u0391-\u03A9\u0400-\u042F"
            r"\u0621-\u064A\u0660-\u0669\u0671-\u06D3")
# [.!?؟]+ written as one mark then more: a pattern opening with a character class skips
# to the next mark in C (a repeat first is tried at every character).
_END = re.compile(rf"[.!?؟][.!?؟]*[\"'”’)\]»]*(?=\s+[\"'“‘«(\[¿¡]?[{_CAPITAL}])")
# Posts written in lower case ("drone strike on the depot this morning. second one in a
# week"): a mark before a lower-case word ends a sentence too, when the text does that
# more often than it starts one with a capital (news never does).
_END_ANY = re.compile(rf"[.!?؟][.!?؟]*[\"'”’)\]»]*(?=\s+[\"'“‘«(\[¿¡]?[a-z{_CAPITAL}])")
_LOWER_START = re.compile(r"[.!?] [a-z]")
_UPPER_START = re.compile(r"[.!?] [A-Z]")
_STYLE_SAMPLE = 20_000
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")
_BOILERPLATE = re.compile(
    r"^(?:your (?:support|donation)|join (?:our|the|\w+ for free)|sign up|subscribe|"
    r"(?:add|post) a comment|comments?$|share this|thank you for|please refresh|"
    r"notifications can|stay up to date|read more|you can read this|click here|follow us|"
    r"advertisement|related:|https?://|your email address)",
    re.IGNORECASE,
)


def _is_abbreviation(line: str, dot: int) -> bool:
    """Whether the full stop at line[dot] closes an abbreviation or an initial."""
    # Only the last few characters matter; searching the whole line before every full
    # stop made a long single-line text quadratic.
    floor, first = max(0, dot - 64), dot
    while first > floor and (line[first - 1].isalnum() or line[first - 1] in "_."):
        first -= 1  # back over the word: what ([\w.]+)$ found (\w: isalnum() or "_")
    if first == dot:
        return False
    word = line[first:dot].lower().strip(".")
    if word in _ABBREVIATIONS:
        return True
    if word.isdigit() and len(word) <= 2:  # a German day: "am 6. Februar"
        after = _NEXT_WORD.match(line, dot + 1)
        return after is not None and month_number(after.group(1)) is not None
    return len(word) == 1 and word.isalpha()


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, whitespace trimmed, so text[start:end] is the sentence."""
    spans: list[tuple[int, int]] = []
    ends = _END
    if _LOWER_START.search(text, 0, _STYLE_SAMPLE) is not None:  # the opening decides: a
        lower = len(_LOWER_START.findall(text, 0, _STYLE_SAMPLE))  # long text costs no more
        if lower > len(_UPPER_START.findall(text, 0, _STYLE_SAMPLE)):
            ends = _END_ANY
    # Lines without ".", "!" or "?" are one sentence each and are taken in bulk by one
    # regex pass; only lines with a full stop are split in Python (9 million short
    # lines took 11 s line by line).
    pos, size = 0, len(text)
    while pos <= size:
        stop = _STOP.search(text, pos)
        if stop is None:
            spans.extend([m.span(1) for m in _CONTENT.finditer(text, pos)])
            break
        head = text.rfind("\n", pos, stop.start())
        line_start = head + 1 if head >= 0 else pos
        line_end = text.find("\n", stop.start())
        line_end = size if line_end < 0 else line_end
        spans.extend([m.span(1) for m in _CONTENT.finditer(text, pos, line_start)])
        line = _CONTENT.match(text, line_start, line_end)
        if line is not None:
            _split_line(spans, line.start(1), line.group(1), ends)
        pos = line_end + 1
    return spans


def _split_line(
    spans: list[tuple[int, int]], start: int, body: str, ends: re.Pattern[str] = _END
) -> None:
    cursor = 0
    for match in ends.finditer(body):
        if (
            body[match.start()] == "."
            and match.end() - match.start() == 1
            and _is_abbreviation(body, match.start())
        ):
            continue
        _push(spans, start, body, cursor, match.end())
        cursor = match.end()
    _push(spans, start, body, cursor, len(body))


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


def first_ending_after(spans: list[tuple[int, int]], position: int, lo: int = 0) -> int:
    """Index of the first span from `lo` on that ends after `position` (len if none)."""
    return bisect_right(spans, position, lo=lo, key=itemgetter(1))
