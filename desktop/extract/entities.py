"""Actors and places of a happening and the part each plays (no Qt, no database).

The names of its sentence and their kinds come from mentions.py (with the gazetteer).
Actors before the happening's verb are its subject, after it its object ("by Russian
jets" is the subject of a passive). News outlets and monitors that only report the
happening are left out. "He", "the group", "the ministry" stand for the last named actor
of their kind (antecedents.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from desktop.extract.antecedents import EntityMemory
from desktop.extract.entities_lexicon import ANAPHORS, REPORTER_WORDS, STATE_AGENTS
from desktop.extract.mentions import (
    _VERB,
    ACTOR,
    PLACE,
    EntityFinder,
    Mention,
    PlaceRef,
    entity_key,
)
from desktop.extract.model import Suggestion
from desktop.extract.sentences import first_ending_after, split_sentences

__all__ = ["ACTOR", "PLACE", "ActorRef", "PlaceRef", "attach_entities", "entities_for_spans",
           "entity_key", "happening_entities"]  # fmt: skip

SUBJECT, OBJECT = "subject", "object"
_CAPITAL = re.compile(r"[A-Z]")
_PAREN_ACRONYM = re.compile(r"^\s*\(([A-Z][A-Za-z.]{1,8})[,);]")


@dataclass(frozen=True)
class ActorRef:
    """An actor proposed for a happening: its name, part (subject/object/"") and type."""

    name: str
    role: str = ""
    type: str = ""  # person, organisation, group, state, or "" when unsure



_ATTRIBUTION_TAIL = re.compile(r",\s*(?:according\s+to|[^,]{0,60}?\b(?:said|says|reported))"
                               r"[^,]*[.!]?$")  # fmt: skip
_DATELINE = re.compile(r"(?:[A-Z][A-Z\w'’ .-]{1,40},\s*[A-Z][\w'’ .-]{1,30}?\s*[–—]\s+|"
                       r"[A-Z][A-Z'’ .-]{2,40}\s*(?:\([^)]{1,40}\))?\s*[–—-]\s+)"
                       r"(?=[A-Z\"“])")
_ACCORDING = re.compile(r"\baccording\s+to\s+[^,.;]{1,90}", re.IGNORECASE)
_TOLD = re.compile(r"\btold\s+$", re.IGNORECASE)
_ANAPHOR = re.compile(
    r"\b(?:(?P<pron>[Hh]e|[Ss]he)|(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?P<noun>"
    + "|".join(sorted(ANAPHORS, key=len, reverse=True))
    + r")|[Ii]ts\s+(?P<its>" + "|".join(sorted(STATE_AGENTS)) + r"))\b(?!\s+[A-Z])"
)



def _verb_at(text: str, start: int, end: int, mentions: list[Mention]) -> int:
    """Where the happening's verb group starts: the first finite-looking verb outside
    the names (the subject comes before it)."""
    for m in _VERB.finditer(text, start, end):
        if not any(x.start <= m.start() < x.end for x in mentions):
            return m.start()
    return end


def _reporting_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Parts of a sentence that only say who reported it ("according to the monitor",
    ", the White Helmets said.")."""
    spans = [(m.start(), m.end()) for m in _ACCORDING.finditer(text, start, end)]
    dateline = _DATELINE.match(text, start, end)
    if dateline is not None:  # "Antakya, Turkey – ...": where it was filed from
        spans.append((start, dateline.end()))
    tail = _ATTRIBUTION_TAIL.search(text, start, end)
    if tail is not None and tail.start() > start + 20:
        spans.append((tail.start(), end))
    return spans


def _is_reporter(text: str, m: Mention, floor: int, memory: EntityMemory) -> bool:
    low = set(memory.canonical(m.name).lower().split()) | set(m.name.lower().split())
    if low & REPORTER_WORDS:
        return True
    return bool(_TOLD.search(text[max(floor, m.start - 8) : m.start]))


