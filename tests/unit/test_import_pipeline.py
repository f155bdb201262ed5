"""The import pipeline's two halves: prepare (pure, picklable) and store (one short write)."""

from __future__ import annotations

import pickle
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from desktop.services.import_prepare import ImportOptions, prepare_file
from desktop.services.import_store import store_prepared
from desktop.services.importing import import_paths
from desktop.store import open_workspace

TEXTS = {
    "a.txt": "BEIRUT, Sept 7, 2018 (AP) - The council met on Friday; talks resume on 12 Sept.\n",
    "b.txt": "DAMASCUS, Oct 3, 2019 (Reuters) - Convoys left on Tuesday, officials said.\n",
}


def _files(folder: Path) -> list[Path]:
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return sorted(folder.iterdir())


def _events(ws) -> list[tuple]:
    with ws.session() as session:
        rows = session.connection().exec_driver_sql(
            "SELECT title, start_earliest, start_latest, status FROM events ORDER BY title")
        return [tuple(r) for r in rows]


def test_prepared_in_a_process_pool_stores_what_a_serial_import_does(tmp_path: Path) -> None:
    files = _files(tmp_path / "in")
    serial = open_workspace(tmp_path / "serial.chronologue")
    import_paths(serial, files)
    pooled = open_workspace(tmp_path / "pooled.chronologue")
    options = ImportOptions()
    with ProcessPoolExecutor(max_workers=1) as pool:
        prepared = list(pool.map(prepare_file, files, [None] * len(files), [options] * len(files)))
    for item in prepared:
        assert pickle.loads(pickle.dumps(item)) == item
        assert store_prepared(pooled, item, options).status == "imported"
    assert _events(pooled) == _events(serial) and _events(serial)
    again = store_prepared(pooled, prepare_file(files[0], None, options, {prepared[0].digest}))
    assert again.status == "duplicate"
    serial.close()
    pooled.close()


def test_a_duplicate_is_not_extracted(tmp_path: Path) -> None:
    files = _files(tmp_path / "in")
    first = prepare_file(files[0])
    skipped = prepare_file(files[0], stored={first.digest})
    assert first.extracted is not None and first.extracted.suggestions
    assert skipped.duplicate and skipped.extracted is None
