"""Unit-test fixtures: an open workspace, and one holding the five seed articles."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.services.importing import import_paths
from desktop.store import Workspace, open_workspace


@pytest.fixture
def ws(workspace_path: Path) -> Iterator[Workspace]:
    workspace = open_workspace(workspace_path)
    yield workspace
    workspace.close()


@pytest.fixture
def seeded(ws: Workspace, seeds_dir: Path) -> Workspace:
    assert import_paths(ws, [seeds_dir]).count("imported") == 5
    return ws
