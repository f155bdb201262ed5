"""Turning an article's text into suggested events, idempotently.

A suggestion is identified by its sentence span and date phrase in its article:
re-running never duplicates one, and a rejected one is never brought back.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import bindparam, case, delete, func, insert, select, update
from sqlalchemy.orm import Session

from desktop.extract import Suggestion, suggest
from desktop.services.entities import drop_orphans, link_proposed
from desktop.services.eventdates import values_conflict
from desktop.services.matching import find_same_happening, happening_signature
from desktop.store import Article, Citation, Event, Workspace
from desktop.store.changes import unit
from desktop.store.models import utcnow

MAX_SUGGESTIONS = 2000
log = logging.getLogger("chronologue.suggest")


@dataclass
class SuggestReport:
    articles: int = 0
    added: int = 0
    failed: list[tuple[int, str]] = field(default_factory=list)


def _identity(article_id: int, start: int, end: int, phrase_start: int | None) -> tuple:
    return (article_id, start, end, phrase_start)


@dataclass(frozen=True)
class Extracted:
    """An article's suggestions as the extractor found them, before any store is touched.

    Computing this is the slow part of an import and needs no database, so it runs
    outside the write transaction (and can run in another process: it pickles).
    """

    suggestions: tuple[Suggestion, ...] = ()
    error: str | None = None


def extract(
    text: str, published: date | None, language: str = "en", *, dayfirst: bool = False
) -> Extracted:
    """The suggestions of one article's text, capped and filtered as the store wants them."""
    found: list[Suggestion] = []
    try:
        # Texts over CHUNK_CHARS (dumps more than articles) are read a piece at a time, cut
        # at a line break: memory stays bounded, and reading stops at the cap.
        for offset, piece in _pieces(text):
            got = suggest(piece, published, language or "en", dayfirst=dayfirst,
                          limit=max(MAX_SUGGESTIONS - len(found), 0))  # fmt: skip
            found.extend(_shifted(item, offset) for item in got)
            if len(found) > MAX_SUGGESTIONS:
                break
    except Exception as exc:  # a tagger bug must not cost the user the article
        log.exception("date extraction failed on a text of %d characters", len(text))
        return Extracted((), f"date extraction failed ({type(exc).__name__}: {exc})")
    if published is None:
        found = [s for s in found if not s.needs_reference]
    error = None
    if len(found) > MAX_SUGGESTIONS:  # a dump of dates, not an article: keep it reviewable
        error = (
            f"only the first {MAX_SUGGESTIONS:,} happenings were suggested (the text reports "
            "more); select text and press Ctrl+E for the rest"
        )
        found = found[:MAX_SUGGESTIONS]
    return Extracted(tuple(found), error)


CHUNK_CHARS = 256 * 1024


def _pieces(text: str):  # noqa: ANN202 - an iterator of (offset, piece)
    start = 0
    while len(text) - start > CHUNK_CHARS:
        limit = start + CHUNK_CHARS
        floor = limit - CHUNK_CHARS // 4
        cut = max(text.rfind("\n\n", floor, limit), text.rfind("\n", floor, limit),
                  text.rfind(". ", floor, limit))  # fmt: skip
        cut = cut + 1 if cut > 0 else limit
        yield start, text[start:cut]
        start = cut
    yield start, text[start:]


def _shifted(item: Suggestion, offset: int) -> Suggestion:
    if not offset:
        return item

    def at(value: int | None) -> int | None:
        return None if value is None else value + offset

    return dataclasses.replace(item, start=item.start + offset, end=item.end + offset,
                               timex_start=at(item.timex_start), timex_end=at(item.timex_end))


def suggest_for_article(session: Session, article: Article, *, dayfirst: bool = False) -> int:
    """Add this article's new suggestions; returns how many citations were added."""
    found = extract(article.text, article.published, article.language or "en", dayfirst=dayfirst)
    return store_suggestions(session, article, found)


Plan = tuple[int | None, ...]


def plan_matches(session: Session, found: Extracted) -> Plan:
    """For a new article, the stored event each suggestion reports again (None: new).

    Only reads, so it runs before the write transaction begins: matching against a
    dense workspace can take seconds, and no other writer should wait for it.
    """
    own: set[int] = set()
    plan: list[int | None] = []
    for item in found.suggestions:
        match = find_same_happening(session, item, own)
        if match is not None:
            own.add(match)
        plan.append(match)
    return tuple(plan)


def store_suggestions(
    session: Session, article: Article, found: Extracted, plan: Plan | None = None
) -> int:
    """Write already extracted suggestions (the fast, in-transaction half of suggesting).

    With a ``plan`` from plan_matches, a planned match still stored and not rejected is
    used as is; anything else is matched here.
    """
    article.extraction_error = found.error
    session.flush()  # the article row must exist before its citations point at it
    rows = session.execute(
        select(Citation.start, Citation.end, Citation.phrase_start, Citation.event_id).where(
            Citation.article_id == article.id
        )
    ).all()
    known = {_identity(article.id, r.start, r.end, r.phrase_start) for r in rows}
    own = {r.event_id for r in rows}
    newest = session.scalar(select(func.max(Event.id))) or 0  # later ids are this article's
    alive = _alive(session, {m for m in plan or () if m is not None})
    added = 0
    citations: list[dict] = []
    proposed: list[tuple[int, tuple, tuple]] = []
    for index, item in enumerate(found.suggestions):
        key = _identity(article.id, item.start, item.end, item.timex_start)
        if key in known:
            continue
        known.add(key)
        if plan is not None and plan[index] in alive and plan[index] not in own:
            match = plan[index]
        elif plan is not None and plan[index] is None:
            match = None
        else:
            match = find_same_happening(
                session, item, own, article_id=article.id, max_event_id=newest
            )
        event_id = _store(session, item, match)
        own.add(event_id)
        citations.append(_citation_row(article.id, event_id, item))
        proposed.append((event_id, item.actors, item.places))
        added += 1
    if citations:
        session.execute(_INSERT_CITATION, citations)
    link_proposed(session, proposed)  # who and where, as the sentence says
    return added


