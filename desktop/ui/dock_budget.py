"""On a small screen the side docks give way first, so the timeline keeps its room.

At 1280×720 the docks kept their width and the timeline got ~370 px, with a toolbar
reading "All bu", "D……". When the window is resized (or first shown) and the central
area would get less than `CENTRAL_SHARE` of the width, both side areas are narrowed
(not below `MIN_DOCK`); a user's own splitter drags between resizes are left alone.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow

CENTRAL_SHARE = 0.48
MIN_DOCK = 230


class DockBudget(QObject):
    """Event filter on the window: re-balances the dock widths after a resize."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.balance)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._timer.start()
        return False

    def balance(self) -> None:
        w = self.window_
        width = w.width()
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        sides: dict[Qt.DockWidgetArea, list] = {left: [], right: []}
        for dock in w.findChildren(QDockWidget):
            area = w.dockWidgetArea(dock)
            if area in sides and dock.isVisible() and not dock.isFloating():
                sides[area].append(dock)
        used = sum(max((d.width() for d in docks), default=0) for docks in sides.values())
        if width - used >= width * CENTRAL_SHARE:
            return
        shown = [docks for docks in sides.values() if docks]
        if not shown:
            return
        each = max(MIN_DOCK, int(width * (1 - CENTRAL_SHARE) / len(shown)))
        for docks in shown:
            w.resizeDocks([docks[0]], [each], Qt.Orientation.Horizontal)
