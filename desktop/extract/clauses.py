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
from dataclasses import dataclass

from desktop.extract.verbs import VerbLexicon, lemma

_TOKEN = re.compile(r"[A-Za-z]+(?:['’.-][A-Za-z]+)*|n['’]t|['’](?:ll|ve|d|s)\b|\d(?:[\d,.]*\d)?|\S")
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
_FUTURE_LINKS = frozenset("set due expected scheduled poised slated going about".split())


Token = tuple[int, int, str, str]  # start, end, text, lower-case text


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


def tokens(text: str, start: int, end: int) -> list[Token]:
    piece = text[start:end]
    low = piece.lower()
    spans = [m.span() for m in _TOKEN.finditer(low)]  # then one tuple a token, no generator
    return [(start + a, start + b, piece[a:b], low[a:b]) for a, b in spans]


def _segments(toks: list[Token], quote: bool) -> list[tuple[int, int, str, bool, bool]]:
    """(first, last+1, opener, in_quote, embedded) token ranges of the pieces."""
    out: list[tuple[int, int, str, bool, bool]] = []
    first = 0
    opener = toks[0][3] if toks and toks[0][3] in _OPENERS else ""
    depth = 0
    embedded = False
    dashes = [i for i, t in enumerate(toks) if t[3] in "–—"]
    lone_dash = dashes[0] if len(dashes) % 2 else -1  # "Antakya, Turkey – Syrian forces"

    def close(last: int) -> None:
        if last > first:
            out.append((first, last, opener, quote, embedded or depth > 0))

    for i in [k for k, t in enumerate(toks) if t[3] in _MARKS]:  # other words cut nothing
        word = toks[i][3]
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
            toks[first - 1][3] == "," and i + 1 < len(toks) and toks[i + 1][3] not in
            _SOFT_AFTER_COMMA
        ):
            close(i)  # "The mall, which opened in 2016, was closed": the main clause resumes
            first, opener = i + 1, ""
            continue
        if word == "," and opener in _LEADING_SUBORDINATE and first == 0:
            close(i)  # "Although X is held by Kurds, Damascus kept a base": two clauses
            first, opener = i + 1, ""
            continue
        soft = i > 0 and toks[i - 1][3] == "," and word in _SOFT_AFTER_COMMA
        if soft or (i > first and word in _OPENERS and toks[i - 1][3] != ","):
            close(i)
            first, opener = i, word
    close(len(toks))
    return out


def _participle(lex: VerbLexicon, word: str) -> bool:
    if word in lex.participles or word in lex.irregular_past:
        return True
    return word.endswith("ed") and len(word) > 4 and "-" not in word


def _skip(toks: list[Token], j: int, lex: VerbLexicon) -> tuple[int, bool]:
    """Index of the next word after adverbs and negation, and whether a negation was seen."""
    negated = False
    while j < len(toks) and (
        toks[j][3] in _ADVERBS or toks[j][3] in lex.negations or toks[j][3].endswith("ly")
    ):
        negated = negated or toks[j][3] in lex.negations
        j += 1
    return j, negated


def _read_verb(clause: Clause, toks: list[Token], lex: VerbLexicon) -> None:
    starts = lex.verb_starts
    for i, tok in enumerate(toks):
        word = tok[3]
        if word not in starts and not word.endswith("ed"):
            continue  # _verb_at's own first test, without the call for every word
        found = _verb_at(toks, i, lex)
        if found is None:
            continue
        main, tense, negated, stative = found
        word = toks[main][3]
        clause.verb_start, clause.verb_end = tok[0], toks[main][1]
        clause.lemma = lemma(lex, word)
        clause.tense = tense
        clause.negated = negated
        clause.stative = stative or clause.lemma in lex.stative
        if clause.lemma == "have" and any(t[3] in lex.event_nouns for t in toks[main + 1 :
                                                                                main + 5]):
            clause.stative = False  # "had a brief meeting with": a happening
        clause.passive = main > i and toks[main - 1][3] in ("was", "were", "is", "are", "been",
                                                             "be", "being")
        clause.reporting = clause.lemma in lex.reporting and not clause.passive
        return


