"""Scores the tagger's DATE timexes on a blind, hand-annotated news set.

The dev set was written alongside the tagger, so it cannot show how the rules
generalise. tests/data/blindset.jsonl was written without looking at the rules
(TimeML/TIMEX3 conventions, DATE only) and is scored the TempEval-3 way: strict and
relaxed (overlapping) span P/R/F1, value accuracy over relaxed matches, and value
F1 = relaxed F1 x value accuracy.

Documents b*, c* and d* were written blind (before reading desktop/extract); the only
gold edits since were two missed "now" (PRESENT_REF, TimeML tags every "now") in c03 and
c19. Documents whose id contains "posthoc" were written after reading the rules, as a
fresh probe of the fixes; they are scored together with the rest and also apart.

Run ``python tests/unit/test_extract_blindset.py`` to print the error table.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from desktop.extract import tag

DATA = Path(__file__).resolve().parent.parent / "data" / "blindset.jsonl"
MIN_VALUE_F1 = 0.99


@dataclass
class Score:
    """Counts for span and value metrics plus the rows that explain the misses."""

    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed_gold: int = 0
    relaxed_pred: int = 0
    value_ok: int = 0
    misses: list[str] = field(default_factory=list)
    false_pos: list[str] = field(default_factory=list)
    wrong_values: list[str] = field(default_factory=list)

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def metrics(self) -> dict[str, float]:
        sp = self.strict / self.predicted if self.predicted else 0.0
        sr = self.strict / self.gold if self.gold else 0.0
        rp = self.relaxed_pred / self.predicted if self.predicted else 0.0
        rr = self.relaxed_gold / self.gold if self.gold else 0.0
        rf = self._f1(rp, rr)
        acc = self.value_ok / self.relaxed_gold if self.relaxed_gold else 0.0
        return {
            "strict_p": sp,
            "strict_r": sr,
            "strict_f1": self._f1(sp, sr),
            "relaxed_p": rp,
            "relaxed_r": rr,
            "relaxed_f1": rf,
            "value_acc": acc,
            "value_f1": rf * acc,
        }


def load() -> list[dict]:
    with DATA.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def score(posthoc: bool | None = None) -> Score:
    """Matches each gold DATE to the first unused overlapping predicted DATE.

    `posthoc` picks the post-hoc documents (True), the blind ones (False) or all (None).
    """
    docs = [d for d in load() if posthoc is None or ("posthoc" in d["doc_id"]) == posthoc]
    return score_docs(docs, ("DATE",))


def score_docs(docs: list[dict], types: tuple[str, ...]) -> Score:
    """The TempEval-3 way over `docs` (doc_id, dct, text, gold spans), predictions of
    `types` only; the other sets' scorers (test_narratives_set) use it too."""
    result = Score()
    for doc in docs:
        text = doc["text"]
        gold = doc["gold"]
        pred = [t for t in tag(text, date.fromisoformat(doc["dct"])) if t.type in types]
        result.gold += len(gold)
        result.predicted += len(pred)
        used: set[int] = set()
        for g in gold:
            assert text[g["start"] : g["end"]] == g["text"], g
            match = None
            for i, p in enumerate(pred):
                if i not in used and p.start < g["end"] and g["start"] < p.end:
                    match = i
                    break
            if match is None:
                result.misses.append(f"{doc['doc_id']}: {g['text']!r} = {g['value']}")
                continue
            used.add(match)
            p = pred[match]
            result.relaxed_gold += 1
            if (p.start, p.end) == (g["start"], g["end"]):
                result.strict += 1
            if p.value == g["value"]:
                result.value_ok += 1
            else:
                result.wrong_values.append(
                    f"{doc['doc_id']}: {g['text']!r} gold {g['value']} got {p.value!r} ({p.text!r})"
                )
        for i, p in enumerate(pred):
            if i in used:
                continue
            if any(p.start < g["end"] and g["start"] < p.end for g in gold):
                result.relaxed_pred += 1  # a second prediction inside an already-matched gold
            else:
                result.false_pos.append(f"{doc['doc_id']}: {p.text!r} = {p.value!r}")
        result.relaxed_pred += len(used)
    return result


def report(result: Score) -> str:
    lines = [f"{k:>10}: {v:.3f}" for k, v in result.metrics().items()]
    lines.append(f"gold={result.gold} predicted={result.predicted}")
    for title, rows in (
        ("MISSES", result.misses),
        ("FALSE POSITIVES", result.false_pos),
        ("WRONG VALUES", result.wrong_values),
    ):
        lines.append(f"-- {title} ({len(rows)})")
        lines.extend(f"   {row}" for row in rows)
    return "\n".join(lines)


def test_blindset_value_f1() -> None:
    result = score()
    print(report(result))
    assert result.metrics()["value_f1"] >= MIN_VALUE_F1, report(result)
    blind = score(posthoc=False)
    assert blind.metrics()["value_f1"] >= MIN_VALUE_F1, report(blind)


if __name__ == "__main__":
    for label, which in (("BLIND", False), ("POST-HOC", True)):
        part = score(which).metrics()
        print(label, " ".join(f"{k}={v:.3f}" for k, v in part.items()))
    print(report(score()))
