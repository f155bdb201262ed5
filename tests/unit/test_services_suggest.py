"""Suggestion services: idempotent re-runs, rejections that stick, dates set later, merging."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.ingest import draft_from_text
from desktop.services import suggesting
from desktop.services.importing import import_draft, import_paths
from desktop.services.queries import event_rows
from desktop.services.review import set_status
from desktop.services.suggesting import resuggest, set_published
from desktop.store import Article, Citation, Event, open_workspace


@pytest.fixture
def ws(workspace_location: str):
    """Each test runs on a workspace file and on a shared PostgreSQL workspace."""
    workspace = open_workspace(workspace_location)
    yield workspace
    workspace.close()


def counts(ws) -> tuple[int, int]:
    with ws.session() as s:
        return s.scalar(select(func.count(Event.id))), s.scalar(select(func.count(Citation.id)))


def test_rerun_never_duplicates_and_rejections_stick(ws, seeds_dir: Path) -> None:
    import_paths(ws, [seeds_dir])
    before = counts(ws)
    assert before[0] > 10
    assert resuggest(ws).added == 0
    assert counts(ws) == before

    victim = event_rows(ws, "suggested")[0]
    set_status(ws, [victim["id"]], "rejected")
    assert resuggest(ws).added == 0
    after = event_rows(ws)
    assert counts(ws) == before
    assert [e["status"] for e in after if e["id"] == victim["id"]] == ["rejected"]
    quote_start = victim["citations"][0]["start"]
    live = [e for e in after if e["status"] != "rejected"]
    assert not any(
        c["start"] == quote_start and c["date_phrase"] == victim["citations"][0]["date_phrase"]
        for e in live for c in e["citations"]
    )


def test_undated_article_waits_for_its_date(ws, seeds_dir: Path) -> None:
    result = import_paths(ws, [seeds_dir / "002_7797f8e606aaee63.txt"]).results[0]
    assert result.status == "imported"
    assert event_rows(ws) == []  # "today" and "Wednesday" need a reference date
    added = set_published(ws, result.article_id, date(2021, 3, 25))
    values = sorted(e["value"] for e in event_rows(ws))
    assert added == len(values) >= 2
    assert "2021-03-25" in values and "2021-03-24" in values
    # changing the date again moves the pending suggestions, it does not add more:
    # "today" follows the new date (Friday 26th), "on Wednesday" is still the 24th
    set_published(ws, result.article_id, date(2021, 3, 26))
    moved = sorted(e["value"] for e in event_rows(ws))
    assert len(moved) == len(values)
    assert "2021-03-26" in moved and "2021-03-25" not in moved and "2021-03-24" in moved


def test_accepted_suggestion_survives_a_new_date(ws, seeds_dir: Path) -> None:
    result = import_paths(ws, [seeds_dir / "002_7797f8e606aaee63.txt"]).results[0]
    set_published(ws, result.article_id, date(2021, 3, 25))
    first = event_rows(ws)[0]
    set_status(ws, [first["id"]], "accepted")
    set_published(ws, result.article_id, date(2021, 3, 26))
    kept = [e for e in event_rows(ws) if e["id"] == first["id"]]
    assert kept and kept[0]["status"] == "accepted" and kept[0]["value"] == first["value"]


def _article(text: str, name: str, published: date):
    draft = draft_from_text(text, source_file=name)
    draft.published = published
    return draft


def test_same_happening_in_two_articles_is_one_event(ws) -> None:
    a = "Rebel shelling killed ten people in the town of Mhardeh on 7 September 2018.\n"
    b = "On 7 September 2018 rebel shelling of Mhardeh killed ten people, residents said.\n"
    import_draft(ws, _article(a, "a.txt", date(2018, 9, 8)))
    import_draft(ws, _article(b, "b.txt", date(2018, 9, 9)))
    events = event_rows(ws)
    assert len(events) == 1
    assert sorted(c["source_file"] for c in events[0]["citations"]) == ["a.txt", "b.txt"]
    assert events[0]["conflict"] is False


def test_reports_with_their_own_different_dates_are_never_merged(ws) -> None:
    a = "Rebel shelling killed ten people in the town of Mhardeh on 7 September 2018.\n"
    b = "Rebel shelling killed ten people in the town of Mhardeh on 9 September 2018.\n"
    import_draft(ws, _article(a, "a.txt", date(2018, 9, 8)))
    import_draft(ws, _article(b, "b.txt", date(2018, 9, 10)))
    events = event_rows(ws)
    assert sorted(e["value"] for e in events) == ["2018-09-07", "2018-09-09"]


def test_a_stock_lede_on_three_days_is_three_happenings(ws) -> None:
    lede = "Shares of Acme Corp rose strongly today after the company raised its forecast.\n"
    for day in (3, 4, 5):
        import_draft(ws, _article(lede + f"Day {day}.\n", f"{day}.txt", date(2024, 6, day)))
    events = event_rows(ws)
    assert sorted(e["value"] for e in events) == ["2024-06-03", "2024-06-04", "2024-06-05"]


def test_undated_report_matching_an_otherwise_dated_one_is_a_conflict(ws) -> None:
    a = "Rebel shelling killed ten people in the town of Mhardeh on 2 September 2018.\n"
    b = "Rebel shelling killed ten people in the town of Mhardeh, residents said.\n"
    import_draft(ws, _article(a, "a.txt", date(2018, 9, 3)))
    import_draft(ws, _article(b, "b.txt", date(2018, 9, 10)))  # "on or shortly before 10 Sep"
    events = event_rows(ws)
    assert len(events) == 1 and events[0]["conflict"] is True
    assert {c["anchor"] for c in events[0]["citations"]} == {"phrase", "publication"}


def test_same_happening_dated_by_phrase_and_by_article_date_merges(ws) -> None:
    a = "Troops of the 4th Division seized the Kafr Nabudah bridge on Tuesday.\n"
    b = "Syrian troops seized the bridge at Kafr Nabudah, the army said.\n"
    import_draft(ws, _article(a, "a.txt", date(2019, 5, 9)))  # Tuesday = 7 May
    import_draft(ws, _article(b, "b.txt", date(2019, 5, 8)))  # on or shortly before 8 May
    events = event_rows(ws)
    assert len(events) == 1 and events[0]["conflict"] is False
    assert events[0]["anchor"] == "phrase"


def test_unrelated_happenings_same_day_stay_apart(ws) -> None:
    a = "Rebel shelling killed ten people in the town of Mhardeh on 7 September 2018.\n"
    b = "Leaders of Iran, Russia and Turkey met for a summit in Tehran on 7 September 2018.\n"
    import_draft(ws, _article(a, "a.txt", date(2018, 9, 8)))
    import_draft(ws, _article(b, "b.txt", date(2018, 9, 8)))
    assert len(event_rows(ws)) == 2


def test_tagger_failure_keeps_the_article(ws, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(suggesting, "suggest", broken)
    draft = _article("Shelling on 7 September 2018.\n", "x.txt", date(2018, 9, 8))
    result = import_draft(ws, draft)
    assert result.status == "imported" and "date extraction failed" in result.message
    with ws.session() as s:
        assert s.scalar(select(func.count(Article.id))) == 1


def test_import_options_reach_the_article_and_tagger(ws, tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("The convoy was hit on 05/09/2018 near the crossing.\n", encoding="utf-8")
    report = import_paths(ws, [note], language="en", dayfirst=True)
    assert [e["value"] for e in event_rows(ws)] == ["2018-09-05"]
    other = open_workspace(tmp_path / "mdy.chronologue")
    try:
        import_paths(other, [note], dayfirst=False)
        assert [e["value"] for e in event_rows(other)] == ["2018-05-09"]
    finally:
        other.close()
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>Le convoi est arrivé.</p></body></html>", encoding="utf-8")
    import_paths(ws, [page], language="fr")
    with ws.session() as s:
        langs = dict(s.execute(select(Article.source_file, Article.language)).all())
    assert langs == {"note.txt": "en", "page.html": "fr"}
    assert report.count("imported") == 1


def test_suggestions_per_article_are_capped(ws, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(suggesting, "MAX_SUGGESTIONS", 5)
    text = "".join(f"Shelling hit the town on {d} September 2018.\n" for d in range(1, 13))
    result = import_draft(ws, _article(text, "dense.txt", date(2018, 9, 20)))
    assert result.suggestions == 5 and "only the first 5 happenings" in result.message
    assert len(event_rows(ws)) == 5
