"""Turning an article's text into suggested events, idempotently.

A suggestion is identified by its sentence span and date phrase in its article:
re-running never duplicates one, and a rejected one is never brought back.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from sqlalchemy import bindparam, case, delete, insert, select, update
from sqlalchemy.orm import Session

from desktop.extract import Suggestion, suggest
from desktop.services.entities import drop_orphans, link_proposed
from desktop.services.eventdates import start_key, values_conflict
from desktop.services.matching import CandidateCache, Probe, match_all, probe
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
    probes: tuple[Probe, ...] = ()  # one per suggestion: what matching needs of it

    def match_probes(self) -> tuple[Probe, ...]:
        if len(self.probes) == len(self.suggestions):
            return self.probes
        return tuple(probe(item) for item in self.suggestions)


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
    return Extracted(tuple(found), error, tuple(probe(item) for item in found))


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


class Stored(NamedTuple):
    """What storing an article's suggestions did: `new` events made (what the review
    queue gains) and `merged` citations added to events already stored (corroboration)."""

    new: int = 0
    merged: int = 0

    @property
    def total(self) -> int:
        return self.new + self.merged


def suggest_for_article(session: Session, article: Article, *, dayfirst: bool = False) -> int:
    """Add this article's new suggestions; returns how many citations were added."""
    found = extract(article.text, article.published, article.language or "en", dayfirst=dayfirst)
    return store_suggestions(session, article, found).total


Plan = tuple[int | None, ...]


def plan_matches(session: Session, found: Extracted, cache: CandidateCache | None = None) -> Plan:
    """For a new article, the stored event each suggestion reports again (None: new).

    Only reads, so it runs before the write transaction begins; an import passes one
    ``cache`` for all its files, so the events near its dates are read once.
    """
    return tuple(match_all(session, found.match_probes(), cache=cache))


