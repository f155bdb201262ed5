"""The workspace change feed: every committed write is in a change log, so views
fetch only what changed instead of re-reading the workspace.

SQLite triggers (installed by migration 0004 and re-checked on every open) append one
row per touched entity to ``changes`` inside the writing transaction, so a crash or a
rollback leaves no trace and no code path (ORM, Core bulk statements, foreign-key
cascades, the CLI, another window) can forget to record. The row's ``seq`` is the
workspace revision: ``changes_since(session, n)`` answers "what changed after
revision n", and ``committed_changes(session)`` is what one unit of work changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, event, text
from sqlalchemy.orm import Session, sessionmaker

if TYPE_CHECKING:
    from desktop.store.workspace import Workspace

KINDS = ("event", "lane", "tag", "article", "timeline", "actor", "place")
_INFO_START = "chronologue.revision_at_begin"
_INFO_PENDING = "chronologue.pending_changes"
_INFO_DONE = "chronologue.committed_changes"
_INFO_UNTRACKED = "chronologue.untracked"

CREATE_TABLE = (
    "CREATE TABLE IF NOT EXISTS changes ("
    "seq INTEGER PRIMARY KEY AUTOINCREMENT, kind VARCHAR(16) NOT NULL, "
    "entity_id INTEGER NOT NULL, op VARCHAR(8) NOT NULL)"
)

# (trigger table, kind written, id expression per row image, ops): citations and tag
# links are part of their event, so they are logged as an update of that event; an
# actor or place link also changes its entity (its count of events).
_SOURCES = (
    ("events", "event", "id", None),
    ("lanes", "lane", "id", None),
    ("tags", "tag", "id", None),
    ("articles", "article", "id", None),
    ("timelines", "timeline", "id", None),
    ("citations", "event", "event_id", "update"),
    ("event_tags", "event", "event_id", "update"),
    ("actors", "actor", "id", None),
    ("places", "place", "id", None),
    ("event_actors", "event", "event_id", "update"),
    ("event_actors", "actor", "actor_id", "update"),
    ("event_places", "event", "event_id", "update"),
    ("event_places", "place", "place_id", "update"),
)


def _trigger_sql(tables: set[str]) -> Iterator[str]:
    primary = {}
    for table, kind, *_ in _SOURCES:
        primary.setdefault(table, kind)
    for table, kind, column, fixed_op in _SOURCES:
        if table not in tables:  # an older schema (a migration in progress): not there yet
            continue
        # A table logging two kinds gets a second set of triggers named for the kind.
        name = table if primary[table] == kind else f"{table}_{kind}"
        for when, image, op in (("INSERT", "new", "insert"), ("DELETE", "old", "delete")):
            yield (
                f"CREATE TRIGGER IF NOT EXISTS changes_{name}_{op} AFTER {when} ON {table} "
                f"BEGIN INSERT INTO changes(kind, entity_id, op) "
                f"VALUES ('{kind}', {image}.{column}, '{fixed_op or op}'); END"
            )
        # An update may move a citation to another event: both events changed.
        second = (
            f"INSERT INTO changes(kind, entity_id, op) SELECT '{kind}', new.{column}, 'update' "
            f"WHERE new.{column} IS NOT old.{column}; "
            if column != "id" else ""
        )
        yield (
            f"CREATE TRIGGER IF NOT EXISTS changes_{name}_update AFTER UPDATE ON {table} "
            f"BEGIN INSERT INTO changes(kind, entity_id, op) "
            f"VALUES ('{kind}', old.{column}, 'update'); {second}END"
        )


def install_change_log(conn: Connection) -> None:
    """Create the log and its triggers when missing (a batch migration that rebuilds a
    table drops that table's triggers; opening a workspace puts them back)."""
    if conn.dialect.name != "sqlite":  # PostgreSQL's come with migration 0005 (pgchanges)
        return
    conn.exec_driver_sql(CREATE_TABLE)
    tables = set(
        conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'").scalars()
    )
    for sql in _trigger_sql(tables):
        conn.exec_driver_sql(sql)
    from desktop.store.history import install_sqlite_triggers

    install_sqlite_triggers(conn)


@dataclass(frozen=True)
class KindChanges:
    """Ids of one kind of entity created, updated and deleted (disjoint sets)."""

    created: frozenset[int] = frozenset()
    updated: frozenset[int] = frozenset()
    deleted: frozenset[int] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.created or self.updated or self.deleted)

    @property
    def touched(self) -> frozenset[int]:
        return self.created | self.updated | self.deleted


