"""Short event titles from sentences: the happening, not who reported it.

"Activists told Al Jazeera that Friday's demonstrations took place in ..." becomes
"Friday's demonstrations took place in ...": attribution and leading date phrases go,
and long titles are cut at a clause boundary.
"""

from __future__ import annotations

import re

MAX_TITLE = 90
_SAY = (
    r"(?:told|tells|said|says|say|reported|reports|report|announced|announces|confirmed|"
    r"confirms|stated|states|added|adds|claimed|claims|revealed|reveals|noted|notes|"
    r"explained|warned|warns|insisted|argued|believes?|believed|estimated|wrote|writes)"
)
_ATTRIBUTION = re.compile(
    rf"^(?P<who>[^.;:]{{0,90}}?)\b{_SAY}\b(?P<rest>[^.;:\"“]{{0,60}}?)\s+that\s+", re.IGNORECASE
)
_ACCORDING = re.compile(r"^according\s+to\s+[^,]{1,90},\s*", re.IGNORECASE)
_SPEAKER = r"(?:he|she|they|it|the\s+[\w\s'’-]{1,40}?|[\w'’-]+(?:\s+[\w'’-]+){0,4}?)"
_TRAILING = re.compile(
    rf",\s*(?:according\s+to\s+[^,]{{1,80}}|{_SPEAKER}\s+{_SAY}(?:\s+[\w\s]{{0,30}})?)"
    r"\s*[.!]*\s*$",
)
_MID_ATTRIBUTION = re.compile(rf",\s*{_SPEAKER}\s+{_SAY},\s*")
_LEADING_FILLER = re.compile(
    r"^(?:(?:sure enough|meanwhile|however|earlier|later|also|and|but|then|so),?\s+)+",
    re.IGNORECASE,
)
_LEADING_PREP = re.compile(
    r"^(?:earlier\s+|later\s+)?(?:on|in|at|during|by|since|from)?\s*$", re.IGNORECASE
)


def _strip_date_phrase(title: str, phrase: str) -> str:
    """Drop "On Friday," / "In 2016," / "Earlier on Saturday," at the start."""
    index = title.find(phrase)
    if index < 0 or index > 30:
        return title
    head = _LEADING_FILLER.sub("", title[:index])
    if not _LEADING_PREP.match(head):
        return title
    rest = title[index + len(phrase) :]
    if rest.startswith(("'s", "’s")):
        return title
    if not rest.startswith(","):
        return title if head.strip() == "" else rest.lstrip(" ,")
    return rest.lstrip(" ,")


_CLAUSE_MARK = re.compile(
    r"(?:\(|, which |, who | which | who |; |\b(?:and|but|while) (?=(?:on|in|at|during) ))"
)
_DANGLING = re.compile(r"(?:\s+(?:when|which|who|and|that|as|while|but|or|of|to|in|on))+$", re.I)


def _focus(title: str, phrase: str) -> str:
    """For a date deep in a long sentence, the clause around it."""
    index = title.find(phrase)
    if index < 0 or index + len(phrase) <= MAX_TITLE - 10:
        return title
    if phrase.lower().endswith((" after", " before")):
        return title[index + len(phrase) :].strip(" ,")
    marks = [m for m in _CLAUSE_MARK.finditer(title, 0, index) if index - m.end() < MAX_TITLE - 20]
    if not marks:
        return title
    focused = title[marks[0].end() :]
    close = focused.find(")")
    if close > 0 and "(" not in focused[:close]:
        focused = focused[:close]
    return focused


def _cut(title: str) -> str:
    if len(title) <= MAX_TITLE:
        return title
    window = title[:MAX_TITLE]
    best = -1
    for mark in (", ", "; ", " which ", " who ", " while "):
        at = window.rfind(mark)
        head = window[:at]
        if at > 50 and (head.count(", ") + head.count(" – ") + head.count(" — ")) % 2 == 0:
            best = max(best, at)  # never inside an open aside ("Idlib city, the capital, ...")
    if best > 0:
        return _DANGLING.sub("", title[:best].rstrip(" ,;–—"))
    return _DANGLING.sub("", window[: window.rfind(" ")].rstrip(" ,;")) + "…"


def make_title(
    sentence: str, phrase: str, phrase_offset: int, other_offsets: tuple[int, ...] = ()
) -> str:
    """A short title for the happening the date phrase dates in this sentence.

    Offsets are relative to the sentence; `other_offsets` are the other dates in it, so
    that "X announced on Friday that Y will meet on Monday" keeps the announcement for
    Friday and drops it for Monday.
    """
    title = sentence.strip().strip('"“”')
    shift = len(sentence) - len(sentence.lstrip().lstrip('"“”'))
    offset = phrase_offset - shift
    match = _ATTRIBUTION.match(title)
    if match and (
        match.end() <= offset or not any(o - shift >= match.end() for o in other_offsets)
    ):
        title = title[match.end() :]
    title = _ACCORDING.sub("", title)
    title = _TRAILING.sub("", title)
    title = _MID_ATTRIBUTION.sub(", ", title)
    if phrase.lower().endswith((" after", " before")) and phrase in title:
        title = title[title.find(phrase) + len(phrase) :]  # "came a day after X": X
    title = _focus(title, phrase)
    title = _LEADING_FILLER.sub("", title.strip())
    title = _strip_date_phrase(title, phrase)
    title = _DANGLING.sub("", title.strip().rstrip(".").strip())
    if not title:
        title = sentence.strip()
    title = title[0].upper() + title[1:]
    return _cut(title)
