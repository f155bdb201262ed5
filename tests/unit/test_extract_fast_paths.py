"""The faster spellings of the tagger's and the anchoring's regexes and checks give the
answers of the plain spellings they replaced (issue 12), on the seed articles, the test
articles and the corner cases each rewrite depends on."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from desktop.extract import patterns as P
from desktop.extract import roles
from desktop.extract.anchoring import _FIRST_OR_SECOND_PERSON
from desktop.extract.sentences import _END, split_sentences
from desktop.extract.suggest import _is_heading
from desktop.temporal.dateline import _YEARISH

ROOT = Path(__file__).resolve().parent.parent.parent
EDGES = [
    "We met. we, our, Our; you You your Yours us Us bus thus_us _we 1we éwe U.S. US",
    "Q3 2018 xQ3 Q4. (Q1) Q12 Q2 20199 _Q3 éQ3 Q3",
    "ſales rose", "İncome fell", "Kelvin \u212a", "ANNIVERSARY OF THE ", "BY ", "Down From 9% ",
    "Eastern Christmas New Year", "He left!!! Then?! \"Why?\" she asked.) Next", "٢٠١٨ 2018",
]


def _texts() -> list[str]:
    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests/data").rglob("*.txt"))
    return [p.read_text(encoding="utf-8", errors="replace") for p in files] + EDGES


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    ("fast", "plain"),
    [
        (_FIRST_OR_SECOND_PERSON, r"\b(?:[Ww]e|[Oo]ur|[Yy]ou|[Yy]our|[Uu]s)\b"),
        (P.Q_SHORT, r"\bQ(?P<qn>[1-4])(?:\s+(?P<y>(?:19|20)\d{2}))?\b"),
        (_YEARISH, r"\d{4}"),
        (_END, _END.pattern.replace("[.!?؟][.!?؟]*", "[.!?؟]+", 1)),
        (P.ANY_HOLIDAY_WORD, "|".join(map(re.escape, P.HOLIDAY_WORDS))),
    ],
)
def test_charset_first_patterns_match_what_the_plain_ones_matched(fast, plain) -> None:
    plain_pattern = re.compile(plain)
    assert fast.pattern != plain or fast is P.ANY_HOLIDAY_WORD
    for text in _texts():
        assert _spans(fast, text) == _spans(plain_pattern, text)


def test_any_holiday_word_is_the_substring_test() -> None:
    for text in _texts():
        found = P.ANY_HOLIDAY_WORD.search(text) is not None
        assert found == any(w in text for w in P.HOLIDAY_WORDS)
    assert P.ANY_HOLIDAY_WORD.search("an Eastern front") is not None  # "Easter": as before


def test_heading_test_is_the_end_mark_regex() -> None:
    end_mark = re.compile(r"[.!?][\"'”’)\]]*$")
    for text in _texts():
        for start, end in split_sentences(text):
            sentence = text[start:end]
            old = not end_mark.search(sentence) or len(sentence.split()) < 5
            assert _is_heading(sentence) == old, sentence


def test_case_blind_patterns_agree_with_ignorecase() -> None:
    blind = [v for v in vars(roles).values() if isinstance(v, roles._CaseBlind)]
    assert len(blind) >= 9
    rnd = random.Random(12)
    windows = list(EDGES) + ["The Highest since ", "its Lowest Level Since the start of "]
    for text in _texts():
        for _ in range(60):
            at = rnd.randrange(max(1, len(text)))
            windows.append(text[at : at + rnd.choice((24, 40, 80, 300))])
    hits = 0
    for window in windows:
        for pattern in blind:
            expected = pattern.blind.search(window) is not None
            assert pattern.search(window) == expected, (pattern.folded.pattern, window)
            assert pattern.match(window) == (pattern.blind.match(window) is not None)
            hits += expected
    assert hits > 0
    assert roles._SUPERLATIVE_SINCE.search("its Highest level SINCE ")
    assert roles._FINANCE.search("ſales rose")  # not ASCII: read case-blind, as before
    with pytest.raises(ValueError):
        roles._CaseBlind(r"\bMay\b")
