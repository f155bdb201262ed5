"""Window fixtures: settings in a temp ini file, seeded workspaces."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QSettings, QStandardPaths  # noqa: E402

from desktop.services.importing import import_paths  # noqa: E402
from desktop.store import Workspace, open_workspace  # noqa: E402
from desktop.ui.app import create_app, make_settings  # noqa: E402
from desktop.ui.main_window import MainWindow  # noqa: E402

QStandardPaths.setTestModeEnabled(True)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return make_settings(tmp_path / "settings.ini")


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds imported once per session (extraction is most of a GUI test's setup);
    every test gets its own copy of the closed file."""
    path = tmp_path_factory.mktemp("seeded") / "template.chronologue"
    ws = open_workspace(path)
    report = import_paths(ws, [Path(__file__).resolve().parents[2] / "seeds"])
    assert report.count("imported") == 5
    ws.close()
    return path


@pytest.fixture
def seeded_path(workspace_path: Path, seeded_template: Path) -> Path:
    """A workspace with the five seed articles (dated by the manifest) and suggestions."""
    for part in seeded_template.parent.glob(seeded_template.name + "*"):  # -wal if any
        shutil.copy2(part, workspace_path.parent / part.name.replace(
            seeded_template.name, workspace_path.name))
    return workspace_path


@pytest.fixture
def make_window(qtbot, settings: QSettings) -> Iterator:
    """Open windows on workspace files; each is closed at the end."""
    create_app()
    windows: list[MainWindow] = []

    def make(path: Path) -> MainWindow:
        ws: Workspace = open_workspace(path)
        window = MainWindow(ws, settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.model.ready, timeout=30_000)  # read off the UI thread
        windows.append(window)
        return window

    yield make
    for window in windows:
        if window.isVisible():
            window.close()


@pytest.fixture
def window(make_window, seeded_path: Path) -> MainWindow:
    return make_window(seeded_path)


@pytest.fixture
def wait_import(qtbot):
    """Wait until a window's background import has finished."""

    def wait(window: MainWindow, timeout: int = 60_000) -> None:
        qtbot.waitUntil(lambda: not window.importer.running, timeout=timeout)

    return wait


@pytest.fixture
def ws(seeded_path: Path) -> Iterator[Workspace]:
    """The seeded workspace opened directly, for tests of single widgets."""
    workspace = open_workspace(seeded_path)
    yield workspace
    workspace.close()


@pytest.fixture
def queued():
    """The review queue's rows in full (the queue holds slim records), in queue order."""
    from desktop.services.library import event_detail

    def rows(window: MainWindow) -> list[dict]:
        return [event_detail(window.ws, r.id) for r in window.review.model.rows]

    return rows
