"""Article details: cleaned values, clear refusals, recomputed suggestions, exact undo."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.services import articles
from desktop.services.importing import import_paths
from desktop.services.library import store_dump
from desktop.services.queries import article_detail, event_rows
from desktop.store import open_workspace

META = ("title", "outlet", "url", "author", "language", "published", "extraction_error")


def meta(ws, article_id: int) -> dict:
    detail = article_detail(ws, article_id)
    return {k: detail[k] for k in META}


def whole(ws) -> tuple:
    """store_dump plus the article fields it leaves out."""
    ids = [a["id"] for a in store_dump(ws)["articles"]]
    return store_dump(ws), [meta(ws, i) for i in ids]


def first_id(ws) -> int:
    return store_dump(ws)["articles"][0]["id"]


def test_update_strips_blanks_and_returns_previous_values(seeded) -> None:
    aid = first_id(seeded)
    old = meta(seeded, aid)
    previous = articles.update_article(
        seeded, aid, title="  New title ", outlet="", url=" https://example.org/a ",
        author="  ", language="FR")
    assert previous == {k: old[k] for k in ("title", "outlet", "url", "author", "language")}
    now = meta(seeded, aid)
    assert now["title"] == "New title" and now["outlet"] is None and now["author"] is None
    assert now["url"] == "https://example.org/a" and now["language"] == "fr"
    articles.update_article(seeded, aid, **previous)
    assert meta(seeded, aid) == old


@pytest.mark.parametrize(("changes", "says"), [
    ({"url": "ftp://example.org/x"}, "http:// or https://"),
    ({"url": "example.org/story"}, "http:// or https://"),
    ({"url": "https://"}, "host name"),
    ({"language": ""}, "cannot be empty"),
    ({"language": "English"}, "code such as"),
    ({"title": "x" * 501}, "too long"),
    ({"colour": "red"}, "not an article field"),
    ({"published": "2020-01-01"}, "must be a date"),
])
def test_bad_values_are_refused_with_a_reason_and_change_nothing(seeded, changes, says) -> None:
    before = whole(seeded)
    with pytest.raises(ValueError, match=says):
        articles.update_article(seeded, first_id(seeded), **changes)
    assert whole(seeded) == before


def test_unknown_article_is_a_lookup_error(ws) -> None:
    with pytest.raises(LookupError):
        articles.update_article(ws, 999, title="x")


def test_metadata_only_edit_leaves_suggestions_alone(seeded) -> None:
    aid = first_id(seeded)
    events = event_rows(seeded)
    edit = articles.edit_article(seeded, aid, title="Other", author="Someone")
    assert edit.added == 0 and not edit.event_ids
    assert event_rows(seeded) == events


def test_language_change_recomputes_pending_suggestions_and_undoes_exactly(seeded) -> None:
    aid = first_id(seeded)
    start = whole(seeded)
    edit = articles.edit_article(seeded, aid, language="de")
    assert edit.event_ids and meta(seeded, aid)["language"] == "de"
    changed = whole(seeded)
    assert changed != start
    articles.restore(seeded, edit, undo=True)
    assert whole(seeded) == start
    articles.restore(seeded, edit, undo=False)
    assert whole(seeded) == changed


def test_same_language_recomputes_nothing(seeded) -> None:
    aid = first_id(seeded)
    events = event_rows(seeded)
    assert articles.edit_article(seeded, aid, language="EN").added == 0
    assert event_rows(seeded) == events


def test_a_new_date_gives_what_set_published_gives(seeded, tmp_path: Path, seeds_dir) -> None:
    from desktop.services.suggesting import set_published

    other = open_workspace(tmp_path / "other.chronologue")
    try:
        import_paths(other, [seeds_dir])
        aid = first_id(seeded)
        edit = articles.edit_article(seeded, aid, published=date(2019, 5, 6))
        assert edit.added == set_published(other, aid, date(2019, 5, 6))
        assert store_dump(seeded)["events"] == store_dump(other)["events"]
    finally:
        other.close()


def test_date_and_fields_in_one_edit_undo_exactly(seeded) -> None:
    aid = first_id(seeded)
    start = whole(seeded)
    edit = articles.edit_article(seeded, aid, published=date(2019, 1, 4), outlet="X")
    assert meta(seeded, aid)["published"] == "2019-01-04" and edit.added > 0
    articles.restore(seeded, edit, undo=True)
    assert whole(seeded) == start


def test_undo_refuses_when_the_events_changed_since(seeded) -> None:
    from desktop.services.review import set_status

    aid = first_id(seeded)
    edit = articles.edit_article(seeded, aid, published=None)
    mine = [e for e in event_rows(seeded) if e["id"] in edit.event_ids]
    set_status(seeded, [mine[0]["id"]], "rejected")
    with pytest.raises(articles.ArticleConflict):
        articles.restore(seeded, edit, undo=True)


def test_undo_restores_another_articles_event_that_gained_a_citation(ws) -> None:
    """A new date can make a suggestion join an event of another article: undo takes it out."""
    from desktop.ingest import draft_from_text
    from desktop.services.importing import import_draft

    later = draft_from_text("On 7 September 2018 rebel shelling of Mhardeh killed ten people, "
                            "residents said.\n", source_file="b.txt")
    later.published = date(2018, 9, 9)
    import_draft(ws, later)
    undated = import_draft(ws, draft_from_text(
        "Rebel shelling killed ten people in the town of Mhardeh on Friday.\n",
        source_file="a.txt"))
    (other,) = event_rows(ws)
    start = whole(ws)
    edit = articles.edit_article(ws, undated.article_id, published=date(2018, 9, 8))
    (merged,) = event_rows(ws)
    assert merged["id"] == other["id"] and len(merged["citations"]) == 2
    assert edit.event_ids == {other["id"]}
    articles.restore(ws, edit, undo=True)
    assert whole(ws) == start and event_rows(ws) == [other]
    articles.restore(ws, edit, undo=False)
    assert event_rows(ws) == [merged]
