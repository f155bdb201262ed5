"""Event suggestions: the happenings an article reports, each with how it was dated.

Sentences are read in order; each yields its happenings (see anchoring) with a title
saying who did what. Headings and site furniture only keep happenings dated by their
own phrase; the first two sentences of the body are the lead, which the article's
date dates when nothing else does. Languages without a verb lexicon get one suggestion
per placeable date phrase, as a date-phrase tagger would.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from desktop.extract.actors import names_in, numbers_in
from desktop.extract.anchoring import PHRASE, Anchored, Narrative, anchor_sentence, note_quotes
from desktop.extract.antecedents import EntityMemory
from desktop.extract.clauses import Clause
from desktop.extract.dated_nouns import nouns_in
from desktop.extract.entities import Found, happening_entities, note_acronyms, read_sentence
from desktop.extract.mentions import EntityFinder
from desktop.extract.model import Suggestion, Timex
from desktop.extract.narrative import tells_history
from desktop.extract.roles import ANCHOR, placeable, role
from desktop.extract.sentences import first_ending_after, is_boilerplate, split_sentences
from desktop.extract.tag import tag
from desktop.extract.titles import fit, happening_title, subject_of
from desktop.extract.verbs import lexicon_for

_LEAD_SENTENCES = 2
_CLOSERS = "\"'”’)]"  # what may follow a sentence's closing mark
_STOPS = frozenset(".!?")
_MIN_WORDS = 5
_CAPITAL = re.compile(r"[A-Z]")
_NOTABLE = re.compile(r"[A-Z.!?\"“”]")


def _is_heading(sentence: str) -> bool:
    """A headline, crosshead or byline: a line with no closing full stop.

    String methods, not a regex searched from every character (sentences are trimmed,
    so the mark is the last character once closing quotes and brackets are stripped).
    """
    return (sentence.rstrip(_CLOSERS)[-1:] not in _STOPS
            or len(sentence.split(None, _MIN_WORDS - 1)) < _MIN_WORDS)


def _quiet_until(text: str, start: int, next_date: int | None) -> int:
    """Where the next capital, quote, sentence mark or date phrase is, from `start` on.

    Sentences before it are headings with no name, date or quotation: nothing to suggest
    or remember, so a run of them (9 million "a" lines) is passed over in one step.
    """
    found = _NOTABLE.search(text, start)
    at = found.start() if found is not None else len(text)
    return at if next_date is None else min(at, next_date)


def _reference(timexes: list[Timex], reference: date | None) -> date | None:
    dateline = next((t for t in timexes if t.dateline and t.fuzzy is not None), None)
    return dateline.fuzzy.earliest.date() if dateline is not None else reference


@dataclass
class Sentence:
    """One sentence the anchoring read: what the titles and entities pass needs of it."""

    start: int
    end: int
    named: bool  # holds a capital: may name an actor or place
    clauses: list[Clause] = field(default_factory=list)
    found: list[Anchored] = field(default_factory=list)
    phrases: list[Suggestion] = field(default_factory=list)  # no verb lexicon: per phrase
    spans: list[tuple[int, int]] = field(default_factory=list)  # its date phrases


def anchor_text(
    text: str,
    reference: date | None,
    language: str = "en",
    dayfirst: bool = False,
    limit: int | None = None,
) -> list[Sentence]:
    """The tagger with anchoring: the happenings of a text with their dates (languages
    without a verb lexicon: one per placeable date phrase), sentence by sentence, before
    titles and entities are written.

    One pass over the sentences; `suggest` then reads the same sentences once more for
    who did what. With `limit`, reading stops once more than `limit` are found.
    """
    if not isinstance(text, str) or not text:
        return []
    timexes = tag(text, reference, language, dayfirst)
    effective = _reference(timexes, reference)
    lex = lexicon_for(language)
    state = Narrative(publication=not tells_history(timexes, effective))
    out: list[Sentence] = []
    count = 0
    index = 0
    body = 0
    paragraph = 0
    line_cursor = 0
    sentences = split_sentences(text)
    number = -1
    while number + 1 < len(sentences):
        number += 1
        start, end = sentences[number]
        if limit is not None and count > limit:
            break
        paragraph += text.count("\n", line_cursor, start)
        line_cursor = start
        while index < len(timexes) and timexes[index].end <= start:
            index += 1
        quiet = _quiet_until(text, start, timexes[index].start if index < len(timexes) else None)
        if quiet >= end:  # this sentence and the next up to `quiet`: nothing to read
            number = first_ending_after(sentences, quiet, number) - 1
            continue
        inside = []
        k = index
        while k < len(timexes) and timexes[k].start < end:
            if timexes[k].end <= end:
                inside.append(timexes[k])
            k += 1
        sentence = text[start:end]
        item = Sentence(start, end, _CAPITAL.search(sentence) is not None)
        out.append(item)
        if is_boilerplate(sentence):
            pass
        elif lex is None:
            item.phrases = _phrase_only(text, (start, end), inside, effective)
        elif (heading := _is_heading(sentence)) and not inside and not item.named:
            note_quotes(text, start, end, state)  # no date, no name, not the lead: no use
        else:
            lead = not heading and body < _LEAD_SENTENCES
            clauses, found = anchor_sentence(
                text, (start, end), inside, lex, state, effective, (paragraph, number, lead)
            )
            if heading:
                found = [a for a in found if a.method == PHRASE]
            else:
                body += 1
            item.clauses, item.found = clauses, found
            item.spans = _title_dates(text, inside)
        count += len(item.found) + len(item.phrases)
    return out


_COUNTED_FROM = re.compile(r"\s+(?:after|before|later|earlier)\b")


def _title_dates(text: str, inside: list[Timex]) -> list[tuple[int, int]]:
    """The phrases a title drops: dates, and a span counted from another happening
    ("three days after the recall"); "sentenced to six years" keeps its duration."""
    return [(t.start, t.end) for t in inside
            if t.type in ("DATE", "TIME") or _COUNTED_FROM.match(text, t.end)]  # fmt: skip


def suggest(
    text: str,
    reference: date | None,
    language: str = "en",
    dayfirst: bool = False,
    limit: int | None = None,
) -> list[Suggestion]:
    """Suggested events in `text`, dated against `reference` (the publication date).

    With `limit`, reading stops once more than `limit` are found (so that a 60,000-line
    page costs what its first few thousand sentences cost).
    """
    if not isinstance(text, str) or not text:
        return []
    if not (language or "en").lower().startswith("en"):
        from desktop.extract.lang import table_for  # languages with their own date tables

        table = table_for(language)
        if table is not None:
            from desktop.extract.lang.suggest import suggest_language

            return suggest_language(text, reference, table, limit)
    finder = EntityFinder(text)
    memory = EntityMemory()  # one memory of who is who, for actors and titles alike
    out: list[Suggestion] = []
    named: list[int] = []  # happenings named by a possessive date ("Friday's earthquake")
    for item in anchor_text(text, reference, language, dayfirst, limit):
        start, end = item.start, item.end
        if item.named:
            note_acronyms(finder, memory, start, end)
        for phrase in item.phrases:
            actors, places = happening_entities(finder, memory, (start, end))
            out.append(replace(phrase, actors=actors, places=places))
        names: tuple[str, ...] | None = None  # the sentence's names, for all its happenings
        for found in item.found:
            verb = found.clause.verb_start if found.clause.has_verb else None
            who = happening_entities(finder, memory, (start, end), verb)
            if names is None:
                names = tuple(dict.fromkeys(names_in(text, start, end, text)))
            out.append(_suggestion(text, (start, end), found, item.clauses, item.spans,
                                   memory, who, names))  # fmt: skip
            if found.title:
                named.append(len(out) - 1)
        if item.named:  # what this sentence named is known to the ones after it
            subjects = [(c.start, c.verb_start) for c in item.clauses if c.has_verb]
            read_sentence(finder, memory, start, end, subjects)
    return _without_told_twice(out, named) if named else out


def _without_told_twice(out: list[Suggestion], named: list[int]) -> list[Suggestion]:
    """Drops "The attacks" (named by "responded to Saturday's attacks") when another
    sentence of the article tells that happening on that day ("The attacks targeted
    areas in southern Idlib")."""
    drop = set()
    for k in named:
        this = out[k]  # its verb is its noun ("earthquake")
        for i, other in enumerate(out):
            if i in named or other.value != this.value or other.start == this.start:
                continue
            if this.verb in nouns_in(other.title, 0, len(other.title)):
                drop.add(k)
                break
    return [s for i, s in enumerate(out) if i not in drop]


def _subject_start(clause: Clause, clauses: list[Clause], sentence_start: int) -> int:
    """Where the subject of this clause may begin: the sentence start for the first one."""
    first_main = next((c for c in clauses if not c.embedded), None)
    if clause is first_main or (clause.opener == "" and not clause.embedded
                                and clause.start == sentence_start):  # fmt: skip
        return sentence_start
    if first_main is not None and not first_main.has_verb and clause.opener in ("", "and"):
        return first_main.start  # "In a summit on Friday, Turkey – which ... – and Iran failed"
    return clause.start


def _antecedent(text: str, clause: Clause, clauses: list[Clause], sentence_start: int,
                memory: EntityMemory) -> str:  # fmt: skip
    """Who a subject-less clause ("which renounced ...", "and seized ...") is about."""
    if clause.embedded:
        head = re.split(r"[,;:]\s|\s(?:than|of|in|on|at|with|by|for|from|to|told|said|into|"
                        r"onto|as|was|were|is|are|became)\s",
                        text[sentence_start : clause.start].rstrip(" ,"))[-1].strip()
        names = names_in(text, clause.start - len(head) - 1, clause.start, text) if head else []
        if names:
            return names[-1]
        if head.lower() in ("one", "the one", "ones", "those", "that", "this"):
            prior = [c for c in clauses if c.has_verb and c.end <= clause.start]
            first = prior[-1] if prior else None  # "Friday's protest was larger than one"
            noun = text[first.start : first.verb_start].split() if first else []
            return f"The {noun[-1].rstrip(',')}" if noun else head
        return head
    before = [c for c in clauses if c.end <= clause.start and c.has_verb]
    if before and clause.shared_subject:  # "The liner was launched ... and made her voyage"
        prior = next((c for c in reversed(before) if not c.shared_subject), before[-1])
        return subject_of(text, _subject_start(prior, clauses, sentence_start), prior, memory)
    if before:
        names = names_in(text, before[-1].start, before[-1].verb_start, text)
        if names:
            return names[-1]
    return memory.last_subject()


def _suggestion(
    text: str,
    span: tuple[int, int],
    item: Anchored,
    clauses: list[Clause],
    spans: list[tuple[int, int]],
    memory: EntityMemory,
    who: Found = ((), ()),
    names: tuple[str, ...] | None = None,
) -> Suggestion:
    start, end = span
    clause = item.clause
    sentence = text[start:end]
    subject_from = _subject_start(clause, clauses, start)
    if subject_from != start and any(c.embedded for c in clauses if c.end <= clause.start):
        subject_from = _subject_start(clause, clauses, start)
    antecedent = _antecedent(text, clause, clauses, start, memory)
    title = item.title or happening_title(text, clause, subject_from, spans, memory, antecedent)
    if not title:
        title = fit(sentence)
    timex = item.timex
    return Suggestion(
        title=title,
        description=sentence,
        start=start,
        end=end,
        quote=sentence,
        date_phrase=timex.text if timex is not None else "",
        timex_start=timex.start if timex is not None else None,
        timex_end=timex.end if timex is not None else None,
        fuzzy=item.fuzzy,
        value=item.value,
        confidence=item.confidence,
        needs_reference=item.needs_reference,
        anchor=item.method,
        verb=item.noun or clause.lemma,  # a named happening's noun stands for its verb
        names=names if names is not None else tuple(dict.fromkeys(names_in(text, start, end,
                                                                             text))),
        numbers=tuple(sorted(numbers_in(item.title or text[clause.start : clause.end]))),
        actors=who[0],
        places=who[1],
    )


def _phrase_only(
    text: str, span: tuple[int, int], inside: list[Timex], reference: date | None
) -> list[Suggestion]:
    start, end = span
    sentence = text[start:end]
    out = []
    for timex in inside:
        if not placeable(timex, reference) or role(text, timex, start, end) != ANCHOR:
            continue
        if any(s.fuzzy.overlaps(timex.fuzzy) for s in out):
            continue
        out.append(
            Suggestion(
                fit(sentence), sentence, start, end, sentence, timex.text, timex.start,
                timex.end, timex.fuzzy, timex.value, 0.6, timex.needs_reference,
                names=tuple(dict.fromkeys(names_in(text, start, end, text))),
                numbers=tuple(sorted(numbers_in(sentence))),
            )
        )
    return out
