"""Rules for informal writing: the posts, messages and comments analysts collect.

"heavy shelling last nite", "convoy crosses tmrw", "protest on sat", "fuel doubled this
wknd", "no flights until after xmas". The short weekday names are also words ("he sat
down", "the sun", "newly wed"), so the ambiguous ones count only after a word that
takes a day ("on sat", "since mon", "next wed").
"""

from __future__ import annotations

from desktop.extract import patterns as P
from desktop.extract.candidate import Candidate, add, word_before

_WEEKDAY_INDEX = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "weds": 2, "thu": 3, "thur": 3,
                  "thurs": 3, "fri": 4, "sat": 5, "sun": 6}  # fmt: skip
_AMBIGUOUS = frozenset({"mon", "wed", "sat", "sun", "thu", "tue"})
_TAKES_A_DAY = frozenset(
    "on this next last since until till til by from before after coming past previous "
    "starting for".split()
)
_RELS = frozenset({"this", "next", "last", "coming", "past", "previous"})
_HOLIDAYS = {"eve": "christmas eve", "day": "christmas day", None: "christmas"}


def informal(text: str, low: str, out: list[Candidate]) -> None:
    """Adds candidates of the ordinary kinds for informal spellings."""
    for m in P.scan(P.SLANG_DAY, low):
        word = m["w"]
        night = word in ("tonite", "tnite")
        part = "night" if night or m["part"] == "nite" else m["part"]
        add(out, m.start(), m.end(), "deictic", 4, days=0 if night else 1, part=part)
    for m in P.scan(P.SLANG_LAST_NIGHT, low):
        add(out, m.start(), m.end(), "deictic", 4, days=-1, part="night")
    for m in P.scan(P.SHORT_WEEKDAY, low):
        wd = m["wd"]
        before = word_before(low, m.start())
        if wd in _AMBIGUOUS and before not in _TAKES_A_DAY:
            continue
        if before in ("the", "a", "an"):
            continue
        rel = before if before in _RELS else ""
        start = m.start() - len(before) - 1 if rel and low[m.start() - 1] == " " else m.start()
        part = "night" if m["part"] == "nite" else m["part"]
        end = m.end() if part else m.end("wd")
        add(out, start, end, "weekday", 5, wd=_WEEKDAY_INDEX[wd], rel=rel, part=part)
    for m in P.scan(P.SLANG_WEEKEND, low):
        before = word_before(low, m.start())
        rel = before if before in _RELS else "the"
        start = m.start() - len(before) - 1 if before in _RELS or before == "the" else m.start()
        add(out, max(0, start), m.end(), "relunit", 5, rel=rel, unit="weekend")
    for m in P.scan(P.SLANG_HOLIDAY, low):
        if m["h"] == "nye":
            if text[m.start() : m.end()] != "NYE":
                continue  # "Bill Nye"
            name = "new year's eve"
        else:
            name = _HOLIDAYS[m["which"]]
        add(out, m.start(), m.end(), "holiday", 4, name=name, y=None)
