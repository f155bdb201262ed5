"""The tagger's lower-casing keeps every offset: only A-Z change (issue 12's speed work
replaced a character table with the bytes' lower(); the two must agree)."""

from __future__ import annotations

import string

from desktop.extract.patterns import ascii_lower, lowered

_TABLE = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def test_only_ascii_capitals_are_lowered() -> None:
    text = "ON Friday İstanbul’s ΣΟΦΙΑ met ÀÉ ẞ\ud800 – “Quoted” 12 MAY"
    assert ascii_lower(text) == text.translate(_TABLE)
    assert ascii_lower(text) == "on friday İstanbul’s ΣΟΦΙΑ met ÀÉ ẞ\ud800 – “quoted” 12 may"


def test_positions_stay_those_of_the_text() -> None:
    text = "Über “Sunday”, on MONDAY the week began."
    low = lowered(text)
    assert len(low) == len(text)
    assert text[low.positions["monday"][0] :].startswith("MONDAY")
