"""A damaged workspace opened from the window: the newest good backup is offered."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.services.importing import import_paths
from desktop.store import WorkspaceError, open_workspace
from desktop.store.backup import make_backup
from desktop.ui.recovery import open_or_recover


def damaged_with_backup(tmp_path: Path, seeds_dir: Path) -> Path:
    path = tmp_path / "w.chronologue"
    ws = open_workspace(path)
    import_paths(ws, [seeds_dir])
    ws.close()
    make_backup(path)
    data = bytearray(path.read_bytes())
    data[0:100] = b"\xde\xad\xbe\xef" * 25
    path.write_bytes(bytes(data))
    return path


def test_accepting_the_offer_restores_and_opens(tmp_path: Path, seeds_dir: Path) -> None:
    path = damaged_with_backup(tmp_path, seeds_dir)
    asked: list[str] = []
    ws = open_or_recover(path, lambda message: asked.append(message) or True)
    try:
        assert len(asked) == 1 and "damaged" in asked[0] and "Restore the backup" in asked[0]
        with ws.session() as s:
            from sqlalchemy import text

            assert s.execute(text("SELECT count(*) FROM articles")).scalar() == 5
    finally:
        ws.close()
    assert list(tmp_path.glob("w.chronologue.replaced-*"))  # the damaged file is kept


def test_declining_leaves_the_file_alone(tmp_path: Path, seeds_dir: Path) -> None:
    path = damaged_with_backup(tmp_path, seeds_dir)
    before = path.read_bytes()
    with pytest.raises(WorkspaceError, match="damaged"):
        open_or_recover(path, lambda _message: False)
    assert path.read_bytes() == before
