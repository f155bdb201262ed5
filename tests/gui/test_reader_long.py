"""A long article in the reader: shown part by part, offsets stay whole-article offsets.

Before, a 19 MB article was laid out in one QTextEdit and froze the window for 15-26 s
(benchmarks/reader_bench.py measures the opening time now).
"""

from __future__ import annotations

from pathlib import Path

from desktop.services import library as lib
from desktop.services.importing import import_paths
from desktop.store import open_workspace
from desktop.ui.reader import PAGE, page_starts

FILLER = "Residents of the district queued for bread and water again this morning.\n"
LAST = "On September 7, 2018, the council of Ariha met in emergency session."


def test_page_starts_cut_after_line_ends() -> None:
    text = ("x" * 99 + "\n") * 50
    starts = page_starts(text, 1000)
    assert starts[0] == 0 and all(text[s - 1] == "\n" for s in starts[1:])
    assert all(0 < b - a <= 1000 for a, b in zip(starts, starts[1:], strict=False))
    assert page_starts("short") == [0]
    assert page_starts("y" * 2500, 1000) == [0, 1000, 2000]  # no line end: cut anyway


def test_a_long_article_is_shown_in_parts(qtbot, make_window, tmp_path: Path) -> None:
    text = ("Long report\n\nIDLIB, Syria, September 9, 2018 - " + FILLER * 16_000 + LAST + "\n")
    assert len(text) > 10 * PAGE
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "long.txt").write_text(text, encoding="utf-8")
    path = tmp_path / "w.chronologue"
    ws = open_workspace(path)
    assert import_paths(ws, [tmp_path / "src"], suggest=False).count("imported") == 1
    ws.close()
    window = make_window(path)
    reader = window.reader
    article_id = lib.library_rows(window.ws)[0]["id"]
    window.show_article(article_id)
    assert reader.pager.isVisible() and reader.pager_label.text().startswith("Part 1 of ")
    assert len(reader.text.toPlainText()) <= PAGE
    assert not reader.previous_button.isEnabled() and reader.next_button.isEnabled()

    start = text.index(LAST)
    window.feed.jump_to(article_id, start, start + len(LAST))  # as selecting its event does
    assert reader.page == len(reader.starts) - 1
    shown = reader.text.toPlainText()
    assert LAST in shown and reader.next_button.isEnabled() is False
    reader.select_span(start, start + len(LAST))
    assert reader.selection_span() == (start, start + len(LAST))
    assert reader.text.textCursor().selectedText() == LAST
    window.event_actions.annotate_selection()  # Ctrl+E: an event citing exactly that span
    new = [m for m in lib.article_marks(window.ws, article_id) if m["start"] == start]
    assert new and new[0]["end"] == start + len(LAST)
    reader.previous_button.click()
    assert reader.page == len(reader.starts) - 2 and LAST not in reader.text.toPlainText()
