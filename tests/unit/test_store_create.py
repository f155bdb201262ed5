"""A new workspace appears whole or not at all, and never over one another process made."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.store import workspace as ws_module
from desktop.store.workspace import WorkspaceError, head_revision, open_workspace


def _revision(path: Path) -> str:
    with sqlite3.connect(path) as con:
        return con.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def test_a_failure_while_the_schema_is_made_leaves_no_workspace(tmp_path, monkeypatch):
    real = ws_module.migrate
    calls = []

    def dies_after_the_first_migration(engine, revision="head"):
        calls.append(engine.url.database)
        first = ws_module.script_directory().get_base()
        real(engine, first)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ws_module, "migrate", dies_after_the_first_migration)
    path = tmp_path / "new.chronologue"
    with pytest.raises(WorkspaceError, match="cannot create the workspace .*No space left"):
        open_workspace(path, backups=False)
    assert calls and not calls[0].endswith("new.chronologue")  # made beside it, not in place
    assert sorted(p.name for p in tmp_path.iterdir()) == []
    monkeypatch.setattr(ws_module, "migrate", real)
    ws = open_workspace(path, backups=False)
    ws.close()
    assert _revision(path) == head_revision()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".new")]


def test_a_workspace_made_meanwhile_by_another_process_is_kept(tmp_path, monkeypatch):
    path = tmp_path / "shared.chronologue"
    real = ws_module.migrate

    def another_process_wins(engine, revision="head"):
        real(engine, revision)
        if not path.exists():  # theirs: a whole workspace, with a mark of its own
            engine.dispose()
            shutil.copyfile(engine.url.database, path)
            with sqlite3.connect(path) as con:
                con.execute("CREATE TABLE theirs (x)")

    monkeypatch.setattr(ws_module, "migrate", another_process_wins)
    open_workspace(path, backups=False).close()
    with sqlite3.connect(path) as con:
        names = {n for (n,) in con.execute("SELECT name FROM sqlite_master")}
    assert "theirs" in names and "events" in names
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".new")]

def test_stale_half_made_files_are_cleared_and_fresh_ones_left(tmp_path):
    import os
    import time

    stale = tmp_path / ".w.chronologue.abc.new"
    fresh = tmp_path / ".w.chronologue.def.new"
    stale.write_bytes(b"x")
    fresh.write_bytes(b"x")
    old = time.time() - ws_module.STALE_NEW_S - 5
    os.utime(stale, (old, old))
    open_workspace(tmp_path / "w.chronologue", backups=False).close()
    assert not stale.exists() and fresh.exists()
