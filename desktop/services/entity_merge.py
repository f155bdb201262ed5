"""Merging, deleting and restoring actors and places, each exactly undoable.

Merging "HTS" and "Tahrir al-Sham" into "Hay'at Tahrir al-Sham" moves their events
over and keeps their names as aliases. The record it returns holds what undo needs to
put everything back as it was: the merged-away entities with their ids, fields and
links, the target's aliases before, and which links the target gained.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from desktop.extract.entities import entity_key
from desktop.services.entities import ACTOR, EntityError, kind_of
from desktop.store import Workspace
from desktop.store.changes import unit

_FIELDS = {ACTOR: ("name", "kind", "aliases", "notes"),
           "place": ("name", "aliases", "country", "latitude", "longitude", "notes")}  # fmt: skip


@dataclass
class EntitySnapshot:
    """An entity and its links (event id, role, position): enough to recreate it."""

    kind: str
    id: int
    fields: dict[str, Any]
    links: list[tuple[int, str, int]] = field(default_factory=list)


@dataclass
class MergeRecord:
    kind: str
    target_id: int
    target_aliases: list[str]
    sources: list[EntitySnapshot]
    gained: list[int] = field(default_factory=list)  # events linked to the target by the merge


def snapshot_entity(session: Session, kind: str, entity_id: int) -> EntitySnapshot:
    k = kind_of(kind)
    entity = session.get(k.model, entity_id)
    if entity is None:
        raise EntityError(f"no {kind} {entity_id} (deleted in another window?)")
    role = k.links.c.role if kind == ACTOR else k.links.c.position.label("r")
    rows = session.execute(
        select(k.links.c.event_id, role, k.links.c.position)
        .where(k.links.c[k.column] == entity_id).order_by(k.links.c.event_id)
    )  # fmt: skip
    links = [(e, r if kind == ACTOR else "", p) for e, r, p in rows]
    fields = {name: getattr(entity, name) for name in _FIELDS[kind]}
    fields["aliases"] = list(fields["aliases"] or [])
    return EntitySnapshot(kind, entity_id, fields, links)


def delete_entity(ws: Workspace | Session, kind: str, entity_id: int) -> EntitySnapshot:
    """Remove an actor or place from every event and from the workspace."""
    with unit(ws) as session:
        snap = snapshot_entity(session, kind, entity_id)
        k = kind_of(kind)
        session.execute(delete(k.model).where(k.model.id == entity_id))  # links cascade
        return snap


def restore_entity(ws: Workspace | Session, snap: EntitySnapshot) -> int:
    """Recreate a deleted or merged-away entity with its id, fields and links (undo)."""
    k = kind_of(snap.kind)
    with unit(ws) as session:
        session.execute(insert(k.model.__table__).values(id=snap.id, **snap.fields))
        rows = []
        for event_id, role, position in snap.links:
            row = {"event_id": event_id, k.column: snap.id, "position": position}
            if snap.kind == ACTOR:
                row["role"] = role
            rows.append(row)
        if rows:
            session.execute(insert(k.links), rows)
        return snap.id


def merge_entities(
    ws: Workspace | Session, kind: str, source_ids: list[int], target_id: int
) -> MergeRecord:
    """Merge sources into the target: their events become its events, their names and
    aliases its aliases; the sources go. One unit of work."""
    sources = [s for s in dict.fromkeys(source_ids) if s != target_id]
    if not sources:
        raise EntityError(f"choose at least one other {kind} to merge into this one")
    k = kind_of(kind)
    column = k.links.c[k.column]
    with unit(ws) as session:
        target = session.get(k.model, target_id)
        if target is None:
            raise EntityError(f"no {kind} {target_id} (deleted in another window?)")
        record = MergeRecord(kind, target_id, list(target.aliases or []), [])
        aliases = list(record.target_aliases)
        linked = set(session.scalars(select(k.links.c.event_id).where(column == target_id)))
        gained: list[dict] = []
        for source_id in sources:
            snap = snapshot_entity(session, kind, source_id)
            record.sources.append(snap)
            aliases += [snap.fields["name"], *snap.fields["aliases"]]
            for event_id, role, position in snap.links:
                if event_id in linked:
                    continue
                linked.add(event_id)
                record.gained.append(event_id)
                row = {"event_id": event_id, k.column: target_id, "position": position}
                if kind == ACTOR:
                    row["role"] = role
                gained.append(row)
        session.execute(delete(k.model).where(k.model.id.in_(sources)))  # their links go too
        if gained:
            session.execute(insert(k.links), gained)
        own = entity_key(target.name)
        keys: dict[str, str] = {}
        for alias in aliases:
            if entity_key(alias) != own:
                keys.setdefault(entity_key(alias), alias)
        target.aliases = list(keys.values())
        return record


def unmerge_entities(ws: Workspace | Session, record: MergeRecord) -> None:
    """Undo a merge exactly: the target loses what it gained, the sources come back."""
    k = kind_of(record.kind)
    column = k.links.c[k.column]
    with unit(ws) as session:
        target = session.get(k.model, record.target_id)
        if target is None:
            raise EntityError(f"no {record.kind} {record.target_id} any more: cannot undo")
        if record.gained:
            session.execute(delete(k.links).where(
                column == record.target_id, k.links.c.event_id.in_(record.gained)))
        target.aliases = list(record.target_aliases)
        session.flush()
        for snap in record.sources:
            restore_entity(session, snap)
