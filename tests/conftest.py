"""Shared fixtures; Qt must know it has no display before anything imports it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

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
