"""Right-to-left titles in the window's left-to-right views (see layout.bidi).

The events table aligns an Arabic title right; the narrow review queue does not. Either
way an Arabic title starts at its right end, and the title column often runs past the
dock's edge, where that start would be hidden: `VisibleStartDelegate` lays such a cell
out in the part that is in view, so the elision cuts the title's end, not its start.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from desktop.layout.bidi import FSI, PDI, isolated, right_to_left

__all__ = ["FSI", "PDI", "VisibleStartDelegate", "alignment", "isolated", "right_to_left",
           "select_from_start"]


def select_from_start(edit: QLineEdit) -> None:
    """Select all of a line edit with the cursor at its start, so that typing replaces it
    and the start of a long (right-to-left) text stays in view."""
    edit.setSelection(len(edit.text()), -len(edit.text()))


def alignment(text: str) -> int | None:
    """AlignRight for a right-to-left cell text (None: the view's default)."""
    if right_to_left(text):
        return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return None


class VisibleStartDelegate(QStyledItemDelegate):
    """Draws a right-to-left cell into the part of it inside the viewport.

    Installed on a view's title column; the view repaints whole on horizontal scrolls
    (a scrolled copy of a cell laid out for the old visible part would be wrong).
    """

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view
        view.horizontalScrollBar().valueChanged.connect(view.viewport().update)

    def text_rect(self, cell: QRect, text: object) -> QRect:
        """Where the cell's text is laid out: the visible part for right-to-left text."""
        if not (isinstance(text, str) and right_to_left(text)):
            return cell
        view = self.view.viewport().rect()
        left, right = max(cell.left(), view.left()), min(cell.right(), view.right())
        if right <= left or (left, right) == (cell.left(), cell.right()):
            return cell
        return QRect(left, cell.top(), right - left + 1, cell.height())

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:  # fmt: skip
        rect = self.text_rect(option.rect, index.data())
        if rect != option.rect:
            option = QStyleOptionViewItem(option)
            option.rect = rect
        super().paint(painter, option, index)
