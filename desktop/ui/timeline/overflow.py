"""The timeline's toolbar row: controls that do not fit hide behind a "»" menu.

At 1280×720 the central area can be a few hundred pixels wide; squeezing every
control would clip their labels ("All bu", "D…"). Instead the trailing controls
that do not fit at their natural width leave the row, and the "»" menu offers the
same choices (a combo's items, a button's menu, a button's click), so nothing is
out of reach. A combo's tooltip always starts with its full current text.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QSize
from PySide6.QtGui import QActionGroup, QHelpEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QHBoxLayout,
    QLayout,
    QMenu,
    QSizePolicy,
    QToolButton,
    QToolTip,
    QWidget,
)

MORE = "»"
STRETCH_RESERVE = 90  # px the text filter keeps before controls start to overflow


class OverflowBar(QWidget):
    """A row of controls laid out at their natural width, the rest in the "»" menu."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(4, 2, 4, 2)
        self.row.setSpacing(3)
        # the row may be narrower than its controls: _relayout hides what does not fit
        self.row.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.items: list[tuple[QWidget, str]] = []
        self.stretchy: QWidget | None = None
        self.overflowed: list[QWidget] = []
        self.more = QToolButton(self)
        self.more.setText(MORE)
        self.more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        self.more.setAccessibleName("More timeline controls")
        self.more.setToolTip("More timeline controls (those the window is too narrow for)")
        self.more_menu = QMenu(self.more)
        self.more_menu.aboutToShow.connect(self.fill_more_menu)
        self.more.setMenu(self.more_menu)
        self.more.hide()
        self.row.addWidget(self.more)
        self._busy = False

    def addWidget(self, widget: QWidget, stretch: int = 0, label: str = "") -> None:  # noqa: N802
        """Add a control before "»"; `label` names it in the overflow menu. The first
        stretching control (the text filter) always stays in the row."""
        self.row.insertWidget(self.row.count() - 1, widget, stretch)
        if stretch and self.stretchy is None:
            self.stretchy = widget
        else:
            self.items.append((widget, label or _label_of(widget)))
        widget.installEventFilter(self)
        self._relayout()

    # --- fitting ----------------------------------------------------------------------
    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        m = self.row.contentsMargins()
        return QSize(STRETCH_RESERVE + self.more.sizeHint().width() + m.left() + m.right(),
                     super().minimumSizeHint().height())  # fmt: skip

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        m = self.row.contentsMargins()
        width = self._needed([w for w, _ in self.items]) + m.left() + m.right()
        return QSize(width, super().sizeHint().height())

    def _reserve(self) -> int:
        return max(self.stretchy.minimumWidth(), STRETCH_RESERVE) if self.stretchy else 0

    def _needed(self, widgets: list[QWidget]) -> int:
        return self._reserve() + sum(natural_width(w) + self.row.spacing() for w in widgets)

    def _relayout(self) -> None:
        """Keep the leading controls that fit at their natural width; the rest overflow."""
        if self._busy:
            return
        self._busy = True
        try:
            m = self.row.contentsMargins()
            room = self.width() - m.left() - m.right()
            widgets = [w for w, _ in self.items]
            keep = len(widgets)
            if self._needed(widgets) > room:
                room -= self.more.sizeHint().width() + self.row.spacing()
                keep = 0
                while keep < len(widgets) and self._needed(widgets[:keep + 1]) <= room:
                    keep += 1
            for i, w in enumerate(widgets):
                if w.isHidden() == (i < keep):
                    w.setVisible(i < keep)
            self.overflowed = widgets[keep:]
            self.more.setVisible(bool(self.overflowed))
        finally:
            self._busy = False

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._relayout()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:  # a control's natural width changed
            self._relayout()
        return handled

    # --- the "»" menu -----------------------------------------------------------------
    def fill_more_menu(self) -> None:
        menu = self.more_menu
        for action in menu.actions():  # a borrowed button menu stays its button's
            menu.removeAction(action)
        for widget, label in self.items:
            if widget in self.overflowed:
                add_entry(menu, widget, label)

    # --- tooltips ---------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip and isinstance(watched, QWidget):
            text = full_tooltip(watched)
            if text:
                pos = event.globalPos() if isinstance(event, QHelpEvent) else QPoint()
                QToolTip.showText(pos, text, watched)
                return True
        return super().eventFilter(watched, event)


def _label_of(widget: QWidget) -> str:
    if isinstance(widget, QAbstractButton) and widget.text():
        return widget.text()
    return widget.accessibleName() or widget.objectName()


def natural_width(widget: QWidget) -> int:
    """The width a control shows its label in full at (its maximum caps it)."""
    hint = widget.sizeHint().width()
    return max(min(hint, widget.maximumWidth()), widget.minimumWidth())


def full_tooltip(widget: QWidget) -> str:
    """A combo's tooltip leads with its whole current text (it may be elided); a
    button narrower than its label gets its label too."""
    tip = widget.toolTip()
    if isinstance(widget, QComboBox):
        text = widget.currentText()
        return f"{text}\n{tip}" if tip and tip != text else text
    if isinstance(widget, QAbstractButton) and widget.width() < widget.sizeHint().width():
        return f"{widget.text()}\n{tip}" if tip else widget.text()
    return tip


def add_entry(menu: QMenu, widget: QWidget, label: str) -> None:
    """What the control does, as a menu entry: a combo's items, a button's own menu,
    or a button's click."""
    if isinstance(widget, QComboBox):
        sub = menu.addMenu(label)
        group = QActionGroup(sub)
        for i in range(widget.count()):
            action = sub.addAction(widget.itemText(i))
            action.setCheckable(True)
            action.setChecked(i == widget.currentIndex())
            group.addAction(action)
            action.triggered.connect(lambda _on=False, i=i: widget.setCurrentIndex(i))
    elif isinstance(widget, QToolButton) and widget.menu() is not None:
        widget.menu().setTitle(label)
        menu.addMenu(widget.menu())
    elif isinstance(widget, QAbstractButton):
        action = menu.addAction(label)
        action.setToolTip(widget.toolTip())
        action.triggered.connect(lambda _on=False: widget.click())
