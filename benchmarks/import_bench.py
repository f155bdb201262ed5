"""Import speed and memory: N generated ~5 KB articles into a fresh workspace.

Prints articles/s and peak RSS at quarters of the run (flat memory means the
importer keeps nothing per article); the last line is one JSON object.
"""

from __future__ import annotations

import argparse
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
        "--mode", choices=["both", "store", "suggest"], default="both",
        help="store: reading and storing only; suggest: with date extraction and matching",
    )
    args = parser.parse_args()

    rng = random.Random(1)
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for i in range(args.articles):
            (folder / f"a{i:06d}.txt").write_text(article(i, rng), encoding="utf-8")
        modes = ["store", "suggest"] if args.mode == "both" else [args.mode]
        for mode in modes:
            target = Path(tmp) / f"{mode}.chronologue"
            result = run(folder, target, args.articles, mode == "suggest")
            results[mode] = result
            print(f"{mode:>8}: {result['articles']} articles in {result['seconds']} s = "
                  f"{result['articles_per_s']} articles/s; peak RSS {result['peak_rss_mb']} MB ("
                  + ", ".join(f"{k.rsplit('_', 1)[1]}: {v}" for k, v in result.items()
                              if k.startswith("rss_mb_at")) + ")")
    print(json.dumps({"articles": args.articles, **results}))


if __name__ == "__main__":
    main()
