"""The sources section: per numbered event its date, title, and each citing article.

This is what makes the PDF fileable: every mark on the timeline points here, and every
entry gives the quoted sentence with the article's title, outlet, date and URL. Blocks
are measured first, then flowed into columns and pages, so the page count is known
before drawing and footers can say "page 3 of 7".
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath

from desktop.export.qtkit import INK, MUTED, WARN, Fonts
from desktop.export.selection import ExportData, ExportEvent, SourceRef
from desktop.layout.bidi import isolated

WRAP = int(Qt.TextFlag.TextWordWrap)
ANYWHERE = int(Qt.TextFlag.TextWrapAnywhere)


def citation_line(s: SourceRef) -> str:
    """Article title — outlet, publication date. Date from "phrase" (value)."""
    parts = [isolated(s.article_title)]
    where = ", ".join(x for x in (s.outlet, s.published.strftime("%-d %b %Y") if s.published
                                  else "undated") if x)  # fmt: skip
    line = f"{parts[0]} — {where}."
    if s.date_phrase:
        line += f" Date from “{isolated(s.date_phrase)}”" + (f" ({s.value})." if s.value else ".")
    return line


def entities_line(e: ExportEvent) -> str:
    """ "Actors: Turkey (subject), HTS (object). Places: Saraqeb." or "" when none."""
    out = []
    if e.actors:
        out.append("Actors: " + ", ".join(f"{n} ({r})" if r else n for n, r in e.actors) + ".")
    if e.places:
        out.append("Places: " + ", ".join(e.places) + ".")
    return " ".join(out)


@dataclass
class Block:
    """A piece of the section that is never split across columns."""

    event: ExportEvent
    source: SourceRef | None
    height: float
    keep_with_next: bool
    parts: list[tuple[str, float]]  # (text, height) in drawing order


class SourcesFlow:
    """Measures blocks for a column width and lays them out into page columns."""

    def __init__(self, data: ExportData, fonts: Fonts, k: float, col_width: float) -> None:
        self.data, self.f, self.k, self.width = data, fonts, k, col_width
        self.indent = 22 * k
        self.text_width = col_width - self.indent

    def blocks(self) -> list[Block]:
        f, k, w = self.f, self.k, self.text_width
        out = []
        for e in self.data.events:
            head = f"{e.when} — {isolated(e.title)}"
            parts = [(head, f.wrapped_height(f.entry, head, w))]
            if e.conflict:
                note = "Sources disagree on the date."
                parts.append((note, f.wrapped_height(f.cite, note, w)))
            if e.redated:
                note = f"Re-dated by the analyst: the sources say {e.redated}."
                parts.append((note, f.wrapped_height(f.cite, note, w)))
            who = entities_line(e)
            if who:
                parts.append((who, f.wrapped_height(f.cite, who, w)))
            h = sum(x for _, x in parts) + 2 * k
            out.append(Block(e, None, h, bool(e.sources), parts))
            if not e.sources:
                note = "Hand-made event; no source article."
                if e.description and e.description != e.title:
                    note += f" Note: {e.description}"
                nh = f.wrapped_height(f.cite, note, w)
                out[-1].parts.append((note, nh))
                out[-1].height += nh + 6 * k
                continue
            for i, s in enumerate(e.sources):
                quote = f"“{isolated(s.quote.strip())}”"
                cite = citation_line(s)
                parts = [(quote, f.wrapped_height(f.quote, quote, w)),
                         (cite, f.wrapped_height(f.cite, cite, w))]  # fmt: skip
                if s.url:
                    parts.append((s.url, f.wrapped_height(f.cite, s.url, w, anywhere=True)))
                last = i == len(e.sources) - 1
                h = sum(x for _, x in parts) + (2 * k if not last else 8 * k) + k
                out.append(Block(e, s, h, False, parts))
        return out

    def paginate(
        self, blocks: list[Block], first: list[QRectF], rest: list[QRectF]
    ) -> list[list[tuple[Block, QRectF]]]:
        """Pages of (block, rect): the first page's columns, then `rest` columns per page."""
        pages: list[list[tuple[Block, QRectF]]] = [[]]
        columns = list(first)
        col = 0
        y = columns[0].top()
        for i, b in enumerate(blocks):
            need = b.height
            if b.keep_with_next and i + 1 < len(blocks):
                need += blocks[i + 1].height
            rect = columns[col]
            if y + need > rect.bottom() and y > rect.top():
                col += 1
                if col >= len(columns):
                    pages.append([])
                    columns, col = list(rest), 0
                rect = columns[col]
                y = rect.top()
            pages[-1].append((b, QRectF(rect.left(), y, rect.width(), b.height)))
            y += b.height
        return pages

    def draw(self, p: QPainter, block: Block, rect: QRectF) -> None:
        f, k = self.f, self.k
        x, y = rect.left() + self.indent, rect.top()
        e = block.event
        if block.source is None:
            self._number(p, rect.left(), y, e)
            fonts = [(f.entry, INK, WRAP)]
            if e.conflict:
                fonts.append((f.cite, WARN, WRAP))
            fonts += [(f.cite, MUTED, WRAP)] * (len(block.parts) - len(fonts))
        else:
            fonts = [(f.quote, INK, WRAP), (f.cite, MUTED, WRAP), (f.cite, MUTED, ANYWHERE)]
        for (text, h), (font, color, flags) in zip(block.parts, fonts, strict=False):
            p.setFont(font)
            p.setPen(color)
            p.drawText(QRectF(x, y, self.text_width, h + 1 * k), flags, text)
            y += h + (1.5 * k if block.source is None else 0.5 * k)

    def _number(self, p: QPainter, x: float, y: float, e: ExportEvent) -> None:
        f, k = self.f, self.k
        text = str(e.number)
        w = max(f.width(f.number, text) + 5 * k, 11 * k)
        h = 10 * k
        pill = QRectF(x, y + 0.5 * k, w, h)
        path = QPainterPath()
        path.addRoundedRect(pill, h / 2, h / 2)
        p.fillPath(path, QColor(e.color or self.data.lane_color(e.lane)))
        p.setFont(f.number)
        p.setPen(Qt.GlobalColor.white)
        p.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)


def draw_heading(p: QPainter | None, f: Fonts, k: float, left: float, top: float,
                 width: float) -> float:  # fmt: skip
    """The section title and one line on how to read it; returns its height."""
    intro = ("Each numbered event on the timeline, with the sentence that dates it and the "
             "article it comes from.")  # fmt: skip
    h1 = f.height(f.heading)
    h2 = f.wrapped_height(f.meta, intro, width)
    if p is not None:
        p.setFont(f.heading)
        p.setPen(INK)
        p.drawText(QPointF(left, top + f.metrics(f.heading).ascent()), "Sources")
        p.setFont(f.meta)
        p.setPen(MUTED)
        p.drawText(QRectF(left, top + h1 + 1 * k, width, h2), WRAP, intro)
    return h1 + h2 + 10 * k
