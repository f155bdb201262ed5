"""Read-only views shaped for the desktop window: library rows, event lists, article marks.

The window refreshes after every edit, so each view is one short read transaction
that returns plain dicts (no ORM objects cross into the UI or between threads).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, selectinload

from desktop.services.entities import ACTOR, PLACE, entities_by_event
from desktop.services.eventdates import end_of, event_anchor, redated_from, start_of
from desktop.store import Article, Citation, Event, Lane, Tag, Workspace
from desktop.store.models import Actor, Place, event_actors, event_places


def library_rows(ws: Workspace, ids: Iterable[int] | None = None,
                 counts: dict[int, dict[str, int]] | None = None) -> list[dict[str, Any]]:
    """Articles (all, or these ids) with their suggested/accepted event counts and an
    undated flag; the window re-reads only the articles a change touched. `counts`
    (article id -> status -> distinct events) spares the count query when the caller
    has just read every event anyway."""
    wanted = sorted(set(ids)) if ids is not None else None
    if wanted is not None and not wanted:
        return []
    with ws.session() as session:
        given = counts is not None
        counts = counts if counts is not None else {}
        per_status = (
            select(Citation.article_id, Event.status, func.count(func.distinct(Event.id)))
            .join(Event, Event.id == Citation.event_id)
            .group_by(Citation.article_id, Event.status)
        )
        query = select(
            Article.id, Article.title, Article.outlet, Article.published,
            Article.source_file, Article.extraction_error,
        ).order_by(Article.id)
        if wanted is not None:
            per_status = per_status.where(Citation.article_id.in_(wanted))
            query = query.where(Article.id.in_(wanted))
        for article_id, status, n in session.execute(per_status) if not given else ():
            counts.setdefault(article_id, {})[status] = n
        rows = session.execute(query)
        out = []
        for aid, title, outlet, published, source_file, error in rows:
            c = counts.get(aid, {})
            out.append({
                "id": aid,
                "title": title or source_file or f"article {aid}",
                "outlet": outlet or "",
                "published": published.isoformat() if published else None,
                "undated": published is None,
                "suggested": c.get("suggested", 0),
                "accepted": c.get("accepted", 0) + c.get("manual", 0),
                "source_file": source_file,
                "error": error,
            })
        return out


def article_count(ws: Workspace) -> int:
    with ws.session() as session:
        return session.scalar(select(func.count(Article.id))) or 0


def event_list(ws: Workspace) -> list[dict[str, Any]]:
    """Every event with what the queue, the table and the editor show, ordered by date."""
    with ws.session() as session:
        query = (
            select(Event)
            .options(selectinload(Event.citations), selectinload(Event.tags),
                     selectinload(Event.lane))
            .order_by(Event.start_key, Event.id)
        )
        return with_entities(session, [event_dict(e) for e in session.scalars(query)])


def event_detail(ws: Workspace, event_id: int) -> dict[str, Any] | None:
    with ws.session() as session:
        event = session.get(Event, event_id)
        return with_entities(session, [event_dict(event)])[0] if event is not None else None


def with_entities(session: Session, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give event dicts their "actors" [(name, role)] and "places" [name], in order."""
    ids = [e["id"] for e in events]
    whole = len(ids) > 900  # past SQLite's parameter limit: read every link once
    for kind, key in ((ACTOR, "actors"), (PLACE, "places")):
        model = Actor if kind == ACTOR else Place
        links = entities_by_event(session, kind, None if whole else ids)
        linked = {i for found in links.values() for i, _ in found}
        # the names of the linked entities only (selecting one event read every name)
        query = select(model.id, model.name)
        if len(linked) <= 900:
            query = query.where(model.id.in_(sorted(linked)))
        names = dict(session.execute(query).all()) if linked else {}
        for e in events:
            found = [(names[i], role) for i, role in links.get(e["id"], ())]
            e[key] = found if kind == ACTOR else [n for n, _ in found]
    return events