@dataclass(frozen=True)
class ChangeSet:
    """What a unit of work (or a span of revisions) changed, by entity kind and id.

    ``since`` and ``revision`` bound the revisions it covers: a holder at revision
    ``since`` that applies it is at ``revision``. ``reset`` means the log cannot say
    (the workspace was restored from an older copy): reload everything. A view that
    gets an update for an id it never had treats it as a created row, and ignores a
    deletion of an id it never had.
    """

    since: int = 0
    revision: int = 0
    kinds: dict[str, KindChanges] = field(default_factory=dict)
    reset: bool = False

    def of(self, kind: str) -> KindChanges:
        return self.kinds.get(kind, _NONE)

    @property
    def events(self) -> KindChanges:
        return self.of("event")

    @property
    def lanes(self) -> KindChanges:
        return self.of("lane")

    @property
    def tags(self) -> KindChanges:
        return self.of("tag")

    @property
    def articles(self) -> KindChanges:
        return self.of("article")

    @property
    def timelines(self) -> KindChanges:
        return self.of("timeline")

    @property
    def actors(self) -> KindChanges:
        return self.of("actor")

    @property
    def places(self) -> KindChanges:
        return self.of("place")

    def __bool__(self) -> bool:
        return self.reset or any(self.kinds.values())

    @classmethod
    def from_rows(
        cls, rows: Iterable[tuple[int, str, int, str]], since: int, revision: int | None = None
    ) -> ChangeSet:
        """Fold log rows (seq, kind, id, op) in order into net changes per entity."""
        first: dict[tuple[str, int], str] = {}
        last: dict[tuple[str, int], str] = {}
        top = since
        for seq, kind, entity_id, op in rows:
            key = (kind, entity_id)
            first.setdefault(key, op)
            last[key] = op
            top = max(top, seq)
        sets: dict[str, tuple[set[int], set[int], set[int]]] = {}
        for key, op in last.items():
            created, updated, deleted = sets.setdefault(key[0], (set(), set(), set()))
            began = first[key]
            if op == "delete":
                if began != "insert":  # it existed before: gone now
                    deleted.add(key[1])
            elif began == "insert":
                created.add(key[1])
            else:  # updated, or deleted and put back (an undo): the row changed
                updated.add(key[1])
        kinds = {
            kind: KindChanges(frozenset(c), frozenset(u), frozenset(d))
            for kind, (c, u, d) in sets.items()
        }
        return cls(since, top if revision is None else revision, kinds)

    def then(self, later: ChangeSet) -> ChangeSet:
        """This change set followed by a later one, as one change set."""
        if self.reset or later.reset:
            return ChangeSet(self.since, max(self.revision, later.revision), reset=True)
        kinds = {}
        for kind in set(self.kinds) | set(later.kinds):
            a, b = self.of(kind), later.of(kind)
            created = (a.created - b.deleted) | (b.created - a.deleted)
            deleted = (a.deleted - b.created) | (b.deleted - a.created)
            updated = ((a.updated | b.updated) - created - deleted) | (a.deleted & b.created)
            kinds[kind] = KindChanges(frozenset(created), frozenset(updated), frozenset(deleted))
        return ChangeSet(self.since, max(self.revision, later.revision), kinds)


_NONE = KindChanges()


def workspace_revision(session: Session | Connection) -> int:
    """The workspace revision: the last change-log entry committed (0 when none)."""
    return int(session.execute(text("SELECT coalesce(max(seq), 0) FROM changes")).scalar_one())


