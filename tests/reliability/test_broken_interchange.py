"""Broken events files (generated here): each gets a message naming the file, the record
and the field, never a traceback, in bounded time; what was stored before stays intact.

A Chronologue JSON document imports nothing when any record is broken; CSV rows and
TimelineJS slides are independent, so the valid ones are imported and each bad one listed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from _reliability import integrity, rows, run

from desktop.services.editing import create_event
from desktop.store import open_workspace
from desktop.temporal import FuzzyDate

SECONDS = 10  # generous for a loaded CI machine; each file takes well under a second here

DRIVER = """
import io, json, sys, time
from desktop.cli import main
for path in sys.argv[2:]:
    out, err = io.StringIO(), io.StringIO()
    start = time.perf_counter()
    code = main(["import-events", "--workspace", sys.argv[1], path], out, err)
    print(json.dumps({"file": path, "code": code, "out": out.getvalue(), "err": err.getvalue(),
                      "seconds": time.perf_counter() - start}), flush=True)
"""


def _date(earliest: str, latest: str, precision: str = "day") -> dict:
    return {"earliest": earliest, "latest": latest, "precision": precision}


def _doc(**event) -> bytes:
    ev = {"id": 7, "title": "Talks", "start": _date("2018-09-07T00:00", "2018-09-07T23:59")}
    ev.update(event)
    return json.dumps({"format": "chronologue", "version": 1, "articles": [],
                       "events": [ev]}).encode()  # fmt: skip


def _slides(*dates: str) -> bytes:
    slides = ",".join(f'{{"start_date": {d}, "text": {{"headline": "Slide"}}}}' for d in dates)
    return f'{{"events": [{slides}]}}'.encode()


VALID_ROW = "Meeting,2018-09-07,\n"
# name -> (bytes, exit code, events imported, what stderr must say)
CASES: dict[str, tuple[bytes, int, int, list[str]]] = {
    "nan_confidence.json": (_doc(confidence=float("nan")), 1, 0,
                            ["event 1 (id 7), confidence: nan is not a number",
                             "nothing was imported"]),
    "infinity_confidence.json": (_doc(confidence=float("inf")), 1, 0,
                                 ["event 1 (id 7), confidence: inf is not a number"]),
    "before_year_1.json": (_doc(start=_date("0000-12-31T00:00", "0001-01-01T23:59")), 1, 0,
                           ["event 1 (id 7), start:"]),
    "after_9999.json": (_doc(start=_date("9999-12-31T00:00", "10000-01-01T00:00")), 1, 0,
                        ["event 1 (id 7), start:"]),
    "inverted_range.json": (_doc(start=_date("2018-09-08T00:00", "2018-09-07T00:00")), 1, 0,
                            ["event 1 (id 7), start: latest 2018-09-07T00:00 is before"]),
    "wrong_types.json": (_doc(title=5, tags="a,b"), 1, 0, ["event 1 (id 7), title: Expected str"]),
    "huge_id.json": (_doc(id=2**80), 1, 0, ["), id: Expected int <= "]),
    "deep_nesting.json": (b"[" * 200_000 + b"]" * 200_000, 1, 0, ["cannot be read as JSON"]),
    "huge_number.json": (b'{"events": [' + b"9" * 50_000 + b"]}", 1, 0,
                         ["cannot be read as JSON"]),
    "after_9999.csv": (b"title,start,start_qualifier\nLate,9999,after\n" + VALID_ROW.encode(),
                       1, 1, ["line 2: column 'start': the date is outside the years"]),
    # before 1 CE reaches back to 10,000 BCE since dates BCE are stored; before that, no
    "before_year_1.csv": (b"title,start,start_qualifier\nEarly,0001,before\n", 0, 1, []),
    "before_10000_bce.csv": (b"title,start,start_qualifier\nEarly,-9999,before\n", 1, 0,
                             ["line 2: column 'start': ", "before 10000 BCE"]),
    "field_over_1mb.csv": (b"title,start,description\nBig,2018-09-07,"
                           + b"x" * (2 * 1024 * 1024) + b"\n" + VALID_ROW.encode(), 1, 1,
                           ["line 2: column 'description' holds 2,048 KB"]),
    "field_of_200kb.csv": (b"title,start,description\nBig,2018-09-07," + b"x" * 200_000 + b"\n",
                           0, 1, []),
    "bad_precision.csv": (b"title,start,start_precision\nX,2018-09-07,fortnight\n", 1, 0,
                          ["line 2: column 'start': 'fortnight' is not a valid Precision"]),
    "not_utf8.csv": (b"title,start\n\xff\xfe\xfa,2018\n", 1, 0, ["not UTF-8 text"]),
    "timelinejs_infinity.json": (_slides('{"year": Infinity}', '{"year": 2020}'), 1, 1,
                                 ["event 1: start_date, year: inf is not a number"]),
    "timelinejs_nan_month.json": (_slides('{"year": 2020, "month": NaN}'), 1, 0,
                                  ["event 1: start_date, month: nan is not a number"]),
    "timelinejs_year_10000.json": (_slides('{"year": 10000}'), 1, 0,
                                   ["event 1: start_date, year: Expected int <= 9999"]),
    "timelinejs_bad_day.json": (_slides('{"year": 2021, "month": 2, "day": 30}'), 1, 0,
                                ["event 1: start_date: day is out of range for month"]),
    "timelinejs_text_is_list.json": (b'{"events": [{"start_date": {"year": 2020}, "text": ["x"]}]}',
                                     1, 0, ["event 1: text: expected an object"]),
}  # fmt: skip


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory) -> tuple[Path, list[tuple], dict[str, dict]]:
    tmp = tmp_path_factory.mktemp("interchange")
    ws_path = tmp / "w.chronologue"
    ws = open_workspace(ws_path)
    for n in range(3):
        create_event(ws, f"Stored before {n}", FuzzyDate.day(2019, 3, n + 1))
    ws.close()
    before = rows(ws_path, "SELECT * FROM events ORDER BY id")
    files = []
    for name, (data, *_rest) in CASES.items():
        (tmp / name).write_bytes(data)
        files.append(str(tmp / name))
    child = run([sys.executable, "-c", DRIVER, str(ws_path), *files],
                timeout=SECONDS * len(files) + 60)  # fmt: skip
    assert child.returncode == 0, child.stderr[-3000:]
    results = {Path(r["file"]).name: r for r in map(json.loads, child.stdout.splitlines())}
    return ws_path, before, results


@pytest.mark.parametrize("name", sorted(CASES))
def test_broken_file_is_reported_not_raised(outcomes, name: str) -> None:
    _ws, _before, results = outcomes
    _data, code, events, needles = CASES[name]
    r = results[name]
    assert "Traceback" not in r["err"], r["err"]
    assert r["code"] == code, r["err"]
    assert f"{events} events and" in r["out"] or code == 1 and not r["out"], r
    for needle in needles:
        assert needle in r["err"], (needle, r["err"])
    if code:
        assert name in r["err"]  # the message names the file
    assert r["seconds"] < SECONDS


def test_nothing_stored_before_is_lost(outcomes) -> None:
    ws, before, _results = outcomes
    assert integrity(ws) == []
    after = rows(ws, "SELECT * FROM events ORDER BY id")
    assert after[: len(before)] == before
    imported = sum(events for _d, _c, events, _n in CASES.values())
    assert len(after) == len(before) + imported
