"""Workspace locations: file paths stay SQLite, PostgreSQL URLs are shared, nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.store import WorkspaceError, open_workspace
from desktop.store.location import LocationError, parse_location, postgres_location
from desktop.store.workspace import default_location


@pytest.mark.parametrize("text", ["ws.chronologue", "/tmp/a b/ws.chronologue",
                                  "C:\\Users\\me\\ws.chronologue", "~/x.chronologue"])
def test_paths_are_files(text: str) -> None:
    loc = parse_location(text)
    assert loc.backend == "sqlite" and loc.url is None
    assert loc.path == Path(text).expanduser()


def test_sqlite_url_is_a_path() -> None:
    assert parse_location("sqlite:////tmp/x.chronologue").path == Path("/tmp/x.chronologue")


@pytest.mark.parametrize("text", ["postgresql://ana@db.example:5433/timeline",
                                  "postgres://ana@db.example:5433/timeline",
                                  "postgresql+psycopg://ana@db.example:5433/timeline"])
def test_postgres_urls(text: str) -> None:
    loc = parse_location(text)
    assert loc.backend == "postgresql" and loc.path is None and loc.is_shared
    assert str(loc) == "postgresql://ana@db.example:5433/timeline"
    assert loc.name == "timeline"
    assert loc.url.drivername == "postgresql+psycopg"


def test_libpq_options_are_kept() -> None:
    loc = parse_location("postgresql://ana@db:5432/timeline?sslmode=verify-full")
    assert loc.url.query == {"sslmode": "verify-full"}
    assert "sslmode=verify-full" in str(loc)


@pytest.mark.parametrize(("text", "says"), [
    ("mysql://ana@db/timeline", "not mysql://"),
    ("http://example.com/ws", "not http://"),
    ("postgresql+psycopg2://ana@db/timeline", r"not postgresql\+psycopg2://"),
    ("postgresql://ana:hunter2@db:5432/timeline", "contains a password"),
    ("postgresql://ana@db:5432", "names no database"),
    ("postgresql://ana@db:99999/timeline", "port"),
    ("", "empty"),
])
def test_refused_with_a_reason(text: str, says: str) -> None:
    with pytest.raises(LocationError, match=says) as caught:
        parse_location(text)
    assert "hunter2" not in str(caught.value)


def test_refused_url_never_creates_a_folder(tmp_path: Path, monkeypatch) -> None:
    """The old behaviour: postgresql://u@host/db became a folder 'postgresql:' here."""
    monkeypatch.chdir(tmp_path)
    for text in ("postgresql:/u@host/db", "mysql://u@host/db"):
        with pytest.raises(WorkspaceError):
            open_workspace(text)
    assert list(tmp_path.iterdir()) == []


def test_environment_variable_takes_urls() -> None:
    loc = default_location({"CHRONOLOGUE_WORKSPACE": "postgresql://ana@db/timeline"})
    assert loc.is_shared and loc.url.database == "timeline"
    with pytest.raises(WorkspaceError, match="CHRONOLOGUE_WORKSPACE"):
        default_location({"CHRONOLOGUE_WORKSPACE": "ftp://x/y"})
    assert default_location({}).path.name == "default.chronologue"


def test_dialog_fields_make_a_location() -> None:
    loc = postgres_location("db.example", 5433, "timeline", "ana")
    assert str(loc) == "postgresql://ana@db.example:5433/timeline"
    assert parse_location(str(loc)).same_as(loc)
    with pytest.raises(LocationError, match="database"):
        postgres_location("db", None, " ", "ana")
