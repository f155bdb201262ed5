"""Dating happenings: each event clause gets the date of its own verb, else the date the
narrative last set, else the article's date.

Three ways a date is found, recorded on every suggestion (ANCHORS) with a confidence:
- "phrase": a date expression in the clause that reports the happening ("On Friday,
  rebels shelled ..."), or an event noun it modifies ("the protests on September 7");
- "continuation": no date of its own, but the paragraph (or the recent day the story is
  about) set one: "On Tuesday the army entered X. Troops then seized the bridge.";
- "publication": nothing else dates it, so it happened on the article's day, or "on or
  shortly before" it when the verb is in the past or the present perfect.
Future happenings with no date of their own are not placed; neither are states,
opinions, conditions and quotations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from desktop.extract.clauses import Clause, opens_with_preposition, read_clauses
from desktop.extract.dated_nouns import dated_noun, nouns_in
from desktop.extract.lexicon import IRREGULAR_PAST
from desktop.extract.roles import ANCHOR, placeable, role
from desktop.extract.verbs import VerbLexicon
from desktop.temporal import FuzzyDate, Precision, Qualifier

PHRASE, CONTINUATION, PUBLICATION = "phrase", "continuation", "publication"
ANCHORS = (PHRASE, CONTINUATION, PUBLICATION)
_RECENT = timedelta(days=14)
_PART_OF_DAY = re.compile(r"T[A-Z]{2}$")
# News narrates in the third person; "we", "you", "our" outside quotes are site furniture
# ("Your support makes all the difference") or comment, never a report to date by guess.
# The pattern opens with a character class so the search skips in C to the next W, O, Y
# or U (a leading \b is tried at every character): the same matches as
# \b(?:[Ww]e|[Oo]ur|[Yy]ou|[Yy]our|[Uu]s)\b, a third of the time.
_FIRST_OR_SECOND_PERSON = re.compile(
    r"[WwOoYyUu](?<=\b.)(?:(?<=[Ww])e|(?<=[Oo])ur|(?<=[Yy])our?|(?<=[Uu])s)\b"
)
_SUBORDINATE = frozenset("after before when as because while although though since".split())
_FINENESS = {p: i for i, p in enumerate(Precision)}


@dataclass
class Anchored:
    """One happening found in a sentence, before its title is written."""

    clause: Clause
    fuzzy: FuzzyDate
    value: str
    method: str
    confidence: float
    timex: object | None = None  # the Timex that dated it (phrase anchors only)
    needs_reference: bool = False
    title: str = ""  # set for a happening a noun names ("The earthquake"), see dated_nouns
    noun: str = ""  # and its noun ("earthquake"), which stands for its verb


@dataclass
class Narrative:
    """The date the text last established for its own story, and where."""

    fuzzy: FuzzyDate | None = None
    paragraph: int = -1
    sentence: int = -1
    quote_open: bool = False  # a quotation opened in an earlier sentence is still open
    publication: bool = True  # False in a history far from the article's date
    # Happenings a possessive date named ("Saturday's fire"), by noun: "The fire destroyed
    # medical supplies" two sentences on continues that date.
    nouns: dict[str, FuzzyDate] = field(default_factory=dict)
    # Clauses already read, by (sentence, quote open): pages repeat their furniture.
    read: dict[tuple[str, bool, bool], tuple[int, list[Clause]]] = field(default_factory=dict)


_MAX_REMEMBERED = 4096
_MAX_REMEMBERED_CHARS = 2000


def _clauses(text: str, start: int, end: int, lex: VerbLexicon, state: Narrative,
             dates: int) -> list[Clause]:  # fmt: skip
    """read_clauses, remembered by sentence (offsets shifted to this occurrence)."""
    if end - start > _MAX_REMEMBERED_CHARS:
        return read_clauses(text, start, end, lex, state.quote_open, dates > 1)
    key = (text[start:end], state.quote_open, dates > 1)
    known = state.read.get(key)
    if known is None:
        clauses = read_clauses(text, start, end, lex, state.quote_open, dates > 1)
        if len(state.read) >= _MAX_REMEMBERED:
            state.read.clear()
        state.read[key] = (start, clauses)  # nobody changes a clause once read
        return clauses
    first, clauses = known
    return [_shifted(c, start - first) for c in clauses]


def _shifted(clause: Clause, by: int) -> Clause:
    out = object.__new__(Clause)
    out.__dict__.update(clause.__dict__)
    out.start += by
    out.end += by
    if out.verb_start >= 0:
        out.verb_start += by
    if out.verb_end >= 0:
        out.verb_end += by
    return out


def _owner(clauses: list[Clause], timex, text: str = "") -> Clause | None:
    """The clause whose verb a date phrase modifies (a verbless one: an event noun's)."""
    text_after = timex.text.lower().endswith((" after", " before"))
    for k, clause in enumerate(clauses):
        if not (clause.start <= timex.start < clause.end or (
            k + 1 < len(clauses) and clause.end <= timex.start < clauses[k + 1].start
        )):
            continue
        if text_after and k + 1 < len(clauses) and clauses[k + 1].has_verb:
            return clauses[k + 1]  # "came a day after Russia rejected": the rejection
        earlier = [c for c in clauses[:k] if c.has_verb]
        if earlier and clause.opener in _SUBORDINATE and _right_after_opener(clause, timex):
            return earlier[-1]  # "Traffic fell after the 1850s as the railways spread"
        if clause.has_verb:
            return clause
        if clause.opener in _SUBORDINATE and earlier:
            return earlier[-1]  # "deserted the army after the beginning of the war in 2011"
        if text and not opens_with_preposition(text, clause.start) and nouns_in(
            text, clause.start, clause.end
        ):
            return clause  # "heavy shelling near the bridge last nite, locals say": its own
        for later in clauses[k + 1 :]:  # "In a summit on Friday, Turkey ... failed"
            if later.has_verb and not later.embedded:
                return later
        return earlier[-1] if earlier else clause
    return None


def _right_after_opener(clause: Clause, timex) -> bool:
    """ "after the 1850s": the word that opened the clause is the date's preposition."""
    return 0 <= timex.start - clause.start - len(clause.opener) <= 1


def _phrase_confidence(timex) -> float:
    text = timex.text.lower()
    if not timex.needs_reference:
        score = 0.9
    elif text.startswith(("the previous", "the following", "the next", "that ")) or text.endswith(
        (" after", " before", " later", " earlier")
    ):
        score = 0.55
    elif any(day in text for day in ("monday", "tuesday", "wednesday", "thursday", "friday",
                                      "saturday", "sunday")):  # fmt: skip
        score = 0.7
    else:
        score = 0.75
    if timex.fuzzy.precision is Precision.YEAR:
        score -= 0.05
    return round(score, 2)


def _choose(found: list, timex) -> None:
    """One date per clause and period: "at 10 a.m. on 3 June" is one happening."""
    for i, other in enumerate(found):
        if other.fuzzy.overlaps(timex.fuzzy):
            if _FINENESS[timex.fuzzy.precision] > _FINENESS[other.fuzzy.precision]:
                found[i] = timex
            return
    found.append(timex)


_SAYING = frozenset(
    """announce confirm deny reveal warn insist believe think know hope expect fear
    acknowledge admit show indicate suggest ensure state claim note explain argue estimate
    allege learn""".split()
)


# What was said is no happening when it may be, would be or was a state: "said further
# rises could follow", "said the train was travelling", "said 2,400 had joined".
_NOT_DONE = re.compile(
    r"\b(?:could|would|might|may|will|should|can|must|had|'d)\b"
    r"|\b(?:is|are|was|were)\s+(?![a-z]+(?:ed|en|wn)\b)", re.IGNORECASE)


def _said_inline(text: str, clause: Clause) -> bool:
    """ "Police said the driver lost control": a sayer before the verb (not '..." said
    X'), then a subject and a past verb of what was said."""
    before = text[max(0, clause.verb_start - 3) : clause.verb_start].rstrip()
    said = text[clause.verb_end : clause.end]
    first = said.split(None, 1)[0].lower() if said.strip() else ""
    return (bool(before) and before[-1] not in "\"”'’" and first not in _AUX_FIRST
            and not first.endswith("ed") and bool(_DONE.search(said))
            and not _NOT_DONE.search(said))


_AUX_FIRST = frozenset("have has had is are was were will would be been".split())
_DONE = re.compile(r"\b(?:[a-z]{3,}ed|" + "|".join(sorted(IRREGULAR_PAST)) + r")\b")


def _main_event(clauses: list[Clause], text: str) -> Clause | None:
    """The happening a sentence reports: what was said rather than the saying.

    "Activists confirmed that X" reports X; a saying with nothing said after it ("Cavusoglu
    also stated:") is no happening of its own.
    """
    said_inline = None  # "Police said the driver lost control": what was said, unsplit
    for k, clause in enumerate(clauses):
        if not clause.is_event or clause.embedded or clause.opener in _SUBORDINATE:
            continue
        nxt = clauses[k + 1] if k + 1 < len(clauses) else None
        said_follows = nxt is not None and nxt.opener == "that"
        if clause.reporting and (said_follows or clause.verb_end >= clause.end - 2
                                 or clause.lemma in ("say", "tell", "add")):
            if said_inline is None and not said_follows and _said_inline(text, clause):
                said_inline = clause
            continue  # "X said (that) Y" reports Y; "reported a loss" is a happening
        if clause.lemma in _SAYING:
            if said_follows or clause.verb_end >= clause.end - 2:
                continue  # "confirmed that X" reports X; "confirmed 37 cases" is a happening
        return clause
    return said_inline


def _publication(reference: date, clause: Clause, lead: bool) -> Anchored | None:
    if clause.tense == "future":
        return None
    day, value = _publication_day(reference, clause.tense in ("past", "perfect"))
    confidence = 0.6 if lead else 0.4
    return Anchored(clause, day, value, PUBLICATION, confidence, None, True)


@lru_cache(maxsize=256)  # one article, one date: most of its happenings get the same one
def _publication_day(reference: date, shortly_before: bool) -> tuple[FuzzyDate, str]:
    day = FuzzyDate.day(reference.year, reference.month, reference.day)
    if shortly_before:
        day = FuzzyDate.of(Precision.DAY, day.earliest, Qualifier.SHORTLY_BEFORE)
    return day, day.to_timex()


def _continuation(state: Narrative, clause: Clause, paragraph: int, index: int,
                  reference: date | None) -> Anchored | None:  # fmt: skip
    fuzzy = state.fuzzy
    if fuzzy is None or clause.tense == "perfect":
        return None  # "X has informed the authority": now, not the story's last date
    same_paragraph = state.paragraph == paragraph
    recent_day = (
        reference is not None
        and fuzzy.precision in (Precision.DAY, Precision.MINUTE)
        and abs(fuzzy.earliest.date() - reference) <= _RECENT
    )
    if not (same_paragraph or recent_day):
        return None
    ahead = reference is not None and fuzzy.earliest.date() > reference
    if (clause.tense == "future") != ahead:
        return None  # a past-tense sentence does not continue a date still to come
    distance = max(0, index - state.sentence - 1)
    confidence = round(max(0.3, 0.55 - 0.05 * distance - (0 if same_paragraph else 0.1)), 2)
    if fuzzy.precision == Precision.MINUTE:  # "the fire started just after midnight. Three
        e = fuzzy.earliest  # people were treated": the same day, not the same minute
        fuzzy = FuzzyDate.day(e.year, e.month, e.day)
    return Anchored(clause, fuzzy, fuzzy.to_timex(), CONTINUATION, confidence, None, True)


def _named_before(text: str, state: Narrative, clause: Clause, start: int) -> Anchored | None:
    """ "The fire destroyed medical supplies", after "Saturday's warehouse fire": Saturday."""
    if not state.nouns or clause.tense not in ("past", "perfect"):
        return None
    subject_start = start if clause.opener == "" else clause.start
    for noun in nouns_in(text, subject_start, clause.verb_start):
        fuzzy = state.nouns.get(noun)
        if fuzzy is not None:
            return Anchored(clause, fuzzy, fuzzy.to_timex(), CONTINUATION, 0.55, None, True)
    return None


def note_quotes(text: str, start: int, end: int, state: Narrative) -> None:
    """A quotation left open in this sentence runs on to the next one."""
    sentence = text[start:end]
    if '"' not in sentence and "“" not in sentence and "”" not in sentence:
        return
    opened, closed = sentence.count("“"), sentence.count("”")
    if opened != closed or (opened + closed + sentence.count('"')) % 2:
        state.quote_open = not state.quote_open


def anchor_sentence(
    text: str,
    span: tuple[int, int],
    timexes: list,
    lex: VerbLexicon,
    state: Narrative,
    reference: date | None,
    where: tuple[int, int, bool],
) -> tuple[list[Clause], list[Anchored]]:
    """The happenings of one sentence with their dates; updates the narrative date.

    `where` is (paragraph number, sentence number, is a lead sentence).
    """
    start, end = span
    paragraph, index, lead = where
    clauses = _clauses(text, start, end, lex, state, len(timexes))
    note_quotes(text, start, end, state)

    per_clause: dict[int, list] = {}
    nouns: list[Anchored] = []
    named: dict[str, FuzzyDate] = {}
    for timex in timexes:
        if not placeable(timex, reference) or role(text, timex, start, end) != ANCHOR:
            continue
        noun = dated_noun(text, timex, clauses)
        owner = _owner(clauses, timex, text)
        if noun is not None and owner is not None:  # "the toll from Friday's earthquake"
            nouns.append(Anchored(owner, timex.fuzzy, timex.fuzzy.to_timex(), PHRASE, 0.6,
                                  timex, timex.needs_reference, *noun))  # fmt: skip
            named[noun[1]] = timex.fuzzy  # for the sentences after this one
            continue
        if owner is None or owner.in_quote or owner.negated or owner.opener in ("if", "unless"):
            continue
        _choose(per_clause.setdefault(id(owner), []), timex)
    out: list[Anchored] = []
    by_id = {id(c): c for c in clauses} if per_clause else {}  # most sentences: no date
    main = _main_event(clauses, text)
    for key, chosen in per_clause.items():
        clause = by_id[key]
        for rank, timex in enumerate(chosen):
            confidence = _phrase_confidence(timex) - 0.1 * rank
            if not clause.is_event:
                confidence -= 0.15  # "said during a press conference on Wednesday"
            if clause.embedded or clause.opener in _SUBORDINATE:
                confidence -= 0.3  # background: "HTS, which was founded in 2011, ..."
            elif clause is main:
                confidence += 0.05  # the happening the sentence reports, dated by its verb
            if text.startswith(("had ", "'d "), clause.verb_start):
                confidence -= 0.1  # the past perfect sets the scene before the story
            value = timex.value
            if _PART_OF_DAY.search(value):  # "on Monday evening": the happening's day
                value = timex.fuzzy.to_timex()
            confidence = max(0.1, min(0.95, confidence))
            out.append(Anchored(clause, timex.fuzzy, value, PHRASE, round(confidence, 2),
                                timex, timex.needs_reference))  # fmt: skip
            since = text[max(start, timex.start - 6) : timex.start].lower().strip() == "since"
            if since and clause.stative:
                out.pop()  # "has been under government control since 2017": a state
                continue
            if since:
                continue  # the start of a period is background, not where the story is
            if rank == 0 and (clause is main or (main is None and not clause.embedded)):
                state.fuzzy, state.paragraph, state.sentence = timex.fuzzy, paragraph, index
    if (main is not None and id(main) not in per_clause and main.opener == "that"
            and main.tense in ("past", "perfect")):
        for a in out:  # "Activists said on Friday that troops shelled the town": the
            if a.clause.reporting and a.clause.end <= main.start:  # shelling, by Friday
                a.clause, a.confidence = main, round(max(0.1, a.confidence - 0.1), 2)
                state.fuzzy, state.paragraph, state.sentence = a.fuzzy, paragraph, index
    if main is not None and id(main) not in per_clause and not any(
        not a.clause.embedded for a in out
    ) and not _FIRST_OR_SECOND_PERSON.search(text, start, end):
        inferred = _named_before(text, state, main, start)
        if inferred is None:
            inferred = _continuation(state, main, paragraph, index, reference)
        if inferred is None and reference is not None and state.publication:
            inferred = _publication(reference, main, lead)
        if inferred is not None:
            out.append(inferred)
    out += _days_after(text, timexes, clauses, out)
    out += nouns
    state.nouns.update(named)
    if len(out) > 1:
        out.sort(key=lambda a: a.clause.start)
    return clauses, out


_SPAN_AFTER = re.compile(r"^P(\d{1,2})([DW])$")


def _days_after(text: str, timexes: list, clauses: list[Clause],
                out: list[Anchored]) -> list[Anchored]:  # fmt: skip
    """ "resigned on Thursday, three days after the company recalled 80,000 cars": the
    recall is dated by the resignation's day, three days back ("before": ahead)."""
    found: list[Anchored] = []
    for timex in timexes:
        span = _SPAN_AFTER.match(timex.value)
        word = text[timex.end : timex.end + 8].lower()
        if span is None or not word.startswith((" after ", " before ")):
            continue
        base = next((a for a in reversed(out) if a.method == PHRASE and a.timex is not None
                     and a.timex.end <= timex.start and a.fuzzy.precision == Precision.DAY),
                    None)  # fmt: skip
        target = next((c for c in clauses if c.opener in ("after", "before")
                       and timex.end <= c.start <= timex.end + 8), None)  # fmt: skip
        if base is None or target is None or not target.is_event or target.tense != "past":
            continue
        days = int(span.group(1)) * (7 if span.group(2) == "W" else 1)
        day = base.fuzzy.earliest.date() + timedelta(days=-days if "after" in word else days)
        fuzzy = FuzzyDate.day(day.year, day.month, day.day)
        found.append(Anchored(target, fuzzy, fuzzy.to_timex(), PHRASE,
                              round(max(0.1, base.confidence - 0.1), 2), timex, True))
    return found
