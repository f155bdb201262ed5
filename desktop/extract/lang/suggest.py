"""Event suggestions for the languages with date tables.

A sentence yields one suggestion per date phrase that may date it; a following sentence
with a finite past event verb (lang.narration) and no date of its own continues the date
the text last set, as English continuation does (same paragraph, or a recent day); the
lead (the first sentence of the body, not a headline or a dateline line) reports the
news of the day, so with no date of its own and no future marker it is dated "on or
shortly before" the article's date, as English leads are. Where the verb is found, the
title is the sentence's who-did-what.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from datetime import date

from desktop.extract.actors import names_in, numbers_in
from desktop.extract.anchoring import CONTINUATION, PUBLICATION
from desktop.extract.entities import attach_entities
from desktop.extract.lang import LangTable, compiled, tag_language
from desktop.extract.lang.crossing import figures_of, names_of, verb_of, with_countries
from desktop.extract.lang.narration import past_event, who_did_what
from desktop.extract.model import Suggestion, Timex
from desktop.extract.sentences import is_boilerplate, split_sentences
from desktop.extract.suggest import _is_heading, _phrase_only, _reference
from desktop.extract.titles import fit
from desktop.temporal import FuzzyDate, Precision, Qualifier

_LEAD_CONFIDENCE = 0.6
_CONTINUATION_CONFIDENCE = 0.5
_RECENT_DAYS = 14


def suggest_language(
    text: str, reference: date | None, table: LangTable, limit: int | None = None
) -> list[Suggestion]:
    """Suggested events in `text` (in `table`'s language), dated against `reference`."""
    timexes = tag_language(text, reference, table)
    effective = _reference(timexes, reference)
    rules = compiled(table)
    out: list[Suggestion] = []
    starts = [t.start for t in timexes]  # in text order
    body = 0
    last: tuple[FuzzyDate, int] | None = None  # the date the text last set, its paragraph
    for start, end in split_sentences(text):
        if limit is not None and len(out) > limit:
            break
        window = timexes[bisect_left(starts, start) : bisect_left(starts, end)]
        inside = [t for t in window if t.end <= end]
        sentence = text[start:end]
        if is_boilerplate(sentence):
            continue
        anchors = _background_years_dropped([t for t in inside if not rules.bounds(text, t)])
        found = _phrase_only(text, (start, end), anchors, effective)
        dates = [(t.start, t.end) for t in inside]
        verb = past_event(table.code, sentence)
        found = [_crossable(text, _titled(s, verb), dates) for s in found]
        out.extend(found)
        if _is_heading(sentence):
            continue
        body += 1
        dated = any(not t.dateline for t in inside)
        paragraph = text.count("\n\n", 0, start)
        if found or dated:
            last = (found[0].fuzzy, paragraph) if found else None
        elif not dated and verb is not None and last is not None:
            carried = _continued(text, (start, end), verb, last, paragraph, effective, rules)
            if carried is not None:
                out.append(_crossable(text, carried, dates))
                continue
        if body == 1 and not found and not dated and effective is not None:
            if not rules.future.search(sentence):
                out.append(_crossable(text, _lead(text, (start, end), effective), dates))
    return attach_entities(text, out, {})


def _titled(item: Suggestion, verb) -> Suggestion:
    return replace(item, title=who_did_what(item.quote, verb)) if verb is not None else item


def _continued(text: str, span: tuple[int, int], verb, last: tuple[FuzzyDate, int],
               paragraph: int, reference: date | None, rules) -> Suggestion | None:  # fmt: skip
    """ "Mardi, l'armée est entrée à X. Les troupes ont ensuite pris le pont.": a past event
    verb with no date of its own happened on the date the text last set, in the same
    paragraph or, for a recent day, after a paragraph break (as English continuation)."""
    fuzzy, where = last
    start, end = span
    sentence = text[start:end]
    recent = (reference is not None and fuzzy.precision in (Precision.DAY, Precision.MINUTE)
              and abs((fuzzy.earliest.date() - reference).days) <= _RECENT_DAYS)  # fmt: skip
    if where != paragraph and not recent:
        return None
    if reference is not None and fuzzy.earliest.date() > reference:
        return None  # a past-tense sentence does not continue a date still to come
    if rules.future.search(sentence):
        return None
    return Suggestion(
        who_did_what(sentence, verb), sentence, start, end, sentence, "", None, None, fuzzy,
        fuzzy.to_timex(), _CONTINUATION_CONFIDENCE, True, anchor=CONTINUATION,
        names=tuple(dict.fromkeys(names_in(text, start, end, text))),
        numbers=tuple(sorted(numbers_in(sentence))),
    )  # fmt: skip


def _background_years_dropped(timexes: list[Timex]) -> list[Timex]:
    """ "La guerre, qui a commencé en 2011, ... le 5 mars": beside a day or a month, a
    year alone is background (the same year is the same period and merges anyway)."""
    finer = any(t.fuzzy is not None and t.fuzzy.precision in (Precision.DAY, Precision.MONTH,
                                                              Precision.WEEK, Precision.MINUTE)
                and not t.dateline for t in timexes)  # fmt: skip
    if not finer:
        return timexes
    return [t for t in timexes if t.fuzzy is None or t.fuzzy.precision is not Precision.YEAR]


def _crossable(text: str, item: Suggestion, dates: list[tuple[int, int]]) -> Suggestion:
    """The names, figures and verb an English report of the same happening would have."""
    sentence = item.quote
    names = with_countries(tuple(dict.fromkeys((*item.names, *names_of(sentence)))))
    figures = figures_of(text, item.start, item.end, dates)
    # A lead dated only by its article is weak evidence: two such reports of "a delegation
    # arrived" in two capitals on one day must not merge on the verb and a body's name.
    verb = verb_of(sentence) if item.anchor != PUBLICATION else ""
    return replace(item, names=names, numbers=figures, verb=verb)


def _lead(text: str, span: tuple[int, int], reference: date) -> Suggestion:
    start, end = span
    sentence = text[start:end]
    day = FuzzyDate.day(reference.year, reference.month, reference.day)
    fuzzy = FuzzyDate.of(Precision.DAY, day.earliest, Qualifier.SHORTLY_BEFORE)
    return Suggestion(
        fit(sentence), sentence, start, end, sentence, "", None, None, fuzzy,
        fuzzy.to_timex(), _LEAD_CONFIDENCE, True, anchor=PUBLICATION,
        names=tuple(dict.fromkeys(names_in(text, start, end, text))),
        numbers=tuple(sorted(numbers_in(sentence))),
    )  # fmt: skip
