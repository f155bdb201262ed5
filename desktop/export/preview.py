"""Small previews of an export, drawn by the very painters that write the files.

The export dialog shows these (QtPdf is not in PySide6-Essentials, so a PDF cannot be
read back): the PDF's first page, or the PNG/SVG image, scaled into a QImage. Nothing is
written to disk; this runs on a worker thread (QImage painting is thread-safe).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter

from desktop.export import images
from desktop.export.pagesize import parse_page
from desktop.export.pdf import DPI, MM, ExportCancelled, _Document
from desktop.export.qtkit import Fonts, ensure_app
from desktop.export.selection import ExportData, ExportOptions


class _FirstPageDone(Exception):
    """Raised when the document asks for a second page: the preview has what it needs."""


class _PageImage(QImage):
    """A QImage that stands in for the QPdfWriter; asking for page 2 ends the preview."""

    def newPage(self) -> bool:  # noqa: N802 - QPdfWriter's name
        raise _FirstPageDone


def _blank(width: int, height: int, dpi: float, cls: type[QImage] = QImage) -> QImage:
    image = cls(max(1, width), max(1, height), QImage.Format.Format_ARGB32_Premultiplied)
    dpm = round(dpi / 0.0254)
    image.setDotsPerMeterX(dpm)  # fonts measure as on the real device
    image.setDotsPerMeterY(dpm)
    image.fill(QColor("white"))
    return image


def _painter(image: QImage, scale: float) -> QPainter:
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    p.scale(scale, scale)
    return p


def page_preview(data: ExportData, options: ExportOptions, width: int = 640,
                 should_cancel: Callable[[], bool] | None = None) -> QImage:
    """The PDF's first page, `width` pixels wide (ValueError for a bad page size)."""
    ensure_app()
    w_mm, h_mm = parse_page(options.page, options.landscape)
    scale = width / (w_mm * MM)
    image = _blank(width, round(h_mm * MM * scale), DPI, _PageImage)
    p = _painter(image, scale)
    try:
        _Document(p, image, data, options, w_mm, h_mm, None, should_cancel).run()  # type: ignore[arg-type]
    except _FirstPageDone:
        pass
    finally:
        if p.isActive():
            p.end()
    if should_cancel is not None and should_cancel():
        raise ExportCancelled("preview cancelled")
    return QImage(image)  # a plain QImage: the subclass must not leave this module


def image_preview(data: ExportData, options: ExportOptions, width: int = 640,
                  max_height: int = 2400) -> QImage:
    """The PNG/SVG export (title block and chart) scaled to `width` pixels."""
    ensure_app()
    k = images.PNG_DPI / 72.0
    full = max(int(options.image_width), 400)
    probe = _blank(1, 1, images.PNG_DPI)
    fonts = Fonts(probe)
    margin, content, chart, height = images._plan(data, fonts, k, full, options,
                                                  images.MAX_PNG_HEIGHT)
    scale = width / full
    image = _blank(width, min(round(height * scale) + 1, max_height), images.PNG_DPI)
    p = _painter(image, scale)
    try:
        images._paint(p, data, Fonts(image), k, margin, content, chart, options)
    finally:
        p.end()
    return image


def empty_preview(text: str, width: int = 640, height: int = 420) -> QImage:
    """A page with a short message (no events, or a tabular format)."""
    ensure_app()
    image = _blank(width, height, 96)
    p = QPainter(image)
    p.setPen(QColor("#5B6470"))
    p.drawText(image.rect().adjusted(24, 24, -24, -24),
               int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), text)
    p.end()
    return image


__all__ = ["empty_preview", "image_preview", "page_preview"]
