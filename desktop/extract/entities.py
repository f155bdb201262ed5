"""Actors and places of a happening, found in its sentence (no Qt, no database).

Names are runs of capitalised words ("Hay'at Tahrir al-Sham", "Syrian Observatory for
Human Rights"). Each is a place when the text says so ("in Saraqeb", "Idlib province")
or the gazetteer knows it as a town, else an actor: a state (a country acting, "Turkish
troops"), an organisation, a group or a person. Actors before the happening's verb are
its subject, after it its object ("by Russian jets" is the subject of a passive). News
outlets and monitors that only report the happening are left out. "He", "the group",
"the ministry" stand for the last named actor of their kind (EntityMemory).
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from desktop.extract.entities_lexicon import (
    ANAPHORS,
    COMMON_WORD_PLACES,
    DEMONYMS,
    GROUP_NAME_WORDS,
    GROUP_WORDS,
    KNOWN_ORGS,
    LEADER_NOUNS,
    NOT_NAMES,
    ORG_WORDS,
    OUTLETS,
    PERSON_PRONOUNS,
    PLACE_NAME_WORDS,
    PLACE_OF,
    PLACE_SUFFIXES,
    REPORTER_WORDS,
    STATE_AGENTS,
    STRONG_LOCATIVES,
    TITLES,
    WEAK_LOCATIVES,
)
from desktop.extract.model import Suggestion
from desktop.extract.sentences import first_ending_after, split_sentences

ACTOR, PLACE = "actor", "place"
SUBJECT, OBJECT = "subject", "object"
_CAPITAL = re.compile(r"[A-Z]")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'", "-": " ", "‐": " "})


@lru_cache(maxsize=8192)  # an article repeats its names: hundreds of calls, few names
def entity_key(name: str) -> str:
    """The loose form two spellings of one name share: case, spacing, a leading "the",
    curly apostrophes and hyphens do not matter ("Hay’at Tahrir al-Sham")."""
    text = " ".join(str(name).translate(_APOSTROPHES).split())
    return _LEADING_THE.sub("", text).casefold()


@dataclass(frozen=True)
class ActorRef:
    """An actor proposed for a happening: its name, part (subject/object/"") and type."""

    name: str
    role: str = ""
    type: str = ""  # person, organisation, group, state, or "" when unsure


@dataclass(frozen=True)
class PlaceRef:
    """A place proposed for a happening, with country and coordinates when unambiguous."""

    name: str
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    name: str
    kind: str  # ACTOR or PLACE
    type: str = ""
    place: PlaceRef | None = None
    passive_agent: bool = False  # "by X": the doer, wherever it stands
    head: str = ""  # the lower-case noun after the name ("union" in "the IG Metall union")


_W = (r"(?:[A-Z][\w'’&]*(?:[.-][\w'’]+)*\.?"
      r"|(?:al|el|ad|ash|as|an|ar|at|az|bin|ibn|wal|wa)-[A-Z][\w'’]*)")
_NAME = re.compile(rf"{_W}(?:(?:\s+(?:of|for|de|bin|ibn|al|el)(?:\s+the)?)?\s+{_W})*")
_ACRONYM = re.compile(r"^[A-Z][A-Z.]{1,6}$")
_WORD_AFTER = re.compile(r"^[\s,]*([A-Za-z][\w-]*)")
_ASCII_LETTERS = frozenset(string.ascii_letters)
_PAREN_ACRONYM = re.compile(r"^\s*\(([A-Z][A-Za-z.]{1,8})[,);]")
# "Turkish-backed", "UK-based", "Russian-Turkish": adjectives, not names
_COMPOUND = re.compile(
    r"^(?:[A-Z][\w'’]*-[a-z][\w-]*|(?:" + "|".join(DEMONYMS).replace(".", r"\.")
    + r")-[A-Z][\w-]*)$"
)
_POSSESSIVE = re.compile(r"['’]s\b")
_VERB = re.compile(
    r"\b(?:has|have|had|was|were|is|are|will|would|did|does|do|could|can|may|might|must|"
    r"said|says|say|told|took|began|begun|hit|struck|met|meets|held|holds|fled|won|lost|shot|"
    r"fought|made|came|went|gave|sent|led|left|fell|broke|sought|drove|rose|ran|set|"
    r"[a-z]{3,}ed)\b"
)
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


_SHOUTED = frozenset(DEMONYMS) | TITLES


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A run cut after each possessive: "Turkey's Foreign Minister Mevlut Cavusoglu" is
    Turkey, then the minister."""
    out = []
    for m in _POSSESSIVE.finditer(text, start, end):
        if m.end() < end:
            out.append((start, m.end()))
            start = m.end() + 1
    out.append((start, end))
    return [(a, b) for a, b in out if a < b]


def _strip(words: list[str]) -> tuple[list[str], bool]:
    """Drop leading function words and titles; says whether a title was seen."""
    titled = False
    words = [w.title() if len(w) > 3 and w.isupper() and w.title() in _SHOUTED else w
             for w in words]  # "GERMAN Chancellor": a dateline-style capitalised word
    while words:
        head = words[0].rstrip(".")
        if words[0] in TITLES or head in TITLES:
            titled = True
        elif words[0] not in NOT_NAMES and head not in NOT_NAMES:
            break
        words.pop(0)
    while words and words[-1] in NOT_NAMES:
        words.pop()
    return words, titled


