"""Actors and places in the store: links, aliases, merges and their exact undo."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, text

from desktop.services import editing
from desktop.services import entities as ent
from desktop.services.entity_merge import (
    delete_entity,
    merge_entities,
    restore_entity,
    unmerge_entities,
)
from desktop.services.library import store_dump
from desktop.store import Event, open_workspace
from desktop.store.workspace import current_revision, head_revision, make_engine, migrate
from desktop.temporal import FuzzyDate


@pytest.fixture
def ws(workspace_location: str):
    """Each test on a workspace file and on a shared PostgreSQL workspace."""
    ws = open_workspace(workspace_location, backups=False)
    yield ws
    ws.close()


def _event(ws, title: str, day: int, actors=(), places=()) -> int:
    event_id = editing.create_event(ws, title, FuzzyDate.day(2020, 2, day))
    editing.update_event(ws, event_id, actors=list(actors), places=list(places))
    return event_id


def test_an_older_workspace_gains_the_entity_tables_and_their_change_log(
    workspace_path: Path,
) -> None:
    engine = make_engine(workspace_path)
    migrate(engine, "0004")
    engine.dispose()
    ws = open_workspace(workspace_path, backups=False)
    try:
        assert current_revision(ws.engine) == head_revision()
        event_id = _event(ws, "Shelling", 3, [("Turkey", "subject")], ["Saraqib"])
        with ws.session() as s:
            kinds = {k for (k,) in s.execute(text("SELECT DISTINCT kind FROM changes"))}
        assert {"actor", "place", "event"} <= kinds
        with ws.session() as s:
            assert ent.event_entities(s, event_id, "actor") == [("Turkey", "subject")]
    finally:
        ws.close()


def test_links_keep_order_and_roles_and_names_match_loosely(ws) -> None:
    first = _event(ws, "Strike", 1, [("Russia", "subject"), ("HTS", "object")], ["Idlib"])
    second = _event(ws, "Talks", 2, [("russia", "subject")], ["the Idlib"])
    with ws.session() as s:
        assert ent.event_entities(s, first, "actor") == [("Russia", "subject"), ("HTS", "object")]
        assert ent.event_entities(s, second, "actor") == [("Russia", "subject")]
        assert ent.event_entities(s, second, "place") == [("Idlib", "")]
    rows = {r.name: r for r in ent.entity_rows(ws, "actor")}
    assert rows["Russia"].events == 2 and rows["HTS"].events == 1
    assert ent.entity_event_ids(ws, "actor", rows["Russia"].id) == [first, second]


def test_an_edit_of_actors_changes_the_event_version_and_the_change_feed(ws) -> None:
    event_id = _event(ws, "Strike", 1)
    version = editing.read_snapshot(ws, event_id)
    _, changes = ws.transact(
        lambda s: editing.update_event(s, event_id, actors=[("Iran", "subject")])
    )
    assert event_id in changes.events.updated
    assert len(changes.actors.created) == 1
    with pytest.raises(editing.EditConflict):  # a window holding the old version is refused
        editing.update_event(ws, event_id, expected_version=1, title="x")
    assert version.actors == []


def test_rename_refuses_a_name_another_entity_has(ws) -> None:
    _event(ws, "Strike", 1, [("HTS", ""), ("Russia", "")])
    hts = ent.find_entity(ws, "actor", "HTS")
    with pytest.raises(ent.EntityError, match="merge"):
        ent.rename_entity(ws, "actor", hts, "russia")
    assert ent.rename_entity(ws, "actor", hts, "Hay'at Tahrir al-Sham") == "HTS"
    with pytest.raises(ent.EntityError, match="empty"):
        ent.rename_entity(ws, "actor", hts, "   ")


def test_merging_aliases_moves_events_keeps_names_and_undoes_exactly(ws) -> None:
    a = _event(ws, "Offensive", 1, [("Hay'at Tahrir al-Sham", "subject"), ("Syria", "object")])
    b = _event(ws, "Attack", 2, [("HTS", "subject")], ["Saraqib"])
    c = _event(ws, "Clash", 3, [("Tahrir al-Sham", "object"), ("HTS", "subject")])
    ids = {r.name: r.id for r in ent.entity_rows(ws, "actor")}
    before = store_dump(ws)

    record = merge_entities(ws, "actor", [ids["HTS"], ids["Tahrir al-Sham"]],
                            ids["Hay'at Tahrir al-Sham"])
    rows = {r.name: r for r in ent.entity_rows(ws, "actor")}
    assert set(rows) == {"Hay'at Tahrir al-Sham", "Syria"}
    target = rows["Hay'at Tahrir al-Sham"]
    assert target.events == 3 and set(target.aliases) == {"HTS", "Tahrir al-Sham"}
    assert ent.entity_event_ids(ws, "actor", target.id) == [a, b, c]
    with ws.session() as s:  # one link per event even where both were named
        assert [n for n, _ in ent.event_entities(s, c, "actor")] == ["Hay'at Tahrir al-Sham"]
    assert ent.find_entity(ws, "actor", "hts") == target.id  # the alias still finds it

    unmerge_entities(ws, record)
    assert store_dump(ws) == before
    merge_entities(ws, "actor", [ids["HTS"]], ids["Tahrir al-Sham"])  # redo-like, again fine
    assert ent.find_entity(ws, "actor", "HTS") == ids["Tahrir al-Sham"]


def test_delete_and_restore_an_entity_with_its_links(ws) -> None:
    _event(ws, "Offensive", 1, [("Russia", "subject")], ["Idlib", "Saraqib"])
    _event(ws, "Talks", 2, places=["Saraqib"])
    before = store_dump(ws)
    snap = delete_entity(ws, "place", ent.find_entity(ws, "place", "Saraqib"))
    assert [r.name for r in ent.entity_rows(ws, "place")] == ["Idlib"]
    restore_entity(ws, snap)
    assert store_dump(ws) == before


def test_deleting_and_restoring_an_event_keeps_its_entities(ws) -> None:
    event_id = _event(ws, "Offensive", 1, [("Russia", "subject"), ("Turkey", "object")], ["Idlib"])
    before = store_dump(ws)
    snap = editing.delete_event(ws, event_id)
    assert ent.entity_rows(ws, "actor")[0].events == 0
    editing.restore_event(ws, snap)
    assert store_dump(ws) == before


def test_merging_two_events_gives_the_target_both_sets_of_entities(ws) -> None:
    a = _event(ws, "Strike", 1, [("Russia", "subject")], ["Idlib"])
    b = _event(ws, "Strike", 1, [("Russia", "subject"), ("HTS", "object")], ["Saraqib"])
    editing.merge_events(ws, b, a)
    with ws.session() as s:
        assert [n for n, _ in ent.event_entities(s, a, "actor")] == ["Russia", "HTS"]
        assert [n for n, _ in ent.event_entities(s, a, "place")] == ["Idlib", "Saraqib"]


def test_imported_suggestions_carry_their_actors_and_places_and_accepting_keeps_them(
    ws,
) -> None:
    from desktop.ingest import draft_from_text
    from desktop.services.importing import import_draft
    from desktop.services.review import set_status

    text = ("Turkish troops shelled the village of Kafr Hamra on Friday.\n"
            "The Syrian Democratic Forces (SDF) said on Saturday that they had retaliated "
            "near Azaz.\n")
    draft = draft_from_text(text, source_file="border.txt")
    draft.published = date(2024, 3, 9)
    import_draft(ws, draft)
    with ws.session() as s:
        ids = list(s.scalars(select(Event.id).order_by(Event.start_earliest)))
        shelled, said = ids
        assert ent.event_entities(s, shelled, "actor") == [("Turkey", "subject")]
        assert ent.event_entities(s, shelled, "place") == [("Kafr Hamra", "")]
        assert ent.event_entities(s, said, "actor") == [("Syrian Democratic Forces", "subject")]
    azaz = next(r for r in ent.entity_rows(ws, "place") if r.name == "Azaz")
    assert azaz.country == "SY" and azaz.latitude is not None  # the gazetteer's coordinates
    set_status(ws, ids, "accepted")
    with ws.session() as s:
        assert ent.event_entities(s, shelled, "actor") == [("Turkey", "subject")]
    set_status(ws, [said], "rejected")  # a rejected event no longer counts for its entities
    sdf = next(r for r in ent.entity_rows(ws, "actor") if r.name.startswith("Syrian Dem"))
    assert sdf.events == 0


def test_proposed_links_add_to_a_stored_event_and_fill_a_fresh_one(ws) -> None:
    """A second source naming more adds to what a stored event names (no duplicate, in
    order); an event the caller just created ("fresh") gets its links without a lookup."""
    from desktop.extract.entities import ActorRef
    from desktop.extract.mentions import PlaceRef

    stored = _event(ws, "Strike", 1, [("Russia", "subject")], ["Idlib"])
    fresh = editing.create_event(ws, "Shelling", FuzzyDate.day(2020, 2, 2))
    with ws.session() as s:
        ent.link_proposed(s, [
            (stored, (ActorRef("Russia", "subject", "state"), ActorRef("HTS", "object", "group")),
             (PlaceRef("Idlib"), PlaceRef("Saraqib"))),
            (fresh, (ActorRef("Turkey", "subject", "state"),), (PlaceRef("Afrin"),)),
        ], fresh={fresh})  # fmt: skip
    with ws.session() as s:
        assert ent.event_entities(s, stored, "actor") == [("Russia", "subject"), ("HTS", "object")]
        assert [n for n, _ in ent.event_entities(s, stored, "place")] == ["Idlib", "Saraqib"]
        assert ent.event_entities(s, fresh, "actor") == [("Turkey", "subject")]
        assert [n for n, _ in ent.event_entities(s, fresh, "place")] == ["Afrin"]


def test_an_import_reads_the_names_once_and_again_only_after_another_writer(
    ws, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An import keeps its actor and place names from article to article (with the ones
    it creates); a rename elsewhere between two articles, or while one is being matched,
    is seen: the next article that says "Turkey" gets a new actor, as a fresh read gives,
    not the renamed one."""
    from sqlalchemy import event

    from desktop.ingest import draft_from_text
    from desktop.services import import_store
    from desktop.services.import_prepare import prepare_draft
    from desktop.services.import_store import store_prepared
    from desktop.services.matching import CandidateCache

    reads: list[str] = []

    def record(_conn, _cursor, statement, *_args) -> None:
        if "aliases" in statement and statement.lstrip().startswith("SELECT"):
            reads.append(statement.split("FROM")[1].split()[0])

    def store(text: str, day: int) -> list[str]:
        reads.clear()
        draft = draft_from_text(text, source_file=f"day{day}.txt")
        draft.published = date(2024, 3, day)
        assert store_prepared(ws, prepare_draft(draft), nearby=cache).status == "imported"
        return sorted(reads)

    cache = CandidateCache()
    event.listen(ws.engine, "before_cursor_execute", record)
    try:
        assert store("Turkish troops shelled the village of Kafr Hamra on Friday.\n",
                     9) == ["actors", "places"]
        assert store("Turkish troops shelled the village of Kafr Hamra on Friday, "
                     "killing 4 people.\nResidents fled to Azaz on Saturday.\n", 10) == []
        turkey = ent.find_entity(ws, "actor", "Turkey")
        ent.rename_entity(ws, "actor", turkey, "Turkish Armed Forces")
        assert store("Turkish troops entered Azaz on Monday.\n", 12) == ["actors"]
        azaz = ent.find_entity(ws, "place", "Azaz")
        planned = import_store.plan_matches

        def rename_while_planning(session, found, nearby):  # noqa: ANN001, ANN202
            plan = planned(session, found, nearby)  # after the sync, before the insert
            mark = len(reads)
            ent.rename_entity(ws, "place", azaz, "Azaz town")
            del reads[mark:]  # the rename's own reads
            return plan

        monkeypatch.setattr(import_store, "plan_matches", rename_while_planning)
        assert store("Turkish troops left Azaz on Tuesday.\n", 13) == ["actors", "places"]
    finally:
        event.remove(ws.engine, "before_cursor_execute", record)
    with ws.session() as s:
        named = {name for (name,) in s.execute(text("SELECT name FROM actors"))}
        entered = s.scalar(select(Event.id).where(Event.title.contains("entered")))
        assert ent.event_entities(s, entered, "actor") == [("Turkey", "subject")]
        left = s.scalar(select(Event.id).where(Event.title.contains("left")))
        assert [n for n, _ in ent.event_entities(s, left, "place")] == ["Azaz"]
    assert {"Turkey", "Turkish Armed Forces"} <= named
    assert ent.find_entity(ws, "actor", "Turkey") != turkey
    assert ent.find_entity(ws, "place", "Azaz") not in (None, azaz)
