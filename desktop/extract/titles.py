"""Event titles that say who did what: subject, verb and object of the happening.

"Earlier on Friday, Turkey's Foreign Minister Mevlut Cavusoglu announced that ..." gives
"Cavusoglu announced that Erdogan will be hosted by Putin"-style titles: leading date
and place phrases, attribution ("X told Y that", ", SOHR reported"), appositions,
brackets and relative clauses go; "he", "they" and "the group" become the last named
actor; a title is at most MAX_TITLE characters and is never cut inside a word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from desktop.extract.actors import TITLE_WORDS, surname
from desktop.extract.antecedents import EntityMemory
from desktop.extract.clauses import Clause, opens_with_preposition

MAX_TITLE = 70
_SAY = (
    r"(?:told|tells|said|says|say|reported|reports|announced|confirmed|stated|added|adds|"
    r"claimed|claims|noted|explained|warned|insisted|argued|wrote|writes|according\s+to)"
)
_TRAILING_SAY = re.compile(
    rf",\s*(?:(?:he|she|they|it|the\s+[\w\s'’-]{{1,40}}?|[\w'’.-]+(?:\s+[\w'’.-]+){{0,5}}?)"
    rf"\s+{_SAY}\b|according\s+to\b)[^.;]*$",
    re.IGNORECASE,
)
_LEADING_ADVERBIAL = re.compile(
    r"^(?:(?:sure enough|meanwhile|however|earlier|later|also|and|but|then|so|separately|"
    r"in a separate development|in a statement|on\s[^,]{1,40}|in\s[^,]{1,60}|at\s[^,]{1,40}|"
    r"during\s[^,]{1,60}|after\s[^,]{1,60}|before\s[^,]{1,40}|over\s[^,]{1,40}|"
    r"according\s+to\s[^,]{1,90}|by\s[^,]{1,40}|earlier\s[^,]{1,40}|late\s[^,]{1,40}),(?!\d)\s*)+",
    re.IGNORECASE,
)
_OPENER_WORD = re.compile(r"^(?:that|and|but|while|whereas|after|before|when|as|because|which|"
                          r"who|whom|where)\b\s*",
                          re.IGNORECASE)  # fmt: skip
_BRACKETS = re.compile(r"\s*(?:\([^)]*\)|\[[^\]]*\]|[–—][^–—]*[–—])")
_CUT_MARKS = re.compile(
    r",\s|\s(?:which|who|where|including|while|as|after|before|amid|and|but)\s"
)
_ADVERBIAL_CHUNK = re.compile(
    r"\b(?:ago|since|earlier|later|then|meanwhile|however|nearby|today|yesterday|"
    r"recently|first|finally)\b|^(?:in|on|at|during|after|before|for|over|by|with|under)\b",
    re.IGNORECASE,
)
_DANGLING = re.compile(
    r"(?:\s+(?:when|which|who|and|that|as|while|but|or|of|to|in|on|at|by|for|from|with|the|a|"
    r"an|its|their|his|her|after|before|into|over|against|between|amid))+$",
    re.IGNORECASE,
)
# Whole words only: "Within fifty years" must not lose the "in" of "Within".
_DATE_PREP = (r"(?:\b(?:earlier|later)\s+)?(?:\b(?:on|in|at|during|by|since|from|over|until|"
              r"of|around|circa|for|to|towards?|early|late)\s+)?\s*")  # fmt: skip
_SPACES = re.compile(r"\s+")
_AND_SAID = re.compile(r",?\s+and\s+(?:said|added|says|adds|told|warned|noted)$", re.I)
_TRAILING_ADVERB = re.compile(
    r"(?:\s+(?:also|reportedly|then|now|later|still|already|just|again|allegedly|"
    r"jointly|finally|first|initially|separately|themselves|himself|herself))+$",
    re.IGNORECASE,
)
# "said" and what was said with no "that" between; not a pronoun ("said its output fell":
# whose output the title must say, so the sayer stays)
_SAID_INLINE = re.compile(
    r"^(?:said|says|say|added|adds)\s+(?!(?:that|it|its|they|their|he|his|she|her|we|our|i|"
    r"this|these|there|on|in|at|during|after|before|by|for|to)\b)", re.IGNORECASE)
_LONG_SUBJECT = re.compile(r"\s(?:of|for|in|on|from|with|at|near|under|over|loyal|backed)\s")


def _without_dates(piece: str, spans: list[tuple[int, int]], offset: int) -> str:
    """The piece with its date phrases (and the preposition before each) taken out."""
    out = piece
    for start, end in sorted(spans, reverse=True):
        a, b = max(0, start - offset), min(len(out), end - offset)
        if a >= b:
            continue
        if out[b : b + 2] in ("'s", "’s"):
            continue  # "during Friday's protests" names the happening: it stays
        head = re.search(_DATE_PREP + r"$", out[:a], re.IGNORECASE)
        a = head.start() if head else a
        out = out[:a].rstrip(" ,") + (" " if a and b < len(out) else "") + out[b:].lstrip(" ,")
    return out


def _subject(
    text: str,
    start: int,
    clause: Clause,
    memory: EntityMemory,
    antecedent: str,
    spans: Sequence[tuple[int, int]] = (),
) -> str:
    start = _after_leading_date(text, start, clause.verb_start, spans)
    raw = text[start : clause.verb_start]
    raw = _OPENER_WORD.sub("", raw.strip())
    if raw.count(" – ") == 1 and len(raw.split(" – ")[0].split()) <= 4:
        raw = raw.split(" – ", 1)[1]  # "Antakya, Turkey – Syrian forces": a dateline
    attributed = raw.lower().startswith("according to")
    raw = _LEADING_ADVERBIAL.sub("", raw)
    raw = _BRACKETS.sub("", raw)
    chunks = [c for c in (c.strip() for c in raw.split(", ")) if c]
    while len(chunks) > 1 and _ADVERBIAL_CHUNK.search(chunks[0]):
        chunks.pop(0)  # "More than three years ago, the army ...", "Nearby, in Idlib, HTS"
    if len(chunks) > 1:  # "According to X, a spokesman, the town": the last; else "X, a Y,"
        raw = chunks[-1] if attributed else chunks[0]
    raw = _TRAILING_ADVERB.sub("", raw.strip(" ,"))
    if not raw:
        return antecedent
    resolved = memory.resolve_subject(raw)
    if resolved != raw:
        return resolved
    if len(raw) > 38:
        cut = _LONG_SUBJECT.search(raw, 8)
        if cut:
            raw = raw[: cut.start()]
    return raw.strip(" ,")


def _after_leading_date(text: str, start: int, verb: int,
                        spans: Sequence[tuple[int, int]]) -> int:  # fmt: skip
    """Where the subject starts after an opening phrase that ends in a date and has no
    comma: "After his death in 1299 the kingdom was divided" (the kingdom), "At 5.12
    a.m. on 1 November 1755 a great earthquake struck"."""
    whole = text[start:verb].lstrip()
    opens = any(begin == verb - len(whole) and text[end : end + 2] not in ("'s", "’s")
                for begin, end in spans)  # "That summer the blight"; not "Friday's quake"
    opener = _OPENER_WORD.match(whole)  # "and in December the first relief works opened"
    head = whole[opener.end() :] if opener and not opens else whole
    led = opens_with_preposition(head, 0) or opens_with_preposition(whole, 0)
    if not (opens or led) or ", " in head:
        return start
    ends = [end for begin, end in spans if start <= begin and end < verb]
    if not ends:
        return start
    after = max(ends)
    return after if text[after:verb].strip() else start


