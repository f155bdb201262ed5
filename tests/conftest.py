"""Shared fixtures; Qt must know it has no display before anything imports it."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# What the app and every export set before Qt starts (export/qtkit.prefer_outline_emoji):
# whichever test makes the process's QApplication first, emoji come from the font list.
os.environ.setdefault("QT_DISABLE_EMOJI_SEGMENTER", "1")
# Logs of the app (and of every CLI the tests start) go to a throw-away folder.
os.environ.setdefault("CHRONOLOGUE_LOG_DIR", tempfile.mkdtemp(prefix="chronologue-test-logs-"))

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def workspace_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh workspace file; the env var is cleared so nothing leaks from the user's setup."""
    monkeypatch.delenv("CHRONOLOGUE_WORKSPACE", raising=False)
    return tmp_path / "ws.chronologue"


@pytest.fixture
def tmpfs_folder(tmp_path: Path) -> Iterator[Path]:
    """An empty 32 MB tmpfs, room for the largest test export (a ~3 MB PNG) beside the old
    file (tests fill it with full_disk.fill); skipped where mounting is not allowed (not
    root): the RLIMIT_FSIZE variants of the same tests still run."""
    from full_disk import mount_tmpfs, unmount

    folder = tmp_path / "tmpfs"
    problem = mount_tmpfs(folder)
    if problem:
        pytest.skip(f"cannot mount a tmpfs here ({problem}); the file-size-limit tests cover it")
    try:
        yield folder
    finally:
        unmount(folder)


# PostgreSQL: one throw-away server per run (make test starts it around pytest and sets
# CHRONOLOGUE_TEST_PG; run alone, pytest starts its own), a fresh database per test.
@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    import pgcluster

    url = os.environ.get(pgcluster.ENV)
    if url:
        yield url
        return
    if pgcluster.bin_dir() is None:
        if os.environ.get(pgcluster.REQUIRE_ENV):
            pytest.fail("PostgreSQL is required for this run but initdb was not found")
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
    cluster = pgcluster.Cluster()
    try:
        yield cluster.start()
    finally:
        cluster.stop()


@pytest.fixture(scope="session")
def pg_databases(pg_server: str):
    from pgdatabases import Databases

    databases = Databases(pg_server)
    yield databases
    databases.close()


@pytest.fixture
def pg_url(pg_databases) -> Iterator[str]:
    """A fresh database already at the newest schema revision (copied from a template)."""
    url = pg_databases.create(template=True)
    yield url
    pg_databases.drop(url)


@pytest.fixture
def pg_empty_url(pg_databases) -> Iterator[str]:
    """A fresh, empty database: opening it runs every migration."""
    url = pg_databases.create(template=False)
    yield url
    pg_databases.drop(url)


@pytest.fixture(params=["sqlite", "postgresql"])
def workspace_location(request: pytest.FixtureRequest, workspace_path: Path) -> str:
    """The same test on a workspace file and on a shared PostgreSQL workspace."""
    if request.param == "sqlite":
        return str(workspace_path)
    return request.getfixturevalue("pg_url")
