"""Recognising the same happening reported by another article.

Only events cited by *other* articles are candidates: two sentences of one article
are two statements, and merging them would hide one from the analyst.
"""

from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from desktop.extract import Suggestion
from desktop.store import Citation, Event

MERGE_SIMILARITY = 0.34  # compatible dates: similar wording suffices
CONFLICT_SIMILARITY = 0.5  # incompatible dates: only near-identical wording
CONFLICT_WINDOW = timedelta(days=400)

_WORD = re.compile(r"[^\W\d_]{3,}")
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


def similarity(a: str, b: str) -> float:
    wa, wb = content_words(a), content_words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


def find_same_happening(session: Session, article_id: int, item: Suggestion) -> Event | None:
    """The event this suggestion reports again, if any (possibly with a conflicting date)."""
    when = item.fuzzy
    own = select(Citation.event_id).where(Citation.article_id == article_id)
    window = and_(
        Event.start_earliest <= when.latest + CONFLICT_WINDOW,
        Event.start_latest >= when.earliest - CONFLICT_WINDOW,
        Event.status != "rejected",
        Event.id.not_in(own),
    )
    best: tuple[float, Event] | None = None
    for event in session.scalars(select(Event).where(window)):
        score = similarity(event.description, item.description)
        overlaps = event.start_earliest <= when.latest and event.start_latest >= when.earliest
        needed = MERGE_SIMILARITY if overlaps else CONFLICT_SIMILARITY
        if score >= needed and (best is None or score > best[0]):
            best = (score, event)
    return best[1] if best else None
