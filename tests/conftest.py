"""Shared fixtures; Qt must know it has no display before anything imports it."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
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
    """An empty 8 MB tmpfs (tests fill it with full_disk.fill); skipped where mounting is
    not allowed (not root): the RLIMIT_FSIZE variants of the same tests still run."""
    from full_disk import mount_tmpfs, unmount

    folder = tmp_path / "tmpfs"
    problem = mount_tmpfs(folder)
    if problem:
        pytest.skip(f"cannot mount a tmpfs here ({problem}); the file-size-limit tests cover it")
    try:
        yield folder
    finally:
        unmount(folder)
