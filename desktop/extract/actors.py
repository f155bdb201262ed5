"""Named actors and numbers in a sentence, and how a title writes a person's name.

Names are runs of capitalised words (with "al-", "bin", "de" inside); a capitalised word
that opens a sentence counts only when the article never writes it in lower case
("Rebels shelled ..." is not a name, "Russia rejected ..." is). They serve titles
(surnames, titles dropped) and matching (two reports of one happening
share actors, places and figures).
"""

from __future__ import annotations

import re
from functools import lru_cache

_NAME = re.compile(
    r"\b[A-Z][\w'’-]*(?:\s+(?:(?:al|el|bin|ibn|de|da|van|von|der|of|the)[\s-])?[A-Z][\w'’-]*)*"
)
_FUNCTION = frozenset(
    """The A An On In At By For From To Of And But Or After Before During Since While When
    Where Which Who What Why How This That These Those It Its He She They We I You Our Their
    His Her Earlier Later Meanwhile However Also Then Today Yesterday Tomorrow Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday January February March April May June July
    August September October November December According Although Though If As Some Many
    Most Both Last Next More Mr Mrs Ms Dr There Here Such Despite With Without Over Under
    Local Officials Government""".split()
)
TITLE_WORDS = re.compile(
    r"^(?:(?:Former|Deputy|Vice|Acting|Prime|Foreign|Defence|Defense|Interior|Finance|"
    r"Russian|Turkish|Syrian|Iranian|US|U\.S\.|UK|British|French|German|Chinese|"
    r"President|Minister|Secretary|General|Gen\.|Colonel|Col\.|Commander|Chancellor|"
    r"King|Queen|Prince|Senator|Sen\.|Governor|Gov\.|Mayor|Chief|Judge|Pope|Sheikh|"
    r"Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s+)+"
)
_ORG_WORDS = frozenset(
    """ministry army forces council government party group company bank court agency
    union front brigade division committee commission office police militia coalition
    alliance organisation organization nations observatory helmets state states
    department navy corporation inc ltd university""".split()
)
_NUMBER = re.compile(r"\b\d[\d,.]*\b")
_NUMBER_WORDS = {
    "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "dozen": "12",
    "twenty": "20", "hundred": "100", "hundreds": "100", "thousand": "1000",
}  # fmt: skip
_NUMBER_WORD = re.compile(r"\b(?:" + "|".join(_NUMBER_WORDS) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=4)
def _spaced_words(article: str) -> frozenset[str]:
    """The words written between two spaces in the article: `w in` this is
    `f" {w} " in article` without reading the whole article again for every name."""
    pieces = article.split(" ")  # in C: a regex with look-arounds cost 0.3 ms an article
    return frozenset(pieces[1:-1]) - {""}


def names_in(text: str, start: int, end: int, article: str) -> list[str]:
    """Names in text[start:end], title words and function words dropped."""
    out: list[str] = []
    for m in _NAME.finditer(text, start, end):
        name = m.group()
        words = name.split()
        while words and words[0] in _FUNCTION:
            words.pop(0)
        if not words:
            continue
        at_start = m.start() == start or text[max(start, m.start() - 2) : m.start()].strip(
            " \"“‘'("
        ) in ("", ".")
        single = len(words) == 1 and at_start
        if single and (words[0].lower() in _spaced_words(article) or (
            words[0].endswith("s") and not words[0].isupper()
        )):
            continue  # "Rebels shelled ...", "Crews spread ...": ordinary words at the head
        name = TITLE_WORDS.sub("", " ".join(words)).strip()
        if name.endswith(("'s", "’s")):
            name = name[:-2]
        if name and name not in _FUNCTION:
            out.append(name)
    return out


def numbers_in(text: str) -> frozenset[str]:
    """The figures a sentence states ("killed 10", "six civilians"), normalised."""
    found = {m.group().replace(",", "").rstrip(".") for m in _NUMBER.finditer(text)}
    found |= {_NUMBER_WORDS[m.group().lower()] for m in _NUMBER_WORD.finditer(text)}
    return frozenset(n for n in found if n and not (len(n) == 4 and n[:2] in ("19", "20")))


def is_org(name: str) -> bool:
    return any(w.lower() in _ORG_WORDS for w in name.split())


def surname(name: str) -> str:
    """ "Mevlut Cavusoglu" is "Cavusoglu" in a title, as newspapers write it."""
    words = name.split()
    if len(words) >= 2 and not is_org(name):
        if words[-2].lower() in ("al", "el", "bin", "ibn", "de", "van", "von"):
            return " ".join(words[-2:])
        return words[-1]
    return name
