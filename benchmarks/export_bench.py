"""PDF export speed: N events with citations, fitted on one A3 page plus the sources.

Targets: 1,000 events in <= 5 s, 10,000 in <= 30 s (gathering from SQLite included).
Prints one line per size; the last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.export import ExportOptions  # noqa: E402
from desktop.export.pdf import export_pdf  # noqa: E402
from desktop.services.eventdates import set_start  # noqa: E402
from desktop.services.interchange import content_digest  # noqa: E402
from desktop.store import Article, Citation, Event, Lane, open_workspace  # noqa: E402
from desktop.temporal import FuzzyDate, Precision, Qualifier  # noqa: E402

LANES = ("Protests", "Military", "Diplomacy", "Humanitarian", "Background")
WORDS = ("shelling", "protest", "summit", "convoy", "ceasefire", "checkpoint", "talks",
         "air raid", "crossing", "statement", "offensive", "agreement")  # fmt: skip


def fill(ws, n: int, rng: random.Random) -> None:
    """n events over five years, 1-3 citations each, from n/20 articles."""
    with ws.session() as s:
        lanes = [Lane(name=name, position=i) for i, name in enumerate(LANES)]
        s.add_all(lanes)
        articles = []
        for i in range(max(n // 20, 5)):
            text = f"Article {i}. " + " ".join(rng.choice(WORDS) for _ in range(400))
            articles.append(Article(
                title=f"Report {i}: {rng.choice(WORDS)} near Idlib", outlet=f"Outlet {i % 7}",
                url=f"https://news.example.org/{2018 + i % 4}/report-{i}",
                published=date(2018, 1, 1) + timedelta(days=i % 1500), text=text,
                content_hash=content_digest(text), source_file=f"a{i}.txt",
            ))  # fmt: skip
        s.add_all(articles)
        s.flush()
        base = datetime(2017, 1, 1)
        for i in range(n):
            when = base + timedelta(minutes=rng.randrange(5 * 365 * 24 * 60))
            kind = rng.random()
            if kind < 0.7:
                start = FuzzyDate.of(Precision.DAY, when)
            elif kind < 0.9:
                start = FuzzyDate.of(Precision.MONTH, when, rng.choice([None, Qualifier.EARLY]))
            else:
                start = FuzzyDate.of(Precision.MINUTE, when)
            title = f"{rng.choice(WORDS).capitalize()} reported in sector {i % 97}"
            e = Event(title=title, description=title, status="accepted", lane=rng.choice(lanes))
            set_start(e, start)
            for _ in range(rng.choice((1, 1, 2, 3))):
                a = rng.choice(articles)
                e.citations.append(Citation(
                    article_id=a.id, start=0, end=120, value=start.to_timex(),
                    quote=f"On {start.human()}, the {rng.choice(WORDS)} in sector {i % 97} "
                    f"was confirmed by local sources and monitoring groups.",
                    date_phrase=start.human(),
                ))  # fmt: skip
            s.add(e)


def pages(path: Path) -> int | None:
    try:
        out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    except OSError:
        return None
    return next((int(line.split()[-1]) for line in out.splitlines() if line.startswith("Pages")),
                None)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000")
    args = parser.parse_args()
    limits = {1000: 5.0, 10000: 30.0}
    result: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(x) for x in args.sizes.split(",")):
            ws = open_workspace(Path(tmp) / f"b{n}.chronologue")
            fill(ws, n, random.Random(n))
            out = Path(tmp) / f"b{n}.pdf"
            t0 = time.perf_counter()
            r = export_pdf(ws, out, ExportOptions(title=f"Benchmark: {n} events", page="A3",
                                                  landscape=True))  # fmt: skip
            seconds = time.perf_counter() - t0
            ws.close()
            size_mb = out.stat().st_size / 1e6
            ok = seconds <= limits.get(n, float("inf"))
            print(f"{n:>6} events: {seconds:6.2f} s, {r.pages} pages "
                  f"(poppler: {pages(out)}), {size_mb:.1f} MB  {'OK' if ok else 'SLOW'}")
            result[f"seconds_{n}"] = round(seconds, 2)
            result[f"pages_{n}"] = r.pages
            result[f"mb_{n}"] = round(size_mb, 2)
            result[f"ok_{n}"] = ok
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
