"""Events before year 1 in the store (SQLite and PostgreSQL), and migration 0009.

Before: no event could hold a date before year 1 (the columns are datetimes); lists
sorted by start_earliest (issue 14).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from desktop.layout.calendar import days_from_civil
from desktop.services.editing import create_event, delete_event, restore_event, update_event
from desktop.services.timeline_data import load_events
from desktop.store import Event, open_workspace
from desktop.store.models import start_key_of
from desktop.store.workspace import current_revision, head_revision, make_engine, migrate
from desktop.temporal import FuzzyDate, parse_human, parse_span


def bce(text_: str) -> FuzzyDate:
    return parse_human(text_, bce=True)


def test_migration_0009_backfills_the_sort_key_of_an_older_workspace(workspace_path: Path):
    engine = make_engine(workspace_path)
    migrate(engine, "0008")  # the schema before deep time
    rows = [("Late", "2019-05-02 10:30:00"), ("Early", "1850-01-01 00:00:00"),
            ("Middle", "2001-09-11 08:46:00")]  # fmt: skip
    with engine.begin() as conn:
        for title, at in rows:
            conn.execute(text(
                "INSERT INTO events (title, description, notes, start_earliest, start_latest, "
                "start_precision, status, confidence, conflict, created, modified, version) "
                "VALUES (:t, '', '', :at, :at, 'minute', 'accepted', 1, 0, :at, :at, 1)"),
                {"t": title, "at": at})  # fmt: skip
        logged = conn.execute(text("SELECT count(*) FROM changes")).scalar()
        history = conn.execute(text("SELECT count(*) FROM event_history")).scalar()
    engine.dispose()

    ws = open_workspace(workspace_path, backups=False)
    try:
        assert current_revision(ws.engine) == head_revision() == "0009"
        with ws.session() as session:
            got = session.execute(select(Event.title, Event.start_key, Event.start_cycles,
                                         Event.start_earliest).order_by(Event.id)).all()
            assert [(t, c) for t, _k, c, _e in got] == [("Late", 0), ("Early", 0), ("Middle", 0)]
            for _title, key, _cycles, earliest in got:
                day = days_from_civil(earliest.year, earliest.month, earliest.day)
                assert key == day * 1440 + earliest.hour * 60 + earliest.minute
            # the backfill is no edit: nothing logged, no history images
            assert session.scalar(text("SELECT count(*) FROM changes")) == logged
            assert session.scalar(text("SELECT count(*) FROM event_history")) == history
        assert [e.title for e in load_events(ws)] == ["Early", "Middle", "Late"]
        late = next(e for e in load_events(ws) if e.title == "Late")
        update_event(ws, late.id, title="Later")  # the triggers are back after the backfill
        with ws.session() as session:
            assert session.scalar(text("SELECT count(*) FROM changes")) > logged
            assert session.scalar(text("SELECT count(*) FROM event_history")) == history + 1
    finally:
        ws.close()


def _bce_round_trip(ws) -> None:
    caesar = create_event(ws, "Caesar is killed", bce("15 Mar 44 BC"))
    uruk = create_event(ws, "Writing at Uruk", bce("c. 3000 BCE"))
    now = create_event(ws, "A report", FuzzyDate.day(2018, 9, 14))
    start, end = parse_span("10000 BCE - 9000 BCE", bce=True)
    ice = create_event(ws, "End of the ice age", start, end=end)
    events = load_events(ws)
    assert [e.id for e in events] == [ice, uruk, caesar, now]  # true order, every era
    by_id = {e.id: e for e in events}
    assert by_id[caesar].date_text() == "15 Mar 44 BCE"
    assert by_id[caesar].span_days() == (days_from_civil(-43, 3, 15), days_from_civil(-43, 3, 16))
    assert by_id[uruk].date_text() == "c. 3000 BCE"
    assert by_id[uruk].span_days() == (days_from_civil(-3000, 1, 1), days_from_civil(-2997, 1, 1))
    assert by_id[ice].date_text() == "10000 BCE – 9000 BCE"
    assert by_id[ice].span_days() == (days_from_civil(-9999, 1, 1), days_from_civil(-8998, 1, 1))
    assert by_id[now].span_days()[0] == days_from_civil(2018, 9, 14)
    with ws.session() as session:
        keys = dict(session.execute(select(Event.id, Event.start_key)).all())
    assert keys[caesar] == days_from_civil(-43, 3, 15) * 1440
    # an edit to CE and back, and a deleted event restored, keep the era
    update_event(ws, caesar, start=FuzzyDate.year(44))
    assert {e.id: e for e in load_events(ws)}[caesar].date_text() == "44"
    update_event(ws, caesar, start=bce("15 Mar 44 BC"))
    from desktop.services.team import history_lines

    said = [line.text for line in history_lines(ws, caesar)]
    assert said[:2] == ["date 44 → 15 Mar 44 BCE", "date 15 Mar 44 BCE → 44"], said
    snap = delete_event(ws, uruk)
    restored = restore_event(ws, snap)
    again = {e.id: e for e in load_events(ws)}
    assert again[caesar].date_text() == "15 Mar 44 BCE"
    assert again[restored].date_text() == "c. 3000 BCE"
    assert again[restored].span_days() == by_id[uruk].span_days()
    with ws.session() as session:
        assert session.scalar(select(func.count()).where(Event.start_key.is_(None))) == 0


def test_bce_events_are_stored_sorted_and_drawn_on_sqlite(workspace_path: Path):
    ws = open_workspace(workspace_path, backups=False)
    try:
        _bce_round_trip(ws)
    finally:
        ws.close()


def test_bce_events_are_stored_sorted_and_drawn_on_postgresql(pg_url: str):
    ws = open_workspace(pg_url)
    try:
        _bce_round_trip(ws)
    finally:
        ws.close()


def test_the_sort_key_of_the_model_default_matches_the_service() -> None:
    assert start_key_of(None) is None
    when = bce("15 Mar 44 BC")
    from desktop.services.eventdates import start_key

    assert start_key_of(when.earliest, when.cycles) == start_key(when)


@pytest.mark.parametrize("typed", ["44 BC", "c. 3000 BCE", "10000 BCE"])
def test_a_ce_only_caller_still_refuses(typed: str) -> None:
    with pytest.raises(ValueError, match="before year 1"):
        parse_span(typed)


@pytest.mark.parametrize("fmt", ["json", "csv", "timelinejs"])
def test_bce_events_export_and_import_back_unchanged(tmp_path: Path, fmt: str, qapp) -> None:
    from desktop.export import ExportOptions, export_file
    from desktop.services.interchange import import_events_file

    made = [("Caesar is killed", bce("15 Mar 44 BC"), None),
            ("Writing at Uruk", bce("c. 3000 BCE"), None),
            ("Before Rome", bce("before 753 BC"), None),
            ("End of the ice age", bce("10000 BCE"), bce("9000 BCE")),
            ("Civil war", bce("the 40s BC"), None),
            ("Classical Athens", bce("late 5th century BCE"), None),
            ("A report", FuzzyDate.day(2018, 9, 14), None)]  # fmt: skip
    ws = open_workspace(tmp_path / "a.chronologue", backups=False)
    try:
        for title, start, end in made:
            create_event(ws, title, start, end=end)
        before = [(e.title, e.date_text(), e.span_days()) for e in load_events(ws)]
        out = tmp_path / f"out.{'json' if fmt != 'csv' else 'csv'}"
        export_file(ws, out, fmt, ExportOptions(statuses=None))
    finally:
        ws.close()
    if fmt == "json":
        assert '"earliest": "-0043-03-15T00:00"' in out.read_text()
    elif fmt == "timelinejs":
        assert '"year": -43' in out.read_text()  # astronomical, as JavaScript's Date counts
    other = open_workspace(tmp_path / "b.chronologue", backups=False)
    try:
        import_events_file(other, out)
        after = [(e.title, e.date_text(), e.span_days()) for e in load_events(other)]
    finally:
        other.close()
    if fmt == "timelinejs":  # TimelineJS has no qualifiers: "c." and "before" are dropped
        keep = {"Caesar is killed", "End of the ice age", "A report"}
        before = [b for b in before if b[0] in keep]
        after = [a for a in after if a[0] in keep]
    assert after == before
