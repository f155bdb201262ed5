"""Scorer: dated happenings in Arabic, French, Russian, Turkish, Spanish and German.

tests/data/languages/<code>/ holds short news articles written for Chronologue (none
copied, no public corpus used) with an articles.csv of publication dates, as an analyst's
folder has; gold.tsv lists each happening: the article, its date (YYYY-MM-DD, YYYY-MM or
YYYY-Www) and a fragment of the sentence that reports it. The language is detected from
the text, as on import. A happening is found when a suggestion citing its sentence has
its date; a suggestion is correct when its sentence reports a happening on its date.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from desktop.extract import suggest
from desktop.ingest.language import detect_language

DATA = Path(__file__).resolve().parent.parent / "data" / "languages"
LANGUAGES = ("ar", "fr", "ru", "tr", "es", "de")
MIN_RECALL, MIN_PRECISION = 0.90, 0.85


def gold(data: Path = DATA) -> dict[str, list[dict[str, str]]]:
    by_file: dict[str, list[dict[str, str]]] = {}
    with open(data / "gold.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            by_file.setdefault(row["file"], []).append(row)
    return by_file


def articles(language: str, data: Path = DATA) -> list[tuple[str, date, str]]:
    folder = data / language
    with open(folder / "articles.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return [(r["file"], date.fromisoformat(r["published"]),
             (folder / r["file"]).read_text(encoding="utf-8")) for r in rows]  # fmt: skip


def score(language: str, data: Path = DATA) -> dict[str, object]:
    happenings = gold(data)
    total = found = suggestions = correct = 0
    missed: list[str] = []
    wrong: list[str] = []
    for name, published, text in articles(language, data):
        detected = detect_language(text)
        assert detected == language, f"{name} detected as {detected}"
        items = suggest(text, published, detected)
        events = happenings.get(name, [])
        spans = []
        for event in events:
            at = text.index(event["fragment"])
            spans.append((at, event["date"]))
        for at, when in spans:
            total += 1
            if any(s.start <= at < s.end and s.value == when for s in items):
                found += 1
            else:
                missed.append(f"{name}: {when} {text[at:at + 40]!r}")
        for s in items:
            assert text[s.start : s.end] == s.quote
            if s.timex_start is not None:
                assert text[s.timex_start : s.timex_end] == s.date_phrase
            suggestions += 1
            if any(s.start <= at < s.end and s.value == when for at, when in spans):
                correct += 1
            else:
                wrong.append(f"{name}: {s.value} {s.date_phrase!r} {s.quote[:40]!r}")
    return {"total": total, "found": found, "suggestions": suggestions, "correct": correct,
            "recall": found / total, "precision": correct / suggestions if suggestions else 0,
            "missed": missed, "wrong": wrong}  # fmt: skip


@pytest.mark.parametrize("language", LANGUAGES)
def test_language_devset_meets_the_bar(language: str) -> None:
    figures = score(language)
    print(f"\n{language}: happenings found with their date {figures['found']}/{figures['total']} "
          f"(recall {figures['recall']:.0%}); suggestions correct {figures['correct']}/"
          f"{figures['suggestions']} (precision {figures['precision']:.0%})")  # fmt: skip
    for line in figures["missed"]:
        print("  missed:", line)
    for line in figures["wrong"]:
        print("  wrong: ", line)
    assert len(articles(language)) >= 10
    assert figures["recall"] >= MIN_RECALL
    assert figures["precision"] >= MIN_PRECISION
