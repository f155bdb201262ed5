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
from desktop.ui.timeline import TimelineView, load_from_workspace  # noqa: E402

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
    return _copy_template(seeded_template, workspace_path)


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


def _copy_template(template: Path, path: Path) -> Path:
    for part in template.parent.glob(template.name + "*"):  # -wal if any
        shutil.copy2(part, path.parent / part.name.replace(template.name, path.name))
    return path


@pytest.fixture(scope="module")
def module_window(tmp_path_factory: pytest.TempPathFactory,
                  seeded_template: Path) -> Iterator[MainWindow]:
    """One window for a whole module (building one is most of a short test's time);
    `reused_window` opens a fresh seeded copy in it for each test."""
    from PySide6.QtWidgets import QApplication

    app = create_app()
    folder = tmp_path_factory.mktemp("module-window")
    path = _copy_template(seeded_template, folder / "first.chronologue")
    window = MainWindow(open_workspace(path), make_settings(folder / "settings.ini"))
    window.show()
    while not window.model.ready:
        app.processEvents()
    yield window
    window.close()
    QApplication.processEvents()


@pytest.fixture
def reused_window(qtbot, module_window: MainWindow, seeded_template: Path,
                  tmp_path: Path) -> MainWindow:
    """The module's window on a fresh copy of the seeded workspace: File > Open resets
    the undo stack, what is current and every view (read anew from the copy)."""
    window = module_window
    path = _copy_template(seeded_template, tmp_path / "ws.chronologue")
    window.set_workspace(open_workspace(path))
    qtbot.waitUntil(lambda: window.model.ready and window.review.model.rowCount() > 0,
                    timeout=30_000)
    window.statusBar().clearMessage()
    window.central.setCurrentIndex(0)
    return window


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


@pytest.fixture
def lane_view(qtbot, ws: Workspace):
    """A timeline view of the seeded workspace, its events dealt round-robin into new lanes.

    Returns (view, binding, undo stack, lane ids); `setup(ids)` runs on the lanes first
    (colours, heights, positions) so the view loads what the test stored.
    """
    from PySide6.QtGui import QUndoStack

    from desktop.services import timeline_data as data
    from desktop.services.editing import update_event

    def make(names: tuple[str, ...], size: tuple[int, int] = (1200, 600), setup=None):
        ids = [data.create_lane(ws, name) for name in names]
        if setup is not None:
            setup(ids)
        for i, e in enumerate(data.load_events(ws)):
            update_event(ws, e.id, lane_id=ids[i % len(ids)])
        view = TimelineView()
        qtbot.addWidget(view)
        view.resize(*size)
        stack = QUndoStack()
        binding = load_from_workspace(view, ws, stack)
        view.show()
        qtbot.waitExposed(view)
        view.canvas.repaint()
        return view, binding, stack, ids

    return make
