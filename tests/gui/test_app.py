"""Starting the app: workspace choice, first run, settings kept apart, help, no display."""

from __future__ import annotations

import io
import subprocess
import sys
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from desktop.ui import app as appmod
from desktop.ui.dialogs import WelcomeDialog


def test_settings_go_to_the_given_ini_file(tmp_path: Path):
    settings = appmod.make_settings(tmp_path / "s.ini")
    appmod.remember_workspace(settings, tmp_path / "a.chronologue")
    appmod.remember_workspace(settings, tmp_path / "b.chronologue")
    appmod.remember_workspace(settings, tmp_path / "a.chronologue")
    settings.sync()
    assert (tmp_path / "s.ini").exists()
    assert [Path(p).name for p in appmod.recent_workspaces(settings)] == [
        "a.chronologue", "b.chronologue"]


def test_choose_workspace(tmp_path: Path, settings, monkeypatch):
    from desktop.store import WorkspaceError
    from desktop.store.location import parse_location

    monkeypatch.delenv("CHRONOLOGUE_WORKSPACE", raising=False)
    monkeypatch.setattr(appmod, "default_workspace_path", lambda: tmp_path / "default.chronologue")
    chosen, first = appmod.choose_workspace(tmp_path / "x.chronologue", settings)
    assert (chosen.path, first) == (tmp_path / "x.chronologue", False)
    chosen, first = appmod.choose_workspace(None, settings)
    assert (chosen.path, first) == (tmp_path / "default.chronologue", True)
    last = tmp_path / "last.chronologue"
    last.write_bytes(b"")
    appmod.remember_workspace(settings, last)
    chosen, first = appmod.choose_workspace(None, settings)
    assert (chosen.path, first) == (last.resolve(), False)
    shared = parse_location("postgresql://ana@db.example:5433/timeline?sslmode=require")
    appmod.remember_workspace(settings, shared)
    chosen, first = appmod.choose_workspace(None, settings)
    assert chosen.is_shared and str(chosen) == str(shared) and not first
    assert appmod.recent_workspaces(settings)[0] == (
        "postgresql://ana@db.example:5433/timeline?sslmode=require")
    chosen, _ = appmod.choose_workspace("postgresql://bo@db/t", settings)
    assert chosen.url.username == "bo"
    with pytest.raises(WorkspaceError, match="not mysql://"):
        appmod.choose_workspace("mysql://bo@db/t", settings)


def test_first_run_offers_the_sample_workspace(qtbot, make_window, workspace_path, tmp_path,
                                               wait_import):
    window = make_window(workspace_path)
    window.files.offer_first_run()
    dialog = window.files.welcome_dialog
    assert dialog.isVisible()
    from PySide6.QtWidgets import QPushButton

    labels = [b.text() for b in dialog.findChildren(QPushButton)]
    assert "Open the sample workspace" in labels
    sample = tmp_path / "sample.chronologue"
    # the button runs open_sample_workspace(); point it at a temp file for the test
    files = window.files
    files.open_sample_workspace = lambda: type(files).open_sample_workspace(files, sample)
    dialog._choose(WelcomeDialog.SAMPLE)
    wait_import(window)
    assert window.ws.path == sample
    assert window.windowTitle() == "Chronologue — sample"
    assert window.library.model.rowCount() == 5
    assert window.review.model.rowCount() > 20
    assert str(sample.resolve()) in appmod.recent_workspaces(window.settings)


def test_open_recent_and_switching_workspaces(qtbot, make_window, seeded_path, tmp_path):
    window = make_window(tmp_path / "empty.chronologue")
    assert window.files.open_workspace_path(seeded_path)
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 5)  # read off the UI thread
    assert window.undo_stack.count() == 0
    window.files.fill_recent()  # what File > Open recent does as it opens
    texts = [a.text() for a in window.files.recent_menu.actions()]
    assert any(seeded_path.stem in t for t in texts)


def test_help_about_and_shortcuts(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    seen = {}
    monkeypatch.setattr(QMessageBox, "about", lambda _p, title, text: seen.update(t=text))
    window.actions_by_name["about"].trigger()
    from desktop import __version__

    assert __version__ in seen["t"]
    window.actions_by_name["shortcuts"].trigger()
    from PySide6.QtWidgets import QTableWidget

    (table,) = window.dialogs.shortcuts_dialog.findChildren(QTableWidget)
    assert window.dialogs.shortcuts_dialog.isVisible() and table.rowCount() > 10
    assert "Ctrl+E" in [table.item(r, 0).text() for r in range(table.rowCount())]
    window.dialogs.shortcuts_dialog.close()


def test_widgets_have_accessible_names(window):
    for widget in (window.library.view, window.library.filter, window.review.view,
                   window.reader.text, window.editor.start, window.table.view,
                   window.table.status, window.importer.cancel_button):
        assert widget.accessibleName() and widget.toolTip()


def test_the_window_renders_text(window, tmp_path):
    """Fonts are really there: a grab of the reader is not blank boxes."""
    image = window.grab().toImage()
    assert image.width() > 600
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
               for y in range(0, image.height(), 7)}
    assert len(colours) > 20
    assert window.reader.text.toPlainText()  # an article is shown
    assert window.review.model.index(0, 2).data()


def test_no_display_prints_a_clear_message_and_the_cli_help(monkeypatch):
    from desktop import __main__ as entry

    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr(appmod.sys, "platform", "linux")
    out = io.StringIO()
    with redirect_stdout(out):
        code = entry.main([])
    assert code == 0
    assert "no display" in out.getvalue() and "usage: chronologue" in out.getvalue()


@pytest.mark.parametrize("argv", [["--help"], ["articles", "--help"]])
def test_cli_verbs_still_go_to_the_cli(argv, capsys):
    from desktop import __main__ as entry

    with pytest.raises(SystemExit):
        entry.main(argv)
    assert "usage" in capsys.readouterr().out


def test_the_startup_heap_is_frozen_when_the_app_is_made():
    """A fresh process: what the imports made is out of every later full collection (the
    first workspace load no longer scans it before freezing its records)."""
    code = ("import gc, os\n"
            "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
            "import desktop.ui.main_window\n"
            "from desktop.ui.app import create_app\n"
            "assert gc.get_freeze_count() == 0\n"
            "before = len(gc.get_objects())\n"
            "create_app()\n"
            "print(before, gc.get_freeze_count())\n")  # fmt: skip
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=120).stdout.split()
    before, frozen = int(out[-2]), int(out[-1])
    assert before > 10_000 and frozen >= before * 0.9
