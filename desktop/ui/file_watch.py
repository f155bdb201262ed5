"""Noticing that the workspace file was replaced under the window (a forced restore).

Why: a window that keeps its SQLite connection after `chronologue restore --force` writes
every later edit into the file that was moved aside. Every two seconds this compares the
file's identity (device, inode) with the one it opened; when they differ the window says
so and reopens the file now at that path. A stat is a few microseconds: the UI never waits.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from desktop.store import Workspace, WorkspaceError, open_workspace
from desktop.ui.context import WindowContext

CHECK_MS = 2000


def _identity(path: Path | None) -> tuple[int, int] | None:
    if path is None:
        return None
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


class ReplacementWatch(QObject):
    def __init__(self, ctx: WindowContext, switch: Callable[[Workspace], None],
                 interval_ms: int = CHECK_MS) -> None:  # fmt: skip
        super().__init__(ctx)
        self.ctx = ctx
        self.switch = switch  # the window takes the reopened workspace
        self.path = ctx.ws.path
        self.identity = _identity(self.path)
        self.reopened = 0
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        path = self.ctx.ws.path
        now = _identity(path)
        if path != self.path:  # the window switched workspaces itself
            self.path, self.identity = path, now
            return
        if now is None or now == self.identity:
            return  # unchanged, or missing for a moment (mid-rename): look again later
        self.identity = now
        self.reopen()

    def reopen(self) -> None:
        old = self.ctx.ws
        try:
            new = open_workspace(self.path)
        except WorkspaceError as exc:
            self.ctx.report_error(f"The workspace file was replaced by another program "
                                     f"and could not be reopened: {exc}")  # fmt: skip
            return
        self.switch(new)
        if new is not old:
            old.close()
        self.reopened += 1
        self.ctx.status(
            f"{self.path.name} was replaced by another program (a restore); reopened it. "
            "Edits made here in the last seconds are in the replaced file kept beside it.",
            30_000)
