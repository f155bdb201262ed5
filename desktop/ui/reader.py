"""The article reader: the stored text as is, date expressions and citation spans marked.

Citation offsets index the stored Python string; Qt counts UTF-16 units and folds
CRLF into one break, so every offset crossing the boundary goes through `OffsetMap`.
A long article (a 19 MB one froze the window for 20 s in a QTextEdit) is shown one part
of about PAGE characters at a time, cut at line ends; `PagedOffsets` keeps every offset
the rest of the window sees global, and revealing a span opens the part holding it.
"""

from __future__ import annotations

import bisect
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QMouseEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

DATE_BG = QColor("#ffe28a")
ACCEPTED_BG = QColor("#cdeccd")
SUGGESTED_BG = QColor("#dde8fb")
REJECTED_FG = QColor("#999999")
CURRENT = QColor("#e67e22")
CURRENT_BG = QColor("#ffd3a8")
INK = QColor("#1a1a1a")  # dark text on the light marks, also under a dark palette


class OffsetMap:
    """Python string offsets <-> QTextDocument positions for one text."""

    def __init__(self, text: str) -> None:
        self.table: list[int] | None = None
        if "\r" in text or (text and max(text) > "\uffff"):  # max: one C-level pass
            table, q = [], 0
            for i, ch in enumerate(text):
                table.append(q)
                if not (ch == "\r" and text[i + 1 : i + 2] == "\n"):
                    q += 2 if ord(ch) > 0xFFFF else 1
            table.append(q)
            self.table = table

    def to_qt(self, offset: int) -> int:
        if self.table is None:
            return offset
        return self.table[max(0, min(offset, len(self.table) - 1))]

    def to_py(self, position: int) -> int:
        if self.table is None:
            return position
        return bisect.bisect_left(self.table, position)


PAGE = 100_000  # characters per part of a long article: laid out in well under a second


