"""Speed of our tagger with event anchoring against dateparser's search_dates on the same
documents, in CPU time (the machine is shared).

Three figures: the tagger alone (`tag`), the tagger with anchoring (`anchor_text`: date
phrases, sentences, clauses, which happening each date dates, continuation and
publication dates; the issue's ">= 15x" is this one) and the full suggestion path
(`suggest`: the same plus titles and actors/places). Usage: python
benchmarks/extract_bench.py [--docs N]. The seed articles are repeated to make N
documents. The last line printed is one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.extract import suggest, tag  # noqa: E402
from desktop.extract.suggest import anchor_text  # noqa: E402

REFERENCE = date(2018, 9, 14)


def _documents(count: int) -> list[str]:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in seeds] or ["On Friday, talks began."]
    return [texts[i % len(texts)] for i in range(count)]


def _rate(func, docs: list[str]) -> tuple[float, int]:
    found = 0
    started = time.process_time()
    for text in docs:
        found += len(func(text) or [])
    elapsed = time.process_time() - started
    return len(docs) / elapsed if elapsed else float("inf"), found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=50, help="number of documents")
    args = parser.parse_args()
    docs = _documents(max(1, args.docs))

    from dateparser.search import search_dates

    base = datetime.combine(REFERENCE, datetime.min.time())
    settings = {"RELATIVE_BASE": base, "RETURN_AS_TIMEZONE_AWARE": False}
    suggest(docs[0], REFERENCE)  # warm up imports and regex caches for both
    search_dates(docs[0], languages=["en"], settings=settings)

    tag_only, _ = _rate(lambda t: tag(t, REFERENCE), docs)
    anchored, anchored_found = _rate(
        lambda t: [a for s in anchor_text(t, REFERENCE) for a in (*s.found, *s.phrases)], docs
    )
    ours, ours_found = _rate(lambda t: suggest(t, REFERENCE), docs)
    theirs, theirs_found = _rate(
        lambda t: search_dates(t, languages=["en"], settings=settings), docs
    )
    print(f"documents: {len(docs)} (avg {sum(map(len, docs)) // len(docs)} chars)")
    print(f"chronologue tag only:   {tag_only:10.1f} docs/s")
    print(f"chronologue tag + anchoring: {anchored:5.1f} docs/s  ({anchored_found} happenings)")
    print(f"chronologue suggest:    {ours:10.1f} docs/s  ({ours_found} happenings)")
    print(f"dateparser search_dates: {theirs:9.1f} docs/s  ({theirs_found} dates)")
    print(f"speed-up, tagger with anchoring: {anchored / theirs:.1f}x; "
          f"full suggest: {ours / theirs:.1f}x")
    print(
        json.dumps(
            {
                "docs": len(docs),
                "ours_docs_per_s": round(ours, 1),
                "tag_only_docs_per_s": round(tag_only, 1),
                "anchored_docs_per_s": round(anchored, 1),
                "dateparser_docs_per_s": round(theirs, 1),
                "ratio": round(anchored / theirs, 1),
                "ratio_tag_only": round(tag_only / theirs, 1),
                "ratio_suggest": round(ours / theirs, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
