"""Right-to-left titles in the window's left-to-right views (see layout.bidi).

The events table aligns an Arabic title right; the narrow review queue does not (its
title column often runs past the dock's edge, where a right-aligned start would hide).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from desktop.layout.bidi import FSI, PDI, isolated, right_to_left

__all__ = ["FSI", "PDI", "alignment", "isolated", "right_to_left", "select_from_start"]


def select_from_start(edit: QLineEdit) -> None:
    """Select all of a line edit with the cursor at its start, so that typing replaces it
    and the start of a long (right-to-left) text stays in view."""
    edit.setSelection(len(edit.text()), -len(edit.text()))


def alignment(text: str) -> int | None:
    """AlignRight for a right-to-left cell text (None: the view's default)."""
    if right_to_left(text):
        return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return None
