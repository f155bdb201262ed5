"""The workspace change feed: every commit is logged with the edit, views ask what changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.services import editing, review, timeline_data
from desktop.services.importing import import_paths
from desktop.services.library import store_dump
from desktop.store import open_workspace
from desktop.store.changes import ChangeSet, KindChanges, changes_since, workspace_revision
from desktop.temporal import FuzzyDate


@pytest.fixture
def ws(workspace_location: str):
    """Every test on a workspace file and on a shared PostgreSQL workspace."""
    ws = open_workspace(workspace_location, backups=False)
    yield ws
    ws.close()


def _rev(ws) -> int:
    with ws.session() as s:
        return workspace_revision(s)


def _event(ws, title="Talks held") -> int:
    return editing.create_event(ws, title, FuzzyDate.day(2018, 9, 7))


def test_each_unit_of_work_returns_its_changes_and_advances_the_revision(ws) -> None:
    first = _event(ws)
    before = _rev(ws)
    _, changes = ws.transact(lambda s: editing.update_event(s, first, title="Talks resumed"))
    assert changes.events == KindChanges(updated=frozenset({first}))
    assert changes.since == before < changes.revision == _rev(ws)

    def compose(session):  # a lane created by an edit, and a second event: one commit
        lane = timeline_data.create_lane(session, "Diplomacy")
        editing.update_event(session, first, lane_id=lane)
        return lane, editing.create_event(
            session, "Ceasefire", FuzzyDate.day(2018, 9, 8))

    (lane, second), changes = ws.transact(compose)
    assert changes.lanes.created == {lane}
    assert changes.events.created == {second} and changes.events.updated == {first}


def test_a_refused_edit_leaves_no_change_and_no_revision(ws) -> None:
    event_id = _event(ws)
    before, dump = _rev(ws), store_dump(ws)

    def refused(session):
        timeline_data.create_lane(session, "Half done")
        editing.update_event(session, event_id, title="Never", expected_version=99)

    with pytest.raises(editing.EditConflict):
        ws.transact(refused)
    assert _rev(ws) == before and store_dump(ws) == dump
    with ws.session() as s:
        assert changes_since(s, before).events == KindChanges()


def test_another_process_sees_only_what_changed(ws, workspace_location: str) -> None:
    ids = [_event(ws, f"Event {i}") for i in range(5)]
    other = open_workspace(workspace_location, backups=False)  # a second window or the CLI
    try:
        seen = _rev(other)
        review.set_status(other, ids[1:3], "accepted")
        editing.delete_event(other, ids[4])
        with ws.session() as s:
            changes = changes_since(s, seen)
        assert changes.events == KindChanges(updated=frozenset(ids[1:3]), deleted={ids[4]})
        assert changes.revision == _rev(ws) and not changes.reset
    finally:
        other.close()


def test_delete_then_undo_is_an_update_and_create_then_delete_is_nothing(ws) -> None:
    event_id = _event(ws)
    start = _rev(ws)
    snap = editing.delete_event(ws, event_id)
    editing.restore_event(ws, snap)
    with ws.session() as s:
        assert changes_since(s, start).events == KindChanges(updated=frozenset({event_id}))
    mid = _rev(ws)
    gone = _event(ws, "Brief")
    editing.delete_event(ws, gone)
    with ws.session() as s:
        assert not changes_since(s, mid).events


def test_bulk_import_and_cascades_are_logged(ws, seeds_dir: Path) -> None:
    import_paths(ws, [seeds_dir])  # Core bulk inserts of events and citations
    with ws.session() as s:
        logged = changes_since(s, 0)
        n_events = s.execute(text("SELECT count(*) FROM events")).scalar_one()
        n_articles = s.execute(text("SELECT count(*) FROM articles")).scalar_one()
    assert len(logged.events.created) == n_events > 0
    assert len(logged.articles.created) == n_articles
    lane = timeline_data.create_lane(ws, "Front")
    some = sorted(logged.events.created)[:3]
    for e in some:
        timeline_data.move_event(ws, e, lane_id=lane)
    at = _rev(ws)
    timeline_data.delete_lane(ws, lane)  # events leave the lane by a Core update
    with ws.session() as s:
        changes = changes_since(s, at)
    assert changes.lanes.deleted == {lane} and changes.events.updated == set(some)
    with ws.session() as s:  # one kind only (what an import's matcher follows)
        events_only = changes_since(s, 0, "event")
    assert events_only.events == changes_since_all_events(ws)
    assert not events_only.articles and not events_only.lanes
    assert events_only.revision == _rev(ws)


def test_changes_of_one_kind_are_read_from_the_revision_on(workspace_path, seeds_dir) -> None:
    """The kind-filtered read walks the log from ``revision`` by its primary key; by the
    index on kind it read every event change ever logged (the import's matcher asks
    before each file, so that grew with the workspace)."""
    from sqlalchemy import event

    ws = open_workspace(workspace_path, backups=False)
    try:
        import_paths(ws, [seeds_dir])  # no ANALYZE: the app never runs one
        seen: list[tuple[str, object]] = []

        def record(_conn, _cursor, statement, parameters, _context, _many) -> None:
            if "FROM changes WHERE seq >" in statement and "AND kind" in statement:
                seen.append((statement, parameters))

        event.listen(ws.engine, "before_cursor_execute", record)
        at = _rev(ws) - 5
        with ws.session() as s:
            assert changes_since(s, at, "event").revision == _rev(ws)
            statement, parameters = seen[-1]
            plan = " ".join(row[-1] for row in s.connection().exec_driver_sql(
                "EXPLAIN QUERY PLAN " + statement, parameters))
        event.remove(ws.engine, "before_cursor_execute", record)
    finally:
        ws.close()
    assert "PRIMARY KEY" in plan and "ix_changes_entity" not in plan, plan
    assert "TEMP B-TREE" not in plan, plan


def changes_since_all_events(ws) -> KindChanges:
    with ws.session() as s:
        return changes_since(s, 0).events


def test_change_sets_compose_like_the_log() -> None:
    a = ChangeSet(0, 3, {"event": KindChanges(created=frozenset({1}), deleted=frozenset({2}))})
    b = ChangeSet(3, 5, {"event": KindChanges(updated=frozenset({1}), created=frozenset({2}))})
    both = a.then(b)
    assert (both.since, both.revision) == (0, 5)
    assert both.events == KindChanges(created=frozenset({1}), updated=frozenset({2}))
    c = ChangeSet(5, 6, {"event": KindChanges(deleted=frozenset({1}))})
    assert not both.then(c).events.created and 1 not in both.then(c).events.deleted


def test_restored_older_copy_asks_for_a_reload_and_triggers_come_back(workspace_path) -> None:
    ws = open_workspace(workspace_path, backups=False)
    _event(ws)
    with ws.session() as s:
        assert changes_since(s, _rev(ws) + 10).reset
    with ws.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER changes_events_insert")
    ws.close()
    again = open_workspace(workspace_path, backups=False)
    try:
        before = _rev(again)
        _event(again, "Logged again")
        assert _rev(again) > before
    finally:
        again.close()


def test_an_untracked_unit_of_work_is_stamped_but_not_read_back(ws) -> None:
    """An import's commit (untracked) stamps its log rows with the author like any other,
    says reset instead of what it changed, and does not read its log rows back."""
    from sqlalchemy import event

    from desktop.store.changes import committed_changes, untracked

    statements: list[str] = []

    def record(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    before = _rev(ws)
    event.listen(ws.engine, "before_cursor_execute", record)
    try:
        with ws.session() as s:
            untracked(s)
            editing.create_event(s, "Talks held", FuzzyDate.day(2018, 9, 7))
            editing.create_event(s, "Talks ended", FuzzyDate.day(2018, 9, 9))
        quiet = committed_changes(s)
        with ws.session() as s:
            untracked(s)
            s.execute(text("SELECT count(*) FROM events")).scalar_one()
        nothing = committed_changes(s)
    finally:
        event.remove(ws.engine, "before_cursor_execute", record)
    assert quiet.reset and (quiet.since, quiet.revision) == (before, _rev(ws))
    assert not nothing  # a read-only unit of work changed nothing
    assert not [st for st in statements if "entity_id, op FROM changes" in st]
    with ws.session() as s:
        stamped = s.execute(text("SELECT count(*), count(author), count(at) FROM changes "
                                 "WHERE seq > :n"), {"n": before}).one()
    assert stamped[0] >= 2 and stamped[0] == stamped[1] == stamped[2]
    _, tracked = ws.transact(lambda s: editing.create_event(s, "Talks resumed",
                                                            FuzzyDate.day(2018, 9, 10)))
    assert not tracked.reset and len(tracked.events.created) == 1