def _verb_at(
    toks: list[Token], i: int, lex: VerbLexicon
) -> tuple[int, str, bool, bool] | None:
    """(main verb index, tense, negated, stative) for a verb group starting at toks[i]."""
    word = toks[i][3]
    if word not in lex.verb_starts and not word.endswith("ed"):
        return None  # most words: nothing to read (the hot path of the clause reader)
    before = toks[i - 1][3] if i else ""
    if word in lex.future or word in lex.modals:
        j, neg = _skip(toks, i + 1, lex)
        if j >= len(toks):
            return None
        tense = "future" if word in lex.future or word == "would" else "modal"
        if toks[j][3] == "have" and j + 1 < len(toks):
            tense = "past" if tense == "modal" else "future"
            j += 1
            if toks[j][3] == "been" and j + 1 < len(toks):
                j += 1
        elif toks[j][3] == "be" and j + 1 < len(toks) and _participle(lex, toks[j + 1][3]):
            j += 1
        return j, tense, neg, False
    if word in lex.perfect_aux and word not in ("'s", "’s"):
        j, neg = _skip(toks, i + 1, lex)
        if j >= len(toks):
            return None
        nxt = toks[j][3]
        tense = "past" if word in ("had", "'d", "’d") else "perfect"
        if nxt == "been":
            k, neg2 = _skip(toks, j + 1, lex)
            if k < len(toks) and (_participle(lex, toks[k][3]) or toks[k][3].endswith("ing")):
                return k, tense, neg or neg2, toks[k][3] in _STATIVE_PASSIVE
            return j, tense, neg, True
        if _participle(lex, nxt):
            return j, tense, neg, False
        if nxt == "to":
            return None  # "have to": obligation
        return i, tense if word != "has" else "present", neg, True
    if word in lex.past_aux or word in lex.present_aux:
        tense = "past" if word in lex.past_aux else "present"
        j, neg = _skip(toks, i + 1, lex)
        if j >= len(toks):
            return i, tense, neg, True
        nxt = toks[j][3]
        if nxt == "to" or (nxt in _FUTURE_LINKS and toks[j + 1 : j + 2]
                           and toks[j + 1][3] == "to"):
            k = j + (1 if nxt == "to" else 2)
            k, neg2 = _skip(toks, k, lex)
            if k < len(toks) and toks[k][3] == "be" and k + 1 < len(toks):
                k += 1
            return min(k, len(toks) - 1), "future", neg or neg2, False
        if word == "did":
            return j, "past", neg, False
        if _participle(lex, nxt):
            return j, tense, neg, nxt in _STATIVE_PASSIVE
        if nxt.endswith("ing") and len(nxt) > 4:
            return j, tense, neg, False
        return i, tense, neg, True
    if before in lex.determiners or before in ("to", "be", "been", "being"):
        return None
    if before.endswith("ly") and i > 1 and toks[i - 2][3] in lex.determiners:
        return None  # "the densely populated province"
    if word in lex.irregular_past or (
        word.endswith("ed") and len(word) > 3 and "-" not in word and word not in lex.adjective_ed
    ):
        if toks[i][2][:1].isupper() and i:
            return None  # "Allied", "United": part of a name
        if i + 1 < len(toks) and toks[i + 1][3] == "by" and before not in lex.pronouns:
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


def _said_what(piece: list[Token], clause: Clause, lex: VerbLexicon) -> int | None:
    """Where the words said begin after a verb of saying with no "that" ("said it had")."""
    after = next((k for k, t in enumerate(piece) if t[1] == clause.verb_end), None)
    if after is None:
        return None
    for k in range(after + 1, min(len(piece), after + 6)):
        word = piece[k][3]
        if word in lex.pronouns or (piece[k][2][:1].isupper() and word not in ("i",)):
            if any(_verb_at(piece, j, lex) for j in range(k + 1, min(len(piece), k + 5))):
                return k
        if word in (",", "to", "that"):
            return None
    return None


def read_clauses(
    text: str, start: int, end: int, lex: VerbLexicon, quote_open: bool = False
) -> list[Clause]:
    """The clauses of text[start:end] in order, each with its verb group if it has one.

    `quote_open` says the sentence starts inside a quotation opened before it.
    """
    toks = tokens(text, start, end)
    out: list[Clause] = []
    for first, last, opener, quote, embedded in _segments(toks, quote_open):
        piece = toks[first:last]
        clause = Clause(
            piece[0][0],
            piece[-1][1],
            opener=opener,
            in_quote=quote,
            embedded=embedded or opener in lex.relatives,
        )
        _read_verb(clause, piece[1:] if opener else piece, lex)
        if opener == "that" and not _complement(out, lex):
            clause.embedded = True  # "deals with factions that allowed them": relative
        out.append(clause)
        if clause.reporting:
            rest = _said_what(piece, clause, lex)
            if rest is not None:  # "The army said it had returned fire": what was said
                clause.end = piece[rest - 1][1]
                said = Clause(piece[rest][0], piece[-1][1], opener="that", in_quote=quote,
                              embedded=clause.embedded)  # fmt: skip
                _read_verb(said, piece[rest:], lex)
                out.append(said)
    return out
