"""Deleting articles from the library, exactly undoable.

An article's pending (and rejected) suggestions go with it. An accepted or hand-made
event that also cites other articles keeps those citations; one that loses its last
citation stays on the timeline and gets the tag SOURCE_DELETED, so the analyst sees
which events no longer have a source. The deletion keeps the raw rows of the
articles and of every event it touched, before and after, so undo puts back the
same ids, versions and links (articles.EventRows), and redo does the same deletion again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, delete, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.services.articles import ArticleConflict, EventRows, _read, _write
from desktop.store import Article, Citation, Event, Tag, Workspace
from desktop.store.changes import unit
from desktop.store.models import event_tags

SOURCE_DELETED = "source deleted"
BULK = 5  # articles: a deletion this big is backed up first
_ARTICLES, _TAGS = Article.__table__, Tag.__table__
_KEPT_STATUSES = ("accepted", "manual")


@dataclass
class ArticleDeletion:
    """One applied deletion of some articles, with everything needed to undo or redo it."""

    article_ids: list[int]
    articles: list[dict[str, Any]] = field(default_factory=list)
    event_ids: set[int] = field(default_factory=set)
    before: EventRows = field(default_factory=EventRows)
    after: EventRows = field(default_factory=EventRows)
    deleted_events: list[int] = field(default_factory=list)
    flagged: list[int] = field(default_factory=list)
    tag: dict[str, Any] | None = None  # the SOURCE_DELETED tag row, when this deletion made it

    @property
    def summary(self) -> str:
        """What the deletion did, for the status bar."""
        n = len(self.article_ids)
        parts = [f"Deleted {n} article{'s' if n != 1 else ''}"]
        if self.deleted_events:
            parts.append(f"{len(self.deleted_events)} suggestion(s) with them")
        if self.flagged:
            parts.append(f"{len(self.flagged)} accepted event(s) lost their only source "
                         f"(tagged '{SOURCE_DELETED}')")  # fmt: skip
        return "; ".join(parts)


def delete_articles(target: Workspace | Session, article_ids: list[int]) -> ArticleDeletion:
    """Delete these articles in one unit of work; returns what `restore_deletion` needs.

    Deleting BULK or more articles from a workspace file backs it up first (undo lives
    only as long as the window): if that copy fails, nothing is deleted.
    """
    ids = sorted(set(article_ids))
    # (a shared workspace's copies are the server's: pg_dump)
    if len(ids) >= BULK and isinstance(target, Workspace) and target.path is not None:
        from desktop.store.backup import BackupFailed, backup_before

        try:
            backup_before(target.path, "before-delete")
        except BackupFailed as exc:
            raise BackupFailed(f"{exc} Nothing was deleted.") from exc
    with unit(target) as session:
        conn = session.connection()
        rows = [dict(r) for r in conn.execute(
            select(_ARTICLES).where(_ARTICLES.c.id.in_(ids))).mappings()]  # fmt: skip
        missing = set(ids) - {r["id"] for r in rows}
        if missing:
            raise LookupError(f"no article with id {', '.join(map(str, sorted(missing)))}")
        cited = select(Citation.event_id).where(Citation.article_id.in_(ids))
        touched = set(session.scalars(cited))
        deletion = ArticleDeletion(ids, rows, touched, _read(conn, touched))
        others = set(session.scalars(select(Citation.event_id).where(
            Citation.event_id.in_(sorted(touched)), Citation.article_id.not_in(ids))))  # fmt: skip
        statuses = dict(session.execute(
            select(Event.id, Event.status).where(Event.id.in_(sorted(touched)))).all())  # fmt: skip
        for event_id in sorted(touched - others):
            target_list = deletion.flagged if statuses[event_id] in _KEPT_STATUSES else (
                deletion.deleted_events)
            target_list.append(event_id)
        conn.execute(delete(Citation.__table__).where(Citation.article_id.in_(ids)))
        if deletion.deleted_events:
            conn.execute(delete(Event.__table__).where(Event.id.in_(deletion.deleted_events)))
        if deletion.flagged:
            tag_id = _flag_tag(session, deletion)
            tagged = set(conn.scalars(select(event_tags.c.event_id).where(
                event_tags.c.tag_id == tag_id, event_tags.c.event_id.in_(deletion.flagged))))
            links = [{"event_id": e, "tag_id": tag_id} for e in deletion.flagged if e not in tagged]
            if links:
                conn.execute(insert(event_tags), links)
        surviving = sorted(touched - set(deletion.deleted_events))
        if surviving:
            _bump(conn, surviving)  # their citations changed: stale edits elsewhere are refused
        conn.execute(delete(_ARTICLES).where(_ARTICLES.c.id.in_(ids)))
        deletion.after = _read(conn, touched)
        return deletion


def _flag_tag(session: Session, deletion: ArticleDeletion) -> int:
    tag = session.scalar(select(Tag).where(Tag.name == SOURCE_DELETED))
    if tag is None:
        tag = Tag(name=SOURCE_DELETED)
        session.add(tag)
        session.flush()
        deletion.tag = {"id": tag.id, "name": tag.name}
    return tag.id


def _bump(conn: Connection, event_ids: list[int]) -> None:
    table = Event.__table__
    conn.execute(
        table.update().where(table.c.id.in_(event_ids)).values(version=table.c.version + 1)
    )


def restore_deletion(target: Workspace | Session, deletion: ArticleDeletion, *, undo: bool) -> None:
    """Undo (articles and events back as they were) or redo (the same deletion again)."""
    expected = deletion.after if undo else deletion.before
    with unit(target) as session:
        conn = session.connection()
        found = dict(conn.execute(select(Event.id, Event.version).where(
            Event.id.in_(sorted(deletion.event_ids)))).all())  # fmt: skip
        if found != expected.versions():
            raise ArticleConflict("events citing these articles were changed since (another "
                                  "window?); the deletion cannot be undone or redone exactly")
        try:
            if undo:
                conn.execute(insert(_ARTICLES), deletion.articles)
                _write(conn, deletion.event_ids, deletion.before)
                tag = deletion.tag
                if tag is not None and not conn.execute(
                    select(event_tags).where(event_tags.c.tag_id == tag["id"])
                ).first():
                    conn.execute(delete(_TAGS).where(_TAGS.c.id == tag["id"]))
            else:
                tag = deletion.tag
                if tag is not None and not conn.execute(
                    select(_TAGS).where(_TAGS.c.id == tag["id"])
                ).first():
                    conn.execute(insert(_TAGS), [tag])
                _write(conn, deletion.event_ids, deletion.after)
                conn.execute(delete(_ARTICLES).where(_ARTICLES.c.id.in_(deletion.article_ids)))
        except IntegrityError:
            raise ArticleConflict("an article with the same text was imported again since; "
                                  "delete that copy first") from None
