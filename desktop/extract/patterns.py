"""The tagger's regular expressions, compiled once at import.

All patterns run case-sensitively on an ASCII-lower-cased copy of the text (same length,
same offsets): case-insensitive matching is several times slower in Python, and speed
matters when a folder of articles is imported. Capitalisation is checked afterwards on
the original text. Patterns start with a distinctive word; optional words in front
("the", "last", "early", "more than three") are read with the LEFT_* patterns, which
are anchored at the end of a short slice before the match.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from functools import lru_cache

from desktop.extract.lexicon import (
    MONTH_ABBR,
    MONTH_FULL,
    NUMBER,
    VAGUE_NUMBER,
    WEEKDAY_ABBR,
    WEEKDAY_FULL,
)

LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
LEFT_WINDOW = 60

MONTHS_LC = MONTH_FULL.lower()
WEEKDAYS_LC = WEEKDAY_FULL.lower()
DAY = r"(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
MON = rf"(?P<mon>(?:{MONTHS_LC})(?![\w'’])|(?:{MONTH_ABBR.lower()})(?:\.|\b)(?!['’]))"
YEAR = r"(?P<y>1\d{3}|20\d{2})"
TZ = r"gmt|bst|utc|cet|cest|est|edt|cst|cdt|pst|pdt|ist|msk|eet|eest|ast|local\s+time"
AMPM = r"[ap]\.m\.|[ap]m\b|[ap]\.m\b"
CLOCK = rf"(?P<hh>[01]?\d|2[0-3])[:.](?P<mm>[0-5]\d)(?:\s*(?P<ap>{AMPM}))?(?:\s*(?P<tz>{TZ})\b)?"
TIME_SUFFIX = rf"(?:,?\s+(?:at\s+)?{CLOCK})?"
UNIT = r"(?P<unit>minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century)"
ORDINAL_WORDS = (
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    r"twenty[- ]first"
)

# --- absolute and partial calendar dates ---------------------------------------------
ISO = re.compile(
    r"(?P<y>\d{4})(?P<sep>[-/])(?P<m>0?[1-9]|1[0-2])(?P=sep)(?P<d>0[1-9]|[12]\d|3[01]|[1-9])"
    r"(?:[t ](?P<hh>[01]\d|2[0-3]):(?P<mm>[0-5]\d)(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?"
    r"(?![\d-])"
)
NUMERIC = re.compile(
    r"(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/]|\.\d)"
)
# A date's parts stay on one line ("S" is white space but a line break): the sentence
# splitter cuts at line breaks and a date must sit inside its sentence.
S = r"[^\S\n]"
DMY = re.compile(rf"{DAY}(?:{S}+of)?(?:{S}|-)+{MON}(?:,?(?:{S}|-)+{YEAR}\b)?{TIME_SUFFIX}")
MDY = re.compile(
    rf"{MON}{S}+(?:the{S}+)?{DAY}\b(?!\s*(?:%|[,.:]\d))(?:,?{S}+{YEAR}\b)?{TIME_SUFFIX}"
)
MY = re.compile(rf"{MON},?{S}+(?:of{S}+)?{YEAR}\b(?![,.]\d)")
MONTH_ALONE = re.compile(rf"(?P<mon>{MONTHS_LC})\b(?P<poss>['’]s\b)?")
LEFT_MONTH_REL = re.compile(r"\b(?P<rel>last|this|next|coming|past|that)\s+$")
RIGHT_MONTH_YEAR = re.compile(r"\s+(?:of\s+)?(?P<rel>last|this|next)\s+year\b")
DAY_ORDINAL = re.compile(r"the\s+(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b")
THE_WEEKEND = re.compile(r"the\s+weekend\b")
# "for the quarter", "during the year": the period named last (see Resolver._theperiod).
THE_PERIOD = re.compile(
    r"the\s+(?P<unit>quarter|year)\b(?![-'’]|\s+(?:to|ended|ending|earlier|ago|later|since|"
    r"when|that|in|of|through|century|centuries|finals?|mile|hour|point|\d))"
)
LEFT_WEEKDAY = re.compile(
    # "Wed." may carry a dot; "Wednesday." ends a sentence
    rf"(?:^|[^a-z])(?P<wd>{WEEKDAYS_LC}|{WEEKDAY_ABBR.lower()})(?:(?<!day)\.)?,?\s+(?:the\s+)?$"
)
LEFT_THE = re.compile(r"\bthe\s+$")
# Left-over day number of a range: "from 4 to 7 March", "March 4-7".
RANGE_DAY_BEFORE = re.compile(
    r"\b(?P<dd>(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?)\s*(?:-|–|to|and|until|till|through)"
    r"\s*$"
)
RANGE_DAY_AFTER = re.compile(
    r"^\s*(?:-|–|to|and|until|till|through)\s*(?P<dd>(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?)\b"
    r"(?![\s,]*(?:%|people|[a-z]+s\b|\d{1,3}\b|\d{5}))"
)
YEAR_ALONE = re.compile(r"(?P<y>1\d{3}|20\d{2})(?![\d]|[,.:]\d|\s*%)")
YEAR_RANGE = re.compile(r"(?P<y1>1\d{3}|20\d{2})\s?[-–/]\s?(?P<y2>1\d{3}|20\d{2}|\d{2})(?![\d%-])")
DECADE = re.compile(
    r"(?P<dec>1\d{2}0|20\d0)['’]?s\b|['’](?P<dd>\d0)s\b"
    r"|(?P<d2>\d0)s\b|\b(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b"
)
LEFT_DECADE = re.compile(r"(?:\bthe\s+)?(?:\b(?P<mod>early|mid|late)[\s-]+)?$")
CENTURY = re.compile(r"century\b")
LEFT_CENTURY = re.compile(
    rf"(?:\bthe\s+)?(?:\b(?P<mod>early|mid|late)[\s-]+)?\b(?P<n>\d{{1,2}}(?:st|nd|rd|th)|"
    rf"{ORDINAL_WORDS})[\s-]+$"
)
FISCAL = re.compile(r"fiscal\s+(?:year\s+)?(?P<y>(?:19|20)\d{2})\b")
HOLIDAY = re.compile(  # on the original text: holidays are proper names
    r"\b(?P<h>Christmas\s+Eve|Christmas\s+Day|Christmas|New\s+Year['’]s\s+(?:Eve|Day)|"
    r"Valentine['’]s\s+Day|Halloween|Boxing\s+Day|Thanksgiving(?:\s+Day)?|Labor\s+Day|"
    r"Memorial\s+Day|Columbus\s+Day|Mother['’]s\s+Day|Father['’]s\s+Day|"
    r"Martin\s+Luther\s+King\s+Day|Presidents['’]?\s+Day|Easter(?:\s+(?:Sunday|Monday))?|"
    r"Good\s+Friday|Independence\s+Day|(?:the\s+)?Fourth\s+of\s+July|Veterans['’]?\s+Day|"
    r"Armistice\s+Day|St\.\s+Patrick['’]s\s+Day|Bastille\s+Day)\b"
    r"(?!\s+(?:Island|Agreement|Accords?|Rising|Uprising|Parade|Offensive|Act)\b)"
    r"(?:,?\s+(?P<y>1\d{3}|20\d{2})\b)?"
)
HOLIDAY_WORDS = (
    "Christmas",
    "New Year",
    "Valentine",
    "Halloween",
    "Boxing",
    "Thanksgiving",
    "Labor Day",
    "Memorial Day",
    "Columbus",
    "Mother",
    "Father",
    "King Day",
    "Presidents",
    "Easter",
    "Good Friday",
    "Independence Day",
    "Fourth of July",
    "Veterans",
    "Armistice",
    "Patrick",
    "Bastille",
)
# Whether the text holds any of HOLIDAY_WORDS, in one search: each starts with a capital,
# so the search skips in C to the next capital letter that may open one (21 substring
# scans of the whole article cost twice as much).
ANY_HOLIDAY_WORD = re.compile("|".join(map(re.escape, HOLIDAY_WORDS)))
SEASON = re.compile(
    rf"(?P<s>spring|summer|autumn|fall|winter)\b(?:\s+(?:of\s+)?{YEAR}\b|\s+of\s+(?P<yrel>that|"
    r"the\s+same|the\s+following|the\s+next|the\s+previous|this|last|next)\s+year\b)?"
)
LEFT_SEASON = re.compile(
    r"(?:\b(?P<rel>this|last|next|the\s+coming|the\s+past|past|coming|this\s+past|that|"
    r"the\s+(?:following|next|previous|preceding|same))\s+)?"
    r"(?:\bthe\s+)?$"
)
QUARTER = re.compile(rf"quarter\b(?:\s+of\s+(?:{YEAR}\b|(?P<rel>this|last|next)\s+year))?")
LEFT_QUARTER = re.compile(
    r"(?:\bthe\s+)?\b(?P<q>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+$"
)
HALF = re.compile(rf"half\b(?:\s+of\s+(?:{YEAR}\b|(?P<rel>this|last|next)\s+year\b|the\s+year\b))?")
LEFT_HALF = re.compile(r"(?:\bthe\s+)?\b(?P<h>first|second|1st|2nd|latter)[\s-]+$")
# "Q3 2018", on the original text. The word boundary is checked behind the "Q" so that the
# search jumps from one "Q" to the next in C (a leading \b is tried at every character:
# 60-140 us an article); the same matches as \bQ(?P<qn>[1-4])...
Q_SHORT = re.compile(r"Q(?<=\bQ)(?P<qn>[1-4])(?:\s+(?P<y>(?:19|20)\d{2}))?\b")

# --- weekdays, deictic and anaphoric expressions -----------------------------------------
WEEKDAY = re.compile(
    rf"(?P<wd>{WEEKDAYS_LC})\b(?P<poss>['’]s\b)?"
    r"(?:\s+(?P<part>morning|afternoon|evening|night)\b)?"
)
LEFT_WEEKDAY_REL = re.compile(r"\b(?P<rel>last|next|this|coming|past|previous)\s+$")
WEEKDAY_PLURAL = re.compile(rf"(?P<wd>{WEEKDAYS_LC})s\b")
DEICTIC = re.compile(
    r"(?P<w>today|tonight|yesterday|tomorrow)\b(?P<poss>['’]s\b)?"
    r"(?:\s+(?P<part>morning|afternoon|evening|night)\b)?"
    r"|\bthe\s+day\s+(?P<ba>before\s+yesterday|after\s+tomorrow)\b"
    r"|\b(?P<rel2>this|last)\s+(?P<part2>morning|afternoon|evening|night)\b"
)
REL_UNIT = re.compile(
    r"(?P<rel>this|last|next|the\s+coming|the\s+past|the\s+previous|the\s+following|"
    r"the\s+next|the\s+same|that|coming|current|the\s+current|past|previous|following|"
    r"the\s+last|the\s+preceding|the\s+prior|the\s+present|this\s+past)\s+"
    r"(?P<unit>day|week|month|year|weekend|quarter|decade|century|morning|afternoon|evening|"
    r"night)\b(?P<poss>['’]s\b)?"
)
# Informal writing (posts, messages): "tmrw", "tonite", "last nite", "on sat", "this
# wknd", "xmas" (rules_informal decides which short weekdays are days).
_SLANG_PART = r"(?:\s+(?P<part>morning|mornin|afternoon|arvo|evening|evenin|night|nite)\b)?"
_SHORT_DAYS = r"mon|tues?|weds?|thu(?:rs?)?|fri|sat|sun"
SLANG_DAY = re.compile(
    r"(?P<w>tmrw|tmrrw|tmrow|tmr|tmw|tonite|tnite|yday|ystrdy|yest|2moro|2morro|2morrow|2mrw|"
    r"2nite|2day)\b" + _SLANG_PART
)
SLANG_PART = re.compile(r"(?P<rel>this|last)\s+(?P<part>mornin|arvo|evenin|nite)\b")
SHORT_WEEKDAY = re.compile(rf"(?P<wd>{_SHORT_DAYS})\b\.?" + _SLANG_PART)
# "Sun 10th", "Tuesday the 9th": the day of the month that falls on that weekday
WEEKDAY_ORDINAL = re.compile(
    rf"(?P<wd>{WEEKDAYS_LC}|{_SHORT_DAYS})\.?,?\s+(?:the\s+)?"
    r"(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b"
)
SLANG_REL_UNIT = re.compile(r"(?P<rel>nxt|next|last|this)\s+(?P<unit>wk|mo|yr|week|month|year)\b")
SLANG_AGO = re.compile(r"ago\b")
LEFT_SLANG_AGO = re.compile(
    r"\b(?P<n>\d{1,2}|an?|a\s+few|few|a\s+couple\s+of|couple\s+of)\s+(?P<unit>wks?|mos?|yrs?)\s+$"
)
SLANG_WEEKEND = re.compile(r"(?:wknd|wkend)\b")
SLANG_HOLIDAY = re.compile(r"(?P<h>x-?mas(?:\s+(?P<which>eve|day))?|nye)\b")
PERIOD_PART = re.compile(
    r"\bthe\s+(?:very\s+)?(?P<mod>beginning|start|end|middle|turn|close)\s+of\s+(?:the|this)\s+"
    r"(?P<unit>week|month|year|decade|century)\b"
)
OFFSET = re.compile(r"(?P<dir>ago|earlier|later|before|after|from\s+now|hence|previously|prior)\b")
LEFT_OFFSET = re.compile(
    rf"(?:\b(?P<hedge>more\s+than|over|nearly|almost|about|around|some|roughly|approximately|"
    rf"less\s+than|just\s+over|just\s+under|exactly|only|just|at\s+least)\s+)?"
    rf"\b(?P<n>{NUMBER}|{VAGUE_NUMBER})[\s-]+{UNIT}\s+$"
)
DAY_BEFORE = re.compile(  # not "the year after profit rose": a clause follows
    r"\bthe\s+(?P<unit>day|week|month|year)\s+(?P<dir>before|after)\b"
    r"(?!\s+(?!(?:the|a|an|his|her|its|their|this|that)\b)[a-z])"
)
PERIOD_MOD_LEFT = re.compile(
    r"(?:\b(?P<mod>early|mid|late|earlier|later)(?:\s*-\s*|\s+)|\b(?P<mod3>end|start)-"
    r"|\b(?:the\s+)?(?:very\s+)?(?P<mod2>beginning|start|end|middle|turn|close|dawn|first\s+half|"
    r"second\s+half|latter\s+half|latter\s+part|first\s+part|last\s+part)\s+of\s+)$"
)

# --- vague references, durations, sets, clock times -----------------------------------------
VAGUE = re.compile(
    r"(?:(?P<past>recently|lately|the\s+past(?!\s+(?:\w+\s+)?(?:minutes?|hours?|days?|weeks?|"
    r"months?|years?|decades?|century|centuries)\b)|recent\s+(?:days|weeks|months|years|"
    r"decades|times))"
    r"|(?P<present>currently|nowadays|presently|(?:right\s+)?now|these\s+days|(?<=at\s)present"
    r"|(?:(?<=to\s)|(?<=until\s)|(?<=till\s))the\s+present(?:\s+day)?"
    r"(?!\s+(?!and\b|or\b|but\b)[a-z]))"
    r"|(?P<future>the\s+(?:near\s+|distant\s+)?future|(?<=in\s)future|(?:the\s+)?coming\s+(?:days|weeks|"
    r"months|years|decades)))\b"
)
PAST_N = re.compile(
    rf"(?P<rel>past|last|previous|next|coming|first|final)\s+"
    rf"(?P<n>{NUMBER}|{VAGUE_NUMBER})\s+{UNIT}\b"
)
DURATION = re.compile(rf"{UNIT}(?P<long>-long|-old)?\b")
LEFT_DURATION = re.compile(
    rf"\b(?P<n>{NUMBER}|{VAGUE_NUMBER}|\d+(?:\.\d+)?)[\s-]+(?P<half>and\s+a\s+half\s+)?$"
)
BARE_DURATION = re.compile(
    r"(?:for|within|in|over|after)\s+(?P<unit>minutes|hours|days|weeks|months|years|decades|"
    r"centuries)\b|\b(?P<unit2>years|decades|months)\s+(?=of\b)"
)
SET = re.compile(
    rf"(?:every|each)\s+(?P<u>day|week|month|year|morning|evening|night|{WEEKDAYS_LC})\b"
    r"|\b(?P<adv>daily|weekly|monthly|annually|yearly|nightly|hourly)\b"
    r"|\b(?:once|twice|three\s+times)\s+(?:a|per|every)\s+(?P<u2>day|week|month|year)\b"
)
CLOCK_TIME = re.compile(
    rf"(?:(?P<hh>[01]?\d|2[0-3]):(?P<mm>[0-5]\d)(?:\s*(?P<ap>{AMPM}))?(?:\s*(?P<tz>{TZ})\b)?"
    rf"|(?P<h2>1[0-2]|0?[1-9])(?:[.:](?P<m2>[0-5]\d))?\s*(?P<ap2>{AMPM})"
    r"|(?P<w>noon|midday|midnight)\b)"
)


WORD_CHARS = frozenset(string.ascii_letters + string.digits + "_")
DIGIT_LEFT = frozenset(string.ascii_letters + string.digits + "_$€£#.,/:'’\\")
NUMBER_LEFT = frozenset(string.ascii_letters + string.digits + "_.,/-\\")


class Lowered(str):
    """The ASCII-lower-cased text plus where each trigger word starts, for dispatch."""

    positions: dict[str, list[int]]
    starts: dict[tuple[str, ...], list[int]]  # scan's start offsets by trigger words


def _alternation(words: frozenset[str]) -> str:
    """A regex for exactly `words`, as a trie: each position tries a few letters, not
    every word (a flat alternation of 125 words was three times slower)."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = "(?:" + "|".join(alts) + ")" if len(alts) > 1 or "" in node else alts[0]
        return body + "?" if "" in node else body
    return emit(tree)


