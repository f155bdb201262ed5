"""Starting the window: QApplication, QSettings, which workspace to open, first run.

Settings go to an explicit ini file when CHRONOLOGUE_SETTINGS names one (tests and the
end-to-end run use this so they never touch the user's real settings).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop import __version__
from desktop.export.qtkit import prefer_outline_emoji, register_bundled_fonts
from desktop.store import WorkspaceError, default_workspace_path
from desktop.store.location import Location, LocationError, parse_location
from desktop.store.workspace import default_location

ORG = APP = "Chronologue"
SETTINGS_ENV = "CHRONOLOGUE_SETTINGS"
SCREENSHOT_ENV = "CHRONOLOGUE_SCREENSHOT"
RESOURCES = Path(__file__).resolve().parents[2] / "resources"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
MAX_RECENT = 8


def make_settings(path: Path | str | None = None) -> QSettings:
    """An ini file when a path is given (or $CHRONOLOGUE_SETTINGS), else the user's."""
    path = path or os.environ.get(SETTINGS_ENV)
    if path:
        return QSettings(str(path), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG, APP)


def recent_workspaces(settings: QSettings) -> list[str]:
    value = settings.value("workspaces/recent", [])
    if isinstance(value, str):  # QSettings returns a bare string for one-element lists
        value = [value]
    return [v for v in (value or []) if v]


def remember_workspace(settings: QSettings, where: Path | Location) -> None:
    """Most recent first; a shared workspace is remembered by its URL, never a password
    (locations cannot hold one)."""
    location = where if isinstance(where, Location) else Location("sqlite", path=Path(where))
    entry = str(location.path.resolve()) if location.path is not None else str(location)
    recent = [entry] + [p for p in recent_workspaces(settings) if p != entry]
    settings.setValue("workspaces/recent", recent[:MAX_RECENT])
    settings.setValue("workspaces/last", entry)


def sample_workspace_path() -> Path:
    return default_workspace_path({}).with_name("sample.chronologue")


def has_display() -> bool:
    """False on a Linux box with no X/Wayland and no explicit Qt platform."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def app_icon() -> QIcon:
    """The SVG, plus the rendered PNGs for platforms without the SVG icon engine."""
    icon = QIcon()
    for png in sorted((RESOURCES / "icons" / "hicolor").glob("*/apps/chronologue.png")):
        icon.addFile(str(png))
    svg = RESOURCES / "chronologue.svg"
    if svg.exists():
        icon.addFile(str(svg))
    return icon


def create_app() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        prefer_outline_emoji()  # the same emoji as the PDF shows
        app = QApplication(["chronologue"])  # also the X11 WM_CLASS
        register_bundled_fonts()
        # the startup heap (modules, classes, functions: ~100,000 objects, 18 of them
        # garbage when measured) out of every later full collection. The first workspace
        # load froze it anyway (tasks.bulk_objects), after scanning it once more: ~0.05-0.1
        # s of the open at 100,000 events
        gc.freeze()
    app.setOrganizationName(ORG)
    app.setApplicationName(APP)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("chronologue")  # matches resources/chronologue.desktop (Wayland)
    app.setWindowIcon(app_icon())
    style = RESOURCES / "style.qss"
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    return app


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="chronologue", add_help=False)
    parser.add_argument("--workspace", "-w")
    return parser.parse_known_args(argv)[0]


def choose_workspace(explicit: str | Path | None, settings: QSettings) -> tuple[Location, bool]:
    """(location, first_run): the named one, else $CHRONOLOGUE_WORKSPACE, else the last
    used (a file that still exists, or a shared workspace), else the default file.
    Raises WorkspaceError for a location that cannot be one (another URL scheme)."""
    if explicit is not None:
        try:
            return parse_location(explicit), False
        except LocationError as exc:
            raise WorkspaceError(str(exc)) from None
    if os.environ.get("CHRONOLOGUE_WORKSPACE"):
        return default_location(), False
    last = str(settings.value("workspaces/last", "") or "")
    if last:
        try:
            location = parse_location(last)
        except LocationError:
            location = None
        if location is not None and (location.is_shared or location.path.exists()):
            return location, False
    default = default_workspace_path()
    return Location("sqlite", path=default), not default.exists()


def run(argv: list[str]) -> int:
    """The window's entry point; returns the process exit code."""
    if not has_display():
        return -1
    from desktop.logs import setup_logging
    from desktop.ui.crash import install_crash_dialog
    from desktop.ui.main_window import MainWindow
    from desktop.ui.recovery import ask_with_dialog, open_or_recover

    args = _parse(argv)
    app = create_app()
    setup_logging("window")
    install_crash_dialog(app)
    settings = make_settings()
    try:
        location, first_run = choose_workspace(args.workspace, settings)
        ws = open_or_recover(location, ask_with_dialog(None))
    except WorkspaceError as exc:
        print(f"chronologue: {exc}", file=sys.stderr)
        return 1
    window = MainWindow(ws, settings)
    window.show()
    for notice in ws.notices:  # e.g. the daily backup could not be written
        window.statusBar().showMessage(notice, 20_000)
    if first_run:
        QTimer.singleShot(0, window.files.offer_first_run)
    shot = os.environ.get(SCREENSHOT_ENV)
    if shot:  # demo and end-to-end runs: a grab once idle, then quit unless asked to stay
        stay = os.environ.get(SCREENSHOT_ENV + "_STAY") == "1"
        window.screenshot_when_idle(Path(shot), then_quit=not stay)
    return app.exec()
