"""Scorer: happenings, their dates and cross-article merging on our own development set.

tests/data/happenings.txt holds 40 short invented articles with the happenings an
analyst would list. Each article is imported into one workspace (so reports of one
happening in several articles can merge); a gold happening is found when a suggested
event cites its sentence, dated exactly when that citation's value is the gold date.
A multi-article happening is merged when one event cites it in two or more articles; a
wrong merge is an event whose citations report different gold happenings in different
articles. Suggestions citing a sentence with no gold happening are counted as noise.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from desktop.extract.sentences import split_sentences
from desktop.ingest import draft_from_text
from desktop.services.importing import import_draft
from desktop.services.queries import event_rows
from desktop.store import open_workspace

DATA = Path(__file__).resolve().parent.parent / "data" / "happenings.txt"
FRESH = DATA.with_name("happenings_fresh.txt")
THIRD = DATA.with_name("happenings_third.txt")
FOURTH = DATA.with_name("happenings_fourth.txt")
_MARK = re.compile(r"\s*\{([^}]*)\}")


def load(path: Path = DATA) -> list[dict]:
    """Articles with text, published date and gold happenings (key, date, sentence span)."""
    articles: list[dict] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        if line.startswith("== "):
            _, name, published = line.split()
            articles.append({"id": name, "published": date.fromisoformat(published),
                             "lines": []})  # fmt: skip
            continue
        articles[-1]["lines"].append(line)
    for article in articles:
        text, marks = "", []
        for line in article["lines"]:
            cursor = 0
            for m in _MARK.finditer(line):
                text += line[cursor : m.start()]
                marks.append((len(text) - 1, m.group(1)))
                cursor = m.end()
            text += line[cursor:] + "\n"
        spans = split_sentences(text)
        gold = []
        for at, body in marks:
            sentence = next(s for s in spans if s[0] <= at < s[1])
            for part in body.split(";"):
                key, when = part.split()
                gold.append({"key": key, "date": when, "span": sentence})
        article["text"], article["gold"] = text, gold
    return articles


def score(articles: list[dict], events: list[dict]) -> dict:
    by_file = {f"{a['id']}.txt": a for a in articles}

    def gold_at(citation: dict) -> list[dict]:
        article = by_file[citation["source_file"]]
        return [g for g in article["gold"]
                if g["span"][0] < citation["end"] and citation["start"] < g["span"][1]]

    found = exact = 0
    hit_events: dict[tuple[str, str], set[int]] = {}
    total = sum(len(a["gold"]) for a in articles)
    for a in articles:
        name = f"{a['id']}.txt"
        for g in a["gold"]:
            cites = [(e, c) for e in events for c in e["citations"]
                     if c["source_file"] == name and g in gold_at(c)]  # fmt: skip
            if cites:
                found += 1
                exact += any(c["value"] == g["date"] for _, c in cites)
                # union: one article may report a happening in two sentences
                hit_events.setdefault((g["key"], name), set()).update(e["id"] for e, _ in cites)
    keys: dict[str, set[str]] = {}
    for a in articles:
        for g in a["gold"]:
            keys.setdefault(g["key"], set()).add(f"{a['id']}.txt")
    multi = {k: files for k, files in keys.items() if len(files) > 1}
    merged = 0
    for key, files in multi.items():
        ids = [hit_events.get((key, f), set()) for f in files]
        if any(sum(i in s for s in ids) >= 2 for s in ids for i in s):
            merged += 1
    wrong = 0
    for e in events:
        reported = {(c["source_file"], g["key"]) for c in e["citations"] for g in gold_at(c)}
        files = {f for f, _ in reported}
        if len(files) > 1 and not set.intersection(
            *({k for f2, k in reported if f2 == f} for f in files)
        ):
            wrong += 1
    pairs = [c for e in events for c in e["citations"]]
    noise = sum(1 for c in pairs if not gold_at(c))
    return {"gold": total, "found": found, "exact": exact, "multi": len(multi),
            "merged": merged, "wrong_merges": wrong, "suggestions": len(pairs),
            "noise": noise}  # fmt: skip


def test_loader_finds_every_gold_sentence() -> None:
    articles = load()
    assert len(articles) >= 40
    for a in articles:
        for g in a["gold"]:
            start, end = g["span"]
            assert 0 <= start < end <= len(a["text"]) and "{" not in a["text"]
    keys = [g["key"] for a in articles for g in a["gold"]]
    assert len(set(keys)) < len(keys)  # several happenings are reported by several articles


def _measure(path: Path, folder: Path) -> tuple[dict, float, float]:
    articles = load(path)
    ws = open_workspace(folder / "dev.chronologue")
    try:
        for a in articles:
            draft = draft_from_text(a["text"], source_file=f"{a['id']}.txt")
            draft.published = a["published"]
            import_draft(ws, draft)
        events = event_rows(ws)
    finally:
        ws.close()
    s = score(articles, events)
    recall, exact = s["found"] / s["gold"], s["exact"] / s["gold"]
    print(f"\n{path.name}: recall {s['found']}/{s['gold']} ({recall:.0%}), exact date "
          f"{s['exact']}/{s['gold']} ({exact:.0%}); multi-article merged {s['merged']}/"
          f"{s['multi']}, wrong merges {s['wrong_merges']}; suggestions citing no happening "
          f"{s['noise']}/{s['suggestions']} ({s['noise'] / max(1, s['suggestions']):.0%})")
    return s, recall, exact


def test_happenings_devset_scores(tmp_path: Path) -> None:
    s, recall, exact = _measure(DATA, tmp_path)
    assert recall >= 0.8 and exact >= 0.6
    assert s["merged"] * 2 >= s["multi"] and s["wrong_merges"] == 0
    assert s["noise"] * 2 <= s["suggestions"]


def test_fresh_set_written_after_the_rules_froze(tmp_path: Path) -> None:
    # Scored once when written: recall 89%, exact date 57%, 1 of 3 merged, no wrong merge,
    # 12% noise. The bar below is that first result, so that a regression shows. On 3 Dec
    # its misses were read (so it is no longer blind) and three general rules came of them
    # (a present perfect is not the story's last date, a continued date is a day, "by
    # Sunday" in the past tense dates what was done): exact date 66% since. Later that day
    # one gold line was completed: fresh-01's "..., the company said on Tuesday" also
    # reports the disclosure fresh-02 dates "a day after" Wednesday (it listed the hack only).
    s, recall, exact = _measure(FRESH, tmp_path)
    assert recall >= 0.85 and exact >= 0.55 and s["wrong_merges"] == 0
    assert s["noise"] * 2 <= s["suggestions"]


def test_scorer_counts_merges_and_wrong_merges() -> None:
    a = {"id": "a", "gold": [{"key": "k1", "date": "2020-01-01", "span": (0, 10)}]}
    b = {"id": "b", "gold": [{"key": "k1", "date": "2020-01-01", "span": (0, 10)},
                             {"key": "k2", "date": "2020-01-02", "span": (20, 30)}]}  # fmt: skip

    def cite(f, start, value):
        return {"source_file": f, "start": start, "end": start + 5, "value": value}

    good = {"id": 1, "citations": [cite("a.txt", 0, "2020-01-01"), cite("b.txt", 0, "2020-01-01")]}
    bad = {"id": 2, "citations": [cite("a.txt", 0, "2020-01-01"), cite("b.txt", 20, "2020-01-03")]}
    s = score([a, b], [good])
    assert (s["found"], s["exact"], s["merged"], s["wrong_merges"]) == (2, 2, 1, 0)
    s = score([a, b], [bad])
    assert (s["found"], s["exact"], s["merged"], s["wrong_merges"]) == (2, 1, 0, 1)


def test_third_set_written_after_the_rules_of_3_december(tmp_path: Path) -> None:
    # Scored once when written: recall 27/29, exact date 26/29, 1 of 3 merged, no wrong
    # merge, 4 of 32 noise. Its writer also wrote that day's rules, so its sentences may
    # lean on what they handle: read it as an upper bound for unseen news, and the bar
    # below as a regression guard.
    s, recall, exact = _measure(THIRD, tmp_path)
    assert recall >= 0.9 and exact >= 0.85 and s["wrong_merges"] == 0
    assert s["noise"] * 2 <= s["suggestions"]


def test_fourth_set_written_after_the_rules_of_4_december(tmp_path: Path) -> None:
    # Scored once when written (with the merge count fixed the same day: it kept only the
    # last sentence of an article that reports a happening twice): recall 30/30, exact date
    # 27/30, 2 of 4 merged, no wrong merge, 10 of 40 noise (background history: "The ship
    # was built in 1998"). The bar is that first result.
    s, recall, exact = _measure(FOURTH, tmp_path)
    assert recall >= 0.95 and exact >= 0.9 and s["wrong_merges"] == 0
    assert s["merged"] * 2 >= s["multi"] and s["noise"] * 2 <= s["suggestions"]
