"""Rules for relative and non-calendar expressions: weekdays, today, last week, the
previous day, three years ago, recently, durations, sets and clock times.
"""

from __future__ import annotations

import re

from desktop.extract import patterns as P
from desktop.extract.candidate import Candidate, add, verb_last, word_after, word_before
from desktop.extract.lexicon import (
    FIGURATIVE_TOMORROW_NOUNS,
    MOD_QUALIFIER,
    NAMED_DAY_ADJECTIVES,
    NUMBER_WORDS,
    PARTS_OF_DAY,
    VAGUE_NUMBERS,
    WEEKDAY_NAME_TAILS,
    WEEKDAYS,
)

_UNIT_CODE = {
    "week": "W",
    "month": "M",
    "year": "Y",
    "day": "D",
    "weekend": "WE",
    "quarter": "Q",
    "decade": "DE",
    "century": "CE",
}
_ANAPHORIC_DAY = frozenset(
    {
        "the previous",
        "the following",
        "the next",
        "the same",
        "that",
        "the preceding",
        "the prior",
        "next",
    }
)
_PERIOD_CUES = frozenset({"for", "in", "during", "throughout"})
_BARE_AGO = re.compile(r"\b(?:weeks|months|years|decades|centuries)\s+$")
_CAME = re.compile(r"\b(?:came|comes|come|coming)\s*$")
_SET_VALUES = {
    "day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "morning": "TMO",
    "evening": "TEV", "night": "TNI", "daily": "P1D", "weekly": "P1W", "monthly": "P1M",
    "annually": "P1Y", "yearly": "P1Y", "nightly": "TNI", "hourly": "PT1H",
}  # fmt: skip


def unit_of(raw: str) -> str:
    raw = raw.lower()
    return "century" if raw.startswith("centur") else raw.rstrip("s")


def number_of(raw: str) -> int | None:
    """3 for "three" or "3"; None for vague amounts ("several", "a few")."""
    words = re.sub(r"\s+", " ", raw.lower())
    if words in VAGUE_NUMBERS:
        return None
    if words.isdigit():
        return int(words)
    if words in NUMBER_WORDS:
        return NUMBER_WORDS[words]
    return sum(NUMBER_WORDS.get(p, 0) for p in re.split(r"[- ]", words)) or None


def duration_value(n: float | None, unit: str) -> str:
    count = "X" if n is None else (f"{n:g}" if isinstance(n, float) else str(n))
    if unit in ("minute", "hour"):
        return f"PT{count}{'H' if unit == 'hour' else 'M'}"
    return f"P{count}{_UNIT_CODE.get(unit, 'D')}"


def weekdays(text: str, low: str, out: list[Candidate]) -> None:
    """Weekday names, "last Friday", "Friday's", "Friday night", "on Fridays"."""
    for m in P.scan(P.WEEKDAY, low):
        tail = word_after(text, m.end())
        if tail[:1].isupper() and tail.lower() in WEEKDAY_NAME_TAILS:
            continue  # "Sunday Times"
        head = word_before(text, m.start())
        if head[:1].isupper() and head.lower() in NAMED_DAY_ADJECTIVES:
            continue  # "Bloody Sunday", "Black Friday": a name, not the nearest such day
        left, offset = P.left_match(low, m.start(), P.LEFT_WEEKDAY_REL) or (None, 0)
        start = offset + left.start() if left else m.start()
        end = m.end("wd") if m["poss"] and not m["part"] else m.end()
        add(
            out,
            start,
            end,
            "weekday",
            5,
            wd=WEEKDAYS.index(m["wd"]),
            rel=left["rel"] if left else "",
            part=m["part"],
        )
    for m in P.scan(P.WEEKDAY_PLURAL, low):
        if low[max(0, m.start() - 3) : m.start()] == "on ":
            add(out, m.start(), m.end(), "set", 5, value=f"XXXX-WXX-{WEEKDAYS.index(m['wd']) + 1}")


def _figurative_tomorrow(low: str, m: re.Match[str]) -> bool:
    """ "the schools of tomorrow", "tomorrow's leaders": the future in general."""
    if low[max(0, m.start() - 3) : m.start()] == "of ":
        return True
    return bool(m["poss"]) and word_after(low, m.end()) in FIGURATIVE_TOMORROW_NOUNS