def _alive(session: Session, ids: set[int]) -> set[int]:
    if not ids:
        return set()
    query = select(Event.id).where(Event.id.in_(sorted(ids)), Event.status != "rejected")
    return set(session.scalars(query))


# Prepared Core statements on the hot path: an article brings a dozen suggestions, and
# building ORM objects (or even fresh statements) for each cost more than the tagger.
_EVENTS = Event.__table__
_INSERT_EVENT = insert(_EVENTS)
_INSERT_CITATION = insert(Citation.__table__)
_MERGED = (
    update(_EVENTS)
    .where(_EVENTS.c.id == bindparam("event_id"))
    .values(
        conflict=bindparam("conflict"),
        # max() of two values, written portably (SQLite's max(), PostgreSQL's greatest())
        confidence=case((_EVENTS.c.confidence < bindparam("confidence"),
                         bindparam("confidence")), else_=_EVENTS.c.confidence),
        version=_EVENTS.c.version + 1,
        modified=bindparam("now"),
    )
)


def _citation_row(article_id: int, event_id: int, item: Suggestion) -> dict:
    return {
        "event_id": event_id, "article_id": article_id, "start": item.start, "end": item.end,
        "quote": item.quote, "date_phrase": item.date_phrase, "phrase_start": item.timex_start,
        "phrase_end": item.timex_end, "value": item.value,
        "needs_reference": item.needs_reference, "origin": "suggested",
        "anchor": item.anchor, "anchor_confidence": item.confidence,
    }


def _store(session: Session, item: Suggestion, match: int | None) -> int:
    """The id of a new event for this suggestion, or of ``match``, which gains a source."""
    now = utcnow()
    if match is None:
        when = item.fuzzy
        return session.execute(
            _INSERT_EVENT,
            {
                "title": item.title, "description": item.description, "notes": "",
                "signature": happening_signature(item), "status": "suggested",
                "confidence": item.confidence, "conflict": False, "version": 1,
                "start_earliest": when.earliest, "start_latest": when.latest,
                "start_precision": str(when.precision),
                "start_qualifier": str(when.qualifier) if when.qualifier else None,
                "created": now, "modified": now,
            },
        ).inserted_primary_key[0]
    # A second source: it may corroborate or contradict the first.
    cited = session.execute(
        select(Citation.value, Citation.anchor).where(Citation.event_id == match)
    ).all()
    values = [*(r.value for r in cited), item.value]
    loose = {r.value for r in cited if r.anchor == "publication"}
    if item.anchor == "publication":
        loose.add(item.value)
    session.execute(
        _MERGED,
        {"event_id": match, "conflict": values_conflict(values, loose),
         "confidence": item.confidence, "now": now},
    )
    return match


def resuggest(ws: Workspace, article_id: int | None = None) -> SuggestReport:
    """Re-run extraction on one article or all, one transaction per article."""
    report = SuggestReport()
    with ws.session() as session:
        query = select(Article.id).order_by(Article.id)
        if article_id is not None:
            query = query.where(Article.id == article_id)
        ids = list(session.scalars(query))
    if article_id is not None and not ids:
        raise LookupError(f"no article with id {article_id}")
    for aid in ids:
        with ws.session() as session:
            article = session.get(Article, aid)
            report.added += suggest_for_article(session, article)
            report.articles += 1
            if article.extraction_error:
                report.failed.append((aid, article.extraction_error))
    return report


def drop_open_suggestions(session: Session, article_id: int) -> None:
    """Forget this article's pending suggestions; accepted and rejected ones stay."""
    pending = select(Citation.id).join(Event).where(
        Citation.article_id == article_id, Citation.origin == "suggested",
        Event.status == "suggested",
    )
    session.execute(delete(Citation).where(Citation.id.in_(pending)))
    orphans = select(Event.id).where(Event.status == "suggested", ~Event.citations.any())
    session.execute(delete(Event).where(Event.id.in_(orphans)))
    session.expire_all()


def set_published(ws: Workspace | Session, article_id: int, published: date | None) -> int:
    """Set an article's publication date and recompute the suggestions that depend on it."""
    with unit(ws) as session:
        article = session.get(Article, article_id)
        if article is None:
            raise LookupError(f"no article with id {article_id}")
        # Extract before the first write: the write lock is then held for milliseconds.
        found = extract(article.text, published, article.language or "en")
        article.published = published
        drop_open_suggestions(session, article_id)
        session.flush()
        article = session.get(Article, article_id)
        added = store_suggestions(session, article, found)
        drop_orphans(session)
        return added
