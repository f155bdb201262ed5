"""Arabic articles in the window: right-to-left reading, Ctrl+E on a selection with
exact offsets, titles isolated in the left-to-right views."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QHeaderView

from desktop.services.importing import import_paths
from desktop.services.library import event_detail
from desktop.services.queries import article_detail
from desktop.store import open_workspace
from desktop.ui.bidi import FSI, PDI, isolated, right_to_left
from desktop.ui.timeline.model import label_of

DATA = Path(__file__).resolve().parent.parent / "data" / "languages"


def _window(make_window, workspace_path: Path):
    ws = open_workspace(workspace_path)
    import_paths(ws, [DATA / "ar", DATA / "en"], jobs=1)
    ws.close()
    return make_window(workspace_path)


def _open(qtbot, window, name: str) -> dict:
    row = next(r for r in window.library.model.rows if r["source_file"] == name)
    window.library.select(row["id"])
    qtbot.waitUntil(lambda: window.reader.article and window.reader.article["id"] == row["id"])
    return article_detail(window.ws, row["id"])


def test_an_arabic_article_reads_right_to_left_and_ctrl_e_cites_exactly(
    qtbot, make_window, workspace_path: Path
) -> None:
    window = _window(make_window, workspace_path)
    article = _open(qtbot, window, "ar-04.txt")
    assert article["language"] == "ar"  # detected on import, shown in Article details
    block = window.reader.text.document().firstBlock()
    assert block.textDirection() == Qt.LayoutDirection.RightToLeft
    quote = "افتتح وزير النقل جسراً جديداً فوق نهر الفرات في ١٢ أيلول/سبتمبر ٢٠٢٣"
    start = article["text"].index(quote)
    window.reader.select_span(start, start + len(quote))
    assert window.reader.selection_span() == (start, start + len(quote))
    before = {e.id for e in window.events}
    window.activateWindow()
    window.reader.text.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.reader.text)
    qtbot.keyClick(window.reader.text, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    (new,) = [e for e in window.events if e.id not in before]
    event = event_detail(window.ws, new.id)
    (citation,) = event["citations"]
    assert (citation["start"], citation["end"]) == (start, start + len(quote))
    assert citation["quote"] == quote
    assert citation["date_phrase"] == "١٢ أيلول/سبتمبر ٢٠٢٣"
    assert event["start"].to_timex() == "2023-09-12"
    title = window.editor.title
    assert title.text() == quote and title.cursorPosition() == 0  # its start in view


def test_titles_are_isolated_in_left_to_right_views(qtbot, make_window,
                                                    workspace_path: Path) -> None:  # fmt: skip
    window = _window(make_window, workspace_path)
    model = window.review.model
    rows = [r for r in window.events if right_to_left(r.title)]
    assert rows, "the Arabic suggestions are in the window"
    shown = [model.data(model.index(i, 3)) for i in range(model.rowCount())]
    arabic = [s for s in shown if right_to_left(s)]
    assert arabic and all(s.startswith(FSI) and s.endswith(PDI) for s in arabic)
    assert "A second convoy is expected" in shown  # English titles unchanged
    assert isolated("Aid convoy") == "Aid convoy"
    assert right_to_left("٣ آذار: وصول القافلة") and not right_to_left("3 March: قافلة")


def test_a_qualified_arabic_label_keeps_its_date_outside_the_isolate() -> None:
    from dataclasses import dataclass

    @dataclass
    class Row:
        title: str = "وكانت درجات الحرارة قد انخفضت"
        qualifier: str = "late"
        start: object = object()

        def date_text(self) -> str:
            return "late Feb 2022"

    assert label_of(Row()) == f"late Feb 2022 · {FSI}وكانت درجات الحرارة قد انخفضت{PDI}"


def _laid_out(view, column: int, title_of) -> tuple[list, list]:
    """(cell, text rect) pairs for the Arabic and the English rows of a title column."""
    delegate = view.itemDelegateForColumn(column)
    model = view.model()
    arabic, english = [], []
    for row in range(model.rowCount()):
        index = model.index(row, column)
        cell = view.visualRect(index)
        if cell.isEmpty():
            continue  # scrolled out of view vertically
        pair = (cell, delegate.text_rect(cell, index.data()))
        (arabic if right_to_left(title_of(index)) else english).append(pair)
    return arabic, english


def test_an_arabic_title_starts_inside_the_view_when_its_column_runs_past_the_edge(
    qtbot, make_window, workspace_path: Path
) -> None:
    """An Arabic title starts at its right end: a column wider than the view hid that
    start past the edge (the 1280x720 queue); the text is laid out in the visible part."""
    window = _window(make_window, workspace_path)
    for view, column in ((window.review.view, 3), (window.table.view, 2)):
        header = view.horizontalHeader()
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, 900)
        view.horizontalScrollBar().setValue(0)
        qtbot.waitUntil(lambda v=view: v.model().rowCount() > 0)
        edge = view.viewport().rect().right()
        arabic, english = _laid_out(view, column, lambda i: i.data() or "")
        assert arabic and english
        for cell, rect in arabic:
            assert cell.right() > edge  # the column runs past the view ...
            assert rect.right() <= edge and rect.left() == cell.left()  # ... its text does not
        assert all(rect == cell for cell, rect in english)  # left-to-right cells untouched