def _is_sentence_start(text: str, start: int, sentence_start: int) -> bool:
    return text[sentence_start:start].strip(" \"“‘'(") == ""


def _word_before(text: str, start: int, floor: int) -> str:
    """The word ending just before `start` (commas and spaces between), lower-cased: what
    `([A-Za-z][\\w-]*)[\\s,]*$` finds in the 40 characters before, read backwards (the
    regex tried every position of the window: a tenth of the entity reading)."""
    low = max(floor, start - 40)
    end = start
    while end > low and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    first = end
    while first > low and (text[first - 1].isalnum() or text[first - 1] in "_-"):
        first -= 1
    for k in range(first, end):
        if text[k] in _ASCII_LETTERS:
            return text[k:end].lower()
    return ""


def _word_after(text: str, end: int) -> str:
    m = _WORD_AFTER.match(text[end : end + 40])
    return m.group(1) if m else ""


def _actor_type(name: str, titled: bool) -> str:
    words = name.split()
    low = {w.lower().strip(".,") for w in name.replace("-", " ").split()}
    if titled:
        return "person"
    if name in KNOWN_ORGS:
        return "organisation"
    if low & GROUP_NAME_WORDS:
        return "group"
    if low & GROUP_WORDS and not low & ORG_WORDS - GROUP_WORDS:
        return "group"
    if low & ORG_WORDS:
        return "organisation"
    if _ACRONYM.match(name):
        return "group"
    if len(words) >= 2:
        return "person"
    return ""