def happening_entities(
    finder: EntityFinder,
    memory: EntityMemory,
    span: tuple[int, int],
    verb_start: int | None = None,
) -> tuple[tuple[ActorRef, ...], tuple[PlaceRef, ...]]:
    """The actors and places of the happening reported in text[span], resolving
    anaphors against `memory` (which the caller updates sentence by sentence)."""
    text = finder.text
    start, end = span
    named = finder.mentions(start, end)
    skip = _reporting_spans(text, start, end)
    named = [m for m in named if not any(a <= m.start < b for a, b in skip)]
    named = [m for m in named if not _is_reporter(text, m, start, memory)]
    verb = verb_start if verb_start is not None and start <= verb_start <= end else None
    verb = verb if verb is not None else _verb_at(text, start, end, named)
    found: list[tuple[int, str, str, bool]] = []  # (offset, name, type, agent)
    for m in named:
        if m.kind == ACTOR:
            found.append((m.start, memory.canonical(m.name), m.type, m.passive_agent))
    so_far = [(m.name, m.type) for m in named if m.kind == ACTOR]
    for a in _ANAPHOR.finditer(text, start, end):
        if any(m.start <= a.start() < m.end for m in named):
            continue
        word = a.group("pron") or a.group("noun") or ("army" if a.group("its") else "")
        earlier = [(n, t) for (o, n, t, _) in found if o < a.start()]
        hit = memory.resolve(word, earlier)
        if hit is not None and hit[0] not in {n for n, _ in so_far}:
            found.append((a.start(), hit[0], hit[1], False))
    found.sort()
    actors: dict[str, ActorRef] = {}
    for offset, name, type_, agent in found:
        role = SUBJECT if agent or offset < verb else OBJECT
        key = entity_key(name)
        if key in actors:
            if role == SUBJECT and actors[key].role != SUBJECT:
                actors[key] = ActorRef(actors[key].name, SUBJECT, actors[key].type)
            continue
        actors[key] = ActorRef(name, role, type_)
    places: dict[str, PlaceRef] = {}
    for m in named:
        if m.kind == PLACE and m.place is not None:
            places.setdefault(entity_key(m.name), m.place)
    return tuple(actors.values()), tuple(places.values())


def note_acronyms(finder: EntityFinder, memory: EntityMemory, start: int, end: int) -> None:
    """ "Hay'at Tahrir al-Sham (HTS)": later "HTS" is the same actor."""
    for m in finder.mentions(start, end):
        paren = _PAREN_ACRONYM.match(finder.text[m.end : m.end + 14])
        if m.kind == ACTOR and paren:
            memory.acronyms.setdefault(paren.group(1), m.name)


def read_sentence(finder: EntityFinder, memory: EntityMemory, start: int, end: int,
                  subject_spans: Sequence[tuple[int, int]] = ()) -> None:  # fmt: skip
    """Let the memory know the actors this sentence names (after its happenings used it)
    and which of them were subjects (in a clause before its verb)."""
    note_acronyms(finder, memory, start, end)
    memory.remember(finder.mentions(start, end), subject_spans)


Found = tuple[tuple[ActorRef, ...], tuple[PlaceRef, ...]]


def entities_for_spans(
    text: str,
    items: Sequence[tuple[tuple[int, int], int | None]],
    gazetteer: object | None = None,
    sentences: list[tuple[int, int]] | None = None,
) -> list[Found]:
    """Actors and places of each happening, given as (sentence span, offset of its verb
    or None), read with the whole article in order so "the group" finds the group named
    sentences before. The subject comes before the verb, the object after it."""
    if not items:
        return []
    finder = EntityFinder(text, gazetteer)
    memory = EntityMemory()
    sentences = split_sentences(text) if sentences is None else sentences
    pending = sorted(range(len(items)), key=lambda i: items[i][0][0])
    out: list[Found] = [((), ())] * len(items)
    cursor = 0
    number = -1
    while number + 1 < len(sentences) and cursor < len(pending):
        number += 1
        start, end = sentences[number]
        capital = _CAPITAL.search(text, start)
        quiet = min(capital.start() if capital else len(text), items[pending[cursor]][0][0])
        if quiet >= end:  # no name to note up to `quiet`, and no happening: pass them over
            number = first_ending_after(sentences, quiet, number) - 1
            continue
        named = capital is not None and capital.start() < end
        if named:
            note_acronyms(finder, memory, start, end)
        while cursor < len(pending) and items[pending[cursor]][0][0] < end:
            i = pending[cursor]
            span, verb = items[i]
            if span[0] >= start:
                out[i] = happening_entities(finder, memory, span, verb)
            cursor += 1
        if named:
            read_sentence(finder, memory, start, end)
    return out


def attach_entities(
    text: str,
    suggestions: Sequence[Suggestion],
    verbs: dict[int, int] | None = None,
    gazetteer: object | None = None,
    sentences: list[tuple[int, int]] | None = None,
) -> list[Suggestion]:
    """The suggestions with the actors and places of their happenings; `verbs` maps a
    suggestion's index to its verb's offset where the anchoring knows it."""
    verbs = verbs or {}
    items = [((s.start, s.end), verbs.get(i)) for i, s in enumerate(suggestions)]
    found = entities_for_spans(text, items, gazetteer, sentences)
    return [replace(s, actors=a, places=p) for s, (a, p) in zip(suggestions, found, strict=True)]
