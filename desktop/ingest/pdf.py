"""PDF -> article text via the PDF's own text layer (no OCR), read with PDFium.

pypdfium2 (Chrome's PDF engine) keeps word spacing where words are only placed apart
and is ten times faster than the pure-Python extractors (benchmarks/pdf_bench.py);
pdf_layout turns its positioned lines into paragraphs. Every failure of a damaged
file becomes one plain IngestError so that one bad file never stops an import.
"""

from __future__ import annotations

import re

from desktop.ingest.dateline import parse_iso_date
from desktop.ingest.draft import ArticleDraft, IngestError
from desktop.ingest.metadata import clean_value, detect_metadata, fill_missing
from desktop.ingest.pdf_guard import MAX_UNPACKED, unpacked_size_exceeds
from desktop.ingest.pdf_layout import Line, drop_furniture, paragraphs

NO_TEXT_MESSAGE = "the PDF has no text layer (scanned image?)"
_REASON_CHARS = 120
_PLACEHOLDER_TITLE = re.compile(
    r"^(?:microsoft (?:word|powerpoint) - .*|untitled.*|.*\.(?:docx?|odt|rtf|pdf|txt))$", re.I
)
_PLACEHOLDER_AUTHOR = frozenset({"anonymous", "unknown", "user", "admin", "administrator"})


def short_reason(exc: BaseException) -> str:
    """A one-line, length-capped description of an exception for the user."""
    reason = " ".join(str(exc).split()) or type(exc).__name__
    return reason if len(reason) <= _REASON_CHARS else reason[: _REASON_CHARS - 1] + "…"


def _damaged(exc: BaseException) -> IngestError:
    return IngestError(f"the PDF is damaged or unreadable: {short_reason(exc)}")


def _page_lines(page) -> list[Line]:  # noqa: ANN001 - a pypdfium2 page
    """The page's text lines with their positions (PDFium's own line breaks).

    PDFium joins a word hyphenated at a line end into one line with U+FFFE where
    the hyphen was; that is split back into two lines, the first ending in "-".
    """
    import pypdfium2.raw as pdfium_c

    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range().replace("\x00", " ")
        if len(text) != textpage.count_chars():  # no usable character boxes: text only
            return [Line(part.strip(), 0, 1, -i, 1) for i, part in
                    enumerate(text.splitlines()) if part.strip()]  # fmt: skip
        lines: list[Line] = []
        index = 0
        for raw in re.split(r"(?<=\ufffe)|\r\n", text):
            stripped = raw.replace("\ufffe", "-").strip()
            if stripped:
                first = index + (len(raw) - len(raw.lstrip()))
                last = index + len(raw.rstrip()) - 1
                x0, y0, _, _ = textpage.get_charbox(first)
                _, _, x1, _ = textpage.get_charbox(last)
                size = pdfium_c.FPDFText_GetFontSize(textpage.raw, first)
                lines.append(Line(stripped, x0, x1, y0, max(size, 1.0)))
            index += len(raw) + (0 if raw.endswith("\ufffe") else 2)
        return lines
    finally:
        textpage.close()


def _read(data: bytes) -> tuple[list[list[Line]], dict[str, str]]:
    import pypdfium2 as pdfium  # imported lazily: only PDF imports pay for it

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise IngestError(
                "the PDF is password-protected; save an unprotected copy first"
            ) from None
        raise _damaged(exc) from None
    try:
        pages = []
        for page in document:
            try:
                pages.append(_page_lines(page))
            finally:
                page.close()
        try:
            info = {k: v for k, v in document.get_metadata_dict().items() if isinstance(v, str)}
        except (pdfium.PdfiumError, ValueError, UnicodeError):
            info = {}
    finally:
        document.close()
    return pages, info


def parse_pdf(data: bytes, *, source_file: str | None, source_format: str) -> ArticleDraft:
    """Read a PDF's text layer as paragraphs, and /Title, /Author, /CreationDate."""
    if b"%PDF-" not in data[:1024]:
        raise IngestError("the PDF is damaged or unreadable: it does not start like a PDF")
    if unpacked_size_exceeds(data):
        raise IngestError(
            "the PDF is damaged or unreadable: its compressed streams unpack to more than "
            f"{MAX_UNPACKED // (1024 * 1024)} MB (a decompression bomb?)"
        )
    try:
        pages, info = _read(data)
    except (IngestError, MemoryError):
        raise
    except Exception as exc:  # PDFium's binding raises several unrelated types
        raise _damaged(exc) from exc
    text = "\n\n".join(paragraphs(drop_furniture(pages)))
    if not text.strip():
        raise IngestError(NO_TEXT_MESSAGE)
    title = clean_value(info.get("Title"))
    author = clean_value(info.get("Author"))
    draft = ArticleDraft(
        text=text,
        title=None if title and _PLACEHOLDER_TITLE.match(title) else title,
        author=None if author and author.lower() in _PLACEHOLDER_AUTHOR else author,
        source_file=source_file,
        source_format=source_format,
    )
    # A dateline printed in the article beats the file's creation date.
    fill_missing(draft, detect_metadata(text))
    if draft.published is None:
        draft.published = parse_iso_date(info.get("CreationDate"))
    return draft
