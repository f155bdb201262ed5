"""Rules for calendar expressions: dates, months, years, decades, seasons, quarters.

Each rule reads the lower-cased copy `low` and checks capitals in the original `text`.
Traps live here: "may" the verb, "a march", "resolution 2254", "25,000 people".
"""

from __future__ import annotations

import re

from desktop.extract import patterns as P
from desktop.extract.candidate import (
    Candidate,
    add,
    at_sentence_start,
    capitalised,
    month_number,
    word_after,
    word_before,
)
from desktop.extract.lexicon import (
    AMBIGUOUS_MONTHS,
    COUNT_BEFORE,
    COUNT_NOUNS,
    MONTH_CUES,
    MONTHS,
    ORDINALS,
    SEASONS,
    WEAK_MONTH_CUES,
    YEAR_CUES,
)

_MONTH_NEAR = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september"
    r"|october|november|december)\b"
)
_YEAR_NEAR = re.compile(r"\b(?:1\d{3}|20\d{2})\b")
_ADJACENT = re.compile(r"[ \t]+([\w'’-]+)")
_RANGE_YEAR = re.compile(r",?\s*(1\d{3}|20\d{2})\b")
_OF = re.compile(r"(?:st|nd|rd|th)?\s+of\b")
_PERIOD_WORD = re.compile(r"\b(?:mid|early|late|pre|post|end|start)$")
_DAY_CUES = frozenset({"on", "by", "until", "till", "since", "from", "before", "after", "to"})
_FUNCTION_WORDS = frozenset(
    {
        "the",
        "a",
        "an",
        "this",
        "that",
        "its",
        "their",
        "his",
        "her",
        "our",
        "in",
        "since",
        "by",
        "of",
        "from",
        "after",
        "before",
    }
)
_THAT_CUES = frozenset({"in", "during", "by", "of", "until", "since", "through"})
_TENS = "twenties thirties forties fifties sixties seventies eighties nineties".split()


def year_in_context(text: str, low: str, start: int, end: int) -> bool:
    """Whether a lone four-digit number reads as a year here (not 25,000 or resolution 2254)."""
    adjacent = _ADJACENT.match(low, end, min(len(low), end + 30))
    if adjacent and adjacent.group(1) in COUNT_NOUNS:
        return False
    if low[end : end + 9].lstrip().startswith(("per cent", "percent")):
        return False
    if any(ch in low[max(0, start - 2) : start] for ch in "$€£#"):
        return False
    if start and low[start - 1] == "-":
        return bool(_PERIOD_WORD.search(low, max(0, start - 6), start - 1))  # "mid-2016"
    before_raw = word_before(text, start)
    before = before_raw.lower()
    if before in ("to", "and", "or", "-", "–"):
        if before == "to" and (
            low[max(0, start - 8) : start].rstrip().endswith("back to")
            or low.startswith((" levels", " level"), end)
        ):
            return True  # "dates back to 1989", "returned to 2007 levels"
        return bool(_YEAR_NEAR.search(low[max(0, start - 24) : start]))
    if before in YEAR_CUES:
        return True
    if before[:3] in MONTHS and _MONTH_NEAR.fullmatch(before.rstrip(".,")):
        return True
    if before in COUNT_BEFORE:
        return False
    if at_sentence_start(text, start):
        return True
    if capitalised(before_raw) and before_raw.isalpha() and before not in _FUNCTION_WORDS:
        return False  # "Route 2016", "Vision 2030"
    return 1900 <= int(low[start:end]) <= 2040


