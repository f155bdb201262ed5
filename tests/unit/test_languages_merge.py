"""Reports of one happening in several languages merge into one event with a citation
from each (the dev set's folders imported as an analyst would: language detected, dates
from articles.csv)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.services.importing import import_paths
from desktop.services.queries import event_rows
from desktop.store import open_workspace

DATA = Path(__file__).resolve().parent.parent / "data" / "languages"


def test_an_arabic_and_an_english_report_make_one_event(tmp_path: Path) -> None:
    ws = open_workspace(tmp_path / "lang.chronologue")
    try:
        folders = [DATA / code for code in ("ar", "en", "fr", "es", "de", "ru", "tr")]
        report = import_paths(ws, folders, jobs=1)
        assert not report.failed
        events = event_rows(ws)
    finally:
        ws.close()

    def cited_by(name: str, value: str) -> dict:
        (event,) = [e for e in events if e["value"] == value
                    and any(c["source_file"] == name for c in e["citations"])]  # fmt: skip
        return event

    convoy = cited_by("ar-01.txt", "2022-03-01")
    files = {c["source_file"] for c in convoy["citations"]}
    assert files == {"ar-01.txt", "en-01.txt"}
    for citation in convoy["citations"]:
        assert citation["value"] == "2022-03-01"
    quake = cited_by("ar-06.txt", "2023-02-06")
    assert {"ar-06.txt", "en-03.txt", "fr-04.txt", "de-03.txt", "es-03.txt", "ru-04.txt",
            "tr-04.txt"} == {
        c["source_file"] for c in quake["citations"]}
    # Different happenings stay apart: the convoy's second leg, announced for Sunday,
    # is not the first; the ceasefire shares no figure with any other report.
    second = cited_by("ar-01.txt", "2022-03-06")
    assert second["id"] != convoy["id"] and len(second["citations"]) == 1
    ceasefire = cited_by("ar-05.txt", "2023-09-17")
    assert ceasefire["id"] not in (convoy["id"], quake["id"])
    # Two leads dated by their articles, an IMF delegation in Beirut and one in Ankara:
    beirut, ankara = cited_by("ar-10.txt", "2022-12-05"), cited_by("tr-10.txt", "2022-12-05")
    assert beirut["id"] != ankara["id"]


def test_a_wrong_language_fixed_in_article_details_redates_the_suggestions(tmp_path: Path) -> None:
    from desktop.ingest import draft_from_text
    from desktop.services import articles
    from desktop.services.importing import import_draft
    from desktop.services.queries import article_detail

    text = (DATA / "tr" / "tr-05.txt").read_text(encoding="utf-8")
    ws = open_workspace(tmp_path / "fix.chronologue")
    try:
        draft = draft_from_text(text, source_file="tr-05.txt")
        assert draft.language == "tr"  # detected
        draft.language, draft.published = "en", date(2022, 6, 2)  # as a wrong manifest says
        import_draft(ws, draft)
        aid = next(iter(article_ids(ws)))
        assert {e["value"] for e in event_rows(ws)} == set()  # English rules find nothing
        articles.edit_article(ws, aid, language="tr")
        assert article_detail(ws, aid)["language"] == "tr"
        assert {e["value"] for e in event_rows(ws)} == {"2022-06-01", "2022-06-06"}
    finally:
        ws.close()


def article_ids(ws) -> list[int]:
    from desktop.services.queries import article_rows

    return [row["id"] for row in article_rows(ws)]
