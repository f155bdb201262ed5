"""Applying a change set to the timeline's model: a status change leaves the lane's index
as it is (no re-sort of a 40,000-event lane per accept); a move or a hidden status patches
it, and the result equals a fresh rebuild."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from desktop.services.timeline_data import LaneInfo, TimelineEvent
from desktop.ui.timeline.model import TimelineModel


def width(text: str) -> float:
    return 6.0 * len(text)


def model_of(events: list[TimelineEvent]) -> TimelineModel:
    lanes = [LaneInfo(1, "A", "#336699", 0), LaneInfo(2, "B", "#993366", 1)]
    model = TimelineModel(lane_infos=lanes)
    model.set_events(events)
    model.rebuild(width)
    return model


def events() -> list[TimelineEvent]:
    day = datetime(2020, 1, 1)
    return [TimelineEvent(i, f"event {i}", 1 + i % 2, day + timedelta(days=i),
                          day + timedelta(days=i, hours=23), status="suggested")
            for i in range(1, 41)]


def visible(model: TimelineModel) -> list[list[int]]:
    return [sorted(index.keys) for index in model.indexes]


def test_a_status_change_keeps_the_index_and_replaces_the_record() -> None:
    model = model_of(events())
    before = list(model.indexes)
    accepted = replace(model.events[7], status="accepted")
    assert model.apply([accepted], set(), width)
    assert model.events[7].status == "accepted"
    assert all(a is b for a, b in zip(before, model.indexes, strict=True))


def test_moves_and_hidden_statuses_patch_like_a_rebuild() -> None:
    model = model_of(events())
    moved = replace(model.events[3], earliest=datetime(2021, 6, 1), latest=datetime(2021, 6, 1, 23))
    relaned = replace(model.events[4], lane=1)
    rejected = replace(model.events[5], status="rejected")  # hidden by the default filter
    accepted = replace(model.events[6], status="accepted")
    assert model.apply([moved, relaned, rejected, accepted], {8}, width)
    fresh = model_of([e for e in model.events.values()])
    assert visible(model) == visible(fresh)
    assert 5 not in model.lane_of and 8 not in model.events
    assert model.lane_of == fresh.lane_of
    assert [list(i.t0) for i in model.indexes] == [list(i.t0) for i in fresh.indexes]