def subject_of(text: str, start: int, clause: Clause, memory: EntityMemory) -> str:
    """Who did what in `clause`, as its title names them (for a clause sharing it)."""
    return _subject(text, start, clause, memory, "")


def _predicate(text: str, clause: Clause) -> str:
    piece = text[clause.verb_start : clause.end]
    piece = _BRACKETS.sub("", piece).strip().rstrip(".!?\"”’")
    piece = _TRAILING_SAY.sub("", piece)
    piece = _AND_SAID.sub("", piece)
    return piece.strip().rstrip(".!?\"”’").strip(" ,")


def fit(title: str, limit: int = MAX_TITLE, keep: int = 25) -> str:
    """At most `limit` characters, cut at a clause mark or a space, never inside a word.

    The first `keep` characters (the subject and its verb) are never cut at a mark.
    """
    title = _SPACES.sub(" ", title).strip(" ,;")
    if len(title) <= limit:
        return _DANGLING.sub("", title)
    window = title[: limit + 1]
    marks = [m.start() for m in _CUT_MARKS.finditer(window) if m.start() >= max(25, keep)]
    if marks:
        title = window[: marks[-1]]
    else:
        space = window.rfind(" ")
        title = window[: space if space > 0 else limit]
    return _DANGLING.sub("", title.strip(" ,;"))


def happening_title(
    text: str,
    clause: Clause,
    subject_from: int,
    date_spans: list[tuple[int, int]],
    memory: EntityMemory,
    antecedent: str = "",
) -> str:
    """Who did what in `clause`; `subject_from` is where its subject may start."""
    if not clause.has_verb:  # "heavy shelling near the bridge last nite": the phrase itself
        start = max(subject_from, clause.start) if subject_from < clause.end else clause.start
        piece = _BRACKETS.sub("", text[start : clause.end]).strip().rstrip(".!?\"”’,;:")
        title = fit(_strip_dates_in(_without_dates(piece, date_spans, start), text, date_spans))
        title = _LEADING_ADVERBIAL.sub("", title)
        return title[:1].upper() + title[1:] if title else title
    subject = _subject(text, subject_from, clause, memory, antecedent, date_spans)
    predicate = _predicate(text, clause)
    predicate = _without_dates(predicate, date_spans, clause.verb_start)
    said = _SAID_INLINE.match(predicate) if clause.reporting else None
    if said and len(predicate[said.end():].split()) >= 3:  # "Police said the driver lost
        subject, predicate = "", predicate[said.end():]  # control": what was said
    subject = _strip_dates_in(subject, text, date_spans)  # the predicate's are out already
    title = f"{subject} {predicate}".strip() if subject else predicate
    bare = TITLE_WORDS.sub("", subject)
    if len(title) > MAX_TITLE and bare != subject and all(w[:1].isupper() for w in bare.split()):
        subject = surname(bare)  # "Cavusoglu downplayed ...", as newspapers write it
        title = f"{subject} {predicate}"
    verb = predicate.split(" ", 1)[0] if predicate else ""
    title = fit(title, keep=len(subject) + len(verb) + 2)
    return title[:1].upper() + title[1:] if title else title


def _strip_dates_in(title: str, text: str, spans: list[tuple[int, int]]) -> str:
    """Date phrases that survived in the subject ("Friday's demonstrations" stays)."""
    for start, end in spans:
        phrase = text[start:end]
        if text[end : end + 2] in ("'s", "’s"):
            continue
        if title.startswith(phrase) and not title[len(phrase) :].startswith(","):
            continue  # "The previous day saw shelling": the date is the subject
        title = re.sub(_DATE_PREP + re.escape(phrase) + r",?\s*", " ", title, count=1,
                       flags=re.IGNORECASE) if phrase in title else title  # fmt: skip
    return _SPACES.sub(" ", title).strip(" ,")
