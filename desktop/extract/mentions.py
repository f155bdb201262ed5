"""Names in a sentence and what each is: a place or an actor, and which kind of actor.

Names are runs of capitalised words ("Hay'at Tahrir al-Sham", "Syrian Observatory for
Human Rights"). Each is a place when the text says so ("in Saraqeb", "Idlib province")
or the gazetteer knows it as a town, else an actor: a state (a country acting, "Turkish
troops"), an organisation, a group or a person. News outlets are no actor. Which part
an actor plays in a happening is read in entities.py.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
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
    PLACE_NAME_WORDS,
    PLACE_OF,
    PLACE_SUFFIXES,
    STATE_AGENTS,
    STRONG_LOCATIVES,
    TITLES,
    WEAK_LOCATIVES,
)

ACTOR, PLACE = "actor", "place"
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'", "-": " ", "‐": " "})


@lru_cache(maxsize=8192)  # an article repeats its names: hundreds of calls, few names
def entity_key(name: str) -> str:
    """The loose form two spellings of one name share: case, spacing, a leading "the",
    curly apostrophes and hyphens do not matter ("Hay’at Tahrir al-Sham")."""
    text = " ".join(str(name).translate(_APOSTROPHES).split())
    return _LEADING_THE.sub("", text).casefold()



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


@lru_cache(maxsize=8192)  # the part of classifying a name its context does not change
def _parse(raw: str) -> tuple[tuple[str, ...], bool, int, str] | None:
    """(words, titled, characters before the first word, name) of a run of capitalised
    words, or None when it names nothing (a title alone, an outlet, "the Ministry")."""
    words, titled = _strip(raw.split())
    while words and _COMPOUND.match(words[0]) and len(words) > 1:
        words.pop(0)  # "UK-based Syrian Observatory ..."
    if not words:
        return None
    skipped = raw.find(words[0]) if words[0] in raw else 0
    name = " ".join(words)
    if name.endswith(("'s", "’s")):
        name = name[:-2]
    if name.endswith(".") and "." not in name[:-1]:
        name = name[:-1]  # the sentence's full stop, not "U.S."
    if not name or name in OUTLETS or name in NOT_NAMES or _COMPOUND.match(name):
        return None
    if all(w.lower() in ORG_WORDS for w in name.split()):
        return None  # "the Ministry", "13th Division": a noun, not a name
    return tuple(words), titled, skipped, name


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


_ORG_NOT_GROUP = ORG_WORDS - GROUP_WORDS
_ORG_OR_GROUP = ORG_WORDS | GROUP_WORDS


@lru_cache(maxsize=8192)  # a name and its type, whatever the sentence: an article repeats it
def _actor_type(name: str, titled: bool) -> str:
    words = name.split()
    low = {w.lower().strip(".,") for w in name.replace("-", " ").split()}
    if titled:
        return "person"
    if name in KNOWN_ORGS:
        return "organisation"
    if low & GROUP_NAME_WORDS:
        return "group"
    if low & GROUP_WORDS and not low & _ORG_NOT_GROUP:
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
        parsed = _parse(text[m_start:m_end])
        if parsed is None:
            return None
        words, titled, skipped, name = parsed
        start = m_start + skipped
        end = start + len(name)
        if words[0] in DEMONYMS and len(words) == 1:
            return self._demonym(words[0], start, end)
        if words[0] in DEMONYMS and words[1] in TITLES:
            words, titled = _strip(words[1:])
            if not words:
                return None
            name = " ".join(words)
            if name.endswith(("'s", "’s")):
                name = name[:-2]  # "Turkish Foreign Minister Mevlut Cavusoglu’s proposal"
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
        if not titled and after.lower() in _ORG_OR_GROUP and type_ in ("", "person"):
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


def _lower_non_verb(text: str, end: int) -> bool:
    """Whether the next word is lower case and does not look like a verb."""
    m = _WORD_AFTER.match(text[end : end + 40])
    if m is None or not m.group(1)[:1].islower() or text[end : end + 1] == ",":
        return False
    return _VERB.fullmatch(m.group(1)) is None and not m.group(1).endswith("s")