def _keep_month_alone(text: str, low: str, start: int, end: int) -> bool:
    token = text[start:end]
    if token.islower() and word_before(low, start).rstrip("-") in ("mid", "early", "late"):
        return True  # "pushed back to mid march" in a post
    if not (capitalised(token) and (token[1:].islower() or token.isupper())):
        return False
    after = word_after(text, end)
    if (
        after[:1].isupper()
        and after.isalpha()
        and after.lower()[:3] not in MONTHS
        and word_before(low, start).rstrip("-") not in MONTH_CUES
        and text[end : end + 1] == " "
    ):
        return False  # a first name: "correspondent April Ryan", "June Carter sang"
    if token.lower() not in AMBIGUOUS_MONTHS:
        return True
    if low.startswith(("'s", "’s"), end):
        return False  # "May's government"
    before = word_before(low, start)
    if before in ("end-", "start-", "mid-"):
        return True
    before = before.rstrip("-")
    if before in MONTH_CUES and (
        before not in WEAK_MONTH_CUES or before == "by" != token.lower()[:3]
    ):
        return True  # "by March" is a deadline; "by May" is often Theresa May
    if before in WEAK_MONTH_CUES and before != "by":
        return bool(_MONTH_NEAR.search(low[max(0, start - 30) : start - len(before) - 1]))
    return False


def _anaphoric_that(text: str, low: str, start: int) -> bool:
    """ "That October" or "in that October" points back to a year named before; the
    conjunction in "said that October sales rose" does not."""
    return at_sentence_start(text, start) or word_before(low, start) in _THAT_CUES


def dates(text: str, low: str, out: list[Candidate], dayfirst: bool) -> None:
    """Full and partial calendar dates, with weekday prefixes and range partners."""
    for m in P.scan(P.ISO, low, P.NUMBER_LEFT):
        add(
            out,
            m.start(),
            m.end(),
            "date",
            1,
            y=int(m["y"]),
            m=int(m["m"]),
            d=int(m["d"]),
            hh=m["hh"],
            mm=m["mm"],
        )
    for m in P.scan(P.NUMERIC, low, P.NUMBER_LEFT):
        if m["sep"] == "." and len(m["y"]) == 2:
            continue
        a, b = int(m["a"]), int(m["b"])
        day, month = (a, b) if dayfirst or m["sep"] == "." else (b, a)  # 05.09.2018 is European
        if month > 12 and day <= 12:
            day, month = month, day
        year = int(m["y"])
        if len(m["y"]) == 2:
            year += 2000 if year < 50 else 1900
        add(out, m.start(), m.end(), "date", 2, y=year, m=month, d=day)
    for pattern in (P.DMY, P.MDY):
        for m in P.scan(pattern, low):
            token = text[m.start("mon") : m.end("mon")]
            if not capitalised(token) and (not token.islower() or token == "may"):
                continue  # "dec 15" in a post is a date; "may 15" may be a verb
            start, end, wd = m.start(), m.end(), None
            left = P.left_match(low, start, P.LEFT_WEEKDAY)
            if left and capitalised(text[left[1] + left[0].start("wd")]):
                wd = left[0]["wd"]
                start = left[1] + left[0].start("wd")
            elif pattern is P.DMY:
                the = P.left_match(low, start, P.LEFT_THE)
                if the and _OF.match(low, m.end("d")):
                    start = the[1] + the[0].start()
            if m["hh"] is None and low[end - 1] in " ,":
                end -= 1
            y = int(m["y"]) if m["y"] else None
            add(
                out,
                start,
                end,
                "date",
                3,
                y=y,
                m=month_number(m["mon"]),
                d=int(m["d"]),
                hh=m["hh"],
                mm=m["mm"],
                ap=m["ap"],
                wd=wd,
            )
            _range_partner(low, out, m, y)
    for m in P.scan(P.MY, low):
        if capitalised(text[m.start("mon") : m.end("mon")]):
            add(out, m.start(), m.end(), "month", 4, y=int(m["y"]), m=month_number(m["mon"]))
    for m in P.scan(P.MONTH_ALONE, low):
        if not _keep_month_alone(text, low, m.start(), m.end("mon")):
            continue
        start, end, rel, rel_year = m.start(), m.end("mon"), "", None
        left = P.left_match(low, start, P.LEFT_MONTH_REL)
        rel_start = left[1] + left[0].start() if left else start
        if left and (left[0]["rel"] != "that" or _anaphoric_that(text, low, rel_start)):
            start, rel = left[1] + left[0].start(), left[0]["rel"]
        right = P.RIGHT_MONTH_YEAR.match(low, end)
        if right and not rel:
            end, rel_year = right.end(), {"last": -1, "this": 0, "next": 1}[right["rel"]]
        add(
            out,
            start,
            end,
            "month",
            6,
            y=None,
            m=month_number(m["mon"]),
            rel=rel,
            rel_year=rel_year,
        )
    for m in P.scan(P.DAY_ORDINAL, low):
        before = word_before(low, m.start())
        after = word_after(low, m.end())
        if before in _DAY_CUES and (not after[:1].isalpha() or after in _AFTER_A_DAY):
            add(out, m.start(), m.end(), "dayonly", 6, d=int(m["d"]))


