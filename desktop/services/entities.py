"""Actors and places: finding them by any of their names, linking them to events.

An entity is found by its name or any alias, compared loosely ("the Syrian Observatory"
and "Syrian observatory" are one), so a suggestion that names "HTS" lands on the actor
the analyst merged "HTS" into. Every function takes a workspace (one unit of work) or
the caller's session (composing into its unit of work).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, insert, literal, select, update
from sqlalchemy.orm import Session

from desktop.extract.entities import entity_key
from desktop.store import Event, Workspace
from desktop.store.changes import unit
from desktop.store.models import Actor, Place, event_actors, event_places, utcnow

ACTOR, PLACE = "actor", "place"
KINDS = (ACTOR, PLACE)
ROLES = ("subject", "object", "")
MAX_NAME = 300


class EntityError(ValueError):
    """An entity edit that cannot be done (empty name, a name another entity has)."""


@dataclass(frozen=True)
class Kind:
    """What differs between actors and places: the model, the link table, its column."""

    name: str
    model: type
    links: object
    column: str


_KINDS = {
    ACTOR: Kind(ACTOR, Actor, event_actors, "actor_id"),
    PLACE: Kind(PLACE, Place, event_places, "place_id"),
}


def kind_of(kind: str) -> Kind:
    try:
        return _KINDS[kind]
    except KeyError:
        raise ValueError(f"unknown entity kind {kind!r}; use actor or place") from None


def link_column(kind: str):
    k = kind_of(kind)
    return k.links.c[k.column]


@dataclass(frozen=True)
class EntityRow:
    """One actor or place as lists show it; `events` counts its events not rejected."""

    id: int
    kind: str
    name: str
    aliases: tuple[str, ...] = ()
    type: str = ""  # an actor's kind: person, organisation, group, state
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    events: int = 0

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def clean_name(name: str) -> str:
    """The name as stored: whitespace collapsed; refused when empty or absurdly long."""
    text = " ".join(str(name or "").split())
    if not text:
        raise EntityError("a name cannot be empty")
    if len(text) > MAX_NAME:
        raise EntityError(f"a name is at most {MAX_NAME} characters (got {len(text)})")
    return text


def name_index(session: Session, kind: str) -> dict[str, int]:
    """Every name and alias of this kind, by loose key, to its entity id."""
    model = kind_of(kind).model
    index: dict[str, int] = {}
    rows = session.execute(select(model.id, model.name, model.aliases).order_by(model.id))
    for entity_id, name, aliases in rows:
        for alias in aliases or ():
            index.setdefault(entity_key(alias), entity_id)
        index[entity_key(name)] = entity_id  # a name wins over another entity's alias
    return index


def find_entity(ws: Workspace | Session, kind: str, name: str) -> int | None:
    """The id of the entity called `name` (or with it as an alias), if any."""
    with unit(ws) as session:
        return name_index(session, kind).get(entity_key(name))


def ensure_entity(
    session: Session, kind: str, name: str, index: dict[str, int] | None = None,
    attrs: dict[str, object] | None = None,
) -> tuple[int, bool]:
    """(id, created): the entity with this name or alias, created with `attrs` if new."""
    name = clean_name(name)
    index = name_index(session, kind) if index is None else index
    key = entity_key(name)
    if key in index:
        return index[key], False
    model = kind_of(kind).model
    values = {k: v for k, v in (attrs or {}).items() if v is not None and hasattr(model, k)}
    entity_id = session.execute(
        insert(model.__table__).values(name=name, aliases=[], notes="", **values)
    ).inserted_primary_key[0]
    index[key] = entity_id
    return entity_id, True


def create_entity(ws: Workspace | Session, kind: str, name: str, **attrs: object) -> int:
    """A new actor or place; refused when the name (or an alias) is already taken."""
    with unit(ws) as session:
        index = name_index(session, kind)
        if entity_key(name) in index:
            raise EntityError(f"there is already a {kind} called {clean_name(name)!r}")
        return ensure_entity(session, kind, name, index, attrs)[0]


def event_entities(
    session: Session, event_id: int, kind: str
) -> list[tuple[str, str]]:
    """(name, role) of an event's actors or places in their order (places: role "")."""
    k = kind_of(kind)
    column = k.links.c[k.column]
    role = k.links.c.role if kind == ACTOR else literal("")
    rows = session.execute(
        select(k.model.name, role)
        .join(k.links, column == k.model.id)
        .where(k.links.c.event_id == event_id)
        .order_by(k.links.c.position, column)
    )
    return [(name, r or "") for name, r in rows]


def event_entity_names(ws: Workspace | Session, event_id: int, kind: str) -> list[str]:
    with unit(ws) as session:
        return [name for name, _ in event_entities(session, event_id, kind)]


