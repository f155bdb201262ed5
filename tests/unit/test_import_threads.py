"""An import starts no thread of its own: the window's task runner is the one place work
leaves the UI thread, and an in-process import runs inside one of its jobs.

Before: a batch of 25 files or more started a "chronologue-language-model" thread beside
the import to load py3langid's model.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from desktop.services.importing import import_paths
from desktop.store import open_workspace


def test_an_import_of_many_files_starts_no_thread(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(30):  # Russian: the model is needed (the English shortcut does not apply)
        (folder / f"{i:02d}.txt").write_text(
            f"Москва, 3 марта 2022 года. Делегация номер {i} прибыла в столицу для переговоров "
            "о поставках зерна. Министр заявил журналистам, что стороны обсудили маршруты "
            "и сроки, а следующая встреча пройдёт через неделю в Женеве.", encoding="utf-8")
    started: list[str] = []
    real_start = threading.Thread.start

    def start(self: threading.Thread) -> None:
        started.append(self.name)
        real_start(self)

    monkeypatch.setattr(threading.Thread, "start", start)
    ws = open_workspace(tmp_path / "w.chronologue", backups=False)
    try:
        report = import_paths(ws, [folder], jobs=1)
    finally:
        ws.close()
    assert report.count("imported") == 30 and not report.failed
    assert started == []
