"""The import's batched, cached matcher finds the events the plain per-suggestion scan does.

Two imports of one mixed corpus (the seeds plus articles that report a pool of
happenings again, on their own dates, by their article's date, with other figures),
one with the batched matcher and one with the plain scan, while another writer rejects,
re-dates and deletes events between files: the two workspaces must hold the same events
with the same sources, and the corpus must really merge (or the test proves nothing).
"""

from __future__ import annotations

import random
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop.services import import_prepare, import_store, importing, suggesting
from desktop.services.matching import CandidateCache, find_same_happening
from desktop.store import open_workspace

ACTORS = ["Turkish troops", "the White Helmets", "Russian jets", "UN officials", "Ahmad Kassem"]
PLACES = ["Idlib", "Aleppo", "Saraqeb", "Ariha", "Hama"]
VERBS = ["shelled", "evacuated", "attacked", "entered", "bombed"]
THINGS = ["hospital", "market", "school", "bakery", "convoy"]


def _happenings(rng: random.Random) -> list[tuple[str, str, str, str, int, date]]:
    start = date(2021, 3, 1)
    return [(rng.choice(ACTORS), rng.choice(VERBS), rng.choice(THINGS), rng.choice(PLACES),
             rng.randrange(2, 40), start + timedelta(days=rng.randrange(0, 90)))
            for _ in range(14)]  # fmt: skip


def _article(rng: random.Random, pool: list, index: int) -> str:
    published = date(2021, 3, 1) + timedelta(days=rng.randrange(20, 120))
    lines = [f"Report {index} from the north", f"{published:%d %B %Y}", ""]
    # The first three happenings are in every article, by their own date: the ones the
    # other writer rejects, re-dates and deletes are then reported again afterwards.
    for number, (actor, verb, thing, place, figure, when) in enumerate(
            pool[:3] + rng.sample(pool[3:], 3)):
        if number < 3:
            lines.append(f"{actor.capitalize()} {verb} the {thing} in {place} on "
                         f"{when:%d %B %Y}, killing {figure} people, witnesses said.")
            continue
        if rng.random() < 0.2:
            figure += rng.randrange(1, 5)  # another figure: another happening
        if rng.random() < 0.15:
            when += timedelta(days=rng.choice([1, 40]))  # a conflicting or a distant date
        phrase = rng.choice([f"on {when:%d %B %Y}", f"on {when:%B} {when.day}, {when.year}",
                             "on Tuesday", "last week", f"in {when:%B %Y}"])
        lines.append(f"{actor.capitalize()} {verb} the {thing} in {place} {phrase}, "
                     f"killing {figure} people, witnesses said.")
    lines.append("Residents said the roads stayed open and shops reopened later.")
    return "\n".join(lines) + "\n"


