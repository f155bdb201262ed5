"""Word .docx -> article text, read straight from the zip without python-docx.

A .docx is a zip of XML parts, so it is checked like any untrusted archive:
declared sizes are capped, every read is capped (the declared size can lie),
and XML with a DOCTYPE (entity tricks) is refused.
"""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree as ET

from desktop.ingest.draft import ArticleDraft, IngestError
from desktop.ingest.metadata import clean_value, detect_metadata, fill_missing

MAX_PART_BYTES = 64 * 1024 * 1024
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_DC = "{http://purl.org/dc/elements/1.1/}"
_DOCUMENT = "word/document.xml"
_CORE = "docProps/core.xml"


def _damaged(reason: str) -> IngestError:
    return IngestError(f"the .docx file is damaged: {reason}")


def _read_part(archive: zipfile.ZipFile, name: str) -> bytes | None:
    """The bytes of one zip member, or None if absent; refuses oversized parts."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART_BYTES:
        raise _damaged("its content is far too large to open safely")
    with archive.open(info) as stream:
        data = stream.read(MAX_PART_BYTES + 1)
    if len(data) > MAX_PART_BYTES:
        raise _damaged("its content is far too large to open safely")
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:  # escaped in text, so never real content
        raise _damaged(f"{name} contains a DOCTYPE, which Word never writes")
    return data


def _paragraphs(xml: bytes) -> list[str]:
    """Text of every w:p, streaming so huge or deeply nested documents stay cheap."""
    paragraphs: list[str] = []
    stack: list[list[str]] = []
    fallback = 0  # mc:Fallback repeats the content of mc:Choice
    for event, elem in ET.iterparse(io.BytesIO(xml), events=("start", "end")):
        tag = elem.tag
        if tag == _MC_FALLBACK:
            fallback += 1 if event == "start" else -1
            continue
        if event == "start":
            if tag == f"{_W}p" and not fallback:
                stack.append([])
            continue
        if fallback or not stack:
            elem.clear()
            continue
        if tag == f"{_W}t":
            stack[-1].append(elem.text or "")
        elif tag == f"{_W}tab":
            stack[-1].append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            stack[-1].append("\n")
        elif tag == f"{_W}noBreakHyphen":
            stack[-1].append("-")
        elif tag == f"{_W}p":
            paragraphs.append("".join(stack.pop()))
        elem.clear()
    return paragraphs


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
    with archive:
        try:
            document = _read_part(archive, _DOCUMENT)
            core = _read_part(archive, _CORE)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as exc:
            raise _damaged(f"a part cannot be unpacked ({exc})") from None
        except NotImplementedError:
            raise _damaged("it uses an unsupported compression method") from None
        except RuntimeError:
            raise _damaged("it is password-protected") from None
    if document is None:
        raise _damaged("word/document.xml is missing")
    try:
        paragraphs = _paragraphs(document)
    except ET.ParseError as exc:
        raise _damaged(f"word/document.xml is not valid XML ({exc})") from None
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
