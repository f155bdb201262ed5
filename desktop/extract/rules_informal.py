"""Rules for informal writing: the posts, messages and comments analysts collect.

"heavy shelling last nite", "convoy crosses tmrw", "protest on sat", "fuel doubled this
wknd", "no flights until after xmas". The short weekday names are also words ("he sat
down", "the sun", "newly wed"), so the ambiguous ones count only after a word that
takes a day ("on sat", "since mon", "next wed").
"""

from __future__ import annotations

import re

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
_DAYS = {"tmrw": (1, False), "tmrrw": (1, False), "tmrow": (1, False), "tmr": (1, False),
         "tmw": (1, False), "2moro": (1, False), "2morro": (1, False), "2morrow": (1, False),
         "2mrw": (1, False), "tonite": (0, True), "tnite": (0, True), "2nite": (0, True),
         "2day": (0, False), "yday": (-1, False), "ystrdy": (-1, False), "yest": (-1, False)}
_PARTS = {"mornin": "morning", "arvo": "afternoon", "evenin": "evening", "nite": "night"}
_UNITS = {"wk": "week", "mo": "month", "yr": "year"}
_COUNTS = {"a": 1, "an": 1, "a couple of": 2, "couple of": 2}


def informal(text: str, low: str, out: list[Candidate]) -> None:
    """Adds candidates of the ordinary kinds for informal spellings."""
    for m in P.scan(P.SLANG_DAY, low):
        days, night = _DAYS[m["w"]]
        part = "night" if night else _PARTS.get(m["part"], m["part"])
        add(out, m.start(), m.end(), "deictic", 4, days=days, part=part)
    for m in P.scan(P.SLANG_PART, low):
        days = -1 if m["rel"] == "last" else 0
        add(out, m.start(), m.end(), "deictic", 4, days=days, part=_PARTS[m["part"]])
    for m in P.scan(P.SHORT_WEEKDAY, low):
        wd = m["wd"]
        before = word_before(low, m.start())
        if wd in _AMBIGUOUS and before not in _TAKES_A_DAY and not m["part"]:
            continue  # "he sat down"; "mon nite" is a night
        if before in ("the", "a", "an"):
            continue
        rel = before if before in _RELS else ""
        start = m.start() - len(before) - 1 if rel and low[m.start() - 1] == " " else m.start()
        part = _PARTS.get(m["part"], m["part"])
        end = m.end() if part else m.end("wd")
        add(out, start, end, "weekday", 5, wd=_WEEKDAY_INDEX[wd[:3]], rel=rel, part=part)
    for m in P.scan(P.WEEKDAY_ORDINAL, low):
        wd = m["wd"]
        if wd in _AMBIGUOUS and word_before(low, m.start()) not in _TAKES_A_DAY:
            if text[m.start()].islower():
                continue
        add(out, m.start(), m.end(), "weekday_day", 2, wd=_WEEKDAY_INDEX[wd[:3]], d=int(m["d"]))
    for m in P.scan(P.SLANG_WEEKEND, low):
        before = word_before(low, m.start())
        rel = before if before in _RELS else "the"
        start = m.start() - len(before) - 1 if before in _RELS or before == "the" else m.start()
        add(out, max(0, start), m.end(), "relunit", 5, rel=rel, unit="weekend")
    for m in P.scan(P.SLANG_REL_UNIT, low):
        rel, unit = m["rel"], m["unit"]
        if rel != "nxt" and unit not in _UNITS:
            continue  # "next week" is the ordinary rule's
        rel = "next" if rel == "nxt" else rel
        add(out, m.start(), m.end(), "relunit", 5, rel=rel, unit=_UNITS.get(unit, unit))
    for m in P.scan(P.SLANG_AGO, low):
        left = P.left_match(low, m.start(), P.LEFT_SLANG_AGO)
        if left is None:
            continue
        found, offset = left
        n = _COUNTS.get(re.sub(r"\s+", " ", found["n"]), None)
        if n is None and found["n"].isdigit():
            n = int(found["n"])
        unit = _UNITS[found["unit"].rstrip("s")]
        add(out, offset + found.start(), m.end(), "offset", 4, n=n, unit=unit, dir="ago",
            hedge=None, inverse=False)  # fmt: skip
    for m in P.scan(P.SLANG_HOLIDAY, low):
        if m["h"] == "nye":
            if text[m.start() : m.end()] != "NYE":
                continue  # "Bill Nye"
            name = "new year's eve"
        else:
            name = _HOLIDAYS[m["which"]]
        add(out, m.start(), m.end(), "holiday", 4, name=name, y=None)