# Words that may follow a bare "on the 8th" (not a noun it modifies: "the 8th floor").
_AFTER_A_DAY = frozenset("and or to they we he she it i you but when if because so while at "
                         "with until".split())  # fmt: skip


def _range_partner(low: str, out: list[Candidate], m: re.Match[str], year: int | None) -> None:
    """The bare day number at the other end of "4 to 7 March" or "March 4-7"."""
    month = month_number(m["mon"])
    if m.re is P.DMY:
        left = P.left_match(low, m.start(), P.RANGE_DAY_BEFORE)
        if left:
            found, offset = left
            add(
                out,
                offset + found.start("dd"),
                offset + found.end("dd"),
                "date",
                3,
                y=year,
                m=month,
                d=int(found["d"]),
            )
    elif not m["y"] and m["hh"] is None:
        right = P.RANGE_DAY_AFTER.match(low[m.end() : m.end() + 16])
        if right:
            end = m.end() + right.end("dd")
            y_match = _RANGE_YEAR.match(low, end)
            year = int(y_match.group(1)) if y_match else None
            add(
                out,
                m.end() + right.start("dd"),
                y_match.end() if y_match else end,
                "date",
                3,
                y=year,
                m=month,
                d=int(right["d"]),
            )
            if year is not None:
                out[-2].data["y"] = year  # "March 4-7, 2018": the year belongs to both


def years(text: str, low: str, out: list[Candidate]) -> None:
    """Years, year ranges, fiscal years, decades, centuries."""
    for m in P.scan(P.YEAR_RANGE, low, P.DIGIT_LEFT):
        y1, raw = int(m["y1"]), m["y2"]
        y2 = int(raw) if len(raw) == 4 else y1 // 100 * 100 + int(raw)
        if y1 < y2 <= y1 + 100 and word_after(low, m.end()) not in COUNT_NOUNS:
            add(out, m.start("y1"), m.end("y1"), "year", 4, y=y1)
            add(out, m.start("y2"), m.end("y2"), "year", 4, y=y2)
    for m in P.scan(P.YEAR_ALONE, low, P.DIGIT_LEFT):
        if year_in_context(text, low, m.start(), m.end()):
            add(out, m.start(), m.end(), "year", 7, y=int(m["y"]))
    for m in P.scan(P.FISCAL, low):
        add(out, m.start(), m.end(), "fiscal", 3, y=int(m["y"]))
    for m in P.scan(P.DECADE, low, P.WORD_CHARS):
        left, offset = P.left_match(low, m.start(), P.LEFT_DECADE) or (None, 0)
        start = offset + left.start() if left else m.start()
        if m["dec"]:
            first = int(m["dec"])
        elif m["dd"]:
            first = 1900 + int(m["dd"])
        elif m["d2"]:
            if not (left and left.group(0)):
                continue  # "90s" alone may be an age or a speed: "the 90s" is a decade
            first = 1900 + int(m["d2"])
        else:
            first = 1920 + 10 * _TENS.index(m["word"])
            if not low.startswith("the", start):
                continue
        add(out, start, m.end(), "decade", 3, first=first, mod=left and left["mod"])
    for m in P.scan(P.CENTURY, low):
        left = P.left_match(low, m.start(), P.LEFT_CENTURY)
        if not left:
            continue
        found, offset = left
        raw = found["n"].replace(" ", "-")
        n = int(re.sub(r"\D", "", raw)) if raw[0].isdigit() else ORDINALS.get(raw, 0)
        if n:
            add(
                out, offset + found.start(), m.end(), "century", 3, hundreds=n - 1, mod=found["mod"]
            )