def ascii_lower(text: str) -> str:
    """`text.translate(LOWER)`: A-Z lowered, nothing else changed (offsets stay). The
    bytes do it in C; str.translate goes through the table character by character once
    the text holds one non-ASCII character (0.3 ms of a 5,000-character article)."""
    return text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")


@lru_cache(maxsize=4)
def _token_regex(words: frozenset[str]) -> re.Pattern[str]:
    """Trigger words as whole [a-z] runs, and digit runs: the tokens dispatch needs.

    "the", the commonest word, only where some pattern can go on (before one of
    _THE_FOLLOWERS or a digit): a look-ahead in the same pass, instead of a match in
    Python after each of the 40-70 "the" of an article.
    """
    the = ""
    if "the" in words:
        after = _alternation(frozenset(w for w in _THE_FOLLOWERS if not w.isdigit()))
        the = r"the(?=\s+(?:" + after + r"(?![a-z])|[0-9]))|"
    rest = _alternation(words - {"the"})
    return re.compile(r"(?<![a-z])(?:" + the + rest + r")(?![a-z])|\d+")


def lowered(text: str) -> Lowered:
    """Lower-case `text` (offsets unchanged) and index where its trigger words start.

    Only words some pattern triggers on (and numbers, by length) are indexed: looking at
    every word cost more than the patterns (9 million one-letter lines: 14 s).
    """
    low = Lowered(ascii_lower(text))
    positions: dict[str, list[int]] = {}
    for match in _token_regex(_trigger_words()).finditer(low):
        token = match.group()
        key = _DIGIT_KEYS[min(len(token), 5)] if token[0].isdigit() else token
        if key in positions:
            positions[key].append(match.start())
        else:
            positions[key] = [match.start()]
    low.positions = positions
    low.starts = {}
    return low


