"""Right-to-left titles and quotes (Arabic) inside left-to-right views.

A cell or a timeline label lays out its text left to right; an Arabic title there
reads from its right end, so it is isolated (FSI … PDI: elision then cuts its logical
end, on its left) and aligned right in the events table's title column (not in the
narrow review queue, whose title column often runs past the dock's edge). Only the
displayed string changes: citations keep indexing the stored text.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

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


def select_from_start(edit: QLineEdit) -> None:
    """Select all of a line edit with the cursor at its start, so that typing replaces it
    and the start of a long (right-to-left) text stays in view."""
    edit.setSelection(len(edit.text()), -len(edit.text()))


def alignment(text: str) -> int | None:
    """AlignRight for a right-to-left cell text (None: the view's default)."""
    if right_to_left(text):
        return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return None