def store_suggestions(
    session: Session, article: Article, found: Extracted, plan: Plan | None = None,
    nearby: CandidateCache | None = None,
) -> Stored:
    """Write already extracted suggestions (the fast, in-transaction half of suggesting);
    says how many became new events and how many merged into stored ones.

    With a ``plan`` from plan_matches, a planned match still stored and not rejected is
    used as is; anything else is matched here, against the events stored before (never
    this article's own: the ones it cites, or the ones it is creating). An import that
    has just inserted ``article`` (so holds the write lock) passes its ``nearby`` cache,
    which then gains the new events without reading them back.
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
    probes = found.match_probes()
    todo: list[int] = []
    for index, item in enumerate(found.suggestions):
        key = _identity(article.id, item.start, item.end, item.timex_start)
        if key not in known:
            known.add(key)
            todo.append(index)
    matches = _matches(session, [probes[i] for i in todo],
                       [plan[i] for i in todo] if plan is not None else None, own)  # fmt: skip
    items = [found.suggestions[i] for i in todo]
    probes_todo = [probes[i] for i in todo]
    event_ids = _store_all(session, items, probes_todo, matches)
    pairs = list(zip(event_ids, items, strict=True))
    if pairs:
        session.execute(_INSERT_CITATION, [_citation_row(article.id, e, s) for e, s in pairs])
    fresh = {e for e, m in zip(event_ids, matches, strict=True) if m is None}
    names = nearby.writing(session.connection(), article.id) if nearby is not None else None
    link_proposed(session, [(e, s.actors, s.places) for e, s in pairs], fresh, names)
    if nearby is not None:
        nearby.stored(session.connection(), [
            _cached(e, s, mine)
            for e, s, mine, m in zip(event_ids, items, probes_todo, matches, strict=True)
            if m is None])  # fmt: skip
    merged = sum(1 for m in matches if m is not None)
    return Stored(new=len(pairs) - merged, merged=merged)


def _matches(session: Session, probes: list[Probe], plan: list[int | None] | None,
             own: set[int]) -> list[int | None]:  # fmt: skip
    """Each suggestion's match: its planned one while still alive, else matched now (in
    order, each match excluded from the next, as plan_matches does)."""
    if plan is None:
        return match_all(session, probes, own)
    alive = _alive(session, {m for m in plan if m is not None})
    taken = set(own)
    cache: CandidateCache | None = None
    found: list[int | None] = []
    for mine, planned in zip(probes, plan, strict=True):
        if planned is None or (planned in alive and planned not in taken):
            match = planned
        else:  # deleted or rejected since it was planned (or already cited): look again
            cache = cache or CandidateCache()
            match = match_all(session, [mine], taken, cache)[0]
        if match is not None:
            taken.add(match)
        found.append(match)
    return found


def _alive(session: Session, ids: set[int]) -> set[int]:
    if not ids:
        return set()
    query = select(Event.id).where(Event.id.in_(sorted(ids)), Event.status != "rejected")
    return set(session.scalars(query))


# Prepared Core statements on the hot path: an article brings a dozen suggestions, and
# building ORM objects (or even fresh statements) for each cost more than the tagger.
_EVENTS = Event.__table__
# insertmanyvalues: one INSERT .. RETURNING per batch, ids in the rows' order
_INSERT_EVENTS = insert(_EVENTS).returning(_EVENTS.c.id, sort_by_parameter_order=True)
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


def _store_all(session: Session, items: list[Suggestion], probes: list[Probe],
               matches: list[int | None]) -> list[int]:  # fmt: skip
    """Each suggestion's event: a new one (one batched insert) or its match, which gains
    a source that may corroborate or contradict the first (one batched update)."""
    now = utcnow()
    new = [i for i, match in enumerate(matches) if match is None]
    ids: list[int | None] = list(matches)
    if new:
        created = session.execute(_INSERT_EVENTS, [_event_row(items[i], probes[i], now)
                                                   for i in new]).scalars().all()
        for i, event_id in zip(new, created, strict=True):
            ids[i] = event_id
    merged = {match: items[i] for i, match in enumerate(matches) if match is not None}
    if merged:
        cited: dict[int, list] = {m: [] for m in merged}
        wanted = sorted(merged)
        for at in range(0, len(wanted), 500):
            query = select(Citation.event_id, Citation.value, Citation.anchor).where(
                Citation.event_id.in_(wanted[at:at + 500]))
            for row in session.execute(query):
                cited[row.event_id].append(row)
        updates = []
        for match, item in merged.items():
            values = [*(r.value for r in cited[match]), item.value]
            loose = {r.value for r in cited[match] if r.anchor == "publication"}
            if item.anchor == "publication":
                loose.add(item.value)
            updates.append({"event_id": match, "conflict": values_conflict(values, loose),
                            "confidence": item.confidence, "now": now})
        session.execute(_MERGED, updates)
    return [int(i) for i in ids if i is not None]


def _cached(event_id: int, item: Suggestion, mine: Probe) -> tuple:
    """A new event as CandidateCache.stored takes it: the columns `_event_row` wrote."""
    when = item.fuzzy
    return (str(when.precision), when.cycles, when.earliest, event_id, when.latest,
            str(when.qualifier) if when.qualifier else None, mine.signature)


def _event_row(item: Suggestion, mine: Probe, now: object) -> dict:
    when = item.fuzzy
    return {
        "title": item.title, "description": item.description, "notes": "",
        "signature": mine.signature, "status": "suggested",
        "confidence": item.confidence, "conflict": False, "version": 1,
        "start_earliest": when.earliest, "start_latest": when.latest,
        "start_precision": str(when.precision),
        "start_qualifier": str(when.qualifier) if when.qualifier else None,
        "start_cycles": when.cycles, "start_key": start_key(when),
        "created": now, "modified": now,
    }


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
        added = store_suggestions(session, article, found).total
        drop_orphans(session)
        return added
