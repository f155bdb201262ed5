"""Right-to-left text (Arabic) inside left-to-right lines: the timeline's labels, the
window's cells, the PDF's source lines.

A line laid out left to right that holds an Arabic title, quote or date phrase reorders
its neighbours ("Date from “يوم الثلاثاء” (2022-03-01)" came out with the value read
backwards); an isolate (FSI … PDI) keeps the Arabic run to itself, and elision then cuts
its logical end, on its left. Only displayed strings change: citations keep indexing
the stored text.
"""

from __future__ import annotations

import re

FSI, PDI = "\u2068", "\u2069"
_RTL = re.compile(r"[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]")
_STRONG = re.compile(r"[^\W\d_]")


def right_to_left(text: str) -> bool:
    """Whether the text's first letter is written right to left (its paragraph direction)."""
    first = _STRONG.search(text or "")
    return bool(first and _RTL.match(first.group()))


def isolated(text: str) -> str:
    """The text as an isolate when it holds right-to-left letters, else unchanged."""
    return f"{FSI}{text}{PDI}" if text and _RTL.search(text) else text
