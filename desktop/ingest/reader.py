"""One file (or its bytes) -> ArticleDraft, choosing the reader by extension.

This is the only entry point the import service needs: whatever goes wrong
inside a reader comes out as an IngestError with a message for the user, so
one bad file gets its own error line and the rest of the import goes on.
"""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path, PurePath

from desktop.ingest import limits
from desktop.ingest.decode import decode_bytes
from desktop.ingest.docx import parse_docx
from desktop.ingest.draft import ArticleDraft, IngestError
from desktop.ingest.html import parse_html
from desktop.ingest.metadata import complete_draft, draft_from_text
from desktop.ingest.mime import parse_mime
from desktop.ingest.pdf import parse_pdf, short_reason

MAX_BYTES = limits.MAX_FILE_BYTES


def _parse_text(
    data: bytes, *, source_file: str | None, source_format: str, dayfirst: bool = False
) -> ArticleDraft:
    return draft_from_text(
        decode_bytes(data), source_file=source_file, source_format=source_format,
        dayfirst=dayfirst,
    )  # fmt: skip


_Reader = Callable[..., ArticleDraft]
READERS: dict[str, _Reader] = {
    "txt": _parse_text,
    "md": _parse_text,
    "html": parse_html,
    "htm": parse_html,
    "mhtml": parse_mime,
    "mht": parse_mime,
    "eml": parse_mime,
    "pdf": parse_pdf,
    "docx": parse_docx,
}
SUPPORTED_EXTENSIONS = tuple(f".{ext}" for ext in READERS)
# Readers that find dates in text themselves and need the user's day/month order.
_DATE_AWARE = frozenset({"txt", "md", "html", "htm", "mhtml", "mht", "eml"})


def format_size(size: int) -> str:
    """Human-readable size: '512 bytes', '3.4 KB', '35.2 MB', '20 MB'."""
    if size < 1024:
        return f"{size} bytes"
    value, unit = (size / 1024, "KB") if size < 1024 * 1024 else (size / 1024 / 1024, "MB")
    return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"


def _too_large(size: int, max_bytes: int) -> IngestError:
    return IngestError(
        f"the file is {format_size(size)}, larger than the {format_size(max_bytes)} limit"
    )


def _format_of(name: str) -> str:
    suffix = PurePath(name).suffix.lower()
    fmt = suffix.lstrip(".")
    if fmt not in READERS:
        kind = f"'{suffix}' files" if suffix else "files without an extension"
        supported = ", ".join(SUPPORTED_EXTENSIONS)
        raise IngestError(f"{kind} cannot be imported (supported: {supported})")
    return fmt


def display_name(name: str) -> str:
    """A file name that can be stored and printed: undecodable bytes become U+FFFD.

    On Linux a name is bytes; Python hands undecodable ones over as lone surrogates,
    which SQLite (UTF-8) refuses, and one such name used to abort the whole import.
    """
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in name)


def read_bytes(
    data: bytes, name: str, *, max_bytes: int = MAX_BYTES, dayfirst: bool = False
) -> ArticleDraft:
    """Read an article from memory; ``name`` (a file name) chooses the format.

    ``dayfirst`` reads numeric datelines such as 05/09/2018 as 5 September.
    """
    fmt = _format_of(name)
    if len(data) > max_bytes:
        raise _too_large(len(data), max_bytes)
    if not data:
        raise IngestError("the file is empty")
    options = {"dayfirst": dayfirst} if fmt in _DATE_AWARE else {}
    try:
        if fmt == "pdf":  # before any PDF library inflates a stream
            limits.check_pdf_streams(data)
        draft = READERS[fmt](data, source_file=display_name(PurePath(name).name),
                             source_format=fmt, **options)  # fmt: skip
        limits.check_text(draft.text)
        return complete_draft(draft, dayfirst=dayfirst)
    except (IngestError, MemoryError):
        raise
    except Exception as exc:  # a reader bug must not abort the whole import
        raise IngestError(f"the file could not be read: {short_reason(exc)}") from exc


def read_path(path: Path, *, max_bytes: int = MAX_BYTES, dayfirst: bool = False) -> ArticleDraft:
    """Read one article file; every failure is an IngestError with a plain message."""
    path = Path(path)
    _format_of(path.name)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IngestError("this is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise IngestError("this is not a regular file (a device or pipe?)")
        size = info.st_size
        if size > max_bytes:
            raise _too_large(size, max_bytes)
        with path.open("rb") as stream:
            data = stream.read(max_bytes + 1)  # the file may grow after stat()
    except FileNotFoundError:
        raise IngestError("the file does not exist (was it moved or deleted?)") from None
    except PermissionError:
        raise IngestError("you do not have permission to read this file") from None
    except OSError as exc:
        raise IngestError(f"the file cannot be read: {exc.strerror or short_reason(exc)}") from None
    except ValueError as exc:  # e.g. a NUL byte in the path
        raise IngestError(f"the file name is not valid: {short_reason(exc)}") from None
    if len(data) > max_bytes:
        raise _too_large(len(data), max_bytes)
    return read_bytes(data, path.name, max_bytes=max_bytes, dayfirst=dayfirst)
