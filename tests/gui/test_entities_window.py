"""The window's actors and places: the Entities panel, merging aliases with undo, the
timeline of one actor, the editor's fields and the export of one actor's timeline."""

from __future__ import annotations

from desktop.services import entities
from desktop.services.library import store_dump


def _events(window) -> list[dict]:
    """The window's events in full (it holds slim records)."""
    from desktop.services.library import event_detail

    return [event_detail(window.ws, e.id) for e in window.events]

def _row(window, kind: str, name: str):
    return next(r for r in window.entities_panel.rows[kind] if r.name == name)


def test_the_panel_lists_actors_and_places_with_their_counts(window) -> None:
    panel = window.entities_panel
    assert window.entities_dock.windowTitle() == "Entities"
    actors = panel.rows["actor"]
    assert actors and all(r.events > 0 for r in actors)
    turkey = _row(window, "actor", "Turkey")
    assert turkey.events == len([e for e in _events(window) if e["status"] != "rejected"
                                 and "Turkey" in [n for n, _ in e["actors"]]])
    panel.set_kind("place")
    names = [panel.model.rows[i]["name"] for i in range(len(panel.model.rows))]
    assert "Idlib" in names
    idlib = _row(window, "place", "Idlib")
    assert idlib.country == "SY" and idlib.latitude is not None


def test_merging_aliases_is_one_undo_step_that_restores_everything(window, qtbot) -> None:
    hts = [r for r in window.entities_panel.rows["actor"]
           if r.name.lower().startswith("hay") and "sham" in r.name.lower()]
    assert len(hts) >= 2, [r.name for r in window.entities_panel.rows["actor"]]
    before = store_dump(window.ws)
    keep = hts[0].name
    total = sum(r.events for r in hts)
    assert window.entity_actions.merge_entities("actor", [r.id for r in hts], keep)
    # the panel re-reads on the task runner
    qtbot.waitUntil(lambda: set(_row(window, "actor", keep).aliases) >= {r.name for r in hts[1:]})
    merged = _row(window, "actor", keep)
    assert merged.events <= total and set(merged.aliases) >= {r.name for r in hts[1:]}
    assert [r.name for r in window.entities_panel.rows["actor"] if r in hts[1:]] == []
    assert window.undo_stack.undoText().startswith(f"Merge {len(hts) - 1} actor")
    window.undo_stack.undo()
    assert store_dump(window.ws) == before
    window.undo_stack.redo()
    assert entities.find_entity(window.ws, "actor", hts[1].name) == merged.id


def test_the_timeline_of_an_actor_shows_only_its_events(window) -> None:
    window.entities_panel.timeline_requested.emit("actor", "Russia")
    timeline = window.central.timeline
    shown = set(timeline.model.lane_of)
    russia = {e["id"] for e in _events(window)
              if e["status"] != "rejected" and "Russia" in [n for n, _ in e["actors"]]}
    assert shown == russia and len(shown) >= 3
    assert timeline.entity_box.entity() == ("actor", "Russia")


def test_the_editor_edits_actors_with_completion_and_undo_drops_a_new_one(window, qtbot) -> None:
    event = next(e for e in _events(window) if e["actors"])
    window.select_event(event["id"])
    editor = window.editor
    assert editor.actors.text().startswith(event["actors"][0][0])
    completions = editor.actor_names.names.stringList()
    assert "Turkey" in completions and "Russia" in completions
    before = store_dump(window.ws)
    editor.actors.setText("Turkey (subject), Nobody Yet (object)")
    editor.actors.editingFinished.emit()
    with window.ws.session() as s:
        assert entities.event_entities(s, event["id"], "actor") == [
            ("Turkey", "subject"), ("Nobody Yet", "object")]
    assert entities.find_entity(window.ws, "actor", "Nobody Yet") is not None
    window.undo_stack.undo()
    assert entities.find_entity(window.ws, "actor", "Nobody Yet") is None
    dump = store_dump(window.ws)
    for e in dump["events"]:
        e.pop("modified", None)
    for e in before["events"]:
        e.pop("modified", None)
    assert dump == before


def test_exporting_an_actors_timeline_presets_the_dialog(window) -> None:
    window.entities_panel.export_requested.emit("actor", "Turkey")
    dialog = window.dialogs.export_dialog
    try:
        options = dialog.options()
        assert options.actor == "Turkey" and options.place is None
        assert dialog.form.path.text().endswith("Turkey.pdf")
        assert "Turkey" in dialog.windowTitle()
    finally:
        dialog.reject()


def test_the_panel_follows_change_sets_and_rereads_only_when_they_touch_it(
        qtbot, window, monkeypatch) -> None:
    """A title edit leaves the panel alone (no entity query); rejecting an event that
    names Turkey lowers Turkey's count; undo puts it back."""
    reads: list[str] = []
    real = entities.entity_rows
    monkeypatch.setattr(entities, "entity_rows",
                        lambda ws, kind, *a, **k: reads.append(kind) or real(ws, kind, *a, **k))
    turkey = _row(window, "actor", "Turkey").events
    named = next(e for e in window.events if "Turkey" in e.actors and e.status != "rejected")
    plain = next(e for e in window.events if not e.actors and not e.places)
    window.event_actions.edit_fields(plain.id, {"title": plain.title}, {"title": "Renamed"},
                                     plain.version)
    assert window.event_by_id(plain.id).title == "Renamed"
    assert reads == []
    window.event_actions.set_status([named.id], "rejected")
    qtbot.waitUntil(lambda: _row(window, "actor", "Turkey").events == turkey - 1)
    assert reads
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: _row(window, "actor", "Turkey").events == turkey)
