"""Read-only views of the workspace shaped for listing (CLI, JSON, tables)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from desktop.services.eventdates import end_of, event_anchor, start_of
from desktop.store import Article, Citation, Event, Workspace


def article_rows(ws: Workspace) -> list[dict[str, Any]]:
    with ws.session() as session:
        rows = session.execute(
            select(
                Article.id, Article.title, Article.outlet, Article.url, Article.published,
                Article.source_file, func.length(Article.text),
            ).order_by(Article.id)
        )
        return [
            {
                "id": r[0], "title": r[1], "outlet": r[2], "url": r[3],
                "published": r[4].isoformat() if r[4] else None,
                "source_file": r[5], "chars": r[6],
            }
            for r in rows
        ]


def article_detail(ws: Workspace, article_id: int) -> dict[str, Any] | None:
    with ws.session() as session:
        a = session.get(Article, article_id)
        if a is None:
            return None
        counts = dict(
            session.execute(
                select(Event.status, func.count(func.distinct(Event.id)))
                .join(Citation).where(Citation.article_id == article_id).group_by(Event.status)
            ).all()
        )
        return {
            "id": a.id, "title": a.title, "outlet": a.outlet, "url": a.url, "author": a.author,
            "published": a.published.isoformat() if a.published else None,
            "source_file": a.source_file, "source_format": a.source_format,
            "language": a.language, "imported_at": a.imported_at.isoformat(timespec="seconds"),
            "chars": len(a.text), "events": counts, "extraction_error": a.extraction_error,
            "text": a.text,
        }


def event_rows(ws: Workspace, status: str | None = None) -> list[dict[str, Any]]:
    with ws.session() as session:
        query = (
            select(Event)
            .options(selectinload(Event.citations).selectinload(Citation.article))
            .order_by(Event.start_key, Event.id)
        )
        if status:
            query = query.where(Event.status == status)
        return [event_row(e) for e in session.scalars(query)]


def event_row(e: Event) -> dict[str, Any]:
    start = start_of(e)
    end = end_of(e)
    return {
        "id": e.id,
        "title": e.title,
        "value": start.to_timex(),
        "human": start.human(),
        "earliest": start.iso_bounds()[0],  # ISO 8601 expanded years before 1 CE
        "latest": start.iso_bounds()[1],
        "precision": e.start_precision,
        "qualifier": e.start_qualifier,
        "end": end.to_timex() if end else None,
        "status": e.status,
        "confidence": round(e.confidence, 3),
        "conflict": e.conflict,
        "description": e.description,
        "anchor": event_anchor(e.citations),
        "citations": [
            {
                "article_id": c.article_id,
                "source_file": c.article.source_file,
                "start": c.start,
                "end": c.end,
                "quote": c.quote,
                "date_phrase": c.date_phrase,
                "value": c.value,
                "anchor": c.anchor,
            }
            for c in e.citations
        ],
    }