def changes_since(session: Session | Connection, revision: int, kind: str | None = None,
                  skip: Iterable[tuple[int, int]] = ()) -> ChangeSet:  # fmt: skip
    """What changed after ``revision``; cheap (an index range scan of the log). With
    ``kind``, only that kind's changes are read (an import's matcher follows events, not
    the citations and entity links each article writes beside them). ``skip`` holds
    spans of revisions (low, high] the caller has applied itself (its own writes): their
    rows are not read."""
    now = workspace_revision(session)
    if revision > now:  # the file was replaced by an older copy: the log cannot say
        return ChangeSet(revision, now, reset=True)
    sql = "SELECT seq, kind, entity_id, op FROM changes WHERE seq > :n AND seq <= :m"
    params: dict[str, object] = {}
    if kind is not None:
        # Written so no index on kind can serve it: SQLite otherwise walks every row of
        # this kind ever logged (ix_changes_entity) and sorts them, instead of the few
        # rows after ``revision`` by the primary key.
        sql += " AND kind || '' = :kind"
        params["kind"] = kind
    rows: list = []
    start = revision
    for low, high in [*sorted(skip), (now, now)]:
        if low > start:
            rows += session.execute(text(sql + " ORDER BY seq"),
                                    {**params, "n": start, "m": min(low, now)}).all()
        start = max(start, high)
    return ChangeSet.from_rows(rows, revision, now)


def committed_changes(session: Session) -> ChangeSet:
    """Everything the session's committed units of work changed (empty before a commit)."""
    return session.info.get(_INFO_DONE) or ChangeSet()


def untracked(session: Session) -> Session:
    """Mark a session whose caller never asks what it changed (an import's files): its
    commit only checks that it wrote something (the author stamps need that) instead of
    reading back and folding every log row it wrote, a few hundred for an article with
    its suggestions; `committed_changes` then says reset (the set cannot say)."""
    session.info[_INFO_UNTRACKED] = True
    return session


def track_changes(factory: sessionmaker[Session]) -> None:
    """Make every session of ``factory`` collect its own ChangeSet at commit time."""
    event.listen(factory, "after_begin", _after_begin)
    event.listen(factory, "before_commit", _before_commit)
    event.listen(factory, "after_commit", _after_commit)
    event.listen(factory, "after_transaction_end", _after_transaction_end)


def _after_begin(session: Session, _transaction: object, connection: Connection) -> None:
    if _INFO_START not in session.info:
        session.info[_INFO_START] = workspace_revision(connection)


def _before_commit(session: Session) -> None:
    session.flush()  # the commit's own flush comes after this hook: do it now
    since = session.info.get(_INFO_START)
    if since is None:  # nothing ran in this transaction
        return
    if session.info.get(_INFO_UNTRACKED):
        top = workspace_revision(session)
        if top > since:
            session.info[_INFO_PENDING] = ChangeSet(since, top, reset=True)
        return
    rows = session.execute(
        text("SELECT seq, kind, entity_id, op FROM changes WHERE seq > :n ORDER BY seq"),
        {"n": since},
    ).all()
    session.info[_INFO_PENDING] = ChangeSet.from_rows(rows, since)


def _after_commit(session: Session) -> None:
    session.info.pop(_INFO_START, None)
    pending = session.info.pop(_INFO_PENDING, None)
    if pending is not None and pending:
        done = session.info.get(_INFO_DONE)
        session.info[_INFO_DONE] = pending if done is None else done.then(pending)


def _after_transaction_end(session: Session, transaction: Any) -> None:
    if transaction.parent is None:  # the unit of work ended (a savepoint's end is not it)
        session.info.pop(_INFO_START, None)
        session.info.pop(_INFO_PENDING, None)


@contextmanager
def unit(target: Workspace | Session) -> Iterator[Session]:
    """The session a service runs in: the caller's (which commits once for all its
    steps) or, given a workspace, a new unit of work committed on success."""
    if isinstance(target, Session):
        yield target
        return
    with target.session() as session:
        yield session
