"""Actors and places in events files: written with each event, read back and linked.

The JSON document lists the entities (with aliases, kind, country and coordinates) and
each event names its own by name (actors with their part in it); CSV rows carry them as
"; "-joined columns. Importing finds an entity by name or alias before creating one, so
a file's "HTS" lands on a workspace's merged Hay'at Tahrir al-Sham.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.extract.entities import entity_key
from desktop.services.entities import (
    ACTOR,
    KINDS,
    MAX_NAME,
    PLACE,
    clean_name,
    entities_by_event,
    kind_of,
    link_entities,
    name_index,
)

LIST_JOIN = "; "
_FIELDS = {ACTOR: ("name", "kind", "aliases", "notes"),
           PLACE: ("name", "aliases", "country", "latitude", "longitude", "notes")}  # fmt: skip


def entity_docs(session: Session, event_ids: Iterable[int] | None) -> dict[str, list[dict]]:
    """{"actors": [...], "places": [...]} for the document: those the events name (all
    of them for a whole-workspace document), sorted by name."""
    out: dict[str, list[dict]] = {}
    for kind in KINDS:
        model = kind_of(kind).model
        query = select(model).order_by(model.name)
        if event_ids is not None:
            used = {e for links in entities_by_event(session, kind, event_ids).values()
                    for e, _ in links}  # fmt: skip
            query = query.where(model.id.in_(sorted(used)))
        out[f"{kind}s"] = [
            {name: (list(getattr(row, name) or []) if name == "aliases" else getattr(row, name))
             for name in _FIELDS[kind]}
            for row in session.scalars(query)
        ]  # fmt: skip
    return out


def event_entity_docs(session: Session, event_ids: Iterable[int]) -> dict[int, dict[str, list]]:
    """event id -> {"actors": [{"name", "role"}], "places": [names]}, in their order."""
    ids = list(event_ids)
    names = {}
    for kind in KINDS:
        model = kind_of(kind).model
        names[kind] = dict(session.execute(select(model.id, model.name)).all())
    out: dict[int, dict[str, list]] = {i: {"actors": [], "places": []} for i in ids}
    for event_id, links in entities_by_event(session, ACTOR, ids).items():
        out[event_id]["actors"] = [{"name": names[ACTOR][a], "role": r} for a, r in links]
    for event_id, links in entities_by_event(session, PLACE, ids).items():
        out[event_id]["places"] = [names[PLACE][p] for p, _ in links]
    return out


def import_entities(session: Session, doc: dict[str, Any]) -> None:
    """Create the document's actors and places the workspace lacks; an existing one
    (same name or alias) gains the file's other aliases."""
    for kind in KINDS:
        model = kind_of(kind).model
        index = name_index(session, kind)
        for row in doc.get(f"{kind}s", []):
            found = index.get(entity_key(row["name"]))
            aliases = [clean_name(a) for a in row.get("aliases") or []]
            if found is None:
                values = {k: row.get(k) for k in _FIELDS[kind] if row.get(k) is not None}
                values["aliases"] = aliases
                entity = model(**values)
                session.add(entity)
                session.flush()
                found = entity.id
            else:
                entity = session.get(model, found)
                have = {entity_key(entity.name), *map(entity_key, entity.aliases or [])}
                extra = [a for a in [row["name"], *aliases] if entity_key(a) not in have]
                if extra:
                    entity.aliases = [*(entity.aliases or []), *dict.fromkeys(extra)]
            for name in [row["name"], *aliases]:
                index.setdefault(entity_key(name), found)


def link_event_doc(session: Session, event_id: int, event_doc: dict[str, Any]) -> None:
    """Link an imported event to the entities its document names."""
    actors = [(a["name"], a.get("role") or "") for a in event_doc.get("actors") or []]
    if actors:
        link_entities(session, event_id, ACTOR, actors)
    if event_doc.get("places"):
        link_entities(session, event_id, PLACE, list(event_doc["places"]))


def csv_cells(actors: list[tuple[str, str]], places: list[str]) -> dict[str, str]:
    """The CSV columns of an event's entities."""
    return {"actors": LIST_JOIN.join(n for n, _ in actors),
            "actor_roles": LIST_JOIN.join(r for _, r in actors),
            "places": LIST_JOIN.join(places)}  # fmt: skip


def link_csv_row(session: Session, event_id: int, row: dict[str, str]) -> None:
    """Link a CSV-imported event to the row's actors (with their roles) and places."""
    names = [n.strip()[:MAX_NAME] for n in (row.get("actors") or "").split(";")]
    roles = [r.strip() for r in (row.get("actor_roles") or "").split(";")]
    actors = [(n, roles[i] if i < len(roles) else "") for i, n in enumerate(names) if n]
    places = [p.strip()[:MAX_NAME] for p in (row.get("places") or "").split(";") if p.strip()]
    if actors:
        link_entities(session, event_id, ACTOR, actors)
    if places:
        link_entities(session, event_id, PLACE, places)
