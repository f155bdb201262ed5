"""Who "he", "the group" or "the ministry" is: the actors named so far, in text order.

One memory serves both readers of a happening: its actors (entities.py asks for the
typed actor a pronoun or "the <noun>" points back at) and its title (titles.py asks
whom a pronoun subject stands for: the last actor named as a subject, so "Turkey
accused Russia. It said ..." is Turkey). Places are never antecedents.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from desktop.extract.actors import surname
from desktop.extract.entities_lexicon import ANAPHORS, PERSON_PRONOUNS
from desktop.extract.mentions import ACTOR, Mention, entity_key

_THEY = frozenset({"they", "it", "them"})
_TITLE_PERSON = frozenset({"he", "she", "him", "her"})
_TITLE_NOUNS = frozenset(
    """group organisation organization company firm militia movement ministry agency
    alliance coalition party government bank army court council union faction committee
    regime administration authorities""".split()
)


@dataclass
class EntityMemory:
    """The actors named so far, in text order, for "he", "the group", "the ministry"."""

    actors: list[tuple[str, str]] = field(default_factory=list)  # (name, type)
    surnames: dict[str, str] = field(default_factory=dict)  # "Erdogan" -> full name
    acronyms: dict[str, str] = field(default_factory=dict)  # "HTS" -> the full name
    heads: dict[str, set[str]] = field(default_factory=dict)  # "IG Metall" -> {"union"}
    subjects: list[tuple[str, str]] = field(default_factory=list)  # named before a verb

    def remember(self, mentions: Iterable[Mention],
                 subject_spans: Iterable[tuple[int, int]] = ()) -> None:  # fmt: skip
        """Actors named in a sentence just read; those inside `subject_spans` (from a
        clause's start to its verb) were its subjects."""
        spans = tuple(subject_spans)
        for m in mentions:
            if m.kind != ACTOR:
                continue
            name = self.canonical(m.name)
            self.actors.append((name, m.type))
            if any(a <= m.start < b for a, b in spans):
                self.subjects.append((name, m.type))
            if m.head:
                self.heads.setdefault(name, set()).add(m.head)
            if m.type == "person" and len(name.split()) >= 2:
                self.surnames.setdefault(entity_key(name.split()[-1]), name)
        del self.actors[:-50]
        del self.subjects[:-12]

    def last_subject(self) -> str:
        """The last actor named as a subject, preferring one that is not a person: who
        a subject-less "and seized ..." is about."""
        other = next((n for n, t in reversed(self.subjects) if t != "person"), None)
        person = next((n for n, t in reversed(self.subjects) if t == "person"), None)
        return other or person or ""

    def resolve_subject(self, subject: str) -> str:
        """The name a title writes for a pronoun or "the group"-style subject; else the
        subject itself. People are named by surname, as newspapers do."""
        low = subject.strip().lower()
        if low in _TITLE_PERSON:
            person = next((n for n, t in reversed(self.subjects) if t == "person"), None)
            return surname(person) if person else subject
        if low in _THEY:
            return self.last_subject() or subject
        words = low.split()
        if words and words[-1] in _TITLE_NOUNS and (len(words) == 1 or words[:-1] == ["the"]):
            hit = self.resolve(words[-1]) if words[-1] in ANAPHORS else None
            if hit is not None:
                return hit[0]
            named = next((n for n, _ in reversed(self.subjects) if words[-1] in n.lower()), None)
            return named or subject
        return subject

    def canonical(self, name: str) -> str:
        """A surname or acronym seen before stands for the full name."""
        return self.acronyms.get(name) or self.surnames.get(entity_key(name)) or name

    def resolve(self, word: str, before: list[tuple[str, str]] = ()) -> tuple[str, str] | None:
        """(name, type) of the last actor a pronoun or "the <noun>" points back at."""
        want = "person" if word.lower() in PERSON_PRONOUNS else ANAPHORS.get(word.lower())
        if want is None:
            return None
        noun = word.lower()
        for name, type_ in reversed([*self.actors, *before]):
            if noun in self.heads.get(name, ()):
                return name, type_  # "the Georgian Dream party" ... "the party"
        for name, type_ in reversed([*self.actors, *before]):
            low = name.lower()
            if want == "person" and type_ == "person":
                return name, type_
            if want in ("ministry", "army") and (want in low or type_ == "state"):
                return name, type_  # "Turkey's defence ministry" ... "the ministry"
            if want == "group" and type_ == "group":
                return name, type_
            if want == "organisation" and type_ in ("organisation", "group"):
                return name, type_
            if want == "state" and (type_ == "state" or "government" in low):
                return name, type_
        return None
