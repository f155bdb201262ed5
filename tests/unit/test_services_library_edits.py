"""Library management services: deleting articles (exact undo), body search, dating many."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from desktop.services import review
from desktop.services.articles import ArticleConflict
from desktop.services.dating import proposals, proposed_date, restore_dates, set_dates
from desktop.services.deletion import SOURCE_DELETED, delete_articles, restore_deletion
from desktop.services.editing import CitationSpec, add_citation, create_event, update_event
from desktop.services.library import store_dump
from desktop.services.search import fts_query, search_articles
from desktop.store import Article, Citation, Event, open_workspace
from desktop.temporal import FuzzyDate


@pytest.fixture
def ws(workspace_location: str):
    """Deleting, undoing and searching on a workspace file and on PostgreSQL."""
    workspace = open_workspace(workspace_location)
    yield workspace
    workspace.close()


def article_ids(ws) -> list[int]:
    return [a["id"] for a in store_dump(ws)["articles"]]


def events_of(ws, article_id: int) -> dict[int, str]:
    with ws.session() as session:
        rows = session.execute(
            select(Event.id, Event.status).join(Citation).where(Citation.article_id == article_id)
        )
        return dict(rows.all())


def tags_of(ws, event_id: int) -> list[str]:
    with ws.session() as session:
        return [t.name for t in session.get(Event, event_id).tags]


def test_delete_keeps_corroborated_events_flags_orphaned_ones_and_undoes_exactly(seeded) -> None:
    first, second = article_ids(seeded)[:2]
    suggested = events_of(seeded, first)
    assert suggested and set(suggested.values()) == {"suggested"}
    only_source, *rest = sorted(suggested)
    review.set_status(seeded, [only_source], "accepted")
    both = create_event(seeded, "Talks resume", FuzzyDate.day(2018, 9, 7),
                        citation=CitationSpec(first, 0, 10, "x" * 10))  # fmt: skip
    add_citation(seeded, both, CitationSpec(second, 0, 12, "y" * 12))
    before = store_dump(seeded)

    deletion = delete_articles(seeded, [first])
    after = store_dump(seeded)
    assert first not in article_ids(seeded)
    with seeded.session() as session:
        assert session.get(Event, only_source) is not None  # accepted: kept, flagged
        assert session.get(Event, only_source).citations == []
        assert [c.article_id for c in session.get(Event, both).citations] == [second]
        for gone in rest:
            if gone not in events_of(seeded, second):
                assert session.get(Event, gone) is None  # its suggestions went with it
    assert tags_of(seeded, only_source) == [SOURCE_DELETED]
    assert tags_of(seeded, both) == []
    assert only_source in deletion.flagged and both not in deletion.flagged
    assert "1 accepted event(s) lost their only source" in deletion.summary

    restore_deletion(seeded, deletion, undo=True)
    assert store_dump(seeded) == before
    assert SOURCE_DELETED not in {t for e in before["events"] for t in e.get("tags", [])}
    restore_deletion(seeded, deletion, undo=False)
    assert store_dump(seeded) == after
    restore_deletion(seeded, deletion, undo=True)
    assert store_dump(seeded) == before


def test_delete_many_at_once_and_search_follows(seeded) -> None:
    ids = article_ids(seeded)
    with seeded.session() as session:
        text = session.get(Article, ids[0]).text
    word = next(w for w in text.split() if len(w) > 7 and w.isalpha())
    assert ids[0] in search_articles(seeded, word)
    before = store_dump(seeded)
    deletion = delete_articles(seeded, ids[:3])
    assert article_ids(seeded) == ids[3:]
    assert ids[0] not in search_articles(seeded, word)  # the index followed the delete
    restore_deletion(seeded, deletion, undo=True)
    assert store_dump(seeded) == before
    assert ids[0] in search_articles(seeded, word)


def test_undo_refuses_when_a_kept_event_changed_since(seeded) -> None:
    first = article_ids(seeded)[0]
    event_id = sorted(events_of(seeded, first))[0]
    review.set_status(seeded, [event_id], "accepted")
    deletion = delete_articles(seeded, [first])
    update_event(seeded, event_id, title="Renamed after the delete")
    with pytest.raises(ArticleConflict, match="changed since"):
        restore_deletion(seeded, deletion, undo=True)


def test_deleting_an_unknown_article_is_refused(seeded) -> None:
    with pytest.raises(LookupError, match="no article with id 999"):
        delete_articles(seeded, [999])


@pytest.mark.parametrize(
    "typed",
    ['Idlib AND', 'NEAR(x y)', 'title:Idlib', '"unbalanced', "a*b", "-Idlib", "(", "^", "'"],
)
def test_fts_syntax_in_user_input_is_only_words(seeded, typed: str) -> None:
    search_articles(seeded, typed)  # never raises, whatever was typed
    match = fts_query(typed)
    assert match is None or all(part.startswith('"') for part in match.split(" AND "))


def test_search_means_all_words_with_prefix_on_the_last(seeded) -> None:
    everything = set(article_ids(seeded))
    assert set(search_articles(seeded, "Idlib")) <= everything
    some = set(search_articles(seeded, "Idli"))  # typing in progress: a prefix
    assert some == set(search_articles(seeded, "Idlib*")) and some
    assert search_articles(seeded, "Idlib zzqqxx") == []
    assert search_articles(seeded, "") == []


def test_proposed_date_is_the_dateline_else_the_latest_past_date_never_today() -> None:
    assert proposed_date("Title\nPublished: 28/03/2022\nOn 1 April 2022 ...") == date(2022, 3, 28)
    text = "Talks\nThe ministers met on 3 March 2022 and again on 9 March 2022. " \
           "They meet next on 2 May 2099."
    assert proposed_date(text, today=date(2024, 1, 1)) == date(2022, 3, 9)
    assert proposed_date("No dates here at all.") is None


def test_set_dates_on_several_articles_is_one_undoable_edit(seeded) -> None:
    ids = article_ids(seeded)[:3]
    rows = proposals(seeded, ids)
    assert [r["id"] for r in rows] == ids
    before = store_dump(seeded)
    edits = set_dates(seeded, {ids[0]: date(2019, 1, 2), ids[1]: date(2019, 1, 3),
                               ids[2]: None})  # fmt: skip
    after = store_dump(seeded)
    got = {a["id"]: a["published"] for a in after["articles"]}
    assert (got[ids[0]], got[ids[1]], got[ids[2]]) == (date(2019, 1, 2), date(2019, 1, 3), None)
    restore_dates(seeded, edits, undo=True)
    assert store_dump(seeded) == before
    restore_dates(seeded, edits, undo=False)
    assert store_dump(seeded) == after


def test_language_change_that_names_new_actors_undoes_and_redoes_exactly(seeded) -> None:
    from desktop.services import articles

    before = store_dump(seeded)
    edits = [articles.edit_article(seeded, aid, language="de") for aid in article_ids(seeded)]
    after = store_dump(seeded)
    for edit in reversed(edits):
        articles.restore(seeded, edit, undo=True)
    assert store_dump(seeded) == before  # actors made by the recompute are gone again
    for edit in edits:
        articles.restore(seeded, edit, undo=False)
    assert store_dump(seeded) == after
