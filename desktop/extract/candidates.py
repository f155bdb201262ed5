"""Finding temporal expressions: every rule proposes spans, and the longest
non-overlapping spans win; then "early", "mid-", "the end of" widen the winners.
"""

from __future__ import annotations

import re

from desktop.extract import patterns as P
from desktop.extract.candidate import Candidate
from desktop.extract.lexicon import MOD_QUALIFIER
from desktop.extract.rules_calendar import dates, periods, years
from desktop.extract.rules_informal import informal
from desktop.extract.rules_relative import deictic, offsets, others, weekdays

_MODIFIABLE = frozenset(
    {"month", "year", "decade", "century", "relunit", "season", "quarter", "fiscal"}
)
_DEICTIC_RELS = frozenset(
    {"this", "last", "next", "current", "the current", "coming", "the coming"}
)


def _apply_modifiers(low: str, chosen: list[Candidate]) -> bool:
    """Widen spans to take "early", "mid-", "the end of" and note the qualifier; says
    whether a span now starts on an earlier candidate."""
    swallowed = False
    for k, cand in enumerate(chosen):
        if cand.kind not in _MODIFIABLE or cand.data.get("mod"):
            continue
        if cand.kind == "relunit" and cand.data["rel"] not in _DEICTIC_RELS:
            continue
        left = P.left_match(low, cand.start, P.PERIOD_MOD_LEFT)
        if not left:
            continue
        found, offset = left
        if "\n" in low[offset + found.start() : cand.start]:
            continue
        word = re.sub(r"\s+", " ", found["mod"] or found["mod2"] or found["mod3"])
        if word in ("earlier", "later") and cand.kind != "relunit":
            continue
        cand.start = offset + found.start()
        cand.data["mod"] = MOD_QUALIFIER.get(word)
        swallowed = swallowed or (k > 0 and chosen[k - 1].end > cand.start)
    return swallowed


def find_candidates(text: str, dayfirst: bool = False) -> list[Candidate]:
    """All accepted, non-overlapping candidates in text order."""
    low = P.lowered(text)
    found: list[Candidate] = []
    dates(text, low, found, dayfirst)
    years(text, low, found)
    periods(text, low, found)
    weekdays(text, low, found)
    deictic(text, low, found)
    offsets(text, low, found)
    others(text, low, found)
    informal(text, low, found)
    found.sort(key=lambda c: (c.start - c.end, c.priority, c.start))
    taken: list[Candidate] = []
    occupied = bytearray(len(text) + 1)
    for cand in found:
        if cand.end <= cand.start or any(occupied[cand.start : cand.end]):
            continue
        if "\n" in text[cand.start : cand.end]:
            continue  # a line break ends a sentence: "the previous\nweek" is two phrases
        taken.append(cand)
        occupied[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
    taken.sort(key=lambda c: c.start)
    if _apply_modifiers(low, taken):
        taken = _without_swallowed(taken)
    return taken


def _without_swallowed(taken: list[Candidate]) -> list[Candidate]:
    """Drops what a widened span took in: "the second half" inside "the second half of
    the 13th century"."""
    out: list[Candidate] = []
    for cand in taken:
        while out and cand.start <= out[-1].start and out[-1].end <= cand.end:
            out.pop()
        out.append(cand)
    return out
