"""Import speed and memory: N generated ~5 KB articles into a fresh workspace.

Prints articles/s and peak RSS at quarters of the run (flat memory means the
importer keeps nothing per article); the last line is one JSON object. Modes:
store (plain text, no suggestions), suggest (with date extraction and matching),
html (the same articles as web pages with navigation, cookie banner, related links
and footer, through trafilatura and htmldate, no suggestions).
"""

from __future__ import annotations

import argparse
import html
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _articles import article  # noqa: E402

from desktop.services.importing import import_paths  # noqa: E402
from desktop.store import open_workspace  # noqa: E402

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:site_name" content="The Bench Courier">
<meta property="article:published_time" content="2021-08-{day:02d}T09:00:00Z"></head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/subscribe">Subscribe</a></li></ul></nav>
<div class="cookies">We use cookies to improve your experience. Accept all</div></header>
<main><article><h1>{title}</h1>{paragraphs}</article></main>
<aside><h3>Most read</h3><ul><li><a href="/a">Cup final tonight</a></li>
<li><a href="/b">Ten recipes for spring</a></li></ul></aside>
<footer>&copy; 2021 The Bench Courier. All rights reserved. <a href="/privacy">Privacy</a></footer>
</body></html>"""


def page(index: int, text: str) -> str:
    """The generated article as a news page (its first line is the headline)."""
    lines = [line for line in text.split("\n") if line.strip()]
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in lines[1:])
    return PAGE.format(title=html.escape(lines[0]), paragraphs=paragraphs, day=index % 28 + 1)


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(folder: Path, workspace: Path, count: int, suggest: bool) -> dict:
    ws = open_workspace(workspace)
    marks: dict[str, float] = {}
    quarter = max(1, count // 4)

    def progress(done: int, total: int, _path: Path) -> None:
        if done and done % quarter == 0:
            marks[f"rss_mb_at_{done}"] = round(rss_mb(), 1)

    start = time.perf_counter()
    report = import_paths(ws, [folder], suggest=suggest, progress=progress)
    elapsed = time.perf_counter() - start
    ws.close()
    imported = report.count("imported")
    return {
        "articles": imported,
        "failed": report.count("failed"),
        "seconds": round(elapsed, 2),
        "articles_per_s": round(imported / elapsed, 1),
        "peak_rss_mb": round(rss_mb(), 1),
        **marks,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument(
        "--mode", choices=["all", "both", "store", "suggest", "html"], default="all",
        help="store: plain text, reading and storing only; suggest: with date extraction and "
        "matching; html: web pages, reading and storing only; both: store and suggest",
    )
    args = parser.parse_args()

    rng = random.Random(1)
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder, pages = Path(tmp) / "articles", Path(tmp) / "pages"
        folder.mkdir()
        pages.mkdir()
        for i in range(args.articles):
            text = article(i, rng)
            (folder / f"a{i:06d}.txt").write_text(text, encoding="utf-8")
            (pages / f"a{i:06d}.html").write_text(page(i, text), encoding="utf-8")
        modes = {"all": ["store", "suggest", "html"], "both": ["store", "suggest"]}.get(
            args.mode, [args.mode]
        )
        for mode in modes:
            target = Path(tmp) / f"{mode}.chronologue"
            source = pages if mode == "html" else folder
            result = run(source, target, args.articles, mode == "suggest")
            results[mode] = result
            print(f"{mode:>8}: {result['articles']} articles in {result['seconds']} s = "
                  f"{result['articles_per_s']} articles/s; peak RSS {result['peak_rss_mb']} MB ("
                  + ", ".join(f"{k.rsplit('_', 1)[1]}: {v}" for k, v in result.items()
                              if k.startswith("rss_mb_at")) + ")")
    print(json.dumps({"articles": args.articles, **results}))


if __name__ == "__main__":
    main()
