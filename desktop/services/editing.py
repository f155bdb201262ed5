"""User edits to events, each one transaction, each with what it takes to undo it.

Edits carry the version the user saw: if another window changed the event since,
the edit is refused (EditConflict) instead of silently overwriting that change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop.services.conflicts import RETRIES, EditConflict
from desktop.services.entities import ACTOR, PLACE, absorb_links, event_entities, link_entities
from desktop.services.eventdates import (
    citations_conflict,
    end_of,
    set_end,
    set_start,
    start_of,
)
from desktop.services.matching import signature
from desktop.store import Citation, Event, Lane, Tag, Workspace
from desktop.store.changes import unit
from desktop.store.history import last_change
from desktop.store.models import utcnow
from desktop.temporal import FuzzyDate

EDITABLE = ("title", "description", "notes", "color", "status", "lane_id", "confidence")


@dataclass
class CitationSpec:
    article_id: int
    start: int
    end: int
    quote: str
    date_phrase: str | None = None
    phrase_start: int | None = None
    phrase_end: int | None = None
    value: str = ""
    origin: str = "manual"
    id: int | None = None
    anchor: str | None = None  # how the extractor dated it (suggested citations only)
    anchor_confidence: float | None = None
    needs_reference: bool = False


@dataclass
class EventSnapshot:
    """Everything about an event, enough to recreate it exactly (undo of a delete/merge)."""

    id: int | None
    fields: dict[str, Any]
    start: FuzzyDate
    end: FuzzyDate | None
    tags: list[str] = field(default_factory=list)
    citations: list[CitationSpec] = field(default_factory=list)
    actors: list[tuple[str, str]] = field(default_factory=list)  # (name, role)
    places: list[str] = field(default_factory=list)


def _load(session: Session, event_id: int, expected_version: int | None) -> Event:
    event = session.get(Event, event_id)
    if event is None:
        raise EditConflict(f"event {event_id} no longer exists (deleted in another window?)")
    if expected_version is not None and event.version != expected_version:
        raise EditConflict(stale_message(session, event_id, "since you opened it"))
    return event


def snapshot(session: Session, event: Event) -> EventSnapshot:
    return EventSnapshot(
        id=event.id,
        fields={name: getattr(event, name) for name in EDITABLE},
        start=start_of(event),
        end=end_of(event),
        tags=sorted(t.name for t in event.tags),
        citations=[
            CitationSpec(
                c.article_id, c.start, c.end, c.quote, c.date_phrase, c.phrase_start,
                c.phrase_end, c.value, c.origin, c.id, c.anchor, c.anchor_confidence,
                bool(c.needs_reference),
            )
            for c in event.citations
        ],
        actors=event_entities(session, event.id, ACTOR),
        places=[name for name, _ in event_entities(session, event.id, PLACE)],
    )


def read_snapshot(ws: Workspace | Session, event_id: int) -> EventSnapshot:
    with unit(ws) as session:
        return snapshot(session, _load(session, event_id, None))


def _tags(session: Session, names: list[str]) -> list[Tag]:
    tags = []
    for name in dict.fromkeys(n.strip() for n in names if n.strip()):
        tag = session.scalar(select(Tag).where(Tag.name == name))
        tags.append(tag or Tag(name=name))
    return tags


def update_event(
    ws: Workspace | Session,
    event_id: int,
    *,
    expected_version: int | None = None,
    start: FuzzyDate | None = None,
    end: FuzzyDate | None | bool = False,
    tags: list[str] | None = None,
    actors: list[tuple[str, str] | str] | None = None,
    places: list[str] | None = None,
    **changes: Any,
) -> int:
    """Apply changes; returns the new version. ``end=None`` clears the end, False keeps it.

    ``actors`` ((name, role) pairs or names) and ``places`` replace the event's entities,
    creating those not in the workspace yet."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
    entities = {ACTOR: actors, PLACE: places}
    if expected_version is None and not isinstance(ws, Session):
        # no version claimed: a commit by another writer between this transaction's read
        # and its write (an import merging a citation) is no conflict; read again
        for _ in range(RETRIES):
            try:
                return _update(ws, event_id, None, start, end, tags, entities, changes)
            except StaleDataError:
                continue
    try:
        return _update(ws, event_id, expected_version, start, end, tags, entities, changes)
    except StaleDataError:  # the other window committed between our check and our write
        if isinstance(ws, Session):  # the caller's unit of work failed: it cannot ask
            raise EditConflict(stale_message(None, event_id, "while you edited it")) from None
        with ws.session() as session:
            message = stale_message(session, event_id, "while you edited it")
        raise EditConflict(message) from None


def stale_message(session: Session | None, event_id: int, when: str) -> str:
    """Names who changed the event and when, so the analyst knows whom to ask."""
    last = last_change(session, "event", event_id) if session is not None else None
    if last is None:
        who = "elsewhere"
    else:
        author, at = last
        stamp = f"{at:%Y-%m-%d %H:%M} UTC" if hasattr(at, "strftime") else str(at or "")[:16]
        who = f"by {author} at {stamp}" if stamp else f"by {author}"
    return (f"event {event_id} was changed {who} {when}; your edit was not applied. "
            "Look at the new version, then edit again")


