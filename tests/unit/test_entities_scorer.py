"""Scorer: actors and places proposed for each happening of the development articles.

The articles in tests/data/entities_dev.json were written for this (no public corpus).
Prints precision and recall of actors (by name), of their subject/object parts, and of
places, and holds them above floors so a regression fails.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.extract.entities import entities_for_spans, entity_key
from desktop.extract.sentences import split_sentences

DATA = Path(__file__).resolve().parents[1] / "data"
DEV = DATA / "entities_dev.json"
HOLDOUT = DATA / "entities_holdout.json"  # written after tuning; never tuned on


def _spans(article: dict) -> list[tuple[tuple[int, int], dict]]:
    text = article["text"]
    sentences = split_sentences(text)
    out = []
    for gold in article["happenings"]:
        at = text.index(gold["sentence"])
        span = next(s for s in sentences if s[0] <= at < s[1])
        out.append((span, gold))
    return out


def score(path: Path = DEV) -> dict[str, dict[str, float]]:
    counts = {k: [0, 0, 0] for k in ("actors", "roles", "places")}  # hit, proposed, gold
    misses: list[str] = []
    for article in json.loads(path.read_text(encoding="utf-8"))["articles"]:
        pairs = _spans(article)
        found = entities_for_spans(article["text"], [(span, None) for span, _ in pairs])
        for (_, gold), (actors, places) in zip(pairs, found, strict=True):
            got = {entity_key(a.name): a.role for a in actors}
            want = {entity_key(n): r for n, r in gold["actors"]}
            got_p = {entity_key(p.name) for p in places}
            want_p = {entity_key(p) for p in gold["places"]}
            for kind, g, w in (("actors", set(got), set(want)), ("places", got_p, want_p)):
                counts[kind][0] += len(g & w)
                counts[kind][1] += len(g)
                counts[kind][2] += len(w)
                if g != w:
                    misses.append(f"{gold['sentence'][:40]!r}: {kind} +{sorted(g - w)} "
                                  f"-{sorted(w - g)}")
            roles = counts["roles"]
            roles[0] += sum(1 for k in set(got) & set(want) if got[k] == want[k])
            roles[1] += len(got)
            roles[2] += len(want)
    result = {}
    for kind, (hit, proposed, gold) in counts.items():
        result[kind] = {
            "precision": round(hit / proposed, 3) if proposed else 1.0,
            "recall": round(hit / gold, 3) if gold else 1.0,
            "gold": gold,
        }
    result["misses"] = misses  # type: ignore[assignment]
    return result


def test_actor_and_place_precision_and_recall_on_the_development_articles(
    capsys: pytest.CaptureFixture[str],
) -> None:
    result = score()
    with capsys.disabled():
        for line in result.pop("misses"):
            print("  miss", line)
        print("\nentities on the development articles:", json.dumps(result))
    assert result["actors"]["gold"] >= 40 and result["places"]["gold"] >= 15
    assert result["actors"]["precision"] >= 0.8 and result["actors"]["recall"] >= 0.75
    assert result["places"]["precision"] >= 0.85 and result["places"]["recall"] >= 0.85
    assert result["roles"]["recall"] >= 0.6  # the right name in the right part


def test_actor_and_place_figures_on_held_out_articles(capsys: pytest.CaptureFixture[str]) -> None:
    result = score(HOLDOUT)
    with capsys.disabled():
        for line in result.pop("misses"):
            print("  miss", line)
        print("\nentities on the held-out articles:", json.dumps(result))
    assert result["actors"]["gold"] >= 20 and result["places"]["gold"] >= 10
    assert result["actors"]["precision"] >= 0.6 and result["actors"]["recall"] >= 0.6
    assert result["places"]["precision"] >= 0.6 and result["places"]["recall"] >= 0.6


def test_the_group_and_he_point_back_at_the_last_named_actor_of_their_kind() -> None:
    text = ("Gunmen from Ansar Dine attacked a convoy near Kidal on Monday. "
            "President Ibrahim Keita condemned the attack on Tuesday. "
            "The group said on Wednesday that it would fight on. "
            "He ordered reinforcements on Thursday.")
    found = entities_for_spans(text, [(span, None) for span in split_sentences(text)])
    assert [p.name for p in found[0][1]] == ["Kidal"]
    assert found[0][1][0].country == "ML" and found[0][1][0].latitude
    assert [(a.name, a.role) for a in found[2][0]] == [("Ansar Dine", "subject")]
    assert [(a.name, a.role) for a in found[3][0]] == [("Ibrahim Keita", "subject")]


def test_an_ambiguous_town_gets_no_coordinates_but_a_unique_one_does() -> None:
    from desktop.extract.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    saraqeb = gazetteer.locate("Saraqeb")  # an alternate spelling of Saraqib
    assert saraqeb.best.country == "SY" and round(saraqeb.best.latitude) == 36
    springfield = gazetteer.locate("Springfield")  # several US towns of similar size
    assert springfield.best is None and springfield.country == "US"
    assert gazetteer.locate("Syria").is_country


@pytest.mark.parametrize(("text", "actors"), [
    ("Antakya, Turkey – Syrian government forces backed by Russia shelled Idlib on Friday.",
     ["Syria", "Russia"]),  # the dateline says where the report was filed, not who acted
    ("BEIRUT (Reuters) - Turkish troops shelled Afrin on Friday.", ["Turkey"]),
    ("Turkey, Russia – and Iran met in Tehran on Friday.", ["Turkey", "Russia", "Iran"]),
])
def test_a_dateline_names_no_actor(text: str, actors: list[str]) -> None:
    (found, _places), = entities_for_spans(text, [((0, len(text)), None)])
    assert [a.name for a in found] == actors
