"""One schema on two backends: migrations, same results, search, roles, passwords, check."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest
from pgdatabases import ensure_role, grant_editor, grant_read_only
from sqlalchemy import inspect, select
from sqlalchemy.engine import make_url

from desktop.services.importing import import_paths
from desktop.services.queries import event_rows
from desktop.services.search import search_articles, search_hits
from desktop.store import Event, WorkspaceError, open_workspace
from desktop.store.pgcheck import check_schema
from desktop.store.workspace import (
    ReadOnlyWorkspace,
    current_revision,
    head_revision,
    make_engine,
    migrate,
    script_directory,
)

_INTERNAL = {"articles_fts", "articles_fts_data", "articles_fts_idx", "articles_fts_docsize",
             "articles_fts_config", "articles_fts_content"}


def _schema(engine) -> dict[str, set[str]]:
    inspector = inspect(engine)
    return {t: {c["name"] for c in inspector.get_columns(t)} - {"search"}
            for t in inspector.get_table_names() if t not in _INTERNAL}


def test_migrations_up_down_up_give_one_schema_on_both(workspace_path, pg_empty_url) -> None:
    schemas = []
    for where in (workspace_path, pg_empty_url):
        engine = make_engine(where)
        migrate(engine)
        assert current_revision(engine) == head_revision()
        first = _schema(engine)
        from alembic import command

        from desktop.store.workspace import _alembic_config

        with engine.begin() as conn:
            command.downgrade(_alembic_config(conn), "base")
        assert current_revision(engine) is None
        assert set(_schema(engine)) <= {"alembic_version"}
        migrate(engine)
        assert _schema(engine) == first
        schemas.append(first)
        engine.dispose()
    assert schemas[0] == schemas[1]
    assert {"articles", "events", "citations", "alembic_version"} <= set(schemas[0])


def _events(ws) -> list[tuple]:
    return sorted((e["title"], e["value"], e["earliest"], e["precision"], e["status"],
                   e["conflict"], tuple((c["source_file"], c["start"], c["end"], c["quote"])
                                        for c in e["citations"]))
                  for e in event_rows(ws))


def test_seeds_give_the_same_events_on_postgresql_as_on_sqlite(
        workspace_path, pg_url, seeds_dir: Path) -> None:
    results = []
    for where in (workspace_path, pg_url):
        ws = open_workspace(where)
        report = import_paths(ws, [seeds_dir])
        assert report.count("imported") == 5 and not report.failed
        results.append(_events(ws))
        ws.close()
    assert len(results[0]) >= 25
    assert results[0] == results[1]


@pytest.mark.parametrize(("query", "expect"), [
    ("idlib", True), ("IDLIB offensive", True), ("Idl", True), ("zzzqqq", False),
    ("'; drop table articles; --", False), ("\"unbalanced", False), ("", False),
])
def test_search_finds_the_same_articles_on_both(
        workspace_location, seeds_dir: Path, query: str, expect: bool) -> None:
    ws = open_workspace(workspace_location)
    import_paths(ws, [seeds_dir], suggest=False)
    hits = search_hits(ws, query)
    assert bool(hits) is expect
    if expect:
        word = query.split()[0].lower()
        assert all(word in h.snippet.lower() for h in hits)
        with ws.session() as s:
            from desktop.store import Article

            texts = {a.id: a.text.lower() for a in s.scalars(select(Article))}
        words = query.lower().split()
        assert {h.article_id for h in hits} == {
            i for i, t in texts.items()
            if all((" " + w) in " " + t.replace("\n", " ") for w in words)}
    ws.close()


def test_search_follows_edits(workspace_location, seeds_dir: Path) -> None:
    from desktop.services.articles import update_article

    ws = open_workspace(workspace_location)
    report = import_paths(ws, [seeds_dir / "004_ef325f0aac841b1b.txt"], suggest=False)
    aid = report.results[0].article_id
    assert aid is not None
    assert not search_articles(ws, "xylophonic")
    update_article(ws, aid, title="A xylophonic title")
    assert search_articles(ws, "xylophonic") == [aid]
    assert search_articles(ws, '"a xylophonic"') == [aid]
    assert search_articles(ws, '"xylophonic a"') == []
    ws.close()


def test_postgresql_check_reports_a_sound_schema_and_a_missing_index(pg_url) -> None:
    ws = open_workspace(pg_url)
    report = check_schema(ws.engine, script_directory())
    assert report.ok, report.problems
    assert report.revision == head_revision() and report.checked > 15
    with ws.engine.begin() as conn:
        conn.exec_driver_sql("DROP INDEX ix_events_start")
        conn.exec_driver_sql("ALTER TABLE citations DROP CONSTRAINT citations_event_id_fkey")
    report = check_schema(ws.engine, script_directory())
    assert any("ix_events_start" in p for p in report.problems)
    assert any("foreign key" in p and "events" in p for p in report.problems)
    ws.close()


def test_read_only_role_opens_read_only(pg_url, pg_databases, seeds_dir: Path) -> None:
    ws = open_workspace(pg_url)
    import_paths(ws, [seeds_dir])
    ws.close()
    database = make_url(pg_url).database
    ensure_role(pg_databases, "chronologue_reader")
    grant_read_only(pg_databases, database, "chronologue_reader")
    reader = open_workspace(pg_databases.url(database, "chronologue_reader"))
    try:
        assert reader.read_only and reader.role == "chronologue_reader"
        assert len(event_rows(reader)) >= 25  # reading works
        with pytest.raises(ReadOnlyWorkspace, match="read-only"):
            reader.require_writable("accepting events")
        # a write that gets past the checks still changes nothing: the server refuses it
        from desktop.services.review import set_status

        with pytest.raises(Exception, match="read-only transaction"):
            set_status(reader, [event_rows(reader)[0]["id"]], "accepted")
    finally:
        reader.close()
    writer = open_workspace(pg_url)
    assert not writer.read_only
    assert all(e["status"] == "suggested" for e in event_rows(writer))
    writer.close()


def test_editor_role_writes_rows_without_owning_the_schema(pg_url, pg_databases) -> None:
    database = make_url(pg_url).database
    ensure_role(pg_databases, "chronologue_editor")
    grant_editor(pg_databases, database, "chronologue_editor")
    ws = open_workspace(pg_databases.url(database, "chronologue_editor"))
    assert not ws.read_only and ws.role == "chronologue_editor"
    with ws.session() as s:
        s.add(Event(title="t", start_earliest=datetime(2018, 9, 7),
                    start_latest=datetime(2018, 9, 7), start_precision="day"))
    assert len(event_rows(ws)) == 1
    ws.close()


def test_reader_cannot_set_up_an_empty_database(pg_empty_url, pg_databases) -> None:
    database = make_url(pg_empty_url).database
    ensure_role(pg_databases, "chronologue_reader")
    pg_databases.execute(f"REVOKE CREATE ON SCHEMA public FROM PUBLIC; "
                         f"GRANT CONNECT ON DATABASE {database} TO chronologue_reader",
                         database)
    with pytest.raises(WorkspaceError, match="is empty.*owner"):
        open_workspace(pg_databases.url(database, "chronologue_reader"))


@pytest.fixture
def no_password_sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-such-pgpass"))
    return tmp_path


def test_password_comes_from_pgpass_or_pgpassword(
        pg_url, pg_databases, no_password_sources: Path, monkeypatch) -> None:
    import pgcluster

    database = make_url(pg_url).database
    role = pgcluster.PASSWORD_ROLE
    ensure_role(pg_databases, role, password="s3cret-pw")
    grant_editor(pg_databases, database, role)
    url = pg_databases.url(database, role)
    with pytest.raises(WorkspaceError, match=r"password.*~/\.pgpass") as caught:
        open_workspace(url)
    assert "s3cret" not in str(caught.value)

    monkeypatch.setenv("PGPASSWORD", "wrong")
    with pytest.raises(WorkspaceError, match="password authentication failed"):
        open_workspace(url)

    monkeypatch.setenv("PGPASSWORD", "s3cret-pw")
    open_workspace(url).close()

    monkeypatch.delenv("PGPASSWORD")
    host, port = make_url(url).host, make_url(url).port
    pgpass = no_password_sources / "pgpass"
    pgpass.write_text(f"{host}:{port}:{database}:{role}:s3cret-pw\n")
    os.chmod(pgpass, 0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    ws = open_workspace(url)
    assert ws.role == role and "s3cret" not in str(ws)
    ws.close()


def test_unreachable_server_and_missing_database_say_what_to_check(pg_url) -> None:
    url = make_url(pg_url)
    with pytest.raises(WorkspaceError, match="host and port"):
        open_workspace(str(url.set(port=1, drivername="postgresql")).replace("***", ""))
    missing = url.set(database="no_such_db", drivername="postgresql")
    with pytest.raises(WorkspaceError, match="does not exist.*administrator"):
        open_workspace(missing.render_as_string(hide_password=False))
