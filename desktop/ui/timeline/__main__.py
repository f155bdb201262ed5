"""`python -m desktop.ui.timeline W.chronologue`: just the timeline of a workspace.

For screenshots and trying the view on its own; Ctrl+Z / Ctrl+Shift+Z undo and redo
drags. `--grab PATH` saves a picture of the window after it has been shown.
"""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication

from desktop.store import open_workspace
from desktop.ui.timeline.binding import load_from_workspace
from desktop.ui.timeline.view import TimelineView


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.ui.timeline")
    parser.add_argument("workspace")
    parser.add_argument("--size", default="1500x800", help="window size, WxH")
    parser.add_argument("--grab", help="save a screenshot here and quit")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    ws = open_workspace(args.workspace, create=False)
    view = TimelineView()
    view.setWindowTitle(f"Timeline — {ws.name}")
    w, h = (int(v) for v in args.size.split("x"))
    view.resize(w, h)
    binding = load_from_workspace(view, ws)
    QShortcut(QKeySequence.StandardKey.Undo, view, binding.undo_stack.undo)
    QShortcut(QKeySequence.StandardKey.Redo, view, binding.undo_stack.redo)
    binding.error.connect(lambda msg: print(msg, file=sys.stderr))
    view.show()
    view.fit_all()
    if args.grab:
        def grab() -> None:
            view.grab().save(args.grab)
            app.quit()

        QTimer.singleShot(300, grab)
    code = app.exec()
    ws.close()
    return code


if __name__ == "__main__":
    raise SystemExit(main())
