"""Real-looking web pages we wrote ourselves: the article kept, the page's furniture dropped."""

from __future__ import annotations

import socket
from datetime import date
from pathlib import Path

import pytest

from desktop.ingest import read_bytes, read_path
from desktop.ingest.html import GUESSED_DATE_NOTE

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"


@pytest.fixture(autouse=True)
def _offline(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("a network connection was attempted while reading a page")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


def test_news_page_keeps_article_paragraphs_and_headings_only() -> None:
    draft = read_path(PAGES / "news_courier.html")
    parts = paragraphs(draft.text)
    assert parts[0] == "Shelling hits market in northern town"
    assert "Aid convoys halted" in parts  # a sub-heading is its own paragraph
    assert parts[1].startswith("Artillery shells struck the main market")
    assert parts[-1].endswith("running short of anaesthetics.")
    assert len(parts) == 6
    furniture_words = ("Subscribe", "cookies", "Most read", "Football", "All rights", "Privacy")
    for furniture in furniture_words:
        assert furniture not in draft.text
    assert (draft.title, draft.outlet, draft.author) == (
        "Shelling hits market in northern town", "The Valley Courier", "Mara Lindqvist"
    )
    assert draft.url == "https://valleycourier.example/world/shelling-market"
    assert draft.published == date(2022, 3, 4)  # published, not the later "modified" time
    assert draft.language == "en" and draft.notes == []


def test_blog_post_without_metadata_dates_from_its_posted_on_line() -> None:
    draft = read_path(PAGES / "blog_fieldnotes.html")
    assert draft.published == date(2021, 6, 14)
    assert draft.author == "Tomas Reyes"  # from "Posted on June 14, 2021 by Tomas Reyes"
    assert "“We used to sell vegetables. Now we sell batteries,” one trader told me." in (
        paragraphs(draft.text)
    )
    assert "The market town" in paragraphs(draft.text)
    for furniture in ("Categories", "Travel (41)", "Share this", "Great read", "Powered by"):
        assert furniture not in draft.text


def test_wire_story_keeps_its_dateline_and_drops_related_links() -> None:
    draft = read_path(PAGES / "wire_ap.html")
    assert draft.published == date(2022, 3, 4)
    assert paragraphs(draft.text)[1].startswith("ARIHA, Syria (AP) — 4 March 2022 — Airstrikes")
    assert "Markets slip" not in draft.text and "Copyright" not in draft.text


def test_french_site_language_comes_from_the_text_not_the_template() -> None:
    draft = read_path(PAGES / "fr_lequotidien.html")  # the template says lang="en"
    assert draft.language == "fr"
    assert draft.published == date(2022, 3, 28)  # "Publié le 28 mars 2022 à 10h15"
    assert draft.outlet == "Le Quotidien du Sud"
    assert "cookies" not in draft.text and "S'abonner" not in draft.text
    assert "« Nous n'avions jamais vu une crue pareille depuis 1992 », a-t-il déclaré." in (
        draft.text
    )


def test_javascript_only_page_is_kept_with_a_note() -> None:
    draft = read_path(PAGES / "js_only.html")
    assert draft.text == (
        "Ceasefire talks collapse\n\nNegotiators left the talks after two days without agreement."
    )
    assert len(draft.notes) == 1 and "JavaScript" in draft.notes[0]


def test_date_found_only_in_prose_is_flagged_and_a_copyright_year_is_no_date() -> None:
    body = "The ministers met in Geneva to discuss the ceasefire agreed earlier in the year. " * 4
    page = f"<html><body><article><h1>Talks</h1><p>{body}</p><p>They meet again on 2 April 2022."
    draft = read_bytes(page.encode(), "a.html")
    assert draft.published == date(2022, 4, 2)
    assert draft.notes == [GUESSED_DATE_NOTE.format(when="2022-04-02")]
    page = f"<html><body><article><h1>Talks</h1><p>{body}</p><p>Copyright 2023 Example.</p>"
    assert read_bytes(page.encode(), "b.html").published is None


def test_a_page_that_is_only_a_url_is_not_downloaded() -> None:
    assert read_bytes(b"http://news.example/story", "link.html").text == (
        "http://news.example/story"
    )


def test_import_reports_the_readers_notes(tmp_path: Path) -> None:
    from desktop.services.importing import import_paths
    from desktop.store import open_workspace

    ws = open_workspace(tmp_path / "w.chronologue")
    try:
        report = import_paths(ws, [PAGES / "js_only.html", PAGES / "news_courier.html"])
    finally:
        ws.close()
    by_name = {r.path.name: r for r in report.results}
    assert by_name["js_only.html"].status == "imported"
    assert "JavaScript" in by_name["js_only.html"].message
    assert "JavaScript" not in by_name["news_courier.html"].message


def test_lists_tables_quotes_and_line_breaks_keep_their_shape() -> None:
    sentence = "The council published the list of damaged buildings after an inspection. "
    page = (
        f"<html><body><article><h1>Damage survey</h1><p>{sentence * 3}</p>"
        "<ul><li>The main hospital, roof destroyed</li><li>Two schools, windows broken</li></ul>"
        "<table><tr><th>District</th><th>Buildings</th></tr><tr><td>North</td><td>41</td></tr>"
        "</table><blockquote><p>We will rebuild, said the mayor.</p></blockquote>"
        "<p>Line one<br>line two of the same paragraph.</p></article></body></html>"
    )
    assert paragraphs(read_bytes(page.encode(), "survey.html").text)[2:] == [
        "The main hospital, roof destroyed",
        "Two schools, windows broken",
        "District | Buildings",
        "North | 41",
        "We will rebuild, said the mayor.",
        "Line one\nline two of the same paragraph.",
    ]
