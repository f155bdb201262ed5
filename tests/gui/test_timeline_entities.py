"""The timeline by actor and place: the who/where filter, lanes by actor, saved views."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtGui import QUndoStack

from desktop.services import timeline_data as data
from desktop.ui.timeline import TimelineView, load_from_workspace


@pytest.fixture
def view(qtbot, ws):
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(1200, 700)
    load_from_workspace(view, ws, QUndoStack())
    view.show()
    qtbot.waitExposed(view)
    return view


def _visible(view) -> list:
    return [e for e in view.model.events.values() if e.status != "rejected"]


def test_the_seeds_carry_actors_and_the_box_offers_the_busiest_first(view) -> None:
    events = _visible(view)
    counts = Counter(a for e in events for a in e.actors)
    assert counts["Turkey"] >= 5 and counts["Russia"] >= 5
    box = view.entity_box
    labels = [box.itemText(i) for i in range(box.count())]
    assert labels[0] == "Anyone, anywhere"
    actors = [t for t in labels if t.startswith("Actor: ")]
    assert actors[0] == f"Actor: {counts.most_common(1)[0][0]}"
    assert any(t == "Place: Idlib" for t in labels)


def test_choosing_an_actor_shows_only_its_events_and_anyone_brings_all_back(view) -> None:
    everything = set(view.model.lane_of)
    box = view.entity_box
    box.setCurrentIndex(box.find(("actor", "Turkey")))
    turkey = {e.id for e in _visible(view) if "Turkey" in e.actors}
    assert view.model.filters.actor == "Turkey"
    assert set(view.model.lane_of) == turkey and 0 < len(turkey) < len(everything)
    box.setCurrentIndex(box.find(("place", "Idlib")))
    assert set(view.model.lane_of) == {e.id for e in _visible(view) if "Idlib" in e.places}
    box.setCurrentIndex(0)
    assert set(view.model.lane_of) == everything


def test_lanes_by_actor_put_each_event_in_its_subject_actors_lane_busiest_first(view) -> None:
    view.set_grouping("actor")
    names = [spec.name for spec in view.model.lanes]
    assert names[-1] == "No actor"
    sizes = [len(ix) for ix in view.model.indexes[:-1]]
    assert sizes == sorted(sizes, reverse=True) and sizes[0] >= 3
    for event_id, lane in view.model.lane_of.items():
        e = view.model.events[event_id]
        assert names[lane] == (e.actors[0] if e.actors else "No actor")
    view.set_grouping("place")
    assert "Idlib" in [spec.name for spec in view.model.lanes]


def test_a_saved_view_keeps_the_actor_filter_and_grouping(view, ws) -> None:
    view.show_entity("actor", "Russia")
    view.set_grouping("actor")
    data.save_view(ws, "Russia", view.view_state())
    view.show_entity("actor", None)
    view.set_grouping("lane")
    view.restore_view_state(data.load_view(ws, "Russia"))
    assert view.model.filters.actor == "Russia" and view.model.grouping == "actor"
    assert view.entity_box.entity() == ("actor", "Russia")
    assert all("Russia" in view.model.events[i].actors for i in view.model.lane_of)
