"""The extractor's shortcuts (runs of empty lines passed over, trigger-only word index)
give exactly what the long way gives."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from pathlib import Path

from desktop.extract import patterns as P
from desktop.extract import suggest

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_c642a9b2882cce44.txt"


def _shift(items, by: int) -> list:
    def at(v):
        return None if v is None else v + by

    return [dataclasses.replace(s, start=s.start + by, end=s.end + by,
                                timex_start=at(s.timex_start), timex_end=at(s.timex_end))
            for s in items]  # fmt: skip


def test_lines_with_nothing_to_read_change_no_suggestion() -> None:
    text = SEED.read_text(encoding="utf-8")
    alone = suggest(text, date(2018, 9, 14))
    filler = "a\n" * 5000 + "b c d\n\n  x y\n"
    padded = suggest(filler + text, date(2018, 9, 14))
    assert alone and padded == _shift(alone, len(filler))


def test_filler_between_paragraphs_keeps_their_suggestions() -> None:
    text = SEED.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    padded = "".join(line + "zz\n" * 3 for line in lines)
    got = [(s.title, s.value, s.anchor, s.actors) for s in suggest(padded, date(2018, 9, 14))]
    want = [(s.title, s.value, s.anchor, s.actors) for s in suggest(text, date(2018, 9, 14))]
    assert got == want


def _every_token(low: str) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for m in re.finditer(r"[a-z]+|\d+", low):
        token = m.group()
        key = f"#{min(len(token), 5)}" if token[0].isdigit() else token
        out.setdefault(key, []).append(m.start())
    return out


def test_trigger_index_matches_a_full_word_index() -> None:
    text = (SEED.read_text(encoding="utf-8") + " Lastly, the12 May2019 thesis 1999s todays "
            "Today's 3-day weekends, x2021y, ２０２０ midnights mid-May afternoon")  # fmt: skip
    low = P.lowered(text)
    wanted = {k.lstrip("'") for keys in P.TRIGGERS.values() for k in keys}
    full = {k: v for k, v in _every_token(str(low)).items() if k in wanted or k[0] == "#"}
    the = full.pop("the")
    assert set(low.positions.pop("the")) < set(the)  # only where a pattern can go on
    assert low.positions == full
    assert "lastly" not in low.positions


_THE_PHRASES = (
    "the day before yesterday, the day after tomorrow, the coming week, the past year, the "
    "previous month, the following day, the next week, the same day, the current quarter, "
    "the last decade, the preceding week, the prior year, the present day, until the present, "
    "the very end of the month, the beginning of this year, the start of the week, the middle "
    "of the decade, the turn of the century, the close of the year, the 3rd, the 21st, the "
    "weekend, for the quarter, during the year, the near future, the distant future, the "
    "future, in the\u00a0coming days, the\nweek before, THE DAY BEFORE, the dog, the end, "
    "then the 12th, the week after the vote, the year after profit rose"
)


def test_patterns_starting_with_the_miss_no_match_the_index_skips() -> None:
    """The index keeps "the" only before a word some pattern can go on with: trying each
    pattern at every "the" finds nothing more."""
    text = SEED.read_text(encoding="utf-8") + " " + _THE_PHRASES
    low = P.lowered(text)
    plain = str(low)
    every_the = [m.start() for m in re.finditer(r"(?<![a-z])the(?![a-z])", plain)]
    tried = 0
    for pattern, keys in P.TRIGGERS.items():
        if "the" not in keys:
            continue
        found = {m.span() for m in P.scan(pattern, low)}
        for at in every_the:
            m = pattern.match(plain, at)
            if m and not (at and plain[at - 1] in P.WORD_CHARS):
                tried += 1
                assert m.span() in found, (pattern.pattern[:40], plain[at : at + 30])
    assert tried > 30


def test_word_before_reads_backwards_what_the_regex_found() -> None:
    import random

    from desktop.extract.mentions import _word_before

    pattern = re.compile(r"([A-Za-z][\w-]*)[\s,]*$")
    rng = random.Random(7)
    alphabet = "ab Z9_-, \n\té’'.()"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        start, floor = rng.randint(0, len(text)), rng.randint(0, 20)
        m = pattern.search(text, max(floor, start - 40), start)
        assert _word_before(text, start, floor) == (m.group(1).lower() if m else ""), text


def test_spaced_words_are_the_runs_between_two_spaces() -> None:
    from desktop.extract.actors import _spaced_words

    texts = ("a b c", " a  b\nc d ", "", "one", "x  y", "  ", "Rebels shelled the\ttown , then")
    for text in texts:
        want = frozenset(m.group() for m in re.finditer(r"(?<= )[^ ]+(?= )", text))
        assert _spaced_words(text) == want, text
