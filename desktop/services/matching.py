"""Recognising the same happening reported by another article.

Only events cited by *other* articles are candidates: two sentences of one article
are two statements, and merging them would hide one from the analyst. Candidates
are compared by the words of their titles (the happening without the attribution,
numbers included: "killed 10" is not "killed 2"); they share the suggestion's
precision and lie near it in time, so a lookup touches a few rows through an
index however large the workspace grows.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from desktop.extract import Suggestion

MERGE_SIMILARITY = 0.34  # compatible dates: similar wording suffices
CONFLICT_SIMILARITY = 0.5  # incompatible dates: only near-identical wording
CONFLICT_WINDOW = timedelta(days=31)
MIN_SHARED = 3

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


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap of two word sets; fewer than three shared words is no evidence at all."""
    shared = len(a & b)
    if shared < MIN_SHARED:
        return 0.0
    return shared / len(a | b)


def _sql_time(when: datetime) -> str:
    """The text form SQLAlchemy stores DateTime columns in, so comparisons are exact."""
    return when.isoformat(sep=" ", timespec="microseconds")


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
    words = content_words(item.title)
    if not words:
        return None
    low = when.earliest - CONFLICT_WINDOW - (when.latest - when.earliest)
    high = when.latest + CONFLICT_WINDOW
    # Plain SQL on the hot path (one query per suggestion during import): the ORM's
    # per-statement overhead was a quarter of the import time.
    sql = (
        "SELECT id, signature, title, start_earliest, start_latest FROM events "
        "WHERE start_precision = ? AND start_earliest BETWEEN ? AND ? AND status != 'rejected'"
    )
    params: tuple = (str(when.precision), _sql_time(low), _sql_time(high))
    if max_event_id is not None:
        sql += " AND id <= ?"
        params += (max_event_id,)
    if article_id is not None:
        sql += " AND id NOT IN (SELECT event_id FROM citations WHERE article_id = ?)"
        params += (article_id,)
    rows = session.connection().exec_driver_sql(sql, params)
    lo, hi = _sql_time(when.earliest), _sql_time(when.latest)
    best: tuple[float, int] | None = None
    for event_id, sig, title, earliest, latest in rows:
        if event_id in exclude:
            continue
        other = frozenset(sig.split()) if sig is not None else content_words(title)
        score = jaccard(words, other)
        overlaps = earliest <= hi and latest >= lo
        needed = MERGE_SIMILARITY if overlaps else CONFLICT_SIMILARITY
        if score >= needed and (best is None or score > best[0]):
            best = (score, event_id)
    return best[1] if best else None