_DIGIT_KEYS = ("#0", "#1", "#2", "#3", "#4", "#5")
# Every pattern triggered by "the" goes on with one of these words (or a digit: "the 3rd"):
# DEICTIC, REL_UNIT, PERIOD_PART, DAY_BEFORE, DAY_ORDINAL, THE_WEEKEND, THE_PERIOD, VAGUE.
# A pattern added with "the" as its trigger must add its next words here.
_THE_FOLLOWERS = frozenset(
    "day week month year weekend quarter coming past previous following next same current "
    "last preceding prior present very beginning start end middle turn close near distant "
    "future 0 1 2 3 4 5 6 7 8 9".split()
)


@lru_cache(maxsize=1)
def _trigger_words() -> frozenset[str]:
    """Every word some pattern triggers on (TRIGGERS is fixed once the module is read)."""
    return frozenset(k.lstrip("'") for keys in TRIGGERS.values() for k in keys
                     if not k.lstrip("'").startswith("#"))  # fmt: skip


def scan(
    pattern: re.Pattern[str], low: str, bad_left: frozenset[str] = WORD_CHARS
) -> Iterator[re.Match[str]]:
    """Matches of `pattern` that start at one of its trigger words.

    Running each pattern only where its first word occurs is several times faster than
    finditer over the whole text; matches after a character in `bad_left` are dropped
    (the patterns carry no leading \\b or look-behind).
    """
    keys = TRIGGERS.get(pattern)
    if keys is None or not isinstance(low, Lowered):
        starts: list[int] = [m.start() for m in pattern.finditer(low)]
    else:
        starts = low.starts.get(keys)  # patterns sharing trigger words share their starts
        if starts is None:
            starts = low.starts[keys] = _starts(low.positions, keys)
    for start in starts:
        if start < 0 or (start and low[start - 1] in bad_left):
            continue
        match = pattern.match(low, start)
        if match:
            yield match


