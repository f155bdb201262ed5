"""The reader's source highlights: one per span and status, in the order they are drawn."""

from __future__ import annotations

from desktop.ui.reader import OffsetMap, ReaderPanel

TEXT = "On 3 May 2019 the council met. Two days later it voted. Nobody came.\n"


def _mark(i: int, start: int, end: int, status: str) -> dict:
    return {"citation_id": i, "event_id": i, "status": status, "start": start, "end": end,
            "phrase_start": None, "phrase_end": None, "value": None}


def test_one_highlight_per_span_and_status_kept_at_its_last_place(qtbot) -> None:
    reader = ReaderPanel()
    qtbot.addWidget(reader)
    detail = {"id": 1, "title": "Council", "outlet": "", "published": None,
              "source_file": "a.txt", "text": TEXT, "language": "en"}
    # five events merged from one quote, one rejected on the same quote, one elsewhere
    marks = [_mark(i, 0, 30, "accepted") for i in range(5)]
    marks.insert(2, _mark(9, 0, 30, "rejected"))
    marks.append(_mark(10, 31, 55, "suggested"))
    reader.show_article(detail, marks)
    drawn = [(s.cursor.selectionStart(), s.cursor.selectionEnd(),
              s.format.background().color().name()) for s in reader.text.extraSelections()]
    accepted = reader._mark_format("accepted").background().color().name()
    rejected = reader._mark_format("rejected").background().color().name()
    suggested = reader._mark_format("suggested").background().color().name()
    # the rejected mark was drawn before the last accepted copies: it stays under them
    assert drawn == [(0, 30, rejected), (0, 30, accepted), (31, 55, suggested)]


def test_offsets_map_astral_characters_and_crlf() -> None:
    assert OffsetMap("plain text é").table is None
    astral = OffsetMap("a\U0001F600b")
    assert [astral.to_qt(i) for i in range(4)] == [0, 1, 3, 4]
    crlf = OffsetMap("a\r\nb")
    assert crlf.to_qt(3) == 2 and crlf.to_py(2) == 3


def test_the_text_keeps_its_width_from_a_long_article_to_a_short_one(qtbot) -> None:
    """A scroll bar coming and going changed the text's width: every article shown was
    laid out at both widths."""
    reader = ReaderPanel()
    qtbot.addWidget(reader)
    reader.resize(400, 300)
    reader.show()
    qtbot.waitExposed(reader)
    detail = {"id": 1, "title": "Long", "outlet": "", "published": None,
              "source_file": "a.txt", "text": TEXT * 60, "language": "en"}
    reader.show_article(detail, [])
    qtbot.wait(10)
    long_width = reader.text.viewport().width()
    reader.show_article({**detail, "id": 2, "title": "Short", "text": TEXT}, [])
    qtbot.wait(10)
    assert reader.text.viewport().width() == long_width
