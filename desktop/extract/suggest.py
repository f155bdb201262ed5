"""Event suggestions: one per sentence and distinct placeable date.

A sentence becomes a suggestion when it holds a date that can be put on a timeline:
not a vague "recently", not a duration, not the article's own dateline, not a date far
in the future. Confidence is higher for absolute dates than for weekdays and anaphora.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from desktop.extract.model import Suggestion, Timex
from desktop.extract.sentences import is_boilerplate, split_sentences
from desktop.extract.tag import tag
from desktop.extract.titles import make_title
from desktop.temporal import Precision, Qualifier

_EVENT_PRECISIONS = frozenset(
    {
        Precision.DAY,
        Precision.MINUTE,
        Precision.WEEK,
        Precision.MONTH,
        Precision.QUARTER,
        Precision.SEASON,
        Precision.YEAR,
    }
)
_FUTURE_LIMIT = timedelta(days=366)
_WEEKDAY = re.compile(r"monday|tuesday|wednesday|thursday|friday|saturday|sunday", re.I)
_ANAPHORIC = re.compile(
    r"\b(?:the\s+(?:previous|following|next|same|preceding|prior)|that)\s+\w+$"
    r"|\b(?:after|before|earlier|later)$",
    re.IGNORECASE,
)


def _placeable(timex: Timex, reference: date | None) -> bool:
    fuzzy = timex.fuzzy
    if fuzzy is None or timex.dateline or timex.type not in ("DATE", "TIME"):
        return False
    if fuzzy.precision not in _EVENT_PRECISIONS:
        return False
    if fuzzy.qualifier in (Qualifier.BEFORE, Qualifier.AFTER):
        return False
    if reference is None:
        return not timex.needs_reference
    limit = datetime.combine(reference, datetime.min.time()) + _FUTURE_LIMIT
    return fuzzy.earliest <= limit


_FINENESS = {p: i for i, p in enumerate(Precision)}


def _choose(chosen: list[Timex], timex: Timex) -> None:
    """Keep one date per happening: "at 10 a.m. on 3 June" is one event, not two."""
    for i, other in enumerate(chosen):
        if other.fuzzy.overlaps(timex.fuzzy):
            if _FINENESS[timex.fuzzy.precision] > _FINENESS[other.fuzzy.precision]:
                chosen[i] = timex
            return
    chosen.append(timex)


def _possessive(text: str, timex: Timex) -> bool:
    return text[timex.end : timex.end + 2] in ("'s", "’s")


def _confidence(timex: Timex, rank: int) -> float:
    if not timex.needs_reference:
        score = 0.9
    elif _ANAPHORIC.search(timex.text):
        score = 0.5
    elif _WEEKDAY.search(timex.text):
        score = 0.65
    else:
        score = 0.75
    if timex.fuzzy is not None and timex.fuzzy.precision is Precision.YEAR:
        score -= 0.05
    return round(max(0.1, min(1.0, score - 0.1 * rank)), 2)


def suggest(
    text: str, reference: date | None, language: str = "en", dayfirst: bool = False
) -> list[Suggestion]:
    """Suggested events in `text`: one per sentence and distinct placeable date."""
    if not isinstance(text, str) or not text:
        return []
    timexes = tag(text, reference, language, dayfirst)
    effective = reference
    dateline = next((t for t in timexes if t.dateline and t.fuzzy is not None), None)
    if dateline is not None:
        effective = dateline.fuzzy.earliest.date()
    out: list[Suggestion] = []
    seen: set[str] = set()
    index = 0
    for start, end in split_sentences(text):
        while index < len(timexes) and timexes[index].end <= start:
            index += 1
        inside = []
        k = index
        while k < len(timexes) and timexes[k].start < end:
            if timexes[k].end <= end:
                inside.append(timexes[k])
            k += 1
        if not inside:
            continue
        sentence = text[start:end]
        if is_boilerplate(sentence):
            continue
        chosen: list[Timex] = []
        for timex in inside:
            if not _placeable(timex, effective if reference or dateline else None):
                continue
            if _possessive(text, timex) and timex.value in seen:
                continue  # "Saturday's attacks" points back at a happening already dated
            _choose(chosen, timex)
        seen.update(t.value for t in chosen)
        offsets = tuple(t.start - start for t in inside if _placeable(t, effective))
        for rank, timex in enumerate(chosen):
            others = tuple(o for o in offsets if o != timex.start - start)
            out.append(
                Suggestion(
                    title=make_title(sentence, timex.text, timex.start - start, others),
                    description=sentence,
                    start=start,
                    end=end,
                    quote=sentence,
                    date_phrase=timex.text,
                    timex_start=timex.start,
                    timex_end=timex.end,
                    fuzzy=timex.fuzzy,
                    value=timex.value,
                    confidence=_confidence(timex, rank),
                    needs_reference=timex.needs_reference,
                )
            )
    return out
