"""The tense of the clause around a date phrase: it decides which Friday "Friday" is.

"took to the streets on Friday" is the last Friday, "to be held on Friday" the next one.
We look for the verb group nearest to the phrase inside its clause; a clause ends at
sentence punctuation and at words like "that", "which", "but".
"""

from __future__ import annotations

import re
from typing import Literal

from desktop.extract.lexicon import (
    ADJECTIVE_ED,
    CLAUSE_BREAKS,
    FUTURE_WORDS,
    IRREGULAR_PAST,
    MODALS,
    PARTICIPLES,
    PAST_AUX,
    PRESENT_AUX,
    SCHEDULE_PRESENT,
)

Tense = Literal["past", "present", "future"]

_WINDOW = 160
_TOKEN = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*|['’]ll|[.!?;:,\n\"“”()\[\]–—]")
_HARD_BREAK = frozenset('.!?;:\n"“”()[]–—')
_WAS_PLANNED = frozenset({"was", "were", "originally", "initially", "previously", "had", "been"})
# Past tenses spelt as their present: "cut" tells nothing alone, but a dated news
# sentence with one ("Snow storms cut power at the weekend") narrates, in the past.
_SAME_FORM = frozenset("cut hit put shut quit burst split shed beat let hurt".split())
_NOT_A_PAST = frozenset(
    "to a an the its their his her our my your this that i you we they do does don't "
    "doesn't".split()
)
_PAST_WORDS = frozenset({"ago", "earlier", "yesterday", "previously", "former"})
_COPULAS = frozenset(
    "stay stays remain remains get gets become becomes seem seems keep keeps".split()
)
_FUTURE_PHRASES = re.compile(
    r"\b(?:going|set|due|expected|scheduled|planned|plans?|poised|slated|about)\s+to\b"
    r"|\b(?:hopes?|hoping|aims?|aiming|intends?|expects?|wants?|promised|pledged|vowed|vows?|"
    r"seeks?|likely|projected|forecast)\s+to\b"
    r"|\b(?:is|are)\s+to\s+(?!date\b)\w+|\bnext\b|\bcoming\b|\bupcoming\b|\blater\s+this\b",
    re.IGNORECASE,
)


def _tokens(text: str) -> list[str]:
    if text.isascii():  # the same tokens, lowered in one go
        return _TOKEN.findall(text.lower())
    return [t.lower() for t in _TOKEN.findall(text)]


def _verb_tense(tokens: list[str], i: int) -> Tense | None:
    """Tense carried by tokens[i] together with the auxiliaries just before it."""
    word = tokens[i]
    if word in FUTURE_WORDS:
        if word in ("scheduled", "upcoming") and i and tokens[i - 1] in _WAS_PLANNED:
            return None  # "originally scheduled for Sunday": the plan may have changed
        return "future"
    if word in ("was", "were", "had", "did"):
        return "past"
    if word in ("is", "are", "am") or word in SCHEDULE_PRESENT:
        return "present"
    if word in MODALS:  # "would meet on Monday": ahead of the saying; "could have met": past
        return "past" if tokens[i + 1 : i + 2] == ["have"] else "present"
    is_participle = word in PARTICIPLES or (
        word.endswith("ed") and len(word) > 4 and "-" not in word and word not in ADJECTIVE_ED
    )
    if not (is_participle or word in IRREGULAR_PAST):
        if word in _PAST_WORDS:
            return "past"
        return None
    before = tokens[max(0, i - 3) : i]
    if before and before[-1] in _COPULAS:
        return None  # "will stay closed": the participle is an adjective, "stay" is the verb
    saw_be = False
    for aux in reversed(before):
        if aux in FUTURE_WORDS:
            return "future"
        if aux == "to":
            if saw_be:
                return "future"  # "to be held"
            break  # "the three months to February rose": "to" is a preposition
        saw_be = saw_be or aux == "be"
        if aux in MODALS:
            return "past" if "have" in before else "present"
        if aux in PAST_AUX:
            return "past"
        if aux in PRESENT_AUX:
            return "present"
        if aux not in ("be", "been", "being", "not", "also", "already", "just", "never"):
            break
    if before and before[-1] == "be":
        return None
    if word in _SAME_FORM:  # "storms cut power at the weekend": news narrates in the past;
        if before and before[-1] in _NOT_A_PAST:  # "plans to cut", "a cut", "they hit"
            return None
        return "past"
    return "past" if word in IRREGULAR_PAST or word.endswith("ed") else None


def _and_clause(tokens: list[str], k: int) -> bool:
    """ ", and" starts a new clause with its own verb: "has been grounded since March, and
    the company hopes to return it in the fourth quarter"."""
    return tokens[k] == "and" and k > 0 and tokens[k - 1] == ","


def _clause_tokens(
    left_tokens: list[str], right_tokens: list[str], split_and: bool = True
) -> tuple[list[str], list[str]]:
    for k in range(len(left_tokens) - 1, -1, -1):
        token = left_tokens[k]
        if (
            token in _HARD_BREAK
            or token in CLAUSE_BREAKS
            or (split_and and _and_clause(left_tokens, k))
        ):
            left_tokens = left_tokens[k + 1 :]
            break
    for k, token in enumerate(right_tokens):
        if (
            token in _HARD_BREAK
            or token in CLAUSE_BREAKS
            or (split_and and _and_clause(right_tokens, k))
        ):
            right_tokens = right_tokens[:k]
            break
    return left_tokens, right_tokens


def tense_at(text: str, start: int, end: int) -> Tense | None:
    """The tense of the clause holding text[start:end], or None when nothing tells.

    A clause after ", and" with no verb we can read ("and trading resumes Monday")
    borrows the tense of the sentence before it ("Markets will be closed ...").
    """
    left = _tokens(text[max(0, start - _WINDOW) : start])
    right = _tokens(text[end : end + _WINDOW])
    found = _tense_in(*_clause_tokens(left, right))
    return found if found is not None else _tense_in(*_clause_tokens(left, right, False))


def _tense_in(left_tokens: list[str], right_tokens: list[str]) -> Tense | None:
    best: tuple[int, Tense] | None = None
    for k in range(len(left_tokens) - 1, -1, -1):
        found = _verb_tense(left_tokens, k)
        if found:
            best = (len(left_tokens) - k, found)
            break
    context = left_tokens + right_tokens
    offset = len(left_tokens)
    for k in range(len(right_tokens)):
        if best is not None and (k + 1 >= best[0] or right_tokens[k] == ","):
            break  # "will travel on Thursday, his office said": the left verb owns it
        found = _verb_tense(context, offset + k)
        if found:
            best = (k + 1, found)
            break
    phrase = " ".join(left_tokens[-10:])
    if (best is None or best[1] != "past") and _FUTURE_PHRASES.search(phrase):
        return "future"
    return best[1] if best else None