def deictic(text: str, low: str, out: list[Candidate]) -> None:
    """today, yesterday, last night, this week, the previous day, the end of the month."""
    for m in P.scan(P.DEICTIC, low):
        if m["w"]:
            word = m["w"]
            if word == "tomorrow" and _figurative_tomorrow(low, m):
                continue
            days = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
            part = "night" if word == "tonight" else m["part"]
            end = m.end("w") if m["poss"] and not m["part"] else m.end()
            add(out, m.start(), end, "deictic", 4, days=days, part=part)
        elif m["ba"]:
            add(
                out,
                m.start(),
                m.end(),
                "deictic",
                4,
                days=-2 if m["ba"].startswith("before") else 2,
                part=None,
            )
        else:
            add(
                out,
                m.start(),
                m.end(),
                "deictic",
                4,
                days=-1 if m["rel2"] == "last" else 0,
                part=m["part2"],
            )
    for m in P.scan(P.REL_UNIT, low):
        rel = re.sub(r"\s+", " ", m["rel"])
        unit = m["unit"]
        if verb_last(low, m.start()):
            continue
        end = m.end("unit")
        if rel in ("the past", "the last") and unit != "day":
            if rel == "the last" and word_after(low, end) == "of":
                continue
            add(out, m.start(), end, "duration", 6, value=f"P1{_UNIT_CODE[unit]}")
        elif unit in ("day", *PARTS_OF_DAY) and rel not in _ANAPHORIC_DAY:
            continue  # "last night" is deictic (see DEICTIC); "this day" is not a date
        elif rel == "the present":
            add(out, m.start(), end, "vague", 6, value="PRESENT_REF")
        else:
            add(out, m.start(), end, "relunit", 5, rel=rel, unit=unit)
    for m in P.scan(P.PERIOD_PART, low):
        add(
            out,
            m.start(),
            m.end(),
            "relunit",
            4,
            rel="this",
            unit=m["unit"],
            mod=MOD_QUALIFIER[m["mod"]],
        )
    for m in P.scan(P.THE_PERIOD, low):
        if word_before(low, m.start()) in _PERIOD_CUES and text[m.end() - 1].islower():
            add(out, m.start(), m.end(), "theperiod", 8, unit=m["unit"])
    for m in P.scan(P.THE_WEEKEND, low):
        add(out, m.start(), m.end(), "relunit", 6, rel="the", unit="weekend")
    for m in P.scan(P.DAY_BEFORE, low):
        add(
            out,
            m.start(),
            m.end(),
            "relunit",
            5,
            unit=m["unit"],
            rel="the previous" if m["dir"] == "before" else "the following",
        )


def offsets(text: str, low: str, out: list[Candidate]) -> None:
    """ "three years ago", "two days later", "came a day after"."""
    for m in P.scan(P.OFFSET, low):
        left = P.left_match(low, m.start(), P.LEFT_OFFSET)
        if not left:
            bare = P.left_match(low, m.start(), _BARE_AGO) if m["dir"] == "ago" else None
            if bare:  # "years ago", "decades ago": some time back, no number to count
                add(out, bare[1] + bare[0].start(), m.end(), "vague", 5, value="PAST_REF")
            continue
        found, offset = left
        start = offset + found.start()
        direction = re.sub(r"\s+", " ", m["dir"])
        inverse = direction in ("after", "before") and bool(
            _CAME.search(low[max(0, start - 14) : start])
        )
        if direction in ("after", "before") and not inverse:
            continue
        add(
            out,
            start,
            m.end(),
            "offset",
            4,
            n=number_of(found["n"]),
            unit=unit_of(found["unit"]),
            dir=direction,
            hedge=found["hedge"],
            inverse=inverse,
        )


def others(text: str, low: str, out: list[Candidate]) -> None:
    """Vague references, durations, sets and clock times."""
    for m in P.scan(P.VAGUE, low):
        value = "PAST_REF" if m["past"] else "PRESENT_REF" if m["present"] else "FUTURE_REF"
        add(out, m.start(), m.end(), "vague", 6, value=value)
    for m in P.scan(P.PAST_N, low):
        if verb_last(low, m.start()):
            continue
        the = P.left_match(low, m.start(), P.LEFT_THE)
        start = the[1] + the[0].start() if the else m.start()
        n, unit = number_of(m["n"]), unit_of(m["unit"])
        if n is None:
            value = "FUTURE_REF" if m["rel"] in ("next", "coming") else "PAST_REF"
            add(out, start, m.end(), "vague", 5, value=value)
        else:
            add(out, start, m.end(), "duration", 5, value=duration_value(n, unit))
    for m in P.scan(P.DURATION, low):
        left = P.left_match(low, m.start(), P.LEFT_DURATION)
        if not left:
            continue
        found, offset = left
        raw = found["n"]
        n: float | None = float(raw) if re.fullmatch(r"\d+\.\d+", raw) else number_of(raw)
        if found["half"] and n is not None:
            n = n + 0.5
        add(
            out,
            offset + found.start(),
            m.end(),
            "duration",
            7,
            value=duration_value(n, unit_of(m["unit"])),
        )
    for m in P.scan(P.BARE_DURATION, low):
        key = "unit" if m["unit"] else "unit2"
        add(
            out,
            m.start(key),
            m.end(key),
            "duration",
            8,
            value=duration_value(None, unit_of(m[key])),
        )
    for m in P.scan(P.SET, low):
        word = m["u"] or m["u2"] or m["adv"]
        value = _SET_VALUES.get(word) or f"XXXX-WXX-{WEEKDAYS.index(word) + 1}"
        add(out, m.start(), m.end(), "set", 5, value=value)
    for m in P.scan(P.CLOCK_TIME, low):
        if m["w"]:
            hh, mm = (0, 0) if m["w"] == "midnight" else (12, 0)
        elif m["hh"] is not None:
            if not (m["ap"] or m["tz"] or len(m["hh"]) == 2):
                continue
            hh, mm = _clock(m["hh"], m["mm"], m["ap"])
        else:
            hh, mm = _clock(m["h2"], m["m2"], m["ap2"])
        if re.match(r"[.:]\d", low[m.end() : m.end() + 2]):
            continue
        add(out, m.start(), m.end(), "time", 5, hh=hh, mm=mm)


def _clock(hh: str, mm: str | None, ap: str | None) -> tuple[int, int]:
    hour, minute = int(hh), int(mm or 0)
    if ap:
        hour = hour % 12 + (12 if ap.startswith("p") else 0)
    return hour, minute
