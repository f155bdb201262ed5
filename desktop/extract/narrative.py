"""Whether a text tells a story of its own time, far from its publication date.

A history ("The war began on 14 August 1871 ... In March the duchy fell ... The
following spring ...") dates its bare months, yearless days and seasons by the year the
story has reached, not by the publication date, and its "today" is the writer's present
(PRESENT_REF), not a day of the story. News may look back to old years too, but it also
dates things from its own day ("yesterday", "on Friday", "last week", "two years ago"),
and the bare months of news belong to the publication year; so a text is read as a
narrative only when it names at least two full years, none within a year of the
publication date, and nothing in it counts from the publication date.
"""

from __future__ import annotations

from datetime import date

from desktop.extract.candidate import Candidate
from desktop.extract.model import Timex
from desktop.temporal import Precision

_MIN_EXPLICIT = 2
_MIN_HISTORY = 3
_NEAR_YEARS = 1
_FROM_TODAY = frozenset({"last", "next", "past", "coming", "current", "this past",
                         "the coming", "the current", "the past"})  # fmt: skip
_STORY_PRECISIONS = frozenset(
    {Precision.YEAR, Precision.SEASON, Precision.QUARTER, Precision.MONTH, Precision.WEEK,
     Precision.DAY, Precision.MINUTE}
)  # fmt: skip


def counts_from_today(cand: Candidate, text: str) -> bool:
    """Whether a mention is dated from the publication day ("yesterday", "on Friday",
    "last month", "two years ago", "this week")."""
    kind, data = cand.kind, cand.data
    if kind in ("weekday", "weekday_day"):
        return True
    if kind == "deictic":
        return data.get("days") != 0 or data.get("part") is not None
    if kind == "relunit":
        rel = data.get("rel", "")
        if rel == "this":
            return text[cand.start : cand.end].lower().startswith("this")
        return rel in _FROM_TODAY
    if kind == "offset":
        return data.get("dir") in ("ago", "from now", "hence")
    return False


def is_narrative(pairs: list[tuple[Candidate, Timex]], text: str, reference: date | None) -> bool:
    """See the module docstring; `pairs` are the candidates with their news reading (in
    which relative phrases were dated from the reference, so only full dates count)."""
    if any(counts_from_today(cand, text) for cand, _ in pairs):
        return False
    explicit = _full_dates_far_off([t for _, t in pairs], reference, relative=False)
    return explicit is not None and explicit >= _MIN_EXPLICIT


def tells_history(timexes: list[Timex], reference: date | None) -> bool:
    """Whether tagged text is a story far from `reference`: at least three full dates,
    and nothing it dates (relative phrases included) within a year of the reference. Its
    undated sentences then happened in the story, not on the publication day.

    Three, not two: a news lead with no date of its own is today's news even when the
    next sentence names two old years ("was sentenced ... for bribes between 2011 and
    2016")."""
    explicit = _full_dates_far_off(timexes, reference, relative=True)
    return explicit is not None and explicit >= _MIN_HISTORY


def _full_dates_far_off(timexes: list[Timex], reference: date | None,
                        relative: bool) -> int | None:  # fmt: skip
    """How many full dates the text names, or None when it has a dateline or dates
    something within a year of `reference` (relative phrases counted only if `relative`)."""
    if reference is None:
        return None
    explicit = 0
    for timex in timexes:
        fuzzy = timex.fuzzy
        if timex.dateline:
            return None
        if fuzzy is None or fuzzy.precision not in _STORY_PRECISIONS:
            continue
        if timex.needs_reference and not relative:
            continue
        if abs(fuzzy.anchor().year - reference.year) <= _NEAR_YEARS:
            return None
        explicit += not timex.needs_reference
    return explicit
