"""The window on a team workspace: others' changes arrive live, read-only roles get a
banner and no editing, the editor shows history, Open shared workspace tests first."""

from __future__ import annotations

from pathlib import Path

from pgdatabases import ensure_role, grant_read_only
from PySide6.QtCore import QTimer
from sqlalchemy.engine import make_url

from desktop.services import editing, review
from desktop.services.importing import import_paths
from desktop.store import open_workspace
from desktop.ui import commands as cmd


def _seeded(location: str, seeds_dir: Path) -> None:
    ws = open_workspace(location)
    import_paths(ws, [seeds_dir])
    ws.close()


def test_another_analysts_change_appears_without_reload(
        qtbot, make_window, workspace_location: str, seeds_dir: Path) -> None:
    _seeded(workspace_location, seeds_dir)
    window = make_window(workspace_location)
    queued = len(window.review.model.rows)
    other = open_workspace(workspace_location)
    other.author = "Bruno"
    try:
        victim = window.review.model.rows[0].id
        review.set_status(other, [victim], "accepted")
        qtbot.waitUntil(lambda: len(window.review.model.rows) == queued - 1, timeout=2500)
        assert window.event_by_id(victim).status == "accepted"
        assert "another analyst" in window.statusBar().currentMessage()
        # the change watcher is the one way of noticing: the model polls nothing itself
        assert not window.model.findChildren(QTimer)
        window.select_event(victim)
        history = [window.editor.history.item(i).text()
                   for i in range(window.editor.history.count())]
        assert "Bruno" in history[0] and "accepted" in history[0]
    finally:
        other.close()


def test_stale_edit_in_the_window_names_the_other_analyst(
        qtbot, make_window, workspace_path: Path, seeds_dir: Path, monkeypatch) -> None:
    _seeded(str(workspace_path), seeds_dir)
    window = make_window(workspace_path)
    shown: list[str] = []
    monkeypatch.setattr(window.ctx, "report_error", shown.append)
    event = window.review.model.rows[0]
    other = open_workspace(workspace_path)
    other.author = "Bruno"
    editing.update_event(other, event.id, title="Renamed by Bruno")
    other.close()
    window.team.stop()  # the edit races the live update: the window still shows version 1
    before = {"title": event.title}
    window.ctx.run(cmd.UpdateEventCommand(window.ws, event.id, before, {"title": "Mine"},
                                    event.version, window.ctx.report_error))
    assert shown and "changed by Bruno at" in shown[-1]


def test_read_only_role_opens_with_a_banner_and_no_editing(
        qtbot, make_window, pg_url: str, pg_databases, seeds_dir: Path, monkeypatch) -> None:
    _seeded(pg_url, seeds_dir)
    database = make_url(pg_url).database
    ensure_role(pg_databases, "chronologue_reader")
    grant_read_only(pg_databases, database, "chronologue_reader")
    window = make_window(pg_databases.url(database, "chronologue_reader"))
    assert window.ws.read_only
    assert window.team.banner_bar.isVisible()
    assert "read-only" in window.team.banner.text().lower() and "chronologue_reader" in (
        window.team.banner.text())
    assert "read-only" in window.windowTitle()
    for name in ("import", "paste", "new_event", "delete", "accept", "reject"):
        assert not window.actions_by_name[name].isEnabled()
    window.select_event(window.review.model.rows[0].id)
    assert not window.editor.title.isEnabled() and window.editor.citations.isEnabled()
    shown: list[str] = []
    monkeypatch.setattr(window.ctx, "report_error", shown.append)
    event = window.events[0]
    assert not window.ctx.run(cmd.UpdateEventCommand(window.ws, event.id, {"title": event.title},
                                               {"title": "x"}, event.version, shown.append))
    assert shown and "read-only" in shown[-1]


def test_open_shared_dialog_tests_the_connection_first(
        qtbot, make_window, workspace_path: Path, pg_url: str) -> None:
    window = make_window(workspace_path)
    assert not window.team.banner_bar.isVisible()
    window.team.open_shared_dialog()
    dialog = window.team.dialog
    url = make_url(pg_url)
    dialog.host.setText(url.host)
    dialog.port.setValue(1 if url.port != 1 else 2)
    dialog.database.setText(url.database)
    dialog.user.setText(url.username)
    dialog.test()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=15_000)
    assert "host and port" in dialog.result.text() and not dialog.open_button.isEnabled()
    dialog.port.setValue(url.port)
    dialog.test()
    qtbot.waitUntil(lambda: dialog.open_button.isEnabled(), timeout=15_000)
    assert f"Connected as {url.username}" in dialog.result.text()
    dialog.accept()
    qtbot.waitUntil(lambda: window.ws.location.is_shared, timeout=15_000)
    assert window.ws.location.url.database == url.database
    assert window.settings.value("workspaces/last") == str(window.ws.location)
    assert "shared" in window.windowTitle()


def test_the_name_in_preferences_is_recorded_with_edits(
        qtbot, make_window, workspace_path: Path, seeds_dir: Path) -> None:
    from desktop.ui.preferences import apply_preferences

    _seeded(str(workspace_path), seeds_dir)
    window = make_window(workspace_path)
    prefs = window.preferences
    prefs.author = "Ana Lima"
    apply_preferences(window.ctx, prefs)
    event = window.review.model.rows[0]
    window.event_actions.set_status([event.id], "accepted")
    window.select_event(event.id)
    assert window.editor.history.item(0).text().split(" · ", 1)[1].startswith("Ana Lima:")
    other = open_workspace(workspace_path)
    from desktop.store.history import last_change

    with other.session() as s:
        assert last_change(s, "event", event.id)[0] == "Ana Lima"
    other.close()
