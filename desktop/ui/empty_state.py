"""A sentence in an empty table saying what to do next (a finished queue, no match).

A blank table reads as "broken"; the hint is a label over the view's viewport that
shows while the model has no rows and asks the panel what to say.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel


class EmptyHint(QObject):
    """Shows `text()` centred in `view` whenever its model is empty."""

    def __init__(self, view: QAbstractItemView, text: Callable[[], str]) -> None:
        super().__init__(view)
        self.view, self.text = view, text
        self.label = QLabel(view.viewport())
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setObjectName("empty-hint")
        self.label.setStyleSheet("color: palette(placeholder-text); padding: 12px;")
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        model = view.model()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved,
                       model.layoutChanged):
            signal.connect(self.update)
        view.viewport().installEventFilter(self)
        self.update()

    def update(self, *_args: object) -> None:
        empty = self.view.model().rowCount() == 0
        if empty:
            self.label.setText(self.text())
            self.label.setToolTip(self.label.text())
            self.label.setGeometry(self.view.viewport().rect())
        self.label.setVisible(empty)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize:
            self.label.setGeometry(self.view.viewport().rect())
        return False
