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
_TRAILING = re.compile(
    rf",\s*(?:according\s+to\s+[^,]{{1,80}}|(?:he|she|they|it|the\s+[\w\s-]{{1,40}}|"
    rf"[A-Z][\w\s'’-]{{0,50}}?)\s+{_SAY}(?:\s+[\w\s]{{0,30}})?)\s*[.!]*\s*$",
)
_LEADING_FILLER = re.compile(
    r"^(?:(?:sure enough|meanwhile|however|earlier|later|also|and|but|then|so),?\s+)+",
    re.IGNORECASE,
)
_LEADING_PREP = re.compile(r"^(?:earlier\s+|later\s+)?(?:on|in|at|during|by|since|from)?\s*$",
                           re.IGNORECASE)


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


def _cut(title: str) -> str:
    if len(title) <= MAX_TITLE:
        return title
    window = title[:MAX_TITLE]
    best = -1
    for mark in (", ", " – ", " — ", "; ", " which ", " who ", " while ", " after ", " and "):
        at = window.rfind(mark)
        if at > 50:
            best = max(best, at)
    if best > 0:
        return title[:best].rstrip(" ,;")
    return window[: window.rfind(" ")].rstrip(" ,;") + "…"


def make_title(
    sentence: str, phrase: str, phrase_offset: int, other_offsets: tuple[int, ...] = ()
) -> str:
    """A short title for the happening the date phrase dates in this sentence.

    Offsets are relative to the sentence; `other_offsets` are the other dates in it, so
    that "X announced on Friday that Y will meet on Monday" keeps the announcement for
    Friday and drops it for Monday.
    """
    title = sentence.strip().strip("\"“”")
    shift = len(sentence) - len(sentence.lstrip().lstrip("\"“”"))
    offset = phrase_offset - shift
    match = _ATTRIBUTION.match(title)
    if match and (
        match.end() <= offset or not any(o - shift >= match.end() for o in other_offsets)
    ):
        title = title[match.end() :]
    title = _ACCORDING.sub("", title)
    title = _TRAILING.sub("", title)
    title = _LEADING_FILLER.sub("", title)
    title = _strip_date_phrase(title, phrase)
    title = title.strip().rstrip(".").strip()
    if not title:
        title = sentence.strip()
    title = title[0].upper() + title[1:]
    return _cut(title)
