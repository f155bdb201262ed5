"""Wrapped multi-page PDFs: paragraphs rejoined, hyphenation undone, furniture dropped."""

from __future__ import annotations

from datetime import date

import pytest
from pdfmaker import hand_set_article, justified_article

from desktop.extract.sentences import split_sentences
from desktop.ingest import read_bytes

PARAGRAPHS = [
    "Artillery shells struck the main market of the town of Ariha on Friday morning, killing "
    "at least nine people and wounding dozens, according to local rescuers and hospital "
    "administrators.",
    "Residents said the market had been crowded with shoppers buying bread and fuel before "
    "the holiday weekend. “The first shell landed near the vegetable stalls shortly after "
    "eight o'clock,” one trader said.",
    "The United Nations announced on Saturday that it had suspended humanitarian convoys to "
    "the area until the security situation improved considerably.",
    "Government spokespeople rejected responsibility and blamed opposition fighters "
    "positioned in neighbouring villages for the bombardment.",
]
BODY = [f"{text} (Part {n}.)" for n in range(1, 7) for text in PARAGRAPHS]


@pytest.mark.parametrize("per_word", [False, True], ids=["lines", "word-by-word"])
def test_hand_set_pdf_paragraphs_come_back_whole(per_word: bool) -> None:
    data = hand_set_article(BODY, "REGIONAL MONITOR · Weekly situation report", per_word=per_word)
    draft = read_bytes(data, "report.pdf")
    assert draft.text.split("\n\n") == BODY  # hyphenated words whole, lines joined
    assert "REGIONAL MONITOR" not in draft.text and "–" not in draft.text


def test_justified_multi_page_article() -> None:
    data = justified_article(
        "Shelling hits market in northern town", "4 March 2022", BODY,
        "The Valley Courier — World news archive",
    )  # fmt: skip
    draft = read_bytes(data, "courier.pdf")
    parts = draft.text.split("\n\n")
    assert parts[:2] == ["Shelling hits market in northern town", "4 March 2022"]
    assert parts[2:] == BODY
    assert "Valley Courier" not in draft.text and "Page " not in draft.text
    assert draft.published == date(2022, 3, 4)
    assert draft.title == "Shelling hits market in northern town"
    assert draft.author == "Mara Lindqvist"
    quote = "“The first shell landed near the vegetable stalls shortly after eight o'clock,” one"
    sentences = [draft.text[s:e] for s, e in split_sentences(draft.text)]
    assert any(quote in sentence for sentence in sentences)  # one sentence across two lines


def test_unpacked_size_guard_counts_content_streams() -> None:
    from desktop.ingest.pdf_guard import unpacked_size_exceeds

    data = justified_article("Title here", "4 March 2022", BODY, "Header")
    assert b"FlateDecode" in data
    assert not unpacked_size_exceeds(data)
    assert unpacked_size_exceeds(data, limit=1000)  # its content streams are bigger than that
