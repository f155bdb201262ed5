"""Turning an article's text into suggested events, idempotently.

A suggestion is identified by its sentence span and date phrase in its article:
re-running never duplicates one, and a rejected one is never brought back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desktop.extract import Suggestion, suggest
from desktop.services.eventdates import set_start, values_conflict
from desktop.services.matching import find_same_happening, signature
from desktop.store import Article, Citation, Event, Workspace

MAX_SUGGESTIONS = 2000


@dataclass
class SuggestReport:
    articles: int = 0
    added: int = 0
    failed: list[tuple[int, str]] = field(default_factory=list)


def _identity(article_id: int, start: int, end: int, phrase_start: int | None) -> tuple:
    return (article_id, start, end, phrase_start)


def suggest_for_article(session: Session, article: Article, *, dayfirst: bool = False) -> int:
    """Add this article's new suggestions; returns how many citations were added."""
    try:
        found = suggest(
            article.text, article.published, article.language or "en", dayfirst=dayfirst
        )
    except Exception as exc:  # a tagger bug must not cost the user the article
        article.extraction_error = f"date extraction failed ({type(exc).__name__}: {exc})"
        return 0
    article.extraction_error = None
    if article.published is None:
        found = [s for s in found if not s.needs_reference]
    if len(found) > MAX_SUGGESTIONS:  # a dump of dates, not an article: keep it reviewable
        article.extraction_error = (
            f"only the first {MAX_SUGGESTIONS:,} of {len(found):,} dated sentences were "
            "suggested; select text and press Ctrl+E for the rest"
        )
        found = found[:MAX_SUGGESTIONS]
    citations = session.scalars(select(Citation).where(Citation.article_id == article.id)).all()
    known = {_identity(c.article_id, c.start, c.end, c.phrase_start) for c in citations}
    own = {c.event_id for c in citations}
    added = 0
    # One flush per article: the matcher never looks at this article's own new
    # events, so there is nothing to gain from flushing after each suggestion.
    with session.no_autoflush:
        for item in found:
            key = _identity(article.id, item.start, item.end, item.timex_start)
            if key in known:
                continue
            known.add(key)
            event = _store(session, article, item, own)
            if event.id is not None:
                own.add(event.id)
            added += 1
    session.flush()
    return added


def _store(session: Session, article: Article, item: Suggestion, own: set[int]) -> Event:
    citation = Citation(
        article_id=article.id,
        start=item.start,
        end=item.end,
        quote=item.quote,
        date_phrase=item.date_phrase,
        phrase_start=item.timex_start,
        phrase_end=item.timex_end,
        value=item.value,
        needs_reference=item.needs_reference,
        origin="suggested",
    )
    match = find_same_happening(session, item, own)
    if match is None:
        event = Event(
            title=item.title,
            description=item.description,
            signature=signature(item.title),
            status="suggested",
            confidence=item.confidence,
        )
        set_start(event, item.fuzzy)
        session.add(event)
        event.citations.append(citation)
        return event
    event = session.get(Event, match)
    event.confidence = max(event.confidence, item.confidence)
    event.citations.append(citation)
    event.conflict = values_conflict([c.value for c in event.citations])
    return event


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


def set_published(ws: Workspace, article_id: int, published: date | None) -> int:
    """Set an article's publication date and recompute the suggestions that depend on it."""
    with ws.session() as session:
        article = session.get(Article, article_id)
        if article is None:
            raise LookupError(f"no article with id {article_id}")
        article.published = published
        drop_open_suggestions(session, article_id)
        session.flush()
        article = session.get(Article, article_id)
        return suggest_for_article(session, article)
