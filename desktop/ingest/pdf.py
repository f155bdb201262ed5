"""PDF -> article text via the PDF's own text layer (no OCR).

pypdf raises many exception types on damaged files; every one of them becomes
a single plain IngestError so that one bad file never stops an import.
"""

from __future__ import annotations

import io

from desktop.ingest.dateline import parse_iso_date
from desktop.ingest.draft import ArticleDraft, IngestError
from desktop.ingest.metadata import clean_value, detect_metadata, fill_missing

NO_TEXT_MESSAGE = "the PDF has no text layer (scanned image?)"
_REASON_CHARS = 120


def short_reason(exc: BaseException) -> str:
    """A one-line, length-capped description of an exception for the user."""
    reason = " ".join(str(exc).split()) or type(exc).__name__
    return reason if len(reason) <= _REASON_CHARS else reason[: _REASON_CHARS - 1] + "…"


def _damaged(exc: BaseException) -> IngestError:
    return IngestError(f"the PDF is damaged or unreadable: {short_reason(exc)}")


def _read_text(data: bytes) -> tuple[str, dict[str, str | None]]:
    from pypdf import PdfReader  # imported lazily: only PDF imports pay for it

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        try:
            unlocked = reader.decrypt("")
        except Exception:  # any failure means "cannot open"
            unlocked = 0
        if not unlocked:
            raise IngestError("the PDF is password-protected; save an unprotected copy first")
    # A NUL in a text layer is never meant as text (the HTML reader drops them too).
    pages = [(page.extract_text() or "").replace("\x00", "") for page in reader.pages]
    info: dict[str, str | None] = {}
    try:
        meta = reader.metadata
        if meta is not None:
            info = {
                "title": meta.title,
                "author": meta.author,
                "created": str(meta.get("/CreationDate") or "") or None,
            }
    except MemoryError:
        raise
    except Exception:  # damaged metadata just means no metadata
        info = {}
    return "\n\n".join(pages), info


def parse_pdf(data: bytes, *, source_file: str | None, source_format: str) -> ArticleDraft:
    """Read a PDF's text layer and /Title, /Author, /CreationDate."""
    if b"%PDF-" not in data[:1024]:
        raise IngestError("the PDF is damaged or unreadable: it does not start like a PDF")
    try:
        text, info = _read_text(data)
    except (IngestError, MemoryError):
        raise
    except Exception as exc:  # pypdf raises many unrelated types
        raise _damaged(exc) from exc
    if not text.strip():
        raise IngestError(NO_TEXT_MESSAGE)
    draft = ArticleDraft(
        text=text,
        title=clean_value(info.get("title")),
        author=clean_value(info.get("author")),
        source_file=source_file,
        source_format=source_format,
    )
    # A dateline printed in the article beats the file's creation date.
    fill_missing(draft, detect_metadata(text))
    if draft.published is None:
        draft.published = parse_iso_date(info.get("created"))
    return draft
