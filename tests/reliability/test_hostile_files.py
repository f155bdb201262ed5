"""Files made to break parsers: each ends in its own clear message, in bounded time and memory.

The corpus is written by tests/data/make_hostile.py (the small files are also committed
in tests/data/hostile/). Everything is imported in one child process, one file at a
time, which reports each file's outcome, time and the process's peak memory.
"""

from __future__ import annotations

import importlib.util
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from _reliability import REPO, integrity, rows, run

from desktop.ingest import read_bytes
from desktop.services.importing import import_paths
from desktop.store import open_workspace

DATA = REPO / "tests" / "data"
SECONDS_PER_FILE = 20  # generous for slow CI; here the slowest takes under 3 s
PEAK_RSS_MB = 1200

_spec = importlib.util.spec_from_file_location("make_hostile", DATA / "make_hostile.py")
hostile = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hostile)

DRIVER = """
import json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from import_one import peak_mb  # VmHWM: ru_maxrss would include the pytest parent's size
from desktop.services.importing import import_file
from desktop.store import open_workspace
ws = open_workspace(sys.argv[1])
for path in sorted(Path(sys.argv[2]).iterdir(), key=lambda p: str(p)):
    if path.name == "expected.json":
        continue
    start = time.perf_counter()
    result = import_file(ws, path)
    print(json.dumps({"file": path.name, "status": result.status, "message": result.message,
                      "seconds": time.perf_counter() - start,
                      "peak_mb": peak_mb()}),
          flush=True)
ws.close()
"""


def test_committed_corpus_is_what_the_script_writes(tmp_path: Path) -> None:
    expected = hostile.build(tmp_path)
    committed = DATA / "hostile"
    assert json.loads((committed / "expected.json").read_text()) == expected
    for name in expected:
        assert (committed / name).read_bytes() == (tmp_path / name).read_bytes(), name
    assert sum(p.stat().st_size for p in committed.iterdir()) < 1024 * 1024


def test_every_hostile_file_gets_its_own_clear_message(tmp_path: Path) -> None:
    files = tmp_path / "files"
    expected = hostile.build(files, big=True)
    os.mkfifo(files / "named_pipe.txt")  # would block a naive reader forever
    expected["named_pipe.txt"] = ["failed", "not a regular file"]
    bad_name = os.fsdecode(b"bad_name_\xff\xfe.txt")  # not UTF-8: SQLite refuses surrogates
    (files / bad_name).write_bytes(hostile._a("bad name").encode())
    expected[bad_name] = ["imported", ""]

    ws = tmp_path / "w.chronologue"
    child = run([sys.executable, "-c", DRIVER, str(ws), str(files), str(Path(__file__).parent)],
                timeout=SECONDS_PER_FILE * 4 + 60)  # fmt: skip
    assert child.returncode == 0, child.stderr[-3000:]
    results = {r["file"]: r for r in map(json.loads, child.stdout.splitlines())}
    assert set(results) == set(expected)
    for name, (status, part) in expected.items():
        r = results[name]
        assert (r["status"], name) == (status, name), r["message"]
        assert part in r["message"], (name, r["message"])
        if status == "failed":
            assert "\n" not in r["message"] and 10 < len(r["message"]) < 300
        assert r["seconds"] < SECONDS_PER_FILE, (name, r["seconds"])
    peak = max(r["peak_mb"] for r in results.values())
    assert peak < PEAK_RSS_MB, f"peak memory {peak:.0f} MB"
    slowest = max(results.values(), key=lambda r: r["seconds"])
    print(f"{len(results)} hostile files; slowest {slowest['file']} {slowest['seconds']:.1f} s; "
          f"peak RSS {peak:.0f} MB")

    assert integrity(ws) == []
    for source, text in rows(ws, "SELECT source_file, text FROM articles"):
        assert "\ufffd" in source or source in expected
        assert "<p>" not in text and "alert(" not in text and "fetch(" not in text, source


def test_html_never_fetches_or_runs_anything(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def refuse(what: str):
        def call(*args, **kwargs):
            calls.append(what)
            raise AssertionError(f"{what} called while reading HTML")

        return call

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    monkeypatch.setattr(subprocess, "Popen", refuse("subprocess"))
    draft = read_bytes(hostile._html_with_remote_things(), "remote_and_scripts.html")
    assert calls == []
    assert hostile._a("remote") in draft.text  # the article is there, as plain text
    for trace in ("alert", "fetch", "http://", "<", "background"):
        assert trace not in draft.text, trace


def test_extraction_failure_keeps_the_article_and_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import desktop.services.suggesting as suggesting

    real = suggesting.suggest

    def flaky(text: str, *args, **kwargs):
        if "Case broken" in text:
            raise RuntimeError("tagger bug")
        return real(text, *args, **kwargs)

    monkeypatch.setattr(suggesting, "suggest", flaky)
    for tag in ("one", "broken", "two"):
        (tmp_path / f"{tag}.txt").write_text(hostile._a(tag))
    ws = open_workspace(tmp_path / "w.chronologue")
    try:
        report = import_paths(ws, [tmp_path])
    finally:
        ws.close()
    by_name = {r.path.name: r for r in report.results}
    assert [r.status for r in report.results] == ["imported"] * 3
    assert "date extraction failed (RuntimeError: tagger bug)" in by_name["broken.txt"].message
    assert by_name["one.txt"].suggestions > 0 and by_name["two.txt"].suggestions > 0
    stored = rows(tmp_path / "w.chronologue", "SELECT source_file, extraction_error FROM articles")
    assert dict(stored)["broken.txt"].endswith("(RuntimeError: tagger bug)")


ONE_LINE = """
import sys
from desktop.ingest import read_bytes
from desktop.extract import suggest
draft = read_bytes(b"It rained. " * 6000, "one_line.txt")
suggest(draft.text, None, "en")
"""


def test_prose_on_one_line_is_tagged_in_bounded_time() -> None:
    # A hang detector, not a speed target: the quadratic splitter took minutes here; the
    # linear one takes well under a second plus the interpreter's start-up.
    try:
        child = run([sys.executable, "-c", ONE_LINE], timeout=30)
    except subprocess.TimeoutExpired:
        pytest.fail("66 KB of prose on one line took more than 30 s to tag")
    assert child.returncode == 0, child.stderr