@pytest.fixture
def corpus(tmp_path: Path, seeds_dir: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(seeds_dir, folder / "seeds")
    rng = random.Random(15)
    pool = _happenings(rng)
    for index in range(40):
        (folder / f"r{index:03d}.txt").write_text(_article(rng, pool, index), encoding="utf-8")
    return folder


def _plain_plan(session, found, _cache=None) -> tuple:  # noqa: ANN001
    """The matcher as it was: one window scan per suggestion, in order."""
    own: set[int] = set()
    plan = []
    for item in found.suggestions:
        match = find_same_happening(session, item, own)
        if match is not None:
            own.add(match)
        plan.append(match)
    return tuple(plan)


def _meddle(ws):  # noqa: ANN001, ANN202
    """Another writer between files: a rejection, a re-dating across months, a deletion."""

    def act(index: int, _total: int, _path: Path) -> None:
        # the n-th most cited event still standing
        nth = ("(SELECT c.event_id FROM citations c JOIN events e ON e.id = c.event_id WHERE "
               "e.status != 'rejected' GROUP BY c.event_id ORDER BY count(*) DESC, c.event_id "
               "LIMIT 1 OFFSET {})")
        sql = {
            12: f"UPDATE events SET status = 'rejected' WHERE id = {nth.format(0)}",
            20: "UPDATE events SET start_earliest = start_earliest + INTERVAL '45 days', "
                "start_latest = start_latest + INTERVAL '45 days' WHERE id = " + nth.format(0),
            28: f"DELETE FROM events WHERE id = {nth.format(0)}",
        }.get(index)
        if sql is None:
            return
        with ws.session() as session:
            conn = session.connection()
            if conn.dialect.name == "sqlite":
                sql = sql.replace("start_earliest + INTERVAL '45 days'",
                                  "datetime(start_earliest, '+45 days') || '.000000'").replace(
                    "start_latest + INTERVAL '45 days'",
                    "datetime(start_latest, '+45 days') || '.999999'")  # fmt: skip
            conn.exec_driver_sql(sql)
            session.commit()

    return act


def _outcome(ws) -> list[tuple]:  # noqa: ANN001
    with ws.session() as session:
        conn = session.connection()
        sources: dict[int, set] = {}
        for event_id, name, start, end in conn.exec_driver_sql(
            "SELECT c.event_id, a.source_file, c.start, c.\"end\" FROM citations c "
            "JOIN articles a ON a.id = c.article_id"
        ):
            sources.setdefault(event_id, set()).add((name, start, end))
        events = conn.exec_driver_sql(
            "SELECT id, title, status, conflict, start_precision, start_earliest, start_latest "
            "FROM events").all()  # fmt: skip
    return sorted((tuple(str(v) for v in row[1:]), tuple(sorted(sources.get(row[0], ()))))
                  for row in events)  # fmt: skip


def test_batched_matcher_gives_the_events_of_the_plain_scan(
    corpus: Path, tmp_path: Path, workspace_location: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    batched = open_workspace(workspace_location)
    importing.import_paths(batched, [corpus], jobs=1, progress=_meddle(batched))
    got = _outcome(batched)
    batched.close()

    plain_location = (str(tmp_path / "plain.chronologue") if "://" not in workspace_location
                      else workspace_location)  # fmt: skip
    if plain_location == workspace_location:  # one PostgreSQL database: empty it first
        plain = open_workspace(plain_location)
        with plain.session() as session:
            conn = session.connection()
            for table in ("event_actors", "event_places", "citations", "events", "articles"):
                conn.exec_driver_sql(f"DELETE FROM {table}")
            session.commit()
    else:
        plain = open_workspace(plain_location)
    monkeypatch.setattr(import_store, "plan_matches", _plain_plan)
    monkeypatch.setattr(suggesting, "plan_matches", _plain_plan)
    importing.import_paths(plain, [corpus], jobs=1, progress=_meddle(plain))
    want = _outcome(plain)
    plain.close()

    merged = [sources for _event, sources in want if len({s[0] for s in sources}) > 1]
    assert len(merged) >= 10, "the corpus must report happenings again, or this proves nothing"
    assert any(event[1] == "rejected" for event, _ in want)
    assert got == want


def test_an_imports_cache_plans_what_the_plain_scan_plans(
    corpus: Path, workspace_location: str
) -> None:
    """File by file, with the other writer at work: the cache must see every change (the
    store's own check of a planned match would otherwise hide a stale one)."""
    ws = open_workspace(workspace_location)
    cache = CandidateCache()
    files, _problems = importing.collect([corpus])
    meddle = _meddle(ws)
    matched = 0
    for index, (path, row) in enumerate(files):
        meddle(index, len(files), path)
        prepared = import_prepare.prepare_file(path, row)
        assert prepared.extracted is not None
        with ws.session() as session:
            got = suggesting.plan_matches(session, prepared.extracted, cache)
            want = _plain_plan(session, prepared.extracted)
        assert got == want, path.name
        matched += sum(match is not None for match in want)
        assert import_store.store_prepared(ws, prepared, nearby=cache).status == "imported"
    ws.close()
    assert matched >= 60


def _indexed(cache: CandidateCache) -> dict:
    return {place: {key: rows for key, rows in index.items() if rows}
            for place, index in cache.buckets.items()}  # fmt: skip


def test_an_imports_own_events_enter_its_cache_as_a_read_and_are_not_read_back(
    corpus: Path, workspace_location: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After each file the cache holds what a fresh read of the same months holds, while
    the sync re-reads only what the other writer changed, never the import's own events."""
    from desktop.services import matching

    reread: list[tuple] = []
    real = matching._driver_sql

    def spy(conn, sql, params):  # noqa: ANN001, ANN202
        if sql.startswith(matching._BY_ID.split("{")[0]):
            reread.append(params)
        return real(conn, sql, params)

    monkeypatch.setattr(matching, "_driver_sql", spy)
    ws = open_workspace(workspace_location)
    cache = CandidateCache()
    files, _problems = importing.collect([corpus])
    meddle = _meddle(ws)
    probes: list = []
    for index, (path, row) in enumerate(files):
        reread.clear()
        meddle(index, len(files), path)
        prepared = import_prepare.prepare_file(path, row)
        assert prepared.extracted is not None
        probes += prepared.extracted.match_probes()
        assert import_store.store_prepared(ws, prepared, nearby=cache).status == "imported"
        with ws.session() as session:
            conn = session.connection()
            cache.sync(conn)  # what the next file's sync would read of this one
            # the other writer acts before files 12, 20 and 28: only then is anything re-read
            assert bool(reread) == (index in (12, 20, 28)), (index, reread)
            assert all(len(ids) == 1 for ids in reread), reread
            fresh = CandidateCache()
            fresh.sync(conn)
            fresh.load(conn, probes)
            assert _indexed(cache) == _indexed(fresh), path.name
    ws.close()
    assert sum(len(index) for index in _indexed(cache).values()) > 20
