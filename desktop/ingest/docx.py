"""Word .docx -> article text, read straight from the zip without python-docx.

A .docx is a zip of XML parts, so it is checked like any untrusted archive:
declared sizes are capped, and every part is parsed as it inflates, refused the
moment it passes a size or expansion-ratio limit (ingest/limits.py; the declared
size can lie). XML with a DOCTYPE (entity tricks) is refused.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Iterator
from xml.etree import ElementTree as ET

from desktop.ingest import limits
from desktop.ingest.draft import ArticleDraft, IngestError
from desktop.ingest.metadata import clean_value, detect_metadata, fill_missing

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_DC = "{http://purl.org/dc/elements/1.1/}"
_DOCUMENT = "word/document.xml"
_CORE = "docProps/core.xml"


def _damaged(reason: str) -> IngestError:
    return IngestError(f"the .docx file is damaged: {reason}")


def _chunks(archive: zipfile.ZipFile, name: str, budget: list[int]) -> Iterator[bytes] | None:
    """One zip member inflated chunk by chunk under the limits, or None if absent."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > limits.MAX_MEMBER_BYTES:
        raise limits.LimitExceeded(
            f"{name} expands to more than {limits.size(limits.MAX_MEMBER_BYTES)} (it declares "
            f"{limits.size(info.file_size)}), the limit for one part of a document"
        )

    def read() -> Iterator[bytes]:
        with archive.open(info) as raw:
            stream = limits.CappedStream(raw, name, info.compress_size, budget)
            tail = b""
            while chunk := stream.read():
                probe = tail + chunk  # escaped in text, so never real content
                if b"<!DOCTYPE" in probe or b"<!ENTITY" in probe:
                    raise _damaged(f"{name} contains a DOCTYPE, which Word never writes")
                tail = chunk[-16:]
                yield chunk

    return read()


def _read_part(archive: zipfile.ZipFile, name: str, budget: list[int]) -> bytes | None:
    chunks = _chunks(archive, name, budget)
    return None if chunks is None else b"".join(chunks)


def _paragraphs(chunks: Iterable[bytes]) -> list[str]:
    """Text of every w:p, parsed as the member inflates: nothing is held whole."""
    parser = ET.XMLPullParser(events=("start", "end"))
    paragraphs: list[str] = []
    state = _State()
    for chunk in chunks:
        parser.feed(chunk)
        _collect(parser.read_events(), paragraphs, state)
    parser.close()
    _collect(parser.read_events(), paragraphs, state)
    return paragraphs


class _State:
    """Where the walk is: open paragraphs, mc:Fallback depth, characters so far."""

    def __init__(self) -> None:
        self.stack: list[list[str]] = []
        self.fallback = 0  # mc:Fallback repeats the content of mc:Choice
        self.chars = 0


def _collect(events: Iterable[tuple[str, ET.Element]], paragraphs: list[str], st: _State) -> None:
    for event, elem in events:
        tag = elem.tag
        if tag == _MC_FALLBACK:
            st.fallback += 1 if event == "start" else -1
            continue
        if event == "start":
            if tag == f"{_W}p" and not st.fallback:
                st.stack.append([])
            continue
        if st.fallback or not st.stack:
            elem.clear()
            continue
        piece = _PIECES.get(tag)
        if tag == f"{_W}t":
            piece = elem.text or ""
        if piece is not None:
            st.stack[-1].append(piece)
            st.chars += len(piece)
            if st.chars > limits.MAX_TEXT_CHARS:
                raise limits.text_too_long(st.chars)
        elif tag == f"{_W}p":
            paragraphs.append("".join(st.stack.pop()))
        elem.clear()


_PIECES = {f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}


def _core_properties(xml: bytes | None) -> dict[str, str | None]:
    if not xml:
        return {}
    try:
        root = ET.fromstring(xml)
    except ET.ParseError:
        return {}  # bad metadata is not worth refusing the article
    return {
        "title": clean_value(root.findtext(f"{_DC}title")),
        "author": clean_value(root.findtext(f"{_DC}creator")),
    }


def parse_docx(data: bytes, *, source_file: str | None, source_format: str) -> ArticleDraft:
    """Read paragraphs from word/document.xml and title/author from docProps/core.xml.

    dcterms:created is when the file was made, not when the article was
    published, so the date comes only from a dateline in the text.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError):
        raise _damaged("it is not a valid Word document (zip archive)") from None
    budget = [limits.MAX_ARCHIVE_BYTES]
    with archive:
        try:
            core = _read_part(archive, _CORE, budget)
            document = _chunks(archive, _DOCUMENT, budget)
            if document is None:
                raise _damaged("word/document.xml is missing")
            paragraphs = _paragraphs(document)
        except ET.ParseError as exc:
            raise _damaged(f"word/document.xml is not valid XML ({exc})") from None
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as exc:
            raise _damaged(f"a part cannot be unpacked ({exc})") from None
        except NotImplementedError:
            raise _damaged("it uses an unsupported compression method") from None
        except RuntimeError:
            raise _damaged("it is password-protected") from None
    text = "\n".join(paragraphs).strip("\n")
    if not text.strip():
        raise IngestError("the document has no text")
    props = _core_properties(core)
    draft = ArticleDraft(
        text=text,
        title=props.get("title"),
        author=props.get("author"),
        source_file=source_file,
        source_format=source_format,
    )
    fill_missing(draft, detect_metadata(text))
    return draft
