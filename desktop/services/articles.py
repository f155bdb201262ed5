"""Editing an article's details: title, outlet, URL, author, language, publication date.

Detection at import gets these wrong often enough that the analyst must be able to fix
them. A change of language or date re-runs extraction on the article (as
`suggesting.set_published` does), which drops and re-creates its pending suggestions and
may add citations to other articles' events. To undo that exactly (same ids, versions and
confidences) the edit keeps the raw rows of every event it touched, before and after.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, select
from sqlalchemy.orm import Session

from desktop.services.entities import KINDS, drop_orphans, kind_of
from desktop.services.suggesting import (
    Extracted,
    drop_open_suggestions,
    extract,
    store_suggestions,
)
from desktop.store import Article, Citation, Event, Workspace
from desktop.store.changes import unit
from desktop.store.models import event_actors, event_places, event_tags
from desktop.store.urls import safe_url

FIELDS = ("title", "outlet", "url", "author", "language")
RECOMPUTE = ("language", "published")  # the extractor's inputs besides the text
STATE = (*FIELDS, "published", "extraction_error")
MAX_LENGTH = {"title": 500, "outlet": 200, "url": 2000, "author": 300, "language": 16}
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$")
_EVENTS, _CITATIONS = Event.__table__, Citation.__table__


class ArticleConflict(Exception):
    """The article's events changed since the edit, so it cannot be undone exactly."""


@dataclass
class EventRows:
    """Raw rows of some events with their citations, tag, actor and place links."""

    events: list[dict[str, Any]] = field(default_factory=list)
    citations: list[dict[str, Any]] = field(default_factory=list)
    tags: list[dict[str, Any]] = field(default_factory=list)
    actors: list[dict[str, Any]] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)
    # The actor and place rows the links name: a recomputation creates some inside a
    # savepoint that is rolled back, so they are written back with the links.
    entities: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def extend(self, other: EventRows) -> None:
        self.events += other.events
        self.citations += other.citations
        self.tags += other.tags
        self.actors += other.actors
        self.places += other.places
        for kind in KINDS:
            self.entities[kind] = self.entities.get(kind, []) + other.entities.get(kind, [])

    def versions(self) -> dict[int, int]:
        return {r["id"]: r["version"] for r in self.events}


@dataclass
class ArticleEdit:
    """One applied edit: the article's values and its touched events, before and after."""

    article_id: int
    before: dict[str, Any]
    after: dict[str, Any]
    event_ids: set[int] = field(default_factory=set)
    rows_before: EventRows = field(default_factory=EventRows)
    rows_after: EventRows = field(default_factory=EventRows)
    added: int = 0  # suggestions recomputed (0 when nothing needed recomputing)
    fields: tuple[str, ...] = ()  # the fields the caller asked to change

    @property
    def previous(self) -> dict[str, Any]:
        return {k: self.before[k] for k in self.fields}

    @property
    def changed(self) -> set[str]:
        return {k for k in STATE if self.before[k] != self.after[k]}


def clean_changes(changes: dict[str, Any]) -> dict[str, Any]:
    """Stripped values (empty -> None), or a ValueError that tells the user what to fix."""
    unknown = set(changes) - {*FIELDS, "published"}
    if unknown:
        raise ValueError(f"not an article field: {', '.join(sorted(unknown))}")
    out: dict[str, Any] = {}
    for name, value in changes.items():
        if name == "published":
            if value is not None and (not isinstance(value, date) or isinstance(value, datetime)):
                raise ValueError(f"the publication date must be a date or none, not {value!r}")
            out[name] = value
            continue
        text = str(value).strip() if value is not None else ""
        if len(text) > MAX_LENGTH[name]:
            raise ValueError(f"The {name} is too long ({len(text):,} characters; "
                             f"at most {MAX_LENGTH[name]:,}).")
        out[name] = text or None
    if out.get("url"):
        _check_url(out["url"])
    if "language" in out:
        out["language"] = _check_language(out["language"])
    return out


def _check_url(url: str) -> None:
    """Only what desktop.store.urls keeps may be typed in (http, https, mailto)."""
    if safe_url(url) is not None and not any(c.isspace() for c in url):
        return
    if url.lower().startswith(("http://", "https://")):
        raise ValueError(f"The URL {url!r} has no valid host name (spaces are not allowed).")
    raise ValueError(f"The URL must start with http:// or https:// (got {url!r}); "
                     "leave it empty if the article has no web address.")


def _check_language(language: str | None) -> str:
    if not language:
        raise ValueError("The language cannot be empty: use a code such as 'en' or 'fr'.")
    if not _LANGUAGE.match(language):
        raise ValueError(f"The language must be a code such as 'en', 'fr' or 'pt-BR' "
                         f"(got {language!r}).")
    head, _, rest = language.replace("_", "-").partition("-")
    return head.lower() + (f"-{rest}" if rest else "")


def update_article(ws: Workspace, article_id: int, **changes: Any) -> dict[str, Any]:
    """Change an article's details in one transaction; returns the previous values."""
    return edit_article(ws, article_id, **changes).previous


def edit_article(ws: Workspace | Session, article_id: int, **changes: Any) -> ArticleEdit:
    """Like update_article, keeping what `restore` needs to undo or redo it exactly."""
    values = clean_changes(changes)
    with unit(ws) as session:
        article = session.get(Article, article_id)
        if article is None:
            raise LookupError(f"no article with id {article_id}")
        before = _state(article)
        edit = ArticleEdit(article_id, before, dict(before), fields=tuple(values))
        found = None
        if any(name in RECOMPUTE and before[name] != values[name] for name in values):
            # Extract before the first write: the write lock is held only to store.
            after = {**before, **values}
            found = extract(article.text, after["published"], after["language"] or "en")
        for name, value in values.items():
            setattr(article, name, value)
        session.flush()
        if found is not None:
            _recompute(session, edit, found)
        edit.after = _state(session.get(Article, article_id))
        return edit


