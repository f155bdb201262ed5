"""Recognising the same happening reported by another article.

Only events cited by *other* articles are candidates: two sentences of one article
are two statements, and merging them would hide one from the analyst. Two reports are
one happening when their anchored dates agree at the same precision and they share
the evidence a reader would use: named actors and places, figures ("killed 10" is not
"killed 2"), the event verb and the words of the title. Two reports that each carry
their own, different date are never merged, however alike their words (a wire
service's stock lede repeated on three days is three happenings); a conflict is a
report dated only by its article that strongly matches one dated otherwise. Candidates
share the suggestion's precision and lie near it in time, so a lookup touches a few rows
through an index however large the workspace grows.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import datetime, timedelta
from functools import lru_cache

from sqlalchemy.orm import Session

from desktop.extract import Suggestion

MERGE_SCORE = 0.5  # compatible dates: shared actors, figures, verb and words
CONFLICT_SCORE = 0.9  # incompatible dates: the same actors, figures, verb and wording
CONFLICT_WINDOW = timedelta(days=31)

_WORD = re.compile(r"[^\W\d_]{3,}|\d[\d,.]*")
_STOP = frozenset(
    """the and for that with from this have has had was were are been will would said says
    told also but not its their they them there than then into over after before during
    while which who whom what when where about against between more most some such other
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december today yesterday week month year
    earlier later last next previous following according""".split()
)


def content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in (m.group().lower() for m in _WORD.finditer(text)) if w not in _STOP)


def signature(text: str) -> str:
    return " ".join(sorted(content_words(text)))


def happening_signature(item: Suggestion) -> str:
    """What matching compares, kept beside the event: the sentence's words, @names,
    #figures, !verb and %how-dated (old signatures are plain words and still compare)."""
    names = {w.lower() for n in item.names for w in _WORD.findall(n) if not w[0].isdigit()}
    tokens = set(content_words(item.title)) | content_words(item.description)
    tokens |= {f"@{n}" for n in names} | {f"#{n}" for n in item.numbers}
    if item.verb:
        tokens.add(f"!{item.verb}")
    tokens.add(f"%{item.anchor}")
    return " ".join(sorted(tokens))


@lru_cache(maxsize=65_536)
def _parts(sig: str) -> tuple[frozenset, frozenset, frozenset, str, str]:
    # Cached: during an import every stored candidate's signature is compared with
    # dozens of new suggestions, and parsing it each time was a quarter of storing.
    words, names, numbers, verb, anchor = set(), set(), set(), "", "phrase"
    for token in sig.split():
        head = token[0]
        if head == "@":
            names.add(token[1:])
        elif head == "#":
            numbers.add(token[1:])
        elif head == "!":
            verb = token[1:]
        elif head == "%":
            anchor = token[1:]
        else:
            words.add(token)
    return frozenset(words), frozenset(names), frozenset(numbers), verb, anchor


def evidence(a: str, b: str) -> tuple[float, bool, bool]:
    """(score, strong, both dated by their own phrase) for two happening signatures."""
    wa, na, fa, va, aa = _parts(a)
    wb, nb, fb, vb, ab = _parts(b)
    if fa and fb and not fa & fb:
        return 0.0, False, False  # different figures: different happenings
    union = wa | wb
    jac = len(wa & wb) / len(union) if union else 0.0
    names = len(na & nb)
    same_verb = bool(va) and va == vb
    figures = bool(fa & fb)
    score = jac + 0.15 * min(names, 3) + 0.2 * same_verb + 0.2 * figures
    if not (names or figures) or not (same_verb or jac >= 0.25):
        return 0.0, False, False
    strong = names > 0 and figures and same_verb
    return score, strong, aa == "phrase" and ab == "phrase"


def _sql_time(when: datetime) -> str:
    """The text form SQLAlchemy stores DateTime columns in, so comparisons are exact."""
    return when.isoformat(sep=" ", timespec="microseconds")


_CANDIDATES = (
    "SELECT id, signature, title, start_earliest, start_latest, start_qualifier FROM events "
    "WHERE start_precision = ? AND start_earliest BETWEEN ? AND ? AND status != 'rejected'"
)


def _same(when: datetime) -> datetime:
    return when


def find_same_happening(
    session: Session,
    item: Suggestion,
    exclude: Collection[int] = (),
    *,
    article_id: int | None = None,
    max_event_id: int | None = None,
) -> int | None:
    """Id of the event this suggestion reports again (possibly with a conflicting date).

    ``article_id`` and ``max_event_id`` keep the article's own events (already cited by
    it, or created after ``max_event_id`` while storing it) out of the SQL: scanning them
    in Python made storing a 2,000-suggestion article quadratic.
    """
    when = item.fuzzy
    mine = happening_signature(item)
    low = when.earliest - CONFLICT_WINDOW - (when.latest - when.earliest)
    high = when.latest + CONFLICT_WINDOW
    # Plain SQL on the hot path (one query per suggestion during import): the ORM's
    # per-statement overhead was a quarter of the import time.
    sql = _CANDIDATES
    conn = session.connection()
    # SQLite hands back DateTime columns as text, PostgreSQL as datetimes: compare alike.
    as_sql = _sql_time if conn.dialect.name == "sqlite" else _same
    params: tuple = (str(when.precision), as_sql(low), as_sql(high))
    if max_event_id is not None:
        sql += " AND id <= ?"
        params += (max_event_id,)
    if article_id is not None:
        sql += " AND id NOT IN (SELECT event_id FROM citations WHERE article_id = ?)"
        params += (article_id,)
    if conn.dialect.paramstyle != "qmark":
        sql = sql.replace("?", "%s")
    rows = conn.exec_driver_sql(sql, params)
    lo, hi = as_sql(when.earliest), as_sql(when.latest)
    best: tuple[float, int] | None = None
    shortly = str(when.qualifier) == "shortly before"
    for event_id, sig, title, earliest, latest, qualifier in rows:
        if event_id in exclude:
            continue
        score, strong, both_own = evidence(mine, sig if sig is not None else signature(title))
        if score <= 0:
            continue
        if shortly and qualifier == "shortly before":
            compatible = latest == hi  # two articles' own days: the same day or not at all
        else:
            compatible = earliest <= hi and latest >= lo
        if compatible:
            needed = MERGE_SCORE
        elif both_own or not strong:
            continue  # each report dates itself, and differently: two happenings
        else:
            needed = CONFLICT_SCORE
        if score >= needed and (best is None or score > best[0]):
            best = (score, event_id)
    return best[1] if best else None