def _update(
    ws: Workspace | Session,
    event_id: int,
    expected_version: int | None,
    start: FuzzyDate | None,
    end: FuzzyDate | None | bool,
    tags: list[str] | None,
    entities: dict[str, list | None],
    changes: dict[str, Any],
) -> int:
    with unit(ws) as session:
        event = _load(session, event_id, expected_version)
        for name, value in changes.items():
            setattr(event, name, value)
        if "title" in changes:
            event.signature = signature(changes["title"])
        if start is not None:
            set_start(event, start)
        if end is not False:
            set_end(event, end)  # type: ignore[arg-type]
        if tags is not None:
            event.tags = _tags(session, tags)
        for kind, named in entities.items():
            if named is not None:
                link_entities(session, event_id, kind, named)
                event.modified = utcnow()  # the event changed: its version moves on
        session.flush()
        return event.version


def create_event(
    ws: Workspace | Session,
    title: str,
    start: FuzzyDate,
    *,
    end: FuzzyDate | None = None,
    description: str = "",
    status: str = "manual",
    citation: CitationSpec | None = None,
    confidence: float = 1.0,
) -> int:
    with unit(ws) as session:
        event = Event(
            title=title, description=description, status=status, confidence=confidence,
            signature=signature(title),
        )
        set_start(event, start)
        set_end(event, end)
        if citation is not None:
            event.citations.append(_citation(citation))
        session.add(event)
        session.flush()
        return event.id


def _citation(spec: CitationSpec) -> Citation:
    return Citation(
        id=spec.id, article_id=spec.article_id, start=spec.start, end=spec.end, quote=spec.quote,
        date_phrase=spec.date_phrase, phrase_start=spec.phrase_start, phrase_end=spec.phrase_end,
        value=spec.value, origin=spec.origin, anchor=spec.anchor,
        anchor_confidence=spec.anchor_confidence, needs_reference=spec.needs_reference,
    )


def delete_event(ws: Workspace | Session, event_id: int) -> EventSnapshot:
    with unit(ws) as session:
        event = _load(session, event_id, None)
        snap = snapshot(session, event)
        session.delete(event)
        return snap


def restore_event(ws: Workspace | Session, snap: EventSnapshot) -> int:
    """Recreate a deleted or merged-away event with its id and citations (undo)."""
    with unit(ws) as session:
        event = Event(id=snap.id, **snap.fields)
        set_start(event, snap.start)
        set_end(event, snap.end)
        event.tags = _tags(session, snap.tags)
        session.add(event)
        session.flush()
        for spec in snap.citations:
            existing = session.get(Citation, spec.id) if spec.id is not None else None
            if existing is not None:  # it was moved into another event by a merge
                old_owner = existing.event
                existing.event = event
                session.flush()
                old_owner.conflict = citations_conflict(old_owner.citations)
            else:
                event.citations.append(_citation(spec))
        event.conflict = citations_conflict(event.citations)
        session.flush()
        link_entities(session, event.id, ACTOR, snap.actors)
        link_entities(session, event.id, PLACE, snap.places)
        return event.id


def merge_events(ws: Workspace | Session, source_id: int, target_id: int) -> EventSnapshot:
    """Move the source's citations to the target and drop the source; returns its snapshot."""
    if source_id == target_id:
        raise ValueError("an event cannot be merged into itself")
    with unit(ws) as session:
        source = _load(session, source_id, None)
        target = _load(session, target_id, None)
        snap = snapshot(session, source)
        for citation in list(source.citations):
            citation.event = target
        session.flush()
        target.conflict = citations_conflict(target.citations)
        target.confidence = max(target.confidence, source.confidence)
        absorb_links(session, source_id, target_id)  # who and where it names, too
        session.delete(source)
        return snap


def remove_citation(ws: Workspace | Session, citation_id: int) -> tuple[int, CitationSpec]:
    with unit(ws) as session:
        c = session.get(Citation, citation_id)
        if c is None:
            raise EditConflict(f"citation {citation_id} no longer exists")
        spec = CitationSpec(c.article_id, c.start, c.end, c.quote, c.date_phrase, c.phrase_start,
                            c.phrase_end, c.value, c.origin, c.id, c.anchor,
                            c.anchor_confidence, bool(c.needs_reference))
        event = c.event
        event.citations.remove(c)
        session.flush()
        event.conflict = citations_conflict(event.citations)
        return event.id, spec


def add_citation(ws: Workspace | Session, event_id: int, spec: CitationSpec) -> int:
    with unit(ws) as session:
        event = _load(session, event_id, None)
        citation = _citation(spec)
        event.citations.append(citation)
        session.flush()
        event.conflict = citations_conflict(event.citations)
        return citation.id


def ensure_lane(ws: Workspace | Session, name: str) -> int:
    with unit(ws) as session:
        lane = session.scalar(select(Lane).where(Lane.name == name))
        if lane is None:
            position = len(session.scalars(select(Lane.id)).all())
            lane = Lane(name=name, position=position)
            session.add(lane)
            session.flush()
        return lane.id


def versions(ws: Workspace | Session, event_ids: list[int]) -> dict[int, int]:
    """The current version of each event that exists (what an undo checks against)."""
    with unit(ws) as session:
        return dict(session.execute(
            select(Event.id, Event.version).where(Event.id.in_(sorted(set(event_ids))))).all())


def check_versions(ws: Workspace | Session, expected: dict[int, int]) -> None:
    """Refuse (EditConflict) if any event changed or vanished since `expected` was read."""
    found = versions(ws, list(expected))
    changed = sorted(i for i, v in expected.items() if found.get(i) != v)
    if changed:
        what = ", ".join(map(str, changed[:5])) + ("…" if len(changed) > 5 else "")
        raise EditConflict(f"event {what} was changed elsewhere since (another window or the "
                           "command line); nothing was changed")