def _recompute(session: Session, edit: ArticleEdit, found: Extracted) -> None:
    """Re-run extraction as set_published does, keeping every touched event before and after.

    The extractor may also raise the confidence of another article's event it matches, so
    what it touches is only known afterwards: it runs inside a savepoint, the touched rows
    are read, the savepoint is rolled back to read them as they were, and the result is
    written back. The caller has already flushed an UPDATE, so the savepoint is nested in
    a real transaction (pysqlite only begins one at the first write).
    """
    conn = session.connection()
    touched = set(_article_event_ids(session, edit.article_id))
    savepoint = session.begin_nested()
    try:
        drop_open_suggestions(session, edit.article_id)
        session.flush()
        edit.added = store_suggestions(session, session.get(Article, edit.article_id),
                                       found).total
        drop_orphans(session)  # names only the old suggestions had go with them
        session.flush()
        touched |= set(_article_event_ids(session, edit.article_id))
        edit.event_ids = touched
        edit.rows_after = _read(conn, touched)
        error = session.get(Article, edit.article_id).extraction_error
    finally:
        savepoint.rollback()
    edit.rows_before = _read(conn, touched)
    _write(conn, touched, edit.rows_after, edit.rows_before)
    session.get(Article, edit.article_id).extraction_error = error


def restore(ws: Workspace | Session, edit: ArticleEdit, *, undo: bool) -> None:
    """Put the article and its touched events back as they were before (undo) or after."""
    state, rows, now = ((edit.before, edit.rows_before, edit.rows_after) if undo
                        else (edit.after, edit.rows_after, edit.rows_before))
    with unit(ws) as session:
        article = session.get(Article, edit.article_id)
        if article is None:
            raise LookupError(f"article {edit.article_id} no longer exists")
        if edit.event_ids:
            conn = session.connection()
            found = {i: v for i, v in conn.execute(
                select(_EVENTS.c.id, _EVENTS.c.version)
                .where(_EVENTS.c.id.in_(sorted(edit.event_ids))))}
            if found != now.versions():
                raise ArticleConflict("this article's events were changed since (another "
                                      "window or an import?); reopen the workspace and edit "
                                      "the article again")
            _write(conn, edit.event_ids, rows, now)
        for name, value in state.items():
            setattr(article, name, value)


def _write(conn: Connection, ids: set[int], rows: EventRows,
           replaced: EventRows | None = None) -> None:
    """Replace these events (with their citations and links) by the given rows; actors
    and places only the `replaced` rows named go with them."""
    ids_list = sorted(ids)
    for link in (event_tags, event_actors, event_places):
        conn.execute(delete(link).where(link.c.event_id.in_(ids_list)))
    conn.execute(delete(_CITATIONS).where(_CITATIONS.c.event_id.in_(ids_list)))
    conn.execute(delete(_EVENTS).where(_EVENTS.c.id.in_(ids_list)))
    for kind in KINDS:  # entities the rows name that are not there (rolled back) return
        table = kind_of(kind).model.__table__
        wanted = {r["id"]: r for r in rows.entities.get(kind, [])}
        have = set(conn.scalars(select(table.c.id).where(table.c.id.in_(sorted(wanted)))))
        missing = [r for i, r in wanted.items() if i not in have]
        if missing:
            conn.execute(insert(table), missing)
    for table, values in ((_EVENTS, rows.events), (_CITATIONS, rows.citations),
                          (event_tags, rows.tags), (event_actors, rows.actors),
                          (event_places, rows.places)):
        if values:
            conn.execute(insert(table), values)
    for kind in KINDS:
        k = kind_of(kind)
        table = k.model.__table__
        old = sorted({r["id"] for r in (replaced.entities.get(kind, []) if replaced else [])})
        if old:
            conn.execute(delete(table).where(
                table.c.id.in_(old), table.c.id.not_in(select(k.links.c[k.column]))))


def _state(article: Article) -> dict[str, Any]:
    return {name: getattr(article, name) for name in STATE}


def _article_event_ids(session: Session, article_id: int) -> list[int]:
    """Events citing the article, and suggestions left without any citation (dropped too)."""
    cited = select(Citation.event_id).where(Citation.article_id == article_id)
    orphans = select(Event.id).where(Event.status == "suggested", ~Event.citations.any())
    return sorted(set(session.scalars(cited)) | set(session.scalars(orphans)))


def _read(conn: Connection, ids: list[int] | set[int]) -> EventRows:
    ids = sorted(ids)
    if not ids:
        return EventRows()

    def rows(stmt: Any) -> list[dict[str, Any]]:
        return [dict(r) for r in conn.execute(stmt).mappings()]

    found = EventRows(
        rows(select(_EVENTS).where(_EVENTS.c.id.in_(ids))),
        rows(select(_CITATIONS).where(_CITATIONS.c.event_id.in_(ids))),
        rows(select(event_tags).where(event_tags.c.event_id.in_(ids))),
        rows(select(event_actors).where(event_actors.c.event_id.in_(ids))),
        rows(select(event_places).where(event_places.c.event_id.in_(ids))),
    )
    for kind, links in (("actor", found.actors), ("place", found.places)):
        k = kind_of(kind)
        named = sorted({r[k.column] for r in links})
        table = k.model.__table__
        found.entities[kind] = rows(select(table).where(table.c.id.in_(named))) if named else []
    return found
