"""The window's load path (timeline_data.load_events) with events citing several sources.

The citations are read in one pass over all of them (not one query per event) and the
events in one sorted select; these tests check that an event's citations, however they
interleave with other events' in the table, all reach its record.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.services.eventdates import event_anchor
from desktop.services.timeline_data import load_events
from desktop.store import Article, Citation, Event, open_workspace
from desktop.temporal import FuzzyDate


def _event(title: str, when: FuzzyDate, status: str = "accepted") -> Event:
    return Event(title=title, status=status, start_earliest=when.earliest,
                 start_latest=when.latest, start_precision=when.precision.value)


@pytest.fixture
def ws(tmp_path: Path):
    ws = open_workspace(tmp_path / "cites.chronologue", backups=False)
    day = FuzzyDate.day
    with ws.session() as s:
        arts = [Article(title=f"Report {i}", outlet=f"Outlet {i}", text=f"text {i}",
                        content_hash=f"{i:064d}") for i in range(3)]  # fmt: skip
        # ids in insertion order; "late" shares its day with "same day" (id breaks the tie)
        evs = [_event("three sources", day(2019, 5, 2)), _event("two sources", day(2001, 9, 11)),
               _event("none", day(1990, 1, 1), "pending"), _event("late", day(2020, 1, 1)),
               _event("same day", day(2020, 1, 1))]  # fmt: skip
        s.add_all(arts + evs)
        s.flush()
        a0, a1, a2 = arts
        three, two = evs[0], evs[1]
        # one event's citations interleaved with another's, a repeated article, anchors
        # of every kind (a person's citation has none; a suggested one without is a phrase)
        for event, article, quote, anchor, origin, value in [
            (three, a2, "first of three", None, "manual", "2019-05-01"),
            (two, a1, "first of two", "publication", "suggested", "2001-09-11"),
            (three, a0, "second of three", "publication", "suggested", ""),
            (three, a2, "third of three", "continuation", "suggested", ""),
            (two, a0, "second of two", None, "suggested", ""),
            (evs[3], a1, "only", "publication", "suggested", ""),
        ]:  # fmt: skip
            s.add(Citation(event=event, article=article, start=0, end=len(quote), quote=quote,
                           anchor=anchor, origin=origin, value=value))
            s.flush()  # citation ids in this order
    yield ws
    ws.close()


def test_every_citation_of_an_event_reaches_its_record(ws):
    events = load_events(ws)
    assert [e.title for e in events] == ["none", "two sources", "three sources", "late",
                                         "same day"]  # fmt: skip
    by_title = {e.title: e for e in events}
    with ws.session() as s:
        for event in s.scalars(select(Event)):
            cites = sorted(event.citations, key=lambda c: c.id)
            record = by_title[event.title]
            assert record.sources == len(cites)
            assert record.article_ids == tuple(sorted({c.article_id for c in cites}))
            assert record.quote == (cites[0].quote if cites else "")
            assert record.article == (cites[0].article.title if cites else "")
            assert record.outlet == (cites[0].article.outlet if cites else "")
            assert record.anchor == (event_anchor(cites) if cites else None)
    three, two = by_title["three sources"], by_title["two sources"]
    assert (three.sources, three.article_ids, three.quote) == (3, (1, 3), "first of three")
    assert (three.article, three.outlet, three.anchor) == ("Report 2", "Outlet 2",
                                                           "continuation")  # fmt: skip
    assert (two.sources, two.article_ids, two.anchor) == (2, (1, 2), "phrase")
    assert three.redated == "1 May 2019"  # the first citation's stated day, not the event's
    assert two.redated == ""
    none = by_title["none"]
    assert (none.sources, none.article_ids, none.quote, none.anchor) == (0, (), "", None)


def test_a_change_set_read_gives_the_same_records_as_the_full_load(ws):
    full = {e.id: e for e in load_events(ws)}
    some = load_events(ws, ids=list(full)[1:4])
    assert some == [full[e.id] for e in some] and len(some) == 3
    accepted = load_events(ws, ("accepted",))
    assert accepted == [e for e in full.values() if e.status == "accepted"]


def test_events_come_in_start_order_then_by_id(ws):
    with ws.session() as s:
        ids = {e.title: e.id for e in s.scalars(select(Event))}
        s.add(_event("earliest", FuzzyDate.day(1950, 3, 3)))
        s.add(_event("second same day", FuzzyDate.day(2020, 1, 1)))
    titles = [e.title for e in load_events(ws)]
    assert titles == ["earliest", "none", "two sources", "three sources", "late", "same day",
                      "second same day"]  # fmt: skip
    assert ids["late"] < ids["same day"]
    assert all(isinstance(e.earliest, datetime) for e in load_events(ws))
