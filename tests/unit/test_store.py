"""The workspace file: pragmas, migrations, default location."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, text

from desktop.store import Article, Event, WorkspaceError, default_workspace_path, open_workspace
from desktop.store.workspace import current_revision, head_revision, make_engine, migrate


def test_new_workspace_is_at_head_with_wal_and_foreign_keys(workspace_path: Path) -> None:
    ws = open_workspace(workspace_path)
    try:
        assert current_revision(ws.engine) == head_revision()
        with ws.engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 1000
    finally:
        ws.close()


def test_workspace_from_initial_revision_is_upgraded_without_loss(workspace_path: Path) -> None:
    engine = make_engine(workspace_path)
    migrate(engine, "0001")
    assert current_revision(engine) == "0001"
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO articles (title, text, content_hash, source_format, language, "
                "imported_at, published) VALUES ('Old', 'Kept text about Idlib', 'h1', 'txt', "
                "'en', '2024-01-01 00:00:00', '2018-09-14')"
            )
        )
    engine.dispose()

    ws = open_workspace(workspace_path)
    try:
        assert current_revision(ws.engine) == head_revision() != "0001"
        with ws.session() as session:
            article = session.scalar(select(Article))
            assert (article.title, article.published) == ("Old", date(2018, 9, 14))
            # the upgrade's search index covers rows stored before it existed
            hits = session.execute(
                text("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'idlib'")
            ).all()
            assert [h[0] for h in hits] == [article.id]
    finally:
        ws.close()


def test_foreign_keys_cascade_citations(workspace_path: Path) -> None:
    ws = open_workspace(workspace_path)
    with pytest.raises(Exception, match="FOREIGN KEY"):
        with ws.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO citations (event_id, article_id, start, end, quote, value, "
                    "needs_reference, origin) VALUES (999, 999, 0, 1, 'x', '', 0, 'manual')"
                )
            )
    ws.close()


def test_default_path_honours_environment(tmp_path: Path) -> None:
    assert default_workspace_path({"CHRONOLOGUE_WORKSPACE": str(tmp_path / "w.db")}) == (
        tmp_path / "w.db"
    )
    default = default_workspace_path({})
    assert default.name == "default.chronologue" and "hronologue" in str(default.parent)


def test_not_a_workspace_gives_a_clear_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.chronologue"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(WorkspaceError, match="cannot open the workspace"):
        open_workspace(junk)
    with pytest.raises(WorkspaceError, match="folder"):
        open_workspace(tmp_path)


def test_stale_edit_is_refused(workspace_path: Path) -> None:
    """Optimistic locking: an edit based on an old version does not overwrite a newer one."""
    from datetime import datetime

    from sqlalchemy.orm.exc import StaleDataError

    ws = open_workspace(workspace_path)
    with ws.session() as s:
        e = Event(title="t", start_earliest=datetime(2018, 9, 7), start_latest=datetime(2018, 9, 7),
                  start_precision="day")
        s.add(e)
    s1, s2 = ws.sessions(), ws.sessions()
    a, b = s1.get(Event, e.id), s2.get(Event, e.id)
    a.title = "first"
    s1.commit()
    b.title = "second"
    with pytest.raises(StaleDataError):
        s2.commit()
    s1.close(), s2.close()
    con = sqlite3.connect(workspace_path)
    assert con.execute("select title, version from events").fetchone() == ("first", 2)
    con.close()
    ws.close()
