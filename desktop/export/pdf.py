"""The PDF export: a vector timeline (one page or tiled across several) and its sources.

QPdfWriter embeds the subset of DejaVu Sans it uses, so text stays selectable and
searchable, and the file opens the same on any machine. The file is written to a
temporary name and renamed at the end; progress and cancel are polled between pages
and every few dozen source entries, so the window can show a bar and a Cancel button.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from desktop import __version__
from desktop.export.atomic import WriteFailed, atomic_stream
from desktop.export.chart import Chart
from desktop.export.checks import pdf_check
from desktop.export.density import Crowding, crowding, draw_density
from desktop.export.device import memory_device
from desktop.export.header import draw_header
from desktop.export.pagesize import parse_page
from desktop.export.qtkit import FAINT, INK, MUTED, Fonts, ensure_app
from desktop.export.selection import ExportData, ExportOptions, gather
from desktop.export.sources import SourcesFlow, draw_heading
from desktop.layout.tiles import tiles
from desktop.store import Workspace

Progress = Callable[[int, int], None]
ShouldCancel = Callable[[], bool]
DPI = 1200
MM = DPI / 25.4


class ExportCancelled(Exception):
    """The user cancelled; nothing was written."""


@dataclass
class ExportResult:
    path: Path
    pages: int
    timeline_pages: int
    source_pages: int
    events: int
    warning: str = ""  # e.g. too many events to draw: a density strip was drawn instead


def export_pdf(
    ws: Workspace,
    path: Path | str,
    options: ExportOptions | None = None,
    *,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> ExportResult:
    """Gather the events `options` select and write them as a PDF at `path`."""
    options = options or ExportOptions()
    return render_pdf(gather(ws, options), path, options, progress=progress,
                      should_cancel=should_cancel)  # fmt: skip


def render_pdf(
    data: ExportData,
    path: Path | str,
    options: ExportOptions,
    *,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> ExportResult:
    """Write already gathered data (the UI gathers on its own thread, then renders)."""
    ensure_app()
    w_mm, h_mm = parse_page(options.page, options.landscape)
    target = Path(path)
    pages = [0]  # known once painted; the check runs after
    with atomic_stream(target, lambda tmp: pdf_check(pages[0])(tmp)) as sink, \
            memory_device(sink) as device:
        writer = QPdfWriter(device)
        writer.setResolution(DPI)
        size = QPageSize(QSizeF(w_mm, h_mm), QPageSize.Unit.Millimeter, options.page,
                         QPageSize.SizeMatchPolicy.ExactMatch)  # fmt: skip
        writer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF()))
        writer.setTitle(data.title)
        writer.setAuthor(data.author)
        writer.setCreator(f"Chronologue {__version__}")
        painter = QPainter(writer)
        if not painter.isActive():
            raise WriteFailed(target, "Qt could not start writing the PDF")
        ended = False
        try:
            doc = _Document(painter, writer, data, options, w_mm, h_mm, progress, should_cancel)
            result = doc.run()
        finally:
            if painter.isActive():
                ended = painter.end()
        if not ended:
            raise WriteFailed(target, "Qt could not finish the PDF")
        pages[0] = result.pages
        result.path = target
    return result


def pdf_crowding(data: ExportData, options: ExportOptions) -> Crowding | None:
    """Whether the PDF's timeline would be too crowded to read (for the export dialog)."""
    ensure_app()
    w_mm, h_mm = parse_page(options.page, options.landscape)
    probe = QImage(1, 1, QImage.Format.Format_ARGB32)
    dpm = round(DPI / 0.0254)
    probe.setDotsPerMeterX(dpm)
    probe.setDotsPerMeterY(dpm)
    doc = _Document(QPainter(), probe, data, options, w_mm, h_mm, None, None)  # type: ignore[arg-type]
    chart, _, _ = doc.plan()
    return crowding(chart, doc.k) if options.overview != "chart" else None


