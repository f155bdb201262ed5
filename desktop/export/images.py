"""PNG and SVG of the timeline: the title block and the chart, sized to their content.

The same Chart as the PDF draws them, so a slide or a web page shows exactly what the
filed PDF shows. SVG keeps text as text (searchable, editable in Inkscape).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from desktop.export.atomic import WriteFailed, atomic_stream
from desktop.export.chart import Chart
from desktop.export.checks import png_check, svg_check
from desktop.export.device import memory_device
from desktop.export.header import draw_header
from desktop.export.qtkit import Fonts, ensure_app
from desktop.export.selection import ExportData, ExportOptions
from desktop.export.targets import MAX_WIDTH, MIN_WIDTH

PNG_DPI = 144.0
MAX_PNG_HEIGHT = 16000
MAX_PIXELS = 40_000_000  # 160 MB of ARGB: the most one PNG export may hold in memory


@dataclass
class ImageResult:
    path: Path
    width: int
    height: int
    events: int


def _plan(data: ExportData, fonts: Fonts, k: float, width: float, options: ExportOptions,
          max_height: float | None):  # fmt: skip
    margin = 18 * k
    content = width - 2 * margin
    head = draw_header(None, fonts, k, data, margin, margin, content, legend=options.legend)
    probe = Chart(data, fonts, k, 100.0, breaks=options.breaks)
    limit = None if max_height is None else max_height - head - 2 * margin - probe.axis_height
    chart = Chart(data, fonts, k, content - probe.lane_width, breaks=options.breaks,
                  max_height=limit)  # fmt: skip
    height = margin + head + 6 * k + chart.height + margin
    return margin, content, chart, height


def _paint(p: QPainter, data, fonts, k, margin, content, chart: Chart, options) -> None:
    head = draw_header(p, fonts, k, data, margin, margin, content, legend=options.legend)
    chart.draw(p, margin, margin + head + 6 * k, (0.0, chart.plot_width))


def render_png(data: ExportData, path: Path | str, options: ExportOptions) -> ImageResult:
    """A white-background PNG `options.image_width` pixels wide at 144 dpi."""
    ensure_app()
    k = PNG_DPI / 72.0
    width = min(max(int(options.image_width), MIN_WIDTH), MAX_WIDTH)
    probe = QImage(1, 1, QImage.Format.Format_ARGB32)
    _set_dpi(probe)
    fonts = Fonts(probe)
    tallest = min(MAX_PNG_HEIGHT, MAX_PIXELS // width)
    margin, content, chart, height = _plan(data, fonts, k, width, options, tallest)
    image = QImage(width, int(height) + 1, QImage.Format.Format_ARGB32)
    _set_dpi(image)
    image.fill(QColor("white"))
    fonts = Fonts(image)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    _paint(p, data, fonts, k, margin, content, chart, options)
    p.end()
    target = Path(path)
    with atomic_stream(target, png_check) as sink, memory_device(sink) as device:
        saved = image.save(device, "PNG")
        if not saved:
            raise WriteFailed(target, "Qt could not encode the PNG")
    return ImageResult(Path(path), image.width(), image.height(), len(data.events))


def _set_dpi(image: QImage) -> None:
    dpm = round(PNG_DPI / 0.0254)
    image.setDotsPerMeterX(dpm)
    image.setDotsPerMeterY(dpm)


def render_svg(data: ExportData, path: Path | str, options: ExportOptions) -> ImageResult:
    """An SVG in points (72 per inch), half as many points wide as the PNG has pixels."""
    ensure_app()
    width = min(max(int(options.image_width), MIN_WIDTH), MAX_WIDTH) / 2
    target = Path(path)
    with atomic_stream(target, svg_check) as sink, memory_device(sink) as device:
        gen = QSvgGenerator()
        gen.setOutputDevice(device)
        gen.setResolution(72)
        gen.setTitle(data.title)
        gen.setDescription(data.subtitle or "Timeline exported by Chronologue")
        fonts = Fonts(gen)
        k = 1.0
        margin, content, chart, height = _plan(data, fonts, k, width, options, None)
        size = QSize(int(width), int(height) + 1)
        gen.setSize(size)
        gen.setViewBox(QRectF(0, 0, size.width(), size.height()))
        p = QPainter(gen)
        if not p.isActive():
            raise WriteFailed(target, "Qt could not start writing the SVG")
        p.fillRect(QRectF(0, 0, size.width(), size.height()), QColor("white"))
        _paint(p, data, fonts, k, margin, content, chart, options)
        ended = p.end()
        if not ended:
            raise WriteFailed(target, "Qt could not finish the SVG")
    return ImageResult(Path(path), size.width(), size.height(), len(data.events))
