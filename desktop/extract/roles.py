"""Which date phrases may date a happening, and which are only reference points.

"its highest level since March 2003", "down from 9% a year earlier", "a profit for the
third quarter", "faces a May 15 deadline", "the July 7 bombings": the phrase stays a
temporal expression (highlighted in the reader) but never becomes the happening's date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from desktop.extract.model import Timex
from desktop.extract.tense import tense_at
from desktop.temporal import Precision, Qualifier

ANCHOR, REFERENCE, NAME = "anchor", "reference", "name"
_FUTURE_LIMIT = timedelta(days=366)

# Decades and centuries too: "In the 1920s she carried emigrants" is dated by its decade,
# not by whatever date the text named before it.
_EVENT_PRECISIONS = frozenset(
    {Precision.DAY, Precision.MINUTE, Precision.WEEK, Precision.MONTH, Precision.QUARTER,
     Precision.SEASON, Precision.YEAR, Precision.DECADE, Precision.CENTURY}
)  # fmt: skip


class _CaseBlind:
    """A case-insensitive pattern that reads ASCII text lower-cased, case-sensitively.

    re.IGNORECASE compares every character through the case tables, four times slower
    than a plain pattern; on ASCII text, A-Z fold only to a-z, so the lower-cased copy
    (same length) gives the same answer. Other text takes the IGNORECASE pattern. The
    patterns are written in lower case; only whether they match is asked.
    """

    __slots__ = ("folded", "blind")

    def __init__(self, pattern: str) -> None:
        if re.search(r"[A-Z]", re.sub(r"\\.", "", pattern)):
            raise ValueError("a _CaseBlind pattern is written in lower case")
        self.folded = re.compile(pattern)
        self.blind = re.compile(pattern, re.IGNORECASE)

    def search(self, text: str) -> bool:
        if text.isascii():
            return self.folded.search(text.lower()) is not None
        return self.blind.search(text) is not None

    def match(self, text: str) -> bool:
        if text.isascii():
            return self.folded.match(text.lower()) is not None
        return self.blind.match(text) is not None


_SUPERLATIVE_SINCE = _CaseBlind(
    r"(?:\b(?:highest|lowest|biggest|largest|smallest|worst|best|strongest|weakest|"
    r"deadliest|longest|shortest|fastest|slowest|sharpest|steepest|greatest|heaviest|"
    r"warmest|coldest|hottest|wettest|driest|record|first\s+time|first\s+such)"
    r"|\bthe\s+(?:most|least|fewest|first)|\bsuch)\b[^.;,]{0,40}"
    r"\b(?:since|in|for)\s+(?:the\s+)?(?:start\s+of\s+|end\s+of\s+|beginning\s+of\s+)?$")
# "The first railway in the province opened in 1847": a finite past verb after the
# superlative owns the date (not "the highest level recorded in 2003").
_DONE_AFTER_SUPERLATIVE = _CaseBlind(
    r"\b(?:highest|lowest|biggest|largest|smallest|worst|best|strongest|weakest|deadliest|"
    r"longest|greatest|first|most|least|fewest)\b[^.;,]{0,40}?\b"
    r"(?!(?:recorded|seen|reached|registered|reported|measured|posted|logged)\b)"
    r"(?:[a-z]{3,}ed|built|began|won|held|fought|took|made|came|went|fell|rose|ran|flew|"
    r"sank|broke|led|met|sold|bought|left|struck|shot|fled)\b[^.;,]{0,25}?\b(?:in|for)\s+"
    r"(?:the\s+)?$")
_COMPARISON = _CaseBlind(
    r"(?:\b(?:down|up)\s+from\b[^,;]{0,25}|\bcompared\s+(?:with|to)\b[^,;]{0,45}"
    r"|\bthan\s+(?:in\s+|during\s+|at\s+|on\s+)?|\b(?:versus|vs\.?)\s+"
    r"|\b(?:rose|fell|increased|decreased|climbed|dropped|jumped|slipped|grew|up|down)\s+"
    r"from\b[^,;]{0,25})$")
_REPORTING_PERIOD = _CaseBlind(
    r"\b(?:for|in|during|over|of)\s+(?:the\s+)?(?:(?:first|second|third|fourth|final|last|"
    r"latest|previous|same|whole|full|fiscal|financial|calendar)\s+)*$"
    r"|\b(?:the\s+)?(?:three|six|nine|twelve)\s+months\s+(?:to|ending|ended)\s+$"
    r"|\byear\s+to\s+$")
_FINANCE = _CaseBlind(
    r"\b(?:profits?|loss(?:es)?|revenues?|sales|earnings|results|turnover|income|dividends?|"
    r"deficit|surplus|exports?|imports?|gdp|growth|inflation|unemployment|output|margins?|"
    r"shipments|deliveries|quarterly|forecasts?|guidance|economy|grew|shrank|contracted)\b")
_DEADLINE_BEFORE = _CaseBlind(r"\b(?:by|until|till|ahead\s+of|no\s+later\s+than)\s+$")
_BY_BEFORE = _CaseBlind(r"\bby\s+$")
_DEADLINE_AFTER = _CaseBlind(r"^\s*(?:['’]s\s+)?(?:deadline|target|cut-?off|expiry)\b")
_NAME_AFTER = _CaseBlind(
    r"^\s+(?:bombings?|attacks?|massacre|uprising|revolution|coup|riots?|killings?|"
    r"shootings?|blasts?|explosions?|disaster|crash|earthquake|floods?|storms?|accords?|"
    r"agreement|anniversary|referendum|elections?|war|crisis|plot|raid|tragedy|events?)\b")
_NAME_BEFORE = _CaseBlind(r"\b(?:the|of|since|after|before|anniversary\s+of\s+the)\s+$")
_ANNIVERSARY = _CaseBlind(r"\banniversar(?:y|ies)\s+of\s+(?:the\s+)?$")


def _reports_figures(clause_left: str, sentence: str) -> bool:
    """Whether figures are reported for the period: named before it in its clause ("a
    profit of $2bn for the third quarter"), or after it when the period opens the clause
    ("In the third quarter, sales fell"); "closed in 2009 after years of falling sales"
    reports a closure."""
    if _FINANCE.search(clause_left):
        return True
    opens = len(clause_left.split()) <= 3
    return opens and _FINANCE.search(sentence)


def placeable(timex: Timex, reference: date | None) -> bool:
    """A date that can be put on a timeline at all (not vague, open-ended or far ahead)."""
    fuzzy = timex.fuzzy
    if fuzzy is None or timex.dateline or timex.type not in ("DATE", "TIME"):
        return False
    if fuzzy.precision not in _EVENT_PRECISIONS:
        return False
    if fuzzy.qualifier in (Qualifier.BEFORE, Qualifier.AFTER):
        return False
    if reference is None:
        return not timex.needs_reference
    return fuzzy.earliest.date() <= reference + _FUTURE_LIMIT


def role(text: str, timex: Timex, sentence_start: int, sentence_end: int | None = None) -> str:
    """ANCHOR when the phrase may date its own verb; REFERENCE or NAME when it may not.

    Only the sentence is read (`sentence_end`, when given): "falling sales" in the next
    sentence makes no reporting period of "became a daily in 1884".
    """
    left = text[max(sentence_start, timex.start - 80) : timex.start]
    right = text[timex.end : timex.end + 40]
    if _ANNIVERSARY.search(left):
        return NAME
    if timex.text[:1].isupper() or timex.text[:1].isdigit():
        possessive = text[timex.end : timex.end + 2] in ("'s", "’s")
        if _NAME_BEFORE.search(left[-20:]) and _NAME_AFTER.match(right) and not possessive:
            return NAME  # "the July 7 bombings", "the 1998 storms": history by name
    if _SUPERLATIVE_SINCE.search(left):
        done = "since" not in left[-70:].lower() and _DONE_AFTER_SUPERLATIVE.search(left)
        if not done:  # "the largest since it was founded in 1994" stays a reference
            return REFERENCE
    clause_left = re.split(r"[,;]\s", left)[-1]
    if _COMPARISON.search(clause_left):
        return REFERENCE  # "down from 9% a year earlier", "compared with 2017"
    limit = timex.end + 200 if sentence_end is None else min(sentence_end, timex.end + 200)
    sentence = text[sentence_start:limit]
    if _REPORTING_PERIOD.search(clause_left) and _reports_figures(clause_left, sentence):
        return REFERENCE  # "a profit of $2bn for the third quarter": the report is the news
    if "quarter" in timex.text.lower() and _FINANCE.search(sentence):
        return REFERENCE
    if _DEADLINE_BEFORE.search(left[-24:]) or _DEADLINE_AFTER.match(right):
        if _BY_BEFORE.search(left[-6:]) and tense_at(text, timex.start, timex.end) == "past":
            return ANCHOR  # "engineers restored power by Sunday night": done by then
        return REFERENCE  # "by Friday", "faces a May 15 deadline"
    return ANCHOR
