"""The timeline's service (no Qt in it): fast loading, one-transaction moves, lanes, saved views."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import insert

from desktop.services import timeline_data as data
from desktop.services.editing import EditConflict, read_snapshot
from desktop.store import Event, open_workspace
from desktop.temporal import FuzzyDate


@pytest.fixture
def ws(seeded_path: Path):
    ws = open_workspace(seeded_path)
    yield ws
    ws.close()


def test_load_events_gives_flat_records_with_quote_article_and_extent(ws):
    events = data.load_events(ws)
    assert events and all(e.start is not None for e in events)
    assert [e.earliest for e in events] == sorted(e.earliest for e in events)
    quoted = [e for e in events if e.quote]
    assert quoted and all(e.article for e in quoted)
    assert all(e.earliest <= e.latest for e in events)
    assert data.load_events(ws, ("rejected",)) == []


def test_move_event_changes_date_and_lane_in_one_edit(ws):
    lane = data.create_lane(ws, "Military")
    e = data.load_events(ws)[0]
    new = e.start.shifted(3)
    version = data.move_event(ws, e.id, start=new, lane_id=lane, expected_version=e.version)
    assert version == e.version + 1  # one transaction, one version step
    snap = read_snapshot(ws, e.id)
    assert snap.start == new and snap.fields["lane_id"] == lane
    with pytest.raises(EditConflict):
        data.move_event(ws, e.id, start=e.start, expected_version=e.version)
    assert read_snapshot(ws, e.id).start == new  # the stale edit changed nothing


def test_lanes_are_created_renamed_reordered_and_collapsed(ws):
    ids = [data.create_lane(ws, n) for n in ("A", "B", "C")]
    data.reorder_lanes(ws, [ids[2], ids[0], ids[1]])
    data.update_lane(ws, ids[0], name="Alpha", color="#112233", collapsed=True)
    lanes = data.load_lanes(ws)
    assert [lane.name for lane in lanes] == ["C", "Alpha", "B"]
    assert lanes[1].color == "#112233" and lanes[1].collapsed
    with pytest.raises(ValueError):
        data.update_lane(ws, ids[0], position=3)


def test_named_views_keep_their_settings(ws):
    data.save_view(ws, "Offensive", {"grouping": "tag", "range_days": [1.0, 2.0]})
    data.save_view(ws, "Offensive", {"text": "Idlib"})
    assert data.load_view(ws, "Offensive") == {"grouping": "tag", "range_days": [1.0, 2.0],
                                               "text": "Idlib"}  # fmt: skip
    assert data.view_names(ws) == ["Offensive"]
    assert data.load_view(ws, "nope") is None


def test_loading_twenty_thousand_events_keeps_every_one_in_date_order(tmp_path: Path):
    ws = open_workspace(tmp_path / "big.chronologue")
    base = datetime(2000, 1, 1)
    rows = []
    for i in range(20_000):
        day = FuzzyDate.day(*(base + timedelta(days=i % 7000)).timetuple()[:3])
        rows.append({"title": f"event {i}", "status": "accepted", "start_earliest": day.earliest,
                     "start_latest": day.latest, "start_precision": "day", "version": 1})
    with ws.session() as s:
        s.execute(insert(Event), rows)
    events = data.load_events(ws)  # its speed: benchmarks/window_bench.py
    ws.close()
    assert len(events) == 20_000
    assert len({e.id for e in events}) == 20_000
    assert sorted(e.title for e in events if e.start.earliest == base) == sorted(
        f"event {i}" for i in range(0, 20_000, 7000))
