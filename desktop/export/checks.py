"""Checks a written export must pass before it replaces the previous file.

The byte count already proves every write reached the disk; these catch what a count
cannot: a painter that stopped early, a PDF without its trailer, an SVG cut short.
Each returns "" when the file is sound, else what is wrong, in words.
"""

from __future__ import annotations

import xml.parsers.expat
from collections.abc import Callable
from pathlib import Path


def pdf_check(pages: int) -> Callable[[Path], str]:
    """The file parses as a PDF (pypdf, strict) and has `pages` pages."""

    def check(path: Path) -> str:
        from pypdf import PdfReader

        try:
            found = len(PdfReader(path, strict=True).pages)
        except Exception as exc:  # pypdf raises many kinds; any of them means unsound
            return f"it does not read back as a PDF ({type(exc).__name__}: {exc})"
        return "" if found == pages else f"it has {found} pages instead of {pages}"

    return check


def svg_check(path: Path) -> str:
    """The file is well-formed XML with an <svg> root."""
    parser = xml.parsers.expat.ParserCreate()
    roots: list[str] = []
    parser.StartElementHandler = lambda name, _attrs: roots.append(name) if not roots else None
    try:
        with open(path, "rb") as stream:
            parser.ParseFile(stream)
    except xml.parsers.expat.ExpatError as exc:
        return f"it is not well-formed SVG ({exc})"
    return "" if roots[:1] == ["svg"] else "it has no <svg> element"


def png_check(path: Path) -> str:
    """The PNG signature at the start and the IEND chunk at the end."""
    with open(path, "rb") as stream:
        head = stream.read(8)
        stream.seek(0, 2)
        size = stream.tell()
        stream.seek(max(0, size - 12))
        tail = stream.read()
    if head != b"\x89PNG\r\n\x1a\n" or tail[4:8] != b"IEND":
        return "it is not a complete PNG"
    return ""
