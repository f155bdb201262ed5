"""Happenings named by a noun with a possessive date: "the death toll from Friday's
earthquake has risen", "rescuers searched on Monday for survivors of Friday's quake".

The possessive dates the earthquake, not the verb of its clause (the toll rose today);
so the noun becomes a happening of its own and the clause is dated as if the phrase were
not there. When the possessive opens the subject ("Friday's earthquake killed 300"), the
verb tells the noun's own story and keeps the date.
"""

from __future__ import annotations

import re

from desktop.extract.clauses import Clause

_EVENT_NOUNS = (
    "earthquake|quake|fire|blaze|attack|attacks|bombing|blast|explosion|election|vote|"
    "referendum|protest|protests|rally|march|strike|storm|flood|floods|flooding|crash|"
    "collapse|shooting|raid|raids|airstrike|airstrikes|clashes|riot|riots|summit|meeting|"
    "talks|coup|killing|killings|massacre|ambush|derailment|landslide|eruption|hurricane|"
    "typhoon|cyclone|tsunami|shelling|offensive|assault|verdict|ruling|speech|visit|launch|"
    "ceremony|funeral|accident|outage|leak|spill|hack|cyberattack|fighting|battle|sinking"
)
# After the date's "'s": up to two modifiers, the event noun, then a place in the same
# breath ("Saturday's warehouse fire in Tamber").
_NOUN_AFTER = re.compile(
    rf"['’]s\s+(?P<np>(?:[\w-]+\s+){{0,2}}?(?P<noun>{_EVENT_NOUNS})\b"
    r"(?:\s+(?:in|at|near|on|off)\s+(?:the\s+)?(?:[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}"
    r"(?:\s+(?:province|region|district|city|county|state))?|(?:capital|port|border|city|"
    r"town|village|airport|prison|camp|plant|factory|mine)\b))?)",
)
_WHICH = re.compile(r",\s+which\s+(?P<what>(?:killed|injured|destroyed|left|hit|forced|"
                    r"displaced|damaged|cut|closed)\b[^,.;:!?]{1,50})")
_NOUN = re.compile(rf"\b(?:{_EVENT_NOUNS})\b", re.IGNORECASE)
_SYNONYMS = {"quake": "earthquake", "blaze": "fire", "blast": "explosion", "attacks": "attack",
             "protests": "protest", "floods": "flood", "flooding": "flood", "raids": "raid",
             "airstrikes": "airstrike", "riots": "riot", "killings": "killing"}  # fmt: skip
_OPENING = re.compile(
    r"^(?:(?:and|but|so|then|also|meanwhile|that|which|while|when|after|before|as|because|"
    r"although|though|if)[\s,]+)*(?:the\s+)?$", re.IGNORECASE)
# "took place during Friday's protests": the clause happened then too; it keeps the date
# ("met on Wednesday, two days after Monday's protest" did not: the protest is apart)
_DURING = re.compile(r"\b(?:during|at|amid|in|on)\s+$", re.IGNORECASE)


def dated_noun(text: str, timex, clauses: list[Clause]) -> tuple[str, str] | None:
    """The title of the happening a possessive date names ("The earthquake in Beluchi
    province") and its noun ("earthquake"), or None when the date is not such a
    possessive or opens its subject."""
    found = _NOUN_AFTER.match(text, timex.end)
    if found is None:
        return None
    clause = next((c for c in clauses if c.start <= timex.start < c.end), None)
    if clause is None:
        return None
    if _OPENING.match(text[clause.start : timex.start]) and (
        clause.has_verb and clause.verb_start > timex.end
    ):
        return None  # "Friday's earthquake killed 300": the verb is the earthquake's
    if _DURING.search(text, max(clause.start, timex.start - 25), timex.start):
        return None
    phrase = found["np"]
    title = "The " + phrase if not phrase[:1].isupper() else phrase
    what = _WHICH.match(text, found.end())
    title = f"{title} {what['what']}" if what else title  # "The earthquake killed 300"
    return title, same_noun(found["noun"].lower())


def same_noun(noun: str) -> str:
    """One name for a happening's noun ("quake" is the earthquake, "blaze" the fire)."""
    return _SYNONYMS.get(noun, noun)


def is_event_noun(word: str) -> bool:
    """Whether a matching verb is a named happening's noun (see suggest)."""
    return _NOUN.fullmatch(word) is not None


def nouns_in(text: str, start: int, end: int) -> set[str]:
    """The event nouns in text[start:end], by their one name."""
    return {same_noun(m.group(0).lower()) for m in _NOUN.finditer(text, start, end)}
