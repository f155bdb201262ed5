"""The tagger on the hand-written development set (tests/data/devset.json).

A case passes when the tagger finds exactly the expected (text, value) pairs. We report
the case pass rate, mention recall and value accuracy, and mention precision.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from desktop.extract import tag

DEVSET = Path(__file__).resolve().parent.parent / "data" / "devset.json"
MIN_CASE_RATE = 0.95


def _cases() -> list[dict]:
    return json.loads(DEVSET.read_text(encoding="utf-8"))["cases"]


def _run(case: dict) -> list[tuple[str, str]]:
    reference = date.fromisoformat(case["reference"]) if case["reference"] else None
    found = tag(case["text"], reference, dayfirst=case.get("dayfirst", False))
    return [(t.text, t.value) for t in found]


def score() -> dict[str, object]:
    cases = _cases()
    passed = expected_total = text_found = value_right = predicted_total = predicted_right = 0
    failures = []
    for case in cases:
        got = _run(case)
        want = [(e["text"], e["value"]) for e in case["expected"]]
        if sorted(got) == sorted(want):
            passed += 1
        else:
            failures.append(f"{case['id']}: want {want} got {got}")
        got_texts = [text for text, _ in got]
        expected_total += len(want)
        for text, value in want:
            if text in got_texts:
                text_found += 1
                value_right += (text, value) in got
        predicted_total += len(got)
        predicted_right += sum(1 for item in got if item in want)
    return {
        "cases": len(cases),
        "passed": passed,
        "case_rate": passed / len(cases),
        "mention_recall": text_found / expected_total,
        "value_accuracy": value_right / max(text_found, 1),
        "precision": predicted_right / max(predicted_total, 1),
        "failures": failures,
    }


def test_devset_is_large_and_covers_every_category() -> None:
    cases = _cases()
    assert len(cases) >= 60
    categories = {c["category"] for c in cases}
    assert {
        "absolute",
        "partial",
        "weekday",
        "deictic",
        "anaphoric",
        "part",
        "decade",
        "range",
        "vague",
        "duration",
        "time",
        "trap",
    } <= categories


def test_devset_pass_rate() -> None:
    figures = score()
    print(
        f"\ndevset: {figures['passed']}/{figures['cases']} cases exact "
        f"({figures['case_rate']:.1%}); mention recall {figures['mention_recall']:.1%}, "
        f"value accuracy {figures['value_accuracy']:.1%}, precision {figures['precision']:.1%}"
    )
    for line in figures["failures"]:
        print("  ", line)
    assert figures["case_rate"] >= MIN_CASE_RATE


@pytest.mark.parametrize(
    "case", [c for c in _cases() if c["category"] == "trap"], ids=lambda c: c["id"]
)
def test_traps_are_not_tagged(case: dict) -> None:
    assert _run(case) == []
