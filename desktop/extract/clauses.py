"""Clauses and their finite verbs: which part of a sentence reports a happening.

A sentence is cut at semicolons, dashes, brackets and quotes, and before relative and
subordinating words ("which", "that", "after"), and at ", and" / ", but". In each piece
the first finite verb group (auxiliaries, negation and the main verb) gives its tense
and says whether it is a happening: not a state ("remains", "is"), an opinion or a
possibility ("could", "is seen as"), a negation ("has not started"), a condition
("if") or words inside quotation marks.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate, compress, count

from desktop.extract.lexicon import MONTH_FULL, WEEKDAYS
from desktop.extract.verbs import VerbLexicon, lemma

# Tokens, for re.split with the gaps kept (every non-space is in a token, so the gaps are
# whitespace); possessive where giving a letter back can never help the match.
_SPLIT = re.compile(
    r"([A-Za-z]++(?:['’.-][A-Za-z]++)*+|n['’]t|['’](?:ll|ve|d|s)\b|\d(?:[\d,.]*\d)?|\S)"
)
_HARD = frozenset(";:()[]–—")
_QUOTES = frozenset('"“”')
_SOFT_AFTER_COMMA = frozenset(
    "and but while whereas which who where as after before when although though because".split()
)
_OPENERS = frozenset("which who whom whose where that after before because although though "
                     "while whereas if unless when once until".split())  # fmt: skip
_ADVERBS = frozenset("also already just never still then later now again reportedly "
                     "allegedly recently finally previously first jointly".split())  # fmt: skip
_STATIVE_PASSIVE = frozenset(
    "seen considered believed expected thought known said reported estimated "
    "understood regarded scheduled set due supposed meant deemed located based".split()
)
_LEADING_SUBORDINATE = frozenset(
    "if unless although though when after before because while as since once until".split()
)
# Every word _segments may cut at: the rest of a sentence is passed over.
_MARKS = _HARD | _QUOTES | _SOFT_AFTER_COMMA | _OPENERS | {","}
_TIME_NOUNS = frozenset("spring summer autumn fall winter year month week day night morning "
                        "evening afternoon time decade century season".split())  # fmt: skip
# Day and month names; "march" and "may" are also a verb and a modal ("said troops may").
_NAMES_OF_DAYS = frozenset((*WEEKDAYS, *MONTH_FULL.lower().split("|")))
_DATE_WORDS = _NAMES_OF_DAYS - {"march", "may"}
# Words that open a phrase rather than a noun phrase: "In a summit on Friday, ...".
_PREPOSITION_FIRST = re.compile(
    r"(?i:in|on|at|during|after|before|by|since|until|from|for|with|over|amid|following|"
    r"towards?|early|late)\s")
_FUTURE_LINKS = frozenset("set due expected scheduled poised slated going about".split())


@dataclass
class Clause:
    """One piece of a sentence with its verb group (offsets into the article text)."""

    start: int
    end: int
    opener: str = ""  # the word that opened it ("which", "that", "and"), lower case
    in_quote: bool = False
    embedded: bool = False  # a relative or bracketed clause: background to the main one
    verb_start: int = -1  # start of the verb group (first auxiliary), -1 when none
    verb_end: int = -1  # end of the main verb
    lemma: str = ""
    tense: str = ""  # past, perfect, present, future, modal
    negated: bool = False
    stative: bool = False
    reporting: bool = False
    passive: bool = False
    shared_subject: bool = False  # "... and was commissioned in 1892": the subject before

    @property
    def has_verb(self) -> bool:
        return self.verb_start >= 0

    @property
    def is_event(self) -> bool:
        """A finite, affirmed happening outside quotes, conditions and modal talk."""
        return (
            self.has_verb
            and not self.stative
            and not self.negated
            and not self.in_quote
            and self.tense != "modal"
            and self.opener not in ("if", "unless")
        )


class _Tokens:
    """The tokens of one sentence as parallel lists (offsets relative to the sentence).

    One regex split in C gives the tokens and the whitespace between them; their lengths,
    summed in C, give every offset, so no Python runs per token (most tokens are only
    passed over: the reader looks at marks, verb candidates and their neighbours).
    """

    __slots__ = ("words", "begins", "ends", "piece", "offset")

    def __init__(self, text: str, start: int, end: int) -> None:
        piece = text[start:end]
        parts = _SPLIT.split(piece.lower())  # gap, token, gap, token, ..., gap
        at = list(accumulate(map(len, parts)))
        self.words: list[str] = parts[1::2]  # lower case
        self.begins: list[int] = at[0::2]
        self.ends: list[int] = at[1::2]
        self.piece = piece
        self.offset = start

    def start(self, k: int) -> int:
        return self.offset + self.begins[k]

    def end(self, k: int) -> int:
        return self.offset + self.ends[k]

    def original(self, k: int) -> str:
        return self.piece[self.begins[k] : self.ends[k]]


def _segments(words: list[str], quote: bool) -> list[tuple[int, int, str, bool, bool]]:
    """(first, last+1, opener, in_quote, embedded) token ranges of the pieces."""
    out: list[tuple[int, int, str, bool, bool]] = []
    first = 0
    opener = words[0] if words and words[0] in _OPENERS else ""
    if opener == "that" and len(words) > 1 and words[1] in _TIME_NOUNS:
        opener = ""  # "That summer the blight returned"
    depth = 0
    embedded = False
    marks = list(compress(count(), map(_MARKS.__contains__, words)))  # others cut nothing
    dashes = [i for i in marks if words[i] in "–—"]
    lone_dash = dashes[0] if len(dashes) % 2 else -1  # "Antakya, Turkey – Syrian forces"

    def close(last: int) -> None:
        if last > first:
            out.append((first, last, opener, quote, embedded or depth > 0))

    for i in marks:
        word = words[i]
        if word in _QUOTES or (word in _HARD):
            close(i)
            if word in _QUOTES:
                quote = not quote if word == '"' else word == "“"
            elif word in "([":
                depth += 1
            elif word in ")]":
                depth = max(0, depth - 1)
            elif word in "–—" and i != lone_dash:
                embedded = not embedded
            first, opener = i + 1, ""
            continue
        if word == "," and opener in ("which", "who", "whom", "whose") and first > 0 and (
            words[first - 1] == "," and i + 1 < len(words) and words[i + 1] not in
            _SOFT_AFTER_COMMA
        ):
            close(i)  # "The mall, which opened in 2016, was closed": the main clause resumes
            first, opener = i + 1, ""
            continue
        if word == "," and opener in _LEADING_SUBORDINATE and first == 0:
            close(i)  # "Although X is held by Kurds, Damascus kept a base": two clauses
            first, opener = i + 1, ""
            continue
        soft = i > 0 and words[i - 1] == "," and word in _SOFT_AFTER_COMMA
        if word == "that" and i + 1 < len(words) and words[i + 1] in _TIME_NOUNS:
            continue  # "By that autumn half the city had died": a determiner, no clause
        if soft or (i > first and word in _OPENERS and words[i - 1] != ","):
            close(i)
            first, opener = i, word
    close(len(words))
    return out


def _participle(lex: VerbLexicon, word: str) -> bool:
    if word in lex.participles or word in lex.irregular_past:
        return True
    return word.endswith("ed") and len(word) > 4 and "-" not in word


def _skip(words: list[str], j: int, hi: int, lex: VerbLexicon) -> tuple[int, bool]:
    """Index of the next word after adverbs and negation, and whether a negation was seen."""
    negated = False
    while j < hi and (
        words[j] in _ADVERBS or words[j] in lex.negations or words[j].endswith("ly")
    ):
        negated = negated or words[j] in lex.negations
        j += 1
    return j, negated


def _read_verb(clause: Clause, toks: _Tokens, lo: int, hi: int, lex: VerbLexicon) -> int:
    """The first verb group among tokens lo..hi-1 (the clause's words) sets its verb;
    returns the main verb's token (-1 when none)."""
    words = toks.words
    starts = lex.verb_starts
    for i in range(lo, hi):
        word = words[i]
        if word not in starts and not word.endswith("ed"):
            continue  # _verb_at's own first test, without the call for every word
        found = _verb_at(toks, i, lo, hi, lex)
        if found is None:
            continue
        main, tense, negated, stative = found
        word = words[main]
        clause.verb_start, clause.verb_end = toks.start(i), toks.end(main)
        clause.lemma = lemma(lex, word)
        clause.tense = tense
        clause.negated = negated
        clause.stative = stative or clause.lemma in lex.stative
        if clause.lemma == "have" and any(w in lex.event_nouns for w in words[main + 1 :
                                                                               min(main + 5, hi)]):
            clause.stative = False  # "had a brief meeting with": a happening
        clause.passive = main > i and words[main - 1] in ("was", "were", "is", "are", "been",
                                                          "be", "being")
        clause.reporting = clause.lemma in lex.reporting and not clause.passive
        return main
    return -1


def _verb_at(
    toks: _Tokens, i: int, lo: int, hi: int, lex: VerbLexicon
) -> tuple[int, str, bool, bool] | None:
    """(main verb index, tense, negated, stative) for a verb group starting at token i;
    only tokens lo..hi-1 (the clause's) are seen."""
    words = toks.words
    word = words[i]
    if word not in lex.verb_starts and not word.endswith("ed"):
        return None  # most words: nothing to read (the hot path of the clause reader)
    before = words[i - 1] if i > lo else ""
    if word in lex.future or word in lex.modals:
        j, neg = _skip(words, i + 1, hi, lex)
        if j >= hi:
            return None
        tense = "future" if word in lex.future or word == "would" else "modal"
        if words[j] == "have" and j + 1 < hi:
            tense = "past" if tense == "modal" else "future"
            j += 1
            if words[j] == "been" and j + 1 < hi:
                j += 1
        elif words[j] == "be" and j + 1 < hi and _participle(lex, words[j + 1]):
            j += 1
        return j, tense, neg, False
    if word in lex.perfect_aux and word not in ("'s", "’s"):
        j, neg = _skip(words, i + 1, hi, lex)
        if j >= hi:
            return None
        nxt = words[j]
        tense = "past" if word in ("had", "'d", "’d") else "perfect"
        if nxt == "been":
            k, neg2 = _skip(words, j + 1, hi, lex)
            if k < hi and (_participle(lex, words[k]) or words[k].endswith("ing")):
                return k, tense, neg or neg2, words[k] in _STATIVE_PASSIVE
            return j, tense, neg, True
        if _participle(lex, nxt):
            return j, tense, neg, False
        if nxt == "to":
            return None  # "have to": obligation
        return i, tense if word != "has" else "present", neg, True
    if word in lex.past_aux or word in lex.present_aux:
        tense = "past" if word in lex.past_aux else "present"
        j, neg = _skip(words, i + 1, hi, lex)
        if j >= hi:
            return i, tense, neg, True
        nxt = words[j]
        if nxt == "to" or (nxt in _FUTURE_LINKS and j + 1 < hi and words[j + 1] == "to"):
            k = j + (1 if nxt == "to" else 2)
            k, neg2 = _skip(words, k, hi, lex)
            if k < hi and words[k] == "be" and k + 1 < hi:
                k += 1
            return min(k, hi - 1), "future", neg or neg2, False
        if word == "did":
            return j, "past", neg, False
        if _participle(lex, nxt):
            return j, tense, neg, nxt in _STATIVE_PASSIVE
        if nxt.endswith("ing") and len(nxt) > 4:
            return j, tense, neg, False
        return i, tense, neg, True
    if before in lex.determiners or before in ("to", "be", "been", "being"):
        return None
    if before.endswith("ly") and i - lo > 1 and words[i - 2] in lex.determiners:
        return None  # "the densely populated province"
    if word in lex.irregular_past or (
        word.endswith("ed") and len(word) > 3 and "-" not in word and word not in lex.adjective_ed
    ):
        if i > lo and toks.original(i)[:1].isupper():
            return None  # "Allied", "United": part of a name
        if i + 1 < hi and words[i + 1] == "by" and before not in lex.pronouns:
            return None  # "forces backed by Russia": a reduced relative, not the verb
        return i, "past", False, False
    if word in lex.present_events and before not in ("the", "a", "an"):
        return i, "present", False, False
    return None


_THAT_VERBS = frozenset(
    """announce confirm deny reveal warn insist believe think know agree decide hope expect
    fear acknowledge admit show indicate suggest ensure state claim report add note
    explain say tell argue estimate accuse allege promise pledge vow learn""".split()
)


def _complement(before: list[Clause], lex: VerbLexicon) -> bool:
    """Whether "that" opens what a verb of saying or thinking reports."""
    if not before or not before[-1].has_verb:
        return False  # "deals with rebel factions that allowed them": a relative clause
    return before[-1].lemma in _THAT_VERBS or before[-1].lemma in lex.reporting


def _said_what(toks: _Tokens, first: int, last: int, after: int,
               lex: VerbLexicon) -> int | None:  # fmt: skip
    """Where the words said begin after a verb of saying (token `after`) with no "that"
    ("said it had")."""
    words = toks.words
    for k in range(after + 1, min(last, after + 6)):
        word = words[k]
        if word in _DATE_WORDS:  # "said the blast on Tuesday was caused": the blast was
            if words[after + 1] in lex.determiners and any(
                _verb_at(toks, j, first, last, lex) for j in range(k + 1, min(last, k + 5))
            ):
                return after + 1
            continue
        if word in lex.pronouns or (toks.original(k)[:1].isupper() and word not in ("i",)):
            if any(_verb_at(toks, j, first, last, lex) for j in range(k + 1, min(last, k + 5))):
                return k
        if word in (",", "to", "that"):
            return None
    return None


_DATE_CUES = _NAMES_OF_DAYS | frozenset(
    "yesterday today later earlier spring summer autumn winter week month year decade "
    "century".split()
)


def opens_with_preposition(text: str, start: int) -> bool:
    """ "In a summit on Friday, ...", "After his death in 1299 ...": an opening phrase, not
    the noun phrase of a happening or a subject."""
    return _PREPOSITION_FIRST.match(text, start) is not None


def _dated(words: list[str], lo: int, hi: int) -> bool:
    """Whether words[lo:hi] may hold a date of their own (a year, a month, a day name):
    only then is a second verb a happening apart ("... and seized weapons" on Monday too)."""
    return any(w in _DATE_CUES or (len(w) == 4 and w.isdigit() and w[0] in "12")
               for w in words[lo:hi])  # fmt: skip


def _clause_first(toks: _Tokens, clause: Clause) -> int:
    return bisect_left(toks.begins, clause.start - toks.offset)


def _split_coordinated(out: list[Clause], toks: _Tokens, main: int, last: int,
                       lex: VerbLexicon) -> int:  # fmt: skip
    """ "The liner was launched on 20 September 1906 and made her maiden voyage in 1907",
    "went public in 1923, lost half its value in 1929": one clause a verb, each with its
    own date; the later ones share the first one's subject."""
    words = toks.words
    k = main + 1
    head_from = _clause_first(toks, out[-1])
    while k < last - 1:
        word = words[k]
        if ((word == "and" or (word == "," and words[k + 1] != "and")) and words[k - 1] != ","
                and _dated(words, head_from, k) and _dated(words, k + 1, last)):  # fmt: skip
            found = _verb_at(toks, k + 1, k + 1, last, lex)
            if found is not None and found[1] in ("past", "perfect") and not found[3]:
                clause = out[-1]
                tail = Clause(toks.start(k + 1) if word == "," else toks.start(k), clause.end,
                              "and", clause.in_quote, clause.embedded)  # fmt: skip
                clause.end = toks.end(k - 1)
                main = _read_verb(tail, toks, k + 1, last, lex)
                tail.shared_subject = True
                out.append(tail)
                k, head_from = main, k + 1
        k += 1
    return main


def read_clauses(
    text: str, start: int, end: int, lex: VerbLexicon, quote_open: bool = False,
    several_dates: bool = True,
) -> list[Clause]:
    """The clauses of text[start:end] in order, each with its verb group if it has one.

    `quote_open` says the sentence starts inside a quotation opened before it;
    `several_dates` that it holds two date phrases or more (only then can one clause hold
    two verbs each with a date of its own: the look for them is skipped otherwise).
    """
    toks = _Tokens(text, start, end)
    out: list[Clause] = []
    for first, last, opener, quote, embedded in _segments(toks.words, quote_open):
        clause = Clause(toks.start(first), toks.end(last - 1), opener, quote,
                        embedded or opener in lex.relatives)  # fmt: skip
        main = _read_verb(clause, toks, first + 1 if opener else first, last, lex)
        if opener == "that" and not _complement(out, lex):
            clause.embedded = True  # "deals with factions that allowed them": relative
        if opener in ("and", "but") and clause.has_verb and clause.verb_start == toks.start(
            first + 1
        ):
            clause.shared_subject = True  # ", and was bought by a rival in 1968"
        out.append(clause)
        if several_dates and main >= 0 and not clause.reporting and not quote:
            main = _split_coordinated(out, toks, main, last, lex)
        if clause.reporting:
            rest = _said_what(toks, first, last, main, lex)
            if rest is not None:  # "The army said it had returned fire": what was said
                clause.end = toks.end(rest - 1)
                said = Clause(toks.start(rest), toks.end(last - 1), opener="that",
                              in_quote=quote, embedded=clause.embedded)  # fmt: skip
                _read_verb(said, toks, rest, last, lex)
                out.append(said)
    return out