class EntityFinder:
    """Finds and classifies names; holds the gazetteer (loaded lazily) and the article."""

    def __init__(self, text: str, gazetteer: object | None = None) -> None:
        self.text = text
        self._gazetteer = gazetteer
        self._lower_words: set[str] | None = None
        self._seen: dict[tuple[int, int], list[Mention]] = {}
        self._last: Mention | None = None
        # Names the article has shown to be places ("in Maarat al-Nouman"), so they stay
        # places where nothing says so later ("Maarat al-Nouman has seen ...").
        self.places: set[str] = set()
        self._located: dict[str, object] = {}

    @property
    def gazetteer(self):
        if self._gazetteer is None:
            from desktop.extract.gazetteer import default_gazetteer

            self._gazetteer = default_gazetteer()
        return self._gazetteer

    def _written_lower(self, word: str) -> bool:
        if self._lower_words is None:
            self._lower_words = set(re.findall(r"\b[a-z][a-z'-]+\b", self.text))
        return word.lower() in self._lower_words

    def locate(self, name: str):
        """The gazetteer's answer, remembered: an article repeats its names."""
        if name not in self._located:
            self._located[name] = self.gazetteer.locate(name)
        return self._located[name]

    def mentions(self, start: int, end: int) -> list[Mention]:
        """The named actors and places in text[start:end], in order."""
        if (start, end) in self._seen:
            return self._seen[(start, end)]
        out: list[Mention] = []
        self._seen[(start, end)] = out
        text = self.text
        self._last = None
        for m in _NAME.finditer(text, start, end):
            for a, b in _pieces(text, m.start(), m.end()):
                found = self._classify(a, b, start)
                if found is not None:
                    out.append(found)
                    if found.kind == PLACE and found.place and found.place.country is None:
                        self.places.add(entity_key(found.name))  # not a gazetteer name
                self._last = found
        return out

    def _classify(self, m_start: int, m_end: int, sentence_start: int) -> Mention | None:
        text = self.text
        raw = text[m_start:m_end]
        words, titled = _strip(raw.split())
        while words and _COMPOUND.match(words[0]) and len(words) > 1:
            words.pop(0)  # "UK-based Syrian Observatory ..."
        if not words:
            return None
        prefix = raw[: raw.find(words[0])] if words[0] in raw else ""
        start = m_start + len(prefix)
        name = " ".join(words)
        if name.endswith(("'s", "’s")):
            name = name[:-2]
        if name.endswith(".") and "." not in name[:-1]:
            name = name[:-1]  # the sentence's full stop, not "U.S."
        end = start + len(name)
        if not name or name in OUTLETS or name in NOT_NAMES or _COMPOUND.match(name):
            return None
        if all(w.lower() in ORG_WORDS for w in name.split()):
            return None  # "the Ministry", "13th Division": a noun, not a name
        if words[0] in DEMONYMS and len(words) == 1:
            return self._demonym(words[0], start, end)
        if words[0] in DEMONYMS and words[1] in TITLES:
            words, titled = _strip(words[1:])
            if not words:
                return None
            name = " ".join(words)
            start = text.find(name, start, m_end)
            end = start + len(name)
        after = _word_after(text, end)
        before = _word_before(text, m_start, sentence_start)
        if before == "of" and _word_before(text, m_start - 3, sentence_start) in PLACE_OF:
            before = "in"  # "the town of al-Bab", "the areas of al-Himran"
        elif (before == "and" and self._last is not None and self._last.kind == PLACE
              and text[self._last.end : m_start].strip() == "and"):  # fmt: skip
            before = "in"  # "in the areas of al-Himran and Tarhin"
        possessive = text[end : end + 2] in ("'s", "’s")
        at_start = _is_sentence_start(text, start, sentence_start)
        located = self.locate(name)
        if len(words) == 1 and at_start and located is None and not titled and (
            self._written_lower(name) or (name.endswith("s") and not _ACRONYM.match(name))
        ):  # fmt: skip
            return None  # "Rebels shelled ...", "Gunmen from": an ordinary word opening it
        if (len(words) == 1 and at_start and located is None and not titled
                and not _ACRONYM.match(name) and _lower_non_verb(text, end)):  # fmt: skip
            return None  # "Heavy monsoon rains", "Gunmen from": no name opens this sentence
        if len(words) == 1 and after.lower() in LEADER_NOUNS:
            return None  # "Opposition leader Nika Melia": the leader is the actor
        agent = before == "by"
        kind, type_, name = self._kind(name, titled, located, before, after, possessive)
        if kind is None:
            return None
        place = None
        if kind == PLACE:
            best = located.best if located is not None else None
            place = PlaceRef(
                name, located.country if located else None,
                best.latitude if best else None, best.longitude if best else None,
            )  # fmt: skip
        head = after.lower() if after.lower() in ANAPHORS else ""
        return Mention(start, end, name, kind, type_, place, agent, head)

    def _kind(self, name: str, titled: bool, located, before: str, after: str,
              possessive: bool) -> tuple[str | None, str, str]:  # fmt: skip
        """(kind, type, name as stored): a capital acting is its state."""
        type_ = _actor_type(name, titled)
        if not titled and after.lower() in ORG_WORDS | GROUP_WORDS and type_ in ("", "person"):
            type_ = "group" if after.lower() in GROUP_WORDS else "organisation"
        if titled or type_ in ("organisation", "group"):
            return ACTOR, type_, name
        strong = before in STRONG_LOCATIVES
        if after.lower() in PLACE_SUFFIXES or entity_key(name) in self.places:
            return PLACE, "", name
        if {w.lower() for w in name.split()} & PLACE_NAME_WORDS:
            return PLACE, "", name
        if located is not None and located.is_country:
            if strong:
                return PLACE, "", name  # "in Syria", "in Syria's Idlib province"
            return ACTOR, "state", located.best.name  # "sent gas to Germany": a party to it
        if located is not None:
            state = self.gazetteer.capital_of(name)
            if state and not strong and before not in WEAK_LOCATIVES:
                return ACTOR, "state", state  # "accused Ankara", "Moscow rejected"
            if strong or before in WEAK_LOCATIVES or (
                name not in COMMON_WORD_PLACES and located.country is not None
                and len(name.split()) <= 3
            ):  # fmt: skip
                return PLACE, "", name
        elif strong and len(name.split()) <= 4 and type_ in ("", "person"):
            return PLACE, "", name
        return ACTOR, type_, name

    def _demonym(self, word: str, start: int, end: int) -> Mention | None:
        """ "Turkish troops", "Russian warplanes": the state; "Russian-brokered": nothing."""
        country = DEMONYMS[word]
        nxt = _word_after(self.text, end).lower()
        if not country or nxt not in STATE_AGENTS:
            return None
        return Mention(start, end, country, ACTOR, "state",
                       passive_agent=_word_before(self.text, start, 0) == "by")  # fmt: skip


@dataclass
class EntityMemory:
    """The actors named so far, in text order, for "he", "the group", "the ministry"."""

    actors: list[tuple[str, str]] = field(default_factory=list)  # (name, type)
    surnames: dict[str, str] = field(default_factory=dict)  # "Erdogan" -> full name
    acronyms: dict[str, str] = field(default_factory=dict)  # "HTS" -> the full name
    heads: dict[str, set[str]] = field(default_factory=dict)  # "IG Metall" -> {"union"}

    def remember(self, mentions: Iterable[Mention]) -> None:
        for m in mentions:
            if m.kind != ACTOR:
                continue
            name = self.canonical(m.name)
            self.actors.append((name, m.type))
            if m.head:
                self.heads.setdefault(name, set()).add(m.head)
            if m.type == "person" and len(name.split()) >= 2:
                self.surnames.setdefault(entity_key(name.split()[-1]), name)
        del self.actors[:-50]

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


def _lower_non_verb(text: str, end: int) -> bool:
    """Whether the next word is lower case and does not look like a verb."""
    m = _WORD_AFTER.match(text[end : end + 40])
    if m is None or not m.group(1)[:1].islower() or text[end : end + 1] == ",":
        return False
    return _VERB.fullmatch(m.group(1)) is None and not m.group(1).endswith("s")


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


def read_sentence(finder: EntityFinder, memory: EntityMemory, start: int, end: int) -> None:
    """Let the memory know the actors this sentence names (after its happenings used it)."""
    note_acronyms(finder, memory, start, end)
    memory.remember(finder.mentions(start, end))


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
