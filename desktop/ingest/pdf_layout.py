"""Positioned text lines of a PDF -> paragraphs a reader (and the sentence splitter) can use.

A PDF has no paragraphs, only lines placed on pages. Lines of one paragraph are
joined (a word hyphenated at a line end is made whole again); a paragraph ends at
a larger vertical gap, a first-line indent, or a short line ending a sentence.
Running headers and footers (the same text at the top or bottom of most pages,
page numbers ignored) and bare page numbers are dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from statistics import median

from desktop.temporal.dateline import find_datelines

_PAGE_NUMBER = re.compile(
    r"^\W*(?:(?:page|seite|página|pagina|стр\.?|p\.)\s*)?\d{1,4}"
    r"(?:\s*(?:of|/|von|de|из)\s*\d{1,4})?\W*$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_SENTENCE_END = (".", "!", "?", ":", "”", "\"", "’", "'", ")", "»")
_HYPHENS = ("-", "\u00ad", "\x02", "\ufffe", "\u2010")
EDGE_LINES = 2  # lines at the top and at the bottom of a page that may be furniture


@dataclass
class Line:
    """One text line: where it starts and ends across the page, and its baseline."""

    text: str
    x0: float
    x1: float
    y: float  # baseline, PDF units, growing upwards
    height: float


def _furniture_key(text: str) -> str:
    return _DIGITS.sub("#", " ".join(text.lower().split()))


def drop_furniture(pages: list[list[Line]]) -> list[list[Line]]:
    """Remove page numbers and lines repeated at the same edge of most pages."""
    counts: Counter[str] = Counter()
    for lines in pages:
        edge = {_furniture_key(line.text) for line in _edges(lines)}
        counts.update(edge)
    needed = max(2, (len(pages) + 1) // 2)
    out = []
    for lines in pages:
        edge_ids = {id(line) for line in _edges(lines)}
        kept = [
            line
            for line in lines
            if id(line) not in edge_ids
            or not (
                _PAGE_NUMBER.match(line.text.strip())
                or (len(pages) >= 2 and counts[_furniture_key(line.text)] >= needed)
            )
        ]
        out.append(kept)
    return out


def _edges(lines: list[Line]) -> list[Line]:
    by_height = sorted(lines, key=lambda line: -line.y)
    return by_height[:EDGE_LINES] + by_height[EDGE_LINES:][-EDGE_LINES:]


def _join(left: str, right: str) -> str:
    """Join two lines of one paragraph, undoing a hyphenation at the line end."""
    if left.endswith(_HYPHENS) and len(left) > 1 and left[-2].isalpha() and right[:1].islower():
        return left[:-1] + right
    return f"{left} {right}"


def paragraphs(pages: list[list[Line]]) -> list[str]:
    """Paragraph texts, in reading order, across page breaks."""
    lines = [line for page in pages for line in page]
    if not lines:
        return []
    gaps = [
        a.y - b.y
        for page in pages
        for a, b in zip(page, page[1:], strict=False)
        if 0 < a.y - b.y < 4 * max(a.height, 1.0)
    ]
    step = median(gaps) if gaps else max(line.height for line in lines) * 1.2
    left = median(line.x0 for line in lines)
    right = max(line.x1 for line in lines)
    width = max(right - left, 1.0)
    out: list[str] = []
    current = ""
    previous: Line | None = None
    for page_index, page in enumerate(pages):
        for index, line in enumerate(page):
            text = line.text.strip()
            if not text:
                continue
            if previous is None or not current:
                current = text
            elif _breaks(previous, line, step, left, width, new_page=index == 0 and page_index > 0):
                out.append(current)
                current = text
            else:
                current = _join(current, text)
            previous = line
    if current:
        out.append(current)
    return out


def _breaks(
    above: Line, line: Line, step: float, left: float, width: float, *, new_page: bool
) -> bool:
    if find_datelines(above.text, dayfirst=None) or find_datelines(line.text, dayfirst=None):
        return True  # a dateline stands alone, whatever the layout
    ends_sentence = above.text.rstrip().endswith(_SENTENCE_END)
    short = above.x1 < left + 0.8 * width
    indented = line.x0 > left + 0.02 * width and line.x0 > above.x0 + 4
    starts_anew = line.text.lstrip()[:1].isupper() or line.text.lstrip()[:1].isdigit()
    continues = above.text.rstrip().endswith((",", ";", *_HYPHENS))
    shape_break = indented or (short and (ends_sentence or (starts_anew and not continues)))
    if new_page or line.y > above.y:  # next page or next column: only the line shapes tell
        return shape_break
    if above.y - line.y > 1.45 * step:
        return True
    if abs(line.height - above.height) > 0.15 * max(line.height, above.height):
        return True  # a heading's size differs from the body's
    return shape_break