# "the next spring" counts from the story's last date; "next spring" from today.
_STORY_SEASON = {"the next": "following", "the following": "following",
                 "the previous": "previous", "the preceding": "previous", "the same": "same"}


_SEASON_OF_YEAR = {"that": "that", "the same": "that", "the following": "following year",
                   "the next": "following year", "the previous": "previous year",
                   "this": "this year", "last": "last year", "next": "next year"}  # fmt: skip


def periods(text: str, low: str, out: list[Candidate]) -> None:
    """Holidays, seasons and quarters."""
    if P.ANY_HOLIDAY_WORD.search(text) is not None:
        for m in P.HOLIDAY.finditer(text):
            if m["h"].startswith("Independence") and text[: m.start()].endswith(("'s ", "’s ")):
                continue  # "Ukraine's Independence Day" is not the Fourth of July
            add(
                out, m.start(), m.end(), "holiday", 4, name=m["h"].lower(), y=m["y"] and int(m["y"])
            )
    for m in P.scan(P.SEASON, low):
        token = text[m.start("s") : m.end("s")]
        left, offset = P.left_match(low, m.start(), P.LEFT_SEASON) or (None, 0)
        raw = re.sub(r"\s+", " ", (left and left["rel"]) or "")
        rel = _STORY_SEASON.get(raw) or raw.replace("the ", "")
        if m["yrel"]:  # "the spring of that year", "the summer of the following year"
            rel = _SEASON_OF_YEAR[re.sub(r"\s+", " ", m["yrel"])]
        has_anchor = bool(rel or m["y"])
        if capitalised(token) and not has_anchor and not at_sentence_start(text, m.start()):
            continue  # "the Arab Spring"
        if capitalised(token) and word_after(text, m.end())[:1].isupper() and not m["y"]:
            continue  # "the next Summer Games", "Winter Olympics"
        before = word_before(low, m.start())
        if not has_anchor:
            if before not in ("the", "in", "during", "this", "since", "until", "by", "through"):
                continue
            if word_after(low, m.end()) == "of":
                continue  # "the fall of Aleppo", "the spring of discontent"
            if token.lower() == "fall" and not re.search(
                r"\b(?:in|during)\s+the\s+$", low[max(0, m.start() - 12) : m.start()]
            ):
                continue
        start = offset + left.start() if left and left.group(0) else m.start()
        add(
            out,
            start,
            m.end(),
            "season",
            5,
            code=SEASONS[token.lower()],
            rel=rel,
            y=m["y"] and int(m["y"]),
        )
    for m in P.scan(P.QUARTER, low):
        left = P.left_match(low, m.start(), P.LEFT_QUARTER)
        if not left:
            continue
        found, offset = left
        add(
            out,
            offset + found.start(),
            m.end(),
            "quarter",
            4,
            q=found["q"],
            y=m["y"] and int(m["y"]),
            rel=m["rel"] or "",
        )
    for m in P.scan(P.HALF, low):
        left = P.left_match(low, m.start(), P.LEFT_HALF)
        if not left or not (left[0].group(0).startswith("the") or m["y"] or m["rel"]):
            continue
        found, offset = left
        add(
            out,
            offset + found.start(),
            m.end(),
            "half",
            3,
            h=1 if found["h"] in ("first", "1st") else 2,
            y=m["y"] and int(m["y"]),
            rel=m["rel"] or "",
        )
    for m in P.Q_SHORT.finditer(text) if "Q" in text else ():  # "Q3 2018"
        add(out, m.start(), m.end(), "quarter", 4, q=m["qn"], y=m["y"] and int(m["y"]), rel="")
