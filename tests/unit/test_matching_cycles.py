"""Import matching compares BCE dates by their true day, not their shifted calendar day.

A BCE date keeps its bounds on the calendar whole 400-year cycles later (fuzzy.py): 15 Mar
44 BCE is stored as 15 Mar 1157 with start_cycles 3. Before, matching compared only those
bounds, so an article's "15 March 44 BC" could be merged into an event of 15 March 1157
(issue 14). Both the plain scan and the import's cache must keep them apart, on both backends.
"""

from __future__ import annotations

from sqlalchemy import update

from desktop.extract.model import Suggestion
from desktop.services.editing import create_event
from desktop.services.matching import (
    CandidateCache,
    find_same_happening,
    happening_signature,
    match_all,
    probe,
)
from desktop.store import Event, open_workspace
from desktop.temporal import FuzzyDate, parse_human


def _suggestion(when: FuzzyDate) -> Suggestion:
    text = "Senators stabbed Caesar in Rome, 23 wounds"
    return Suggestion(title=text, description=text, start=0, end=len(text), quote=text,
                      date_phrase="", timex_start=None, timex_end=None, fuzzy=when,
                      value=when.to_timex(), confidence=0.9, needs_reference=False,
                      verb="stab", names=("Caesar", "Rome"), numbers=("23",))  # fmt: skip


def _stored(ws, when: FuzzyDate) -> int:  # noqa: ANN001
    event_id = create_event(ws, "Senators stabbed Caesar in Rome", when)
    with ws.session() as session, session.begin():
        session.execute(update(Event).where(Event.id == event_id)
                        .values(signature=happening_signature(_suggestion(when))))
    return event_id


def _matches(ws, item: Suggestion, cache: CandidateCache) -> tuple:  # noqa: ANN001
    with ws.session() as session:
        return find_same_happening(session, item), match_all(session, [probe(item)], cache=cache)[0]


def test_a_bce_report_is_not_merged_into_an_event_whole_cycles_later(workspace_location: str):
    ides = parse_human("15 Mar 44 BC", bce=True)
    later = FuzzyDate.day(1157, 3, 15)
    assert ides.cycles == 3 and ides.earliest == later.earliest  # the same stored bounds
    ws = open_workspace(workspace_location, backups=False)
    try:
        cache = CandidateCache()
        medieval = _stored(ws, later)
        assert _matches(ws, _suggestion(ides), cache) == (None, None)
        assert _matches(ws, _suggestion(later), cache) == (medieval, medieval)
        ancient = _stored(ws, ides)  # the cache learns of it from the change log
        assert _matches(ws, _suggestion(ides), cache) == (ancient, ancient)
        assert _matches(ws, _suggestion(later), cache) == (medieval, medieval)
        fresh = CandidateCache()
        assert _matches(ws, _suggestion(ides), fresh) == (ancient, ancient)
    finally:
        ws.close()