def event_dict(e: Event) -> dict[str, Any]:
    start = start_of(e)
    end = end_of(e)
    citations = [
        {
            "id": c.id, "article_id": c.article_id, "start": c.start, "end": c.end,
            "quote": c.quote, "date_phrase": c.date_phrase, "value": c.value,
            "phrase_start": c.phrase_start, "phrase_end": c.phrase_end, "origin": c.origin,
            "anchor": c.anchor,
        }
        for c in e.citations
    ]
    return {
        "id": e.id,
        "title": e.title,
        "description": e.description or "",
        "notes": e.notes or "",
        "start": start,
        "end": end,
        "human": start.human(),
        "end_human": end.human() if end else "",
        "earliest": e.start_earliest,
        "status": e.status,
        "confidence": float(e.confidence),
        "conflict": bool(e.conflict),
        "redated": redated_from(start, end, [c["value"] for c in citations]),
        "lane_id": e.lane_id,
        "lane": e.lane.name if e.lane else "",
        "tags": sorted(t.name for t in e.tags),
        "color": e.color or "",
        "version": e.version,
        "citations": citations,
        "quote": citations[0]["quote"] if citations else "",
        "anchor": event_anchor(e.citations),
    }


def article_marks(ws: Workspace, article_id: int) -> list[dict[str, Any]]:
    """The citation spans (and their date phrases) in one article, with their events."""
    with ws.session() as session:  # Core rows: an article may be cited hundreds of times
        rows = session.connection().execute(
            select(
                Citation.id, Citation.event_id, Event.status, Citation.start, Citation.end,
                Citation.phrase_start, Citation.phrase_end, Citation.value,
            )
            .join(Event, Event.id == Citation.event_id)
            .where(Citation.article_id == article_id)
            .order_by(Citation.start)
        ).all()
        keys = ("citation_id", "event_id", "status", "start", "end",
                "phrase_start", "phrase_end", "value")
        return [dict(zip(keys, r, strict=True)) for r in rows]


def lane_names(ws: Workspace) -> list[tuple[int, str]]:
    with ws.session() as session:
        return [(r[0], r[1]) for r in session.execute(
            select(Lane.id, Lane.name).order_by(Lane.position, Lane.name))]


def tag_names(ws: Workspace) -> list[str]:
    with ws.session() as session:
        return list(session.scalars(select(Tag.name).order_by(Tag.name)))


def entity_dump(session: Session) -> dict[str, Any]:
    """Actors and places with their fields and links, for exact-undo comparisons."""
    out: dict[str, Any] = {}
    for name, model, links, column in (
        ("actors", Actor, event_actors, "actor_id"), ("places", Place, event_places, "place_id")
    ):
        table = model.__table__
        out[name] = [dict(r._mapping) for r in session.execute(select(table).order_by(table.c.id))]
        linked = select(links).order_by(links.c.event_id, links.c[column])
        out[f"event_{name}"] = [tuple(r) for r in session.execute(linked)]
    return out


def store_dump(ws: Workspace) -> dict[str, Any]:
    """Everything a user can see, without bookkeeping (versions, timestamps): for
    checking that undo/redo and reopening restore exactly what was there."""
    with ws.session() as session:
        events = []
        for e in session.scalars(select(Event).order_by(Event.id)):
            d = event_dict(e)
            d.pop("version")
            d["start"] = d["start"].to_timex() + f"/{d['start'].qualifier or ''}"
            d["end"] = (d["end"].to_timex() + f"/{d['end'].qualifier or ''}") if d["end"] else None
            d["earliest"] = d["earliest"].isoformat() + f"/{e.start_cycles or 0}"
            events.append(d)
        articles = [
            {"id": a.id, "title": a.title, "published": a.published, "text": a.text}
            for a in session.scalars(select(Article).order_by(Article.id))
        ]
        lanes = lane_names(ws)
        n_cit = session.scalar(select(func.count(Citation.id)))
        accepted = session.scalar(
            select(func.sum(case((Event.status == "accepted", 1), else_=0))))
        return {"events": events, "articles": articles, "lanes": lanes,
                "citations": n_cit, "accepted": accepted or 0, **entity_dump(session)}
