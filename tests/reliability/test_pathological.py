"""Bombs and pathological shapes (generated here, never committed): each is imported or
refused with a message naming the file and the limit, in bounded time and memory, and the
workspace stays sound with nothing lost. Time and memory figures: benchmarks/hostile_bench.py.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from _reliability import HERE, integrity, rows, run, write_articles
from pathological import SHAPES, write

from desktop.services.importing import import_paths
from desktop.store import open_workspace

SECONDS = 90  # far above what each takes (a few seconds); quadratic paths took many minutes
PEAK_MB = 1000  # the benchmark's budget is 500 MB; a bomb used to take 2 GB


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> tuple[Path, list[tuple], dict[str, str], dict[str, dict]]:
    tmp = tmp_path_factory.mktemp("pathological")
    ws = tmp / "w.chronologue"
    write_articles(tmp / "before", 3)
    opened = open_workspace(ws)
    assert import_paths(opened, [tmp / "before"]).count("imported") == 3
    opened.close()
    before = rows(ws, "SELECT id, text FROM articles ORDER BY id")
    expected = write(tmp / "files", full=False)
    results = {}
    for name in expected:
        path = tmp / "files" / name
        child = run([sys.executable, str(HERE / "import_one.py"), str(ws), str(path)],
                    timeout=SECONDS * 3)  # fmt: skip
        assert child.returncode == 0, child.stderr[-2000:]
        results[name] = json.loads(child.stdout.splitlines()[-1])
    return ws, before, expected, results


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_each_shape_within_budget_with_a_clear_message(imported, name: str) -> None:
    _ws, _before, expected, results = imported
    r = results[name]
    said = r["out"] + r["err"]
    assert "Traceback" not in said
    assert name in said  # the message names the file
    if expected[name]:
        assert expected[name] in said, said
    assert r["code"] == (0 if r["out"].startswith("imported") else 1), said
    assert r["seconds"] < SECONDS, r
    assert r["peak_mb"] < PEAK_MB, r


def test_workspace_sound_and_nothing_lost(imported) -> None:
    ws, before, expected, results = imported
    assert integrity(ws) == []
    assert rows(ws, "SELECT id, text FROM articles WHERE id <= ?", (before[-1][0],)) == before
    stored = {r[0] for r in rows(ws, "SELECT source_file FROM articles")}
    for name, r in results.items():
        assert (name in stored) == (r["out"].startswith("imported")), (name, r["out"])
