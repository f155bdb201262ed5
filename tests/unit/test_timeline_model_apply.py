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


def test_an_import_applied_in_slices_ends_like_one_apply_and_a_rebuild() -> None:
    """1,200 new events (some unassigned, some moving stored ones) in slices of 400 and
    then a few: the lanes, their arrays and the minimap's starts end as one apply of all
    of them leaves them, and as a rebuild from the same events."""
    import random

    rng = random.Random(8)
    base = events()
    day = datetime(2019, 1, 1)
    new = [TimelineEvent(100 + i, f"new {i}", rng.choice((1, 2, None)),
                         day + timedelta(days=rng.randrange(900)),
                         day + timedelta(days=rng.randrange(900, 1000)), status="suggested")
           for i in range(1_200)]
    moved = [replace(e, earliest=e.earliest + timedelta(days=40),
                     latest=e.latest + timedelta(days=40)) for e in base[:30]]
    lanes = [LaneInfo(1, "A", "#336699", 0), LaneInfo(2, "B", "#993366", 1)]

    def built() -> TimelineModel:
        model = TimelineModel(lane_infos=lanes)
        model.set_events(base + [e for e in new if e.lane is None][:1])  # the lane exists
        model.rebuild(width)
        return model

    sliced, whole = built(), built()
    changes = moved + new
    for k in range(0, len(changes), 400):
        assert sliced.apply(changes[k:k + 400], {2, 4} if k == 0 else set(), width)
    assert whole.apply(changes, {2, 4}, width)
    fresh = TimelineModel(lane_infos=lanes)
    fresh.set_events(list(whole.events.values()))
    fresh.rebuild(width)
    for model in (sliced, whole):
        assert model.lane_of == fresh.lane_of
        assert model.all_starts == fresh.all_starts
        assert [(list(i.t0), list(i.t1), sorted(i.keys)) for i in model.indexes] == \
            [(list(i.t0), list(i.t1), sorted(i.keys)) for i in fresh.indexes]
