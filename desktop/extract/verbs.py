"""Verb vocabulary for finding happenings, keyed by language.

Only English is filled in; another language adds its own `VerbLexicon` to LEXICONS and
the clause reader uses it unchanged (a language without one gets no inferred anchors,
only the dates its tagger finds).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.extract.lexicon import ADJECTIVE_ED, IRREGULAR_PAST, PARTICIPLES


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


@dataclass(frozen=True)
class VerbLexicon:
    """The closed word classes the clause reader needs for one language."""

    irregular_past: frozenset[str]
    participles: frozenset[str]
    adjective_ed: frozenset[str]
    lemmas: dict[str, str]  # irregular forms -> lemma
    stative: frozenset[str]  # lemmas of states, opinions and plans, never a happening
    reporting: frozenset[str]  # lemmas of saying: the happening is what was said
    present_events: frozenset[str]  # 3rd person present forms that are verbs, not nouns
    future: frozenset[str]
    modals: frozenset[str]
    past_aux: frozenset[str]
    perfect_aux: frozenset[str]
    present_aux: frozenset[str]
    negations: frozenset[str]
    determiners: frozenset[str]
    pronouns: frozenset[str]
    relatives: frozenset[str]
    subordinators: frozenset[str]
    conditionals: frozenset[str]
    event_nouns: frozenset[str]
    reference_heads: frozenset[str]  # "highest since", "worst ... since"
    known: frozenset[str] = frozenset()  # lemmas ending in -e, to undo "-ed" right
    verb_starts: frozenset[str] = frozenset()  # words that may open a verb group
    memo: dict[str, str] = field(default_factory=dict, compare=False, repr=False)


_SAME_FORM = _words("hit put set cut shut hurt spread cast burst quit split let beat bid")

ENGLISH = VerbLexicon(
    irregular_past=IRREGULAR_PAST | _SAME_FORM,
    participles=PARTICIPLES | _SAME_FORM,
    adjective_ed=ADJECTIVE_ED
    | _words(
        """based so-called alleged unnamed unidentified concerned armed masked detained
        disputed besieged embattled"""
    ),
    lemmas={
        "was": "be", "were": "be", "is": "be", "are": "be", "been": "be", "had": "have",
        "has": "have", "did": "do", "said": "say", "says": "say", "told": "tell",
        "tells": "tell", "took": "take", "taken": "take", "gave": "give", "given": "give",
        "made": "make", "came": "come", "went": "go", "gone": "go", "saw": "see",
        "seen": "see", "met": "meet", "held": "hold", "began": "begin", "begun": "begin",
        "fell": "fall", "fallen": "fall", "left": "leave", "led": "lead", "won": "win",
        "lost": "lose", "spoke": "speak", "broke": "break", "broken": "break",
        "brought": "bring", "bought": "buy", "built": "build", "caught": "catch",
        "chose": "choose", "drove": "drive", "fought": "fight", "found": "find",
        "flew": "fly", "got": "get", "grew": "grow", "heard": "hear", "kept": "keep",
        "knew": "know", "known": "know", "laid": "lay", "paid": "pay", "ran": "run",
        "rose": "rise", "risen": "rise", "sent": "send", "sold": "sell", "sought": "seek",
        "stood": "stand", "struck": "strike", "thought": "think", "threw": "throw",
        "wrote": "write", "written": "write", "became": "become", "withdrew": "withdraw",
        "fled": "flee", "felt": "feel", "spent": "spend", "shot": "shoot", "hit": "hit",
        "put": "put", "set": "set", "cut": "cut", "shut": "shut", "overran": "overrun",
        "sank": "sink", "hid": "hide", "shook": "shake", "stole": "steal", "swore": "swear",
        "meant": "mean", "understood": "understand", "arose": "arise", "drew": "draw",
        "killed": "kill",
    },  # fmt: skip
    stative=_words(
        """be have seem appear remain belong contain include consist know believe think
        want hope wish like love hate need cost own mean matter exist depend deserve fear
        doubt understand expect intend plan aim seek hold-view suppose consider regard
        see-as live lie stand-at total number amount represent involve lack resemble
        continue keep stay become tend use"""
    ),
    reporting=_words(
        """say tell add note explain write state report claim insist argue suggest
        estimate quote describe reply respond comment speak"""
    ),
    present_events=_words(
        """say says tells announces warns denies accuses calls urges plans launches opens
        closes rejects agrees signs meets visits kills attacks claims confirms reports
        vows pledges demands threatens lands arrives begins starts ends"""
    ),
    future=_words("will shall 'll ’ll wo"),
    modals=_words("would could might may should must can ought"),
    past_aux=_words("was were did"),
    perfect_aux=_words("has have had 've 'd ’ve ’d"),
    present_aux=_words("is are am 's ’s"),
    negations=_words("not n't never no neither nor ’t"),
    determiners=_words(
        """the a an this that these those its their his her our my your of some any each
        every no many several all both such another other which whose"""
    ),
    pronouns=_words("he she they it we i you"),
    relatives=_words("which who whom whose where"),
    subordinators=_words(
        """that because although though while whereas if unless when after before since
        as until once"""
    ),
    conditionals=_words("if unless should whether"),
    event_nouns=_words(
        """war protest protests demonstration demonstrations attack attacks strike strikes
        airstrike airstrikes raid raids election elections vote referendum summit talks
        meeting meetings bombing bombings offensive ceasefire truce deal agreement visit
        invasion uprising revolution coup massacre clashes clash battle siege explosion
        blast earthquake flood floods fire storm crash shooting killing killings arrest
        arrests trial verdict launch merger acquisition conference rally march
        incident incidents riot riots assault shelling bombardment campaign beginning
        start outbreak collapse resignation election-day"""
    ),
    reference_heads=_words(
        """highest lowest biggest largest smallest worst best strongest weakest first
        most least fewest record deadliest longest shortest fastest slowest sharpest
        steepest greatest"""
    ),
)

ENGLISH = VerbLexicon(
    **{
        **{k: v for k, v in ENGLISH.__dict__.items() if k != "memo"},
        "known": ENGLISH.stative | ENGLISH.reporting | _words(
            """announce issue argue continue raise seize vote strike declare release
            receive rule refuse agree promise capture close wage charge pledge force
            escalate approve invade observe unite move remove deliver serve provide reduce
            purchase increase decrease manage organise organize cause dispute retire"""
        ),
        "verb_starts": ENGLISH.irregular_past | ENGLISH.present_events | ENGLISH.future
        | ENGLISH.modals | ENGLISH.past_aux | ENGLISH.perfect_aux | ENGLISH.present_aux,
    }
)
LEXICONS: dict[str, VerbLexicon] = {"en": ENGLISH}


def lexicon_for(language: str) -> VerbLexicon | None:
    """The verb vocabulary for an article's language, or None when we have none."""
    return LEXICONS.get((language or "en").lower()[:2])


def lemma(lex: VerbLexicon, word: str) -> str:
    """A rough lemma: enough to see that "shelled" and "shelling" are one verb."""
    found = lex.memo.get(word)
    if found is None:
        found = _lemma(lex, word)
        if len(lex.memo) < 20_000:  # bounded: a hostile text cannot grow it without end
            lex.memo[word] = found
    return found


def _lemma(lex: VerbLexicon, word: str) -> str:
    if word in lex.lemmas:
        return lex.lemmas[word]
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""),
                         ("s", "")):  # fmt: skip
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)] + repl
            if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
                stem = stem[:-1]  # "shelled" -> "shell", "stopped" -> "stop"
            if stem + "e" in lex.known or (suffix in ("ed", "ing") and stem[-1:] in "vcz"
                                             or stem.endswith(("at", "ut", "iz", "is"))):
                stem += "e"  # "stated" -> "state", "announced" -> "announce"
            return stem
    return word
