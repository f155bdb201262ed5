"""Scorer: the seeds imported as a folder must yield the gold events.

A gold event is hit when an event has its date (or an 'also' date) at the stated
precision and one of its citations overlaps the gold quote's span. The gold lists the
happenings a date phrase dates, so precision counts the citations dated by a phrase;
those dated by text continuation or the article's date are scored on the happenings
development set (tests/unit/test_happenings_devset.py).
"""

from __future__ import annotations

import json
from pathlib import Path

from desktop.services.importing import import_paths
from desktop.services.queries import event_rows
from desktop.store import open_workspace

GOLD = Path(__file__).resolve().parents[1] / "data" / "seed_events.json"


def score(events: list[dict], gold: dict) -> dict:
    by_file = {a["file"]: a for a in gold["articles"]}
    pairs = [(e, c) for e in events for c in e["citations"]
             if c.get("anchor") in (None, "phrase")]

    def hits(event: dict, citation: dict, g: dict) -> bool:
        dates = {g["date"], *g.get("also", [])}
        return (
            event["value"] in dates
            and citation["start"] < g["end"]
            and g["start"] < citation["end"]
        )

    required = [
        (a["file"], g) for a in gold["articles"] for g in a["events"] if not g.get("optional")
    ]
    found = [
        (f, g) for f, g in required
        if any(c["source_file"] == f and hits(e, c, g) for e, c in pairs)
    ]
    correct = [
        (e, c) for e, c in pairs
        if any(hits(e, c, g) for g in by_file[c["source_file"]]["events"])
    ]
    missed = [f"{f}: {g['date']} {g['quote']!r}" for f, g in required if (f, g) not in found]
    wrong = [f"{c['source_file']}: {e['value']} {c['quote'][:80]!r}" for e, c in pairs
             if (e, c) not in correct]
    return {
        "required": len(required), "found": len(found), "pairs": len(pairs),
        "correct": len(correct), "missed": missed, "wrong": wrong,
    }


def test_seed_suggestions_meet_the_bar(seeds_dir: Path, workspace_path: Path) -> None:
    ws = open_workspace(workspace_path)
    report = import_paths(ws, [seeds_dir])
    assert report.count("imported") == 5
    events = event_rows(ws)
    ws.close()
    result = score(events, json.loads(GOLD.read_text(encoding="utf-8")))
    precision = result["correct"] / max(1, result["pairs"])
    inferred = sum(c.get("anchor") not in (None, "phrase") for e in events for c in e["citations"])
    print(f"\nrequired events found: {result['found']}/{result['required']}; "
          f"pairs right: {result['correct']}/{result['pairs']} ({precision:.0%}) of those "
          f"dated by a phrase; {inferred} more dated by continuation or article date")
    for line in result["missed"]:
        print("  missed:", line)
    for line in result["wrong"]:
        print("  wrong: ", line)
    assert result["required"] == 29
    assert result["found"] == 29, result["missed"]
    assert precision >= 0.85, result["wrong"]


def test_scorer_counts_misses_and_wrong_pairs() -> None:
    gold = {"articles": [{"file": "a.txt", "events": [
        {"date": "2018-09-07", "start": 10, "end": 20, "quote": "q"},
        {"date": "2018-09", "start": 30, "end": 40, "quote": "r", "optional": True},
    ]}]}
    cite = {"source_file": "a.txt", "start": 15, "end": 25, "quote": "x"}
    good = {"value": "2018-09-07", "citations": [cite]}
    bad = {"value": "2018-09-08", "citations": [dict(cite, start=0, end=12)]}
    result = score([good, bad], gold)
    assert (result["found"], result["required"], result["correct"], result["pairs"]) == (1, 1, 1, 2)
    assert score([bad], gold)["found"] == 0