def _starts(positions: dict[str, list[int]], keys: tuple[str, ...]) -> list[int]:
    """Where any of `keys` starts, in order ("'" before a key: one character earlier)."""
    found = [(positions[word], shift) for word, shift in _plan(keys) if word in positions]
    if not found:
        return []
    if len(found) == 1 and not found[0][1]:
        return found[0][0]  # already in text order
    starts: set[int] = set()
    for offsets, shift in found:
        starts.update([p + shift for p in offsets] if shift else offsets)
    return sorted(starts)


@lru_cache(maxsize=64)
def _plan(keys: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
    return tuple((key.lstrip("'"), -1 if key.startswith("'") else 0) for key in keys)


def _words(*groups: str) -> tuple[str, ...]:
    return tuple(w for group in groups for w in group.replace("|", " ").split())


_MONTH_WORDS = _words(MONTHS_LC, MONTH_ABBR.lower())
_UNIT_WORDS = _words(
    "minute minutes hour hours day days week weeks month months year years",
    "decade decades century centuries",
)
TRIGGERS: dict[re.Pattern[str], tuple[str, ...]] = {
    ISO: ("#4",),
    NUMERIC: ("#1", "#2"),
    DMY: ("#1", "#2"),
    MDY: _MONTH_WORDS,
    MY: _MONTH_WORDS,
    MONTH_ALONE: _words(MONTHS_LC),
    YEAR_ALONE: ("#4",),
    YEAR_RANGE: ("#4",),
    DECADE: (
        "#4",
        "'#2",
        "#2",
        *_words("twenties thirties forties fifties sixties seventies", "eighties nineties"),
    ),
    CENTURY: ("century",),
    FISCAL: ("fiscal",),
    SEASON: ("spring", "summer", "autumn", "fall", "winter"),
    QUARTER: ("quarter",),
    HALF: ("half",),
    WEEKDAY: _words(WEEKDAYS_LC),
    WEEKDAY_PLURAL: tuple(w + "s" for w in _words(WEEKDAYS_LC)),
    DEICTIC: ("today", "tonight", "yesterday", "tomorrow", "the", "this", "last"),
    REL_UNIT: _words("this last next the that coming current past previous following"),
    PERIOD_PART: ("the",),
    DAY_BEFORE: ("the",),
    DAY_ORDINAL: ("the",),
    THE_WEEKEND: ("the",),
    THE_PERIOD: ("the",),
    OFFSET: _words("ago earlier later before after from hence previously prior"),
    VAGUE: _words(
        "recently lately the recent currently nowadays presently right now these",
        "present coming future",
    ),
    PAST_N: _words("past last previous next coming first final"),
    DURATION: _UNIT_WORDS,
    BARE_DURATION: _words("for within in over after years decades months"),
    SET: _words(
        "every each daily weekly monthly annually yearly nightly hourly once twice", "three"
    ),
    CLOCK_TIME: ("#1", "#2", "noon", "midday", "midnight"),
    SLANG_DAY: (*_words("tmrw tmrrw tmrow tmr tmw tonite tnite yday ystrdy yest"),
                *("'" + w for w in _words("moro morro morrow mrw nite day"))),
    SLANG_PART: ("this", "last"),
    SHORT_WEEKDAY: _words("mon tue tues wed weds thu thur thurs fri sat sun"),
    WEEKDAY_ORDINAL: _words(WEEKDAYS_LC, "mon tue tues wed weds thu thur thurs fri sat sun"),
    SLANG_REL_UNIT: ("nxt", "next", "last", "this"),
    SLANG_AGO: ("ago",),
    SLANG_WEEKEND: ("wknd", "wkend"),
    SLANG_HOLIDAY: ("xmas", "x", "nye"),
}


def left_match(low: str, start: int, pattern: re.Pattern[str]) -> tuple[re.Match[str], int] | None:
    """`pattern` (anchored with $) matched just before `start`, with the slice offset."""
    offset = max(0, start - LEFT_WINDOW)
    found = pattern.search(low[offset:start])
    return (found, offset) if found else None
