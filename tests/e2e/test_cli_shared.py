"""The CLI on a shared PostgreSQL workspace: URLs, check/restore, read-only roles, search."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

from pgdatabases import ensure_role, grant_read_only
from sqlalchemy.engine import make_url

from desktop import cli


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_other_schemes_are_usage_errors_and_create_nothing(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run("articles", "-w", "mysql://ana@db/timeline")
    assert code == 2 and "not mysql://" in err and "postgresql://" in err
    code, _, err = run("import", "x.txt", "-w", "postgresql://ana:pw@db/timeline")
    assert code == 2 and "password" in err and ":pw@" not in err
    monkeypatch.setenv("CHRONOLOGUE_WORKSPACE", "http://example.com/ws")
    code, _, err = run("events")
    assert code == 2 and "CHRONOLOGUE_WORKSPACE" in err
    assert list(tmp_path.iterdir()) == []


def test_search_verb_on_both_backends(workspace_location: str, seeds_dir: Path) -> None:
    assert run("import", str(seeds_dir), "--no-suggest", "-w", workspace_location)[0] == 0
    code, out, _ = run("search", "Idlib", "--json", "-w", workspace_location)
    hits = json.loads(out)
    assert code == 0 and len(hits) >= 3
    assert all("idlib" in h["snippet"].lower() for h in hits)
    code, out, _ = run("search", "nosuchwordanywhere", "-w", workspace_location)
    assert code == 0 and out.strip().endswith("0 articles")


def test_check_and_restore_say_what_they_do_on_postgresql(pg_url: str) -> None:
    assert run("articles", "-w", pg_url)[0] == 0
    code, out, err = run("check", "-w", pg_url)
    assert code == 0, err
    assert "schema revision" in out and "pg_dump" in out and "in place and valid" in out
    code, _, err = run("restore", "--latest", "-w", pg_url)
    assert code == 1 and "pg_restore" in err and "shared workspace" in err
    import psycopg

    url = make_url(pg_url)
    with psycopg.connect(host=url.host, port=url.port, user=url.username,
                         dbname=url.database, autocommit=True) as conn:
        conn.execute("DROP INDEX ix_citations_event")
        conn.execute("DROP TRIGGER articles_search_trigger ON articles")
    code, _, err = run("check", "-w", pg_url)
    assert code == 1 and "ix_citations_event" in err and "search" in err


def test_read_only_role_lists_but_refuses_changes(pg_url, pg_databases, seeds_dir) -> None:
    assert run("import", str(seeds_dir), "-w", pg_url)[0] == 0
    database = make_url(pg_url).database
    ensure_role(pg_databases, "chronologue_reader")
    grant_read_only(pg_databases, database, "chronologue_reader")
    reader = pg_databases.url(database, "chronologue_reader")
    code, out, _ = run("events", "--json", "-w", reader)
    assert code == 0 and len(json.loads(out)) >= 25
    for argv in (["accept", "--all"], ["import", str(seeds_dir)], ["suggest"]):
        code, out, err = run(*argv, "-w", reader)
        assert code == 1 and "read-only" in err and "chronologue_reader" in err, err
    code, out, _ = run("events", "--status", "accepted", "--json", "-w", pg_url)
    assert json.loads(out) == []
    assert run("check", "-w", reader)[0] == 0  # checking only reads


def test_environment_variable_names_a_shared_workspace(pg_url: str, seeds_dir: Path) -> None:
    env = dict(os.environ, CHRONOLOGUE_WORKSPACE=pg_url)
    done = subprocess.run([sys.executable, "-m", "desktop", "import", str(seeds_dir)],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "5 imported" in done.stdout and make_url(pg_url).database in done.stdout
    listed = subprocess.run([sys.executable, "-m", "desktop", "articles", "--json"],
                            capture_output=True, text=True, env=env, timeout=60)
    assert len(json.loads(listed.stdout)) == 5