def link_entities(
    session: Session,
    event_id: int,
    kind: str,
    named: Sequence[tuple[str, str] | str],
    index: dict[str, int] | None = None,
    attrs: dict[str, dict] | None = None,
) -> list[int]:
    """Make these (name, role) pairs the event's entities of `kind`, in this order,
    creating entities not seen before (with `attrs[name]`); returns the created ids."""
    k = kind_of(kind)
    index = name_index(session, kind) if index is None else index
    session.execute(delete(k.links).where(k.links.c.event_id == event_id))
    created: list[int] = []
    rows: list[dict] = []
    seen: set[int] = set()
    for item in named:
        name, role = (item, "") if isinstance(item, str) else item
        if not str(name or "").strip():
            continue
        entity_id, new = ensure_entity(session, kind, name, index, (attrs or {}).get(name))
        if new:
            created.append(entity_id)
        if entity_id in seen:
            continue
        seen.add(entity_id)
        row = {"event_id": event_id, k.column: entity_id, "position": len(rows)}
        if kind == ACTOR:
            row["role"] = role if role in ROLES else ""
        rows.append(row)
    if rows:
        session.execute(insert(k.links), rows)
    return created


def set_event_entities(
    ws: Workspace | Session, event_id: int, kind: str, named: Sequence[tuple[str, str] | str]
) -> list[int]:
    """The editor's edit of an event's actors or places: one unit of work that also
    bumps the event's version (another window editing it sees the change)."""
    with unit(ws) as session:
        created = link_entities(session, event_id, kind, named)
        session.execute(
            update(Event).where(Event.id == event_id)
            .values(version=Event.version + 1, modified=utcnow())
        )  # fmt: skip
        return created


def drop_unused(ws: Workspace | Session, kind: str, ids: Iterable[int]) -> int:
    """Delete those of `ids` no event names any more (undoing an edit that created them)."""
    wanted = sorted(set(ids))
    if not wanted:
        return 0
    k = kind_of(kind)
    used = select(k.links.c[k.column])
    with unit(ws) as session:
        result = session.execute(
            delete(k.model).where(k.model.id.in_(wanted), k.model.id.not_in(used))
        )
        return result.rowcount or 0


def rename_entity(ws: Workspace | Session, kind: str, entity_id: int, name: str) -> str:
    """Rename an actor or place; returns the old name. A name another entity has (or
    has as an alias) is refused: that is a merge. The old name stays findable only if
    the caller adds it as an alias."""
    name = clean_name(name)
    model = kind_of(kind).model
    with unit(ws) as session:
        entity = session.get(model, entity_id)
        if entity is None:
            raise EntityError(f"no {kind} {entity_id} (deleted in another window?)")
        owner = name_index(session, kind).get(entity_key(name))
        if owner is not None and owner != entity_id:
            other = session.get(model, owner)
            raise EntityError(
                f"{other.name!r} already has the name {name!r}: merge the two instead"
            )
        old = entity.name
        entity.name = name
        return old


def set_aliases(
    ws: Workspace | Session, kind: str, entity_id: int, aliases: Sequence[str]
) -> list[str]:
    """Replace an entity's aliases; returns the old list (for undo)."""
    model = kind_of(kind).model
    with unit(ws) as session:
        entity = session.get(model, entity_id)
        if entity is None:
            raise EntityError(f"no {kind} {entity_id}")
        old = list(entity.aliases or [])
        keep = [clean_name(a) for a in aliases if str(a or "").strip()]
        own = entity_key(entity.name)
        entity.aliases = [a for a in dict.fromkeys(keep) if entity_key(a) != own]
        return old


def entity_rows(ws: Workspace | Session, kind: str, ids: Iterable[int] | None = None
                ) -> list[EntityRow]:  # fmt: skip
    """Actors or places with their counts of events not rejected, most used first."""
    k = kind_of(kind)
    column = k.links.c[k.column]
    counts = (
        select(column.label("eid"), func.count().label("n"))
        .join(Event, Event.id == k.links.c.event_id)
        .where(Event.status != "rejected")
        .group_by(column)
        .subquery()
    )
    model = k.model
    extra = (model.kind,) if kind == ACTOR else (model.country, model.latitude, model.longitude)
    query = select(model.id, model.name, model.aliases, func.coalesce(counts.c.n, 0), *extra)
    query = query.outerjoin(counts, counts.c.eid == model.id)
    if ids is not None:
        query = query.where(model.id.in_(sorted(set(ids))))
    out = []
    with unit(ws) as session:
        for row in session.execute(query):
            entity_id, name, aliases, n, *rest = row
            if kind == ACTOR:
                out.append(EntityRow(entity_id, kind, name, tuple(aliases or ()), rest[0] or "",
                                     events=n))  # fmt: skip
            else:
                out.append(EntityRow(entity_id, kind, name, tuple(aliases or ()), "", *rest,
                                     events=n))  # fmt: skip
    out.sort(key=lambda r: (-r.events, r.name.casefold()))
    return out