class _Document:
    def __init__(self, p: QPainter, writer: QPdfWriter, data: ExportData, options: ExportOptions,
                 w_mm: float, h_mm: float, progress, should_cancel) -> None:  # fmt: skip
        self.p, self.writer, self.data, self.options = p, writer, data, options
        self.k = DPI / 72.0
        self.fonts = Fonts(writer)
        self.page_w, self.page_h = w_mm * MM, h_mm * MM
        margin = (10 if min(w_mm, h_mm) < 180 else 14) * MM
        self.left, self.top = margin, margin
        self.width = self.page_w - 2 * margin
        self.footer_top = self.page_h - margin
        self.progress, self.should_cancel = progress, should_cancel
        self.page_no = 0
        self.total_pages = 0
        self.crowded: Crowding | None = None  # set by run() when the chart is unreadable

    def _tick(self, done: int, total: int) -> None:
        if self.should_cancel is not None and self.should_cancel():
            self.p.end()
            raise ExportCancelled("export cancelled")
        if self.progress is not None:
            self.progress(done, total)

    def plan(self) -> tuple[Chart, list[tuple[float, float]], float]:
        """The chart laid out for the page(s), its page windows and where it starts."""
        k, f, d = self.k, self.fonts, self.data
        head_h = draw_header(None, f, k, d, self.left, self.top, self.width,
                             legend=self.options.legend)  # fmt: skip
        chart_top = self.top + head_h + 4 * k
        avail = self.footer_top - 14 * k - chart_top
        n_tiles = max(1, self.options.tiles)
        probe = Chart(d, f, k, 100.0, breaks=self.options.breaks, max_height=None)
        page_plot = self.width - probe.lane_width
        overlap = page_plot * 0.08 if n_tiles > 1 else 0.0
        total_w = n_tiles * page_plot - (n_tiles - 1) * overlap
        chart = Chart(d, f, k, total_w, breaks=self.options.breaks,
                      max_height=avail - probe.axis_height)  # fmt: skip
        return chart, tiles(0.0, total_w, page_plot, overlap), chart_top

    def run(self) -> ExportResult:
        k, f, d = self.k, self.fonts, self.data
        chart, windows, chart_top = self.plan()
        self.crowded = crowding(chart, k) if self.options.overview != "chart" else None
        flow = blocks = pages = None
        if (self.options.sources or self.crowded) and d.events:  # the list carries them
            flow, blocks, pages = self._flow_sources()
        self.total_pages = len(windows) + (len(pages) if pages else 0)
        total = len(windows) + (len(blocks) if blocks else 0)
        for i, window in enumerate(windows):
            self._tick(i, total)
            self._new_page()
            if i == 0:
                draw_header(self.p, f, k, d, self.left, self.top, self.width,
                            legend=self.options.legend)  # fmt: skip
                top = chart_top
            else:
                top = self._continuation_header(i, len(windows))
            if self.crowded is not None:
                used = draw_density(self.p, chart, self.left, top, window)
                self._crowded_note(top + used + 8 * k)
                continue
            marks = []
            if i > 0:
                marks.append((windows[i - 1][1], f"◂ p. {i}"))
            if i + 1 < len(windows):
                marks.append((windows[i + 1][0], f"p. {i + 2} ▸"))
            chart.draw(self.p, self.left, top, window, marks=marks)
        done = len(windows)
        for page in pages or []:
            self._new_page()
            for block, rect in page:
                if done % 50 == 0:
                    self._tick(done, total)
                flow.draw(self.p, block, rect)  # type: ignore[union-attr]
                done += 1
            if page is pages[0]:
                draw_heading(self.p, f, k, self.left, self.top, self.width)
        self._tick(total, total)
        warning = self.crowded.message(self.options.page) if self.crowded else ""
        return ExportResult(Path(), self.total_pages, len(windows), len(pages or []),
                            len(d.events), warning)  # fmt: skip

    def _crowded_note(self, top: float) -> None:
        f, k, c = self.fonts, self.k, self.crowded
        assert c is not None
        self.p.setFont(f.meta)
        self.p.setPen(INK)
        text = (c.message(self.options.page)
                + " Every event is listed by number in the sources that follow.")
        self.p.drawText(QRectF(self.left, top, self.width, 60 * k),
                        int(Qt.TextFlag.TextWordWrap), text)

    def _flow_sources(self):
        k = self.k
        gap = 8 * self.k
        ncols = max(1, int((self.width + gap) // (105 * MM + gap)))
        col_w = (self.width - gap * (ncols - 1)) / ncols
        flow = SourcesFlow(self.data, self.fonts, k, col_w)
        blocks = flow.blocks()
        heading = draw_heading(None, self.fonts, k, self.left, self.top, self.width)
        bottom = self.footer_top - 8 * k

        def columns(top: float) -> list[QRectF]:
            return [QRectF(self.left + i * (col_w + gap), top, col_w, bottom - top)
                    for i in range(ncols)]  # fmt: skip

        pages = flow.paginate(blocks, columns(self.top + heading), columns(self.top))
        return flow, blocks, pages

    def _new_page(self) -> None:
        if self.page_no > 0:
            self.writer.newPage()
        self.page_no += 1
        self._footer()

    def _continuation_header(self, index: int, count: int) -> float:
        f, k = self.fonts, self.k
        self.p.setFont(f.lane)
        self.p.setPen(INK)
        text = f.elided(f.lane, f"{self.data.title} — timeline, part {index + 1} of {count}",
                        self.width)  # fmt: skip
        self.p.drawText(QPointF(self.left, self.top + f.metrics(f.lane).ascent()), text)
        return self.top + f.height(f.lane) + 6 * k

    def _footer(self) -> None:
        f, k, p = self.fonts, self.k, self.p
        y = self.footer_top
        p.setPen(QPen(FAINT, 0.5 * k))
        p.drawLine(QPointF(self.left, y - 2 * k), QPointF(self.left + self.width, y - 2 * k))
        p.setFont(f.footer)
        p.setPen(MUTED)
        base = y + f.metrics(f.footer).ascent() + 1 * k
        right = f"Page {self.page_no} of {self.total_pages}"
        rw = f.width(f.footer, right)
        left = (f"{self.data.title}  ·  exported {self.data.exported_at:%-d %b %Y %H:%M} "
                f"with Chronologue {__version__}")  # fmt: skip
        p.drawText(QPointF(self.left, base), f.elided(f.footer, left, self.width - rw - 20 * k))
        p.drawText(QPointF(self.left + self.width - rw, base), right)