def page_starts(text: str, size: int = PAGE) -> list[int]:
    """Where each part begins: about `size` characters each, cut after a line end."""
    starts, pos = [0], 0
    while len(text) - pos > size:
        cut = text.rfind("\n", pos + size // 2, pos + size)
        pos = cut + 1 if cut != -1 else pos + size
        starts.append(pos)
    return starts


class PagedOffsets:
    """OffsetMap for one part of the text, taking and giving whole-article offsets."""

    def __init__(self, text: str, base: int = 0) -> None:
        self.base, self.length = base, len(text)
        self.inner = OffsetMap(text)

    def to_qt(self, offset: int) -> int:
        return self.inner.to_qt(max(0, min(offset - self.base, self.length)))

    def to_py(self, position: int) -> int:
        return self.base + self.inner.to_py(position)

    def holds(self, start: int, end: int) -> bool:
        return start <= self.base + self.length and end >= self.base


class _TextView(QTextEdit):
    clicked_at = Signal(int)  # a document position clicked without selecting
    annotate = Signal()  # "Event from selection" chosen in the context menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt override
        menu = self.context_menu()
        menu.exec(event.globalPos())

    def context_menu(self) -> QMenu:
        """Copy / Select all, plus "Event from selection" (Ctrl+E) when text is selected."""
        menu = self.createStandardContextMenu()
        first = menu.actions()[0] if menu.actions() else None
        action = QAction("&Event from selection\tCtrl+E", menu)
        action.setToolTip("Make an event citing the selected text, dated from a date in it")
        action.setEnabled(self.textCursor().hasSelection())
        action.triggered.connect(self.annotate)
        menu.insertAction(first, action)
        menu.insertSeparator(first)
        return menu

    def centerCursor(self) -> None:  # noqa: N802 - the QPlainTextEdit name, for QTextEdit
        rect = self.cursorRect()
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.center().y() - self.viewport().height() // 2)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            self.clicked_at.emit(self.cursorForPosition(event.position().toPoint()).position())


class ReaderPanel(QWidget):
    """Shows one article; emits the event whose highlight the user clicked."""

    event_clicked = Signal(int)
    set_date_requested = Signal(int)
    annotate_requested = Signal()  # the reader's "Event from selection"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.article: dict[str, Any] | None = None
        self.marks: list[dict[str, Any]] = []
        self._marks_drawn: list[Any] | None = None  # the marks' highlights, while valid
        self.mentions: list[tuple[int, int]] = []
        self.current_span: tuple[int, int] | None = None
        self.offsets = PagedOffsets("")
        self.starts: list[int] = [0]  # where each part of the article begins
        self.page = 0
        self.header = QLabel("Select an article in the library, or import some (File > Import).")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setAccessibleName("Article header")
        self.date_button = QPushButton("Set date…")
        self.date_button.setAccessibleName("Set this article's publication date")
        self.date_button.setToolTip("This article is undated: set its publication date so its "
                                    "relative dates ('on Friday') can be placed")
        self.date_button.clicked.connect(self._ask_date)
        self.date_button.hide()
        self.text = _TextView()
        self.text.annotate.connect(self.annotate_requested)
        self.text.setReadOnly(True)
        self.text.setAcceptRichText(False)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.text.setAcceptDrops(False)
        # Always there: a scroll bar that comes and goes with each article changes the
        # text's width, and every article was laid out twice (both widths) when shown.
        self.text.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.text.setAccessibleName("Article text")
        self.text.setToolTip("Yellow: date expressions. Green: accepted events' sources. Blue: "
                             "suggestions. Click one to select its event; select text and "
                             "press Ctrl+E to make an event from it.")
        self.text.clicked_at.connect(self._clicked)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.date_button, 0, Qt.AlignmentFlag.AlignTop)
        self.pager = QWidget()
        self.pager_label = QLabel()
        self.previous_button = QPushButton("◂ Previous part")
        self.next_button = QPushButton("Next part ▸")
        self.previous_button.clicked.connect(lambda: self.show_page(self.page - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self.page + 1))
        row = QHBoxLayout(self.pager)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.previous_button)
        row.addWidget(self.pager_label, 1, Qt.AlignmentFlag.AlignCenter)
        row.addWidget(self.next_button)
        self.pager.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.pager)
        layout.addWidget(self.text, 1)

    # -- content ------------------------------------------------------------------------------
    def show_article(self, detail: dict[str, Any] | None, marks: list[dict[str, Any]]) -> None:
        same = (self.article is not None and detail is not None
                and self.article["id"] == detail["id"] and self.article["text"] == detail["text"])
        self.article, self.marks = detail, marks
        self._marks_drawn = None
        if detail is None:
            self.text.clear()
            self.header.setText("No article selected.")
            self.date_button.hide()
            self.mentions = []
            return
        if not same:  # re-showing the same article keeps the scroll position and selection
            self.starts = page_starts(detail["text"])
            self.mentions = []
            self.current_span = None
            self._load_page(0)
        self.header.setText(self._header_html(detail))
        self.date_button.setVisible(detail["published"] is None)
        self._paint()

    def show_page(self, page: int) -> None:
        """Show part `page` of a long article (0-based)."""
        if self.article is not None and 0 <= page < len(self.starts) and page != self.page:
            self._load_page(page)
            self._paint()

    def _load_page(self, page: int) -> None:
        text = self.article["text"] if self.article else ""
        self.page = page
        start = self.starts[page]
        end = self.starts[page + 1] if page + 1 < len(self.starts) else len(text)
        part = text if len(self.starts) == 1 else text[start:end]
        self.offsets = PagedOffsets(part, start)
        self._marks_drawn = None
        self.text.setPlainText(part)
        self._space_paragraphs()
        many = len(self.starts) > 1
        self.pager.setVisible(many)
        if many:
            self.pager_label.setText(f"Part {page + 1} of {len(self.starts)} · characters "
                                     f"{start + 1:,}–{end:,} of {len(text):,}")  # fmt: skip
            self.previous_button.setEnabled(page > 0)
            self.next_button.setEnabled(page + 1 < len(self.starts))

    def _page_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def _space_paragraphs(self) -> None:
        """A little space after each paragraph: formatting only, the text is untouched."""
        cursor = QTextCursor(self.text.document())
        cursor.select(QTextCursor.SelectionType.Document)
        fmt = QTextBlockFormat()
        fmt.setBottomMargin(6)
        cursor.mergeBlockFormat(fmt)

    def set_mentions(self, article_id: int, mentions: list[Any]) -> None:
        """Date expressions found by the tagger (arrives from a worker, maybe late)."""
        if self.article is None or self.article["id"] != article_id:
            return
        self.mentions = [(m.start, m.end) for m in mentions]
        self._paint()

    @staticmethod
    def _header_html(d: dict[str, Any]) -> str:
        from html import escape

        bits = [f"<b>{escape(d['title'] or d['source_file'] or 'Untitled')}</b>"]
        meta = [escape(d["outlet"])] if d.get("outlet") else []
        if d["published"]:
            meta.append(escape(d["published"]))
        else:
            meta.append("<span style='color:#c0392b'><b>undated</b></span>")
        if d.get("source_file"):
            meta.append(escape(d["source_file"]))
        return bits[0] + "<br>" + " · ".join(meta)

    def _cursor(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self.offsets.to_qt(start))
        cursor.setPosition(self.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _selection(self, start: int, end: int, fmt: QTextCharFormat
                   ) -> QTextEdit.ExtraSelection | None:  # fmt: skip
        if not self.offsets.holds(start, end):
            return None  # in another part of a long article
        sel = QTextEdit.ExtraSelection()
        sel.cursor = self._cursor(start, end)  # type: ignore[misc]
        sel.format = fmt  # type: ignore[misc]
        return sel

    @staticmethod
    def _mark_format(status: str) -> QTextCharFormat:
        fmt = QTextCharFormat()
        if status in ("accepted", "manual"):
            fmt.setForeground(INK)
            fmt.setBackground(ACCEPTED_BG)
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(QColor("#2e7d32"))
        elif status == "suggested":
            fmt.setForeground(INK)
            fmt.setBackground(SUGGESTED_BG)
        else:
            fmt.setForeground(REJECTED_FG)
        return fmt

    def _mark_selections(self) -> list[QTextEdit.ExtraSelection | None]:
        """The source spans' highlights, built once per article part and marks: the
        reader repaints on every reveal and tagger result, an article may cite hundreds."""
        if self._marks_drawn is not None:  # dropped when the marks or the part change
            return self._marks_drawn
        formats: dict[str, QTextCharFormat] = {}
        out = []
        # one highlight per span and status, at its last place in the drawing order: an
        # earlier copy is painted over by the later one (events merged from one quote)
        last = {(m["start"], m["end"], m["status"]): i for i, m in enumerate(self.marks)}
        for i, mark in enumerate(self.marks):
            if last[(mark["start"], mark["end"], mark["status"])] != i:
                continue
            fmt = formats.get(mark["status"])
            if fmt is None:
                fmt = formats[mark["status"]] = self._mark_format(mark["status"])
            out.append(self._selection(mark["start"], mark["end"], fmt))
        self._marks_drawn = out
        return out

    def _paint(self) -> None:
        """Source spans first, then the current span, then date phrases on top."""
        selections = list(self._mark_selections())
        if self.current_span is not None:
            current = QTextCharFormat()
            current.setBackground(CURRENT_BG)
            current.setForeground(INK)
            current.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            current.setUnderlineColor(CURRENT)
            selections.append(self._selection(*self.current_span, current))
        phrases = set(self.mentions)
        phrases.update((m["phrase_start"], m["phrase_end"]) for m in self.marks
                       if m["phrase_start"] is not None and m["phrase_end"] is not None)
        date_fmt = QTextCharFormat()
        date_fmt.setBackground(DATE_BG)
        date_fmt.setForeground(INK)
        date_fmt.setFontWeight(600)
        for start, end in sorted(phrases):
            selections.append(self._selection(start, end, date_fmt))
        self.text.setExtraSelections([s for s in selections if s is not None])

    # -- navigation -----------------------------------------------------------------------------
    def reveal(self, start: int, end: int) -> None:
        """Mark a span as the current one and scroll it into the middle of the view.

        It is drawn, not selected: a selection is the user's, for Ctrl+E."""
        self.current_span = (start, end)
        if not self.offsets.holds(start, end):
            self._load_page(self._page_of(start))
        cursor = self._cursor(start, start)
        self.text.setTextCursor(self._cursor(end, end))
        self.text.setTextCursor(cursor)
        self.text.centerCursor()
        self._paint()

    def selection_span(self) -> tuple[int, int] | None:
        cursor = self.text.textCursor()
        if not cursor.hasSelection():
            return None
        return (self.offsets.to_py(cursor.selectionStart()),
                self.offsets.to_py(cursor.selectionEnd()))

    def select_span(self, start: int, end: int) -> None:
        """Programmatic selection, as a user's drag would make (tests, scripting)."""
        if not self.offsets.holds(start, end):
            self._load_page(self._page_of(start))
            self._paint()
        self.text.setTextCursor(self._cursor(start, end))

    def mark_at(self, offset: int) -> dict[str, Any] | None:
        hits = [m for m in self.marks if m["start"] <= offset < m["end"]]
        if not hits:
            return None
        on_phrase = [m for m in hits if m["phrase_start"] is not None
                     and m["phrase_start"] <= offset < m["phrase_end"]]
        return min(on_phrase or hits, key=lambda m: (m["end"] - m["start"], m["event_id"]))

    def _clicked(self, position: int) -> None:
        mark = self.mark_at(self.offsets.to_py(position))
        if mark is not None:
            self.event_clicked.emit(mark["event_id"])

    def _ask_date(self) -> None:
        if self.article is not None:
            self.set_date_requested.emit(self.article["id"])