def entity_event_ids(ws: Workspace | Session, kind: str, entity_id: int) -> list[int]:
    """The events naming this entity, in date order ("the timeline of X")."""
    k = kind_of(kind)
    with unit(ws) as session:
        return list(session.scalars(
            select(Event.id).join(k.links, k.links.c.event_id == Event.id)
            .where(k.links.c[k.column] == entity_id)
            .order_by(Event.start_key, Event.id)
        ))  # fmt: skip


def entities_by_event(
    session: Session, kind: str, event_ids: Iterable[int] | None = None
) -> dict[int, list[tuple[int, str]]]:
    """event id -> [(entity id, role)] in order, for many events at once."""
    k = kind_of(kind)
    column = k.links.c[k.column]
    role = k.links.c.role if kind == ACTOR else literal("")
    query = select(k.links.c.event_id, column, role).order_by(
        k.links.c.event_id, k.links.c.position
    )
    if event_ids is not None:
        query = query.where(k.links.c.event_id.in_(sorted(set(event_ids))))
    out: dict[int, list[tuple[int, str]]] = {}
    for event_id, entity_id, r in session.execute(query):
        out.setdefault(event_id, []).append((entity_id, r or ""))
    return out


def absorb_links(session: Session, source_event: int, target_event: int) -> None:
    """Give the target event the source event's actors and places it lacks (a merge of
    two reports of one happening), after its own."""
    for kind in KINDS:
        k = kind_of(kind)
        column = k.links.c[k.column]
        have = set(session.scalars(select(column).where(k.links.c.event_id == target_event)))
        rows = [r for r in entities_by_event(session, kind, [source_event]).get(source_event, [])
                if r[0] not in have]  # fmt: skip
        new = []
        for offset, (entity_id, role) in enumerate(rows):
            row = {"event_id": target_event, k.column: entity_id, "position": len(have) + offset}
            if kind == ACTOR:
                row["role"] = role
            new.append(row)
        if new:
            session.execute(insert(k.links), new)


def link_proposed(session: Session, proposed: Sequence[tuple[int, Sequence, Sequence]],
                  fresh: Collection[int] = (),
                  indexes: dict[str, dict[str, int]] | None = None) -> None:  # fmt: skip
    """Link suggested events (event id, ActorRefs, PlaceRefs) to their entities, adding to
    what an event already names (a second source may name more); one insert per kind.
    ``fresh`` events were created by the caller just now: they name nobody yet, so their
    links are not looked up. ``indexes`` (kind -> name_index) is an import's, kept from
    article to article and current (see matching.CandidateCache.sync): a kind missing
    is read and put in, and the names created here are added to it."""
    if not any(actors or places for _, actors, places in proposed):
        return
    for kind in KINDS:
        k = kind_of(kind)
        index = indexes.get(kind) if indexes is not None else None
        if index is None:
            index = name_index(session, kind)
            if indexes is not None:
                indexes[kind] = index
        events = sorted({event_id for event_id, *_ in proposed} - set(fresh))
        have: dict[int, set[int]] = {}
        for at in range(0, len(events), 500):  # well under every driver's parameter limit
            for event_id, entity_id in session.execute(
                select(k.links.c.event_id, k.links.c[k.column]).where(
                    k.links.c.event_id.in_(events[at : at + 500]))
            ):
                have.setdefault(event_id, set()).add(entity_id)
        rows: list[dict] = []
        for event_id, actors, places in proposed:
            linked = have.setdefault(event_id, set())
            for ref in actors if kind == ACTOR else places:
                attrs = ({"kind": ref.type} if kind == ACTOR else
                         {"country": ref.country, "latitude": ref.latitude,
                          "longitude": ref.longitude})  # fmt: skip
                try:
                    entity_id, _ = ensure_entity(session, kind, ref.name, index, attrs)
                except EntityError:
                    continue  # an absurd name from odd text: not worth an entity
                if entity_id in linked:
                    continue
                row = {"event_id": event_id, k.column: entity_id, "position": len(linked)}
                if kind == ACTOR:
                    row["role"] = ref.role if ref.role in ROLES else ""
                linked.add(entity_id)
                rows.append(row)
        if rows:
            session.execute(insert(k.links), rows)


def drop_orphans(session: Session) -> None:
    """Delete actors and places no event names (after an article's suggestions were
    recomputed: names only the old suggestions had would linger, and undo would not
    give back the workspace it started from)."""
    for kind in KINDS:
        k = kind_of(kind)
        session.execute(delete(k.model).where(k.model.id.not_in(select(k.links.c[k.column]))))
