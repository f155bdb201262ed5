"""Import speed and memory: N generated ~5 KB articles into a fresh workspace.

Prints articles/s and peak RSS at quarters of the run (flat memory means the
importer keeps nothing per article); the last line is one JSON object. Modes:
store (plain text, no suggestions), suggest (with date extraction and matching),
html (the same articles as web pages with navigation, cookie banner, related links
and footer, through trafilatura and htmldate, no suggestions).

Runs on SQLite and, given ``--workspace postgresql://user@host:port/db`` (a role that may
create databases: the benchmark makes and drops its own, ``chronologue_bench_*``, on
that server) or ``--pg-cluster`` (a throw-away local server), on PostgreSQL too; with
one process and with ``--jobs`` worker processes.
"""

from __future__ import annotations

import argparse
import html
import json
import multiprocessing
import os
import random
import resource
import signal
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

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


def run(folder: Path, workspace: str, count: int, suggest: bool, jobs: int) -> dict:
    ws = open_workspace(workspace)
    marks: dict[str, float] = {}
    quarter = max(1, count // 4)

    def progress(done: int, total: int, _path: Path) -> None:
        if done and done % quarter == 0:
            marks[f"rss_mb_at_{done}"] = round(rss_mb(), 1)

    start = time.perf_counter()
    cpu = time.process_time()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    report = import_paths(ws, [folder], suggest=suggest, progress=progress, jobs=jobs)
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu
    deadline = time.monotonic() + 10  # the workers leave by themselves: count them once
    while multiprocessing.active_children() and time.monotonic() < deadline:  # reaped
        time.sleep(0.05)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the pool's workers, once ended
    workers = (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
    ws.close()
    imported = report.count("imported")
    return {
        "articles": imported,
        "failed": report.count("failed"),
        "jobs": jobs,
        "seconds": round(elapsed, 2),
        "articles_per_s": round(imported / elapsed, 1),
        # CPU seconds: this process (storing, matching; with jobs=1 also extracting) and
        # the worker processes together (reading and extracting): which one bounds the rate
        "cpu_s_parent": round(cpu, 2),
        "cpu_s_workers": round(workers, 2),
        "articles_per_cpu_s": round(imported / (cpu + workers), 1) if cpu + workers else None,
        "load_avg": round(os.getloadavg()[0], 2),  # other work on the machine inflates wall time
        "peak_rss_mb": round(rss_mb(), 1),
        **marks,
    }


class Server:
    """Fresh databases on a PostgreSQL server, dropped afterwards."""

    def __init__(self, url: str) -> None:
        import psycopg
        from sqlalchemy.engine import make_url

        self.url = make_url(url)
        self.admin = psycopg.connect(host=self.url.host, port=self.url.port,
                                     user=self.url.username,
                                     dbname=self.url.database or "postgres", autocommit=True)
        self.made: list[str] = []

    def fresh(self, label: str) -> str:
        name = f"chronologue_bench_{os.getpid()}_{label}"
        self.admin.execute(f"DROP DATABASE IF EXISTS {name}")
        self.admin.execute(f"CREATE DATABASE {name}")
        self.made.append(name)
        return self.url.set(drivername="postgresql", database=name).render_as_string(
            hide_password=False)

    def close(self) -> None:
        for name in self.made:
            self.admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        self.admin.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument(
        "--mode", choices=["all", "both", "store", "suggest", "html"], default="all",
        help="store: plain text, reading and storing only; suggest: with date extraction and "
        "matching; html: web pages, reading and storing only; both: store and suggest",
    )
    parser.add_argument("--jobs", type=int, default=2,
                        help="worker processes for the parallel runs (1 runs only one process)")
    parser.add_argument("--workspace", metavar="URL",
                        help="also run on this PostgreSQL server (postgresql://user@host:port/db)")
    parser.add_argument("--pg-cluster", action="store_true",
                        help="also run on a throw-away local PostgreSQL (tests/pgcluster.py)")
    args = parser.parse_args()

    cluster = None
    server_url = args.workspace
    # SIGTERM (a timeout) must still drop the databases and stop a throw-away server.
    signal.signal(signal.SIGTERM, lambda signum, _frame: sys.exit(128 + signum))
    if args.pg_cluster and not server_url:
        import pgcluster

        cluster = pgcluster.Cluster()
        server_url = cluster.start()
    server = Server(server_url) if server_url else None
    rng = random.Random(1)
    results: dict[str, dict] = {}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            folder, pages = Path(tmp) / "articles", Path(tmp) / "pages"
            folder.mkdir()
            pages.mkdir()
            for i in range(args.articles):
                text = article(i, rng)
                (folder / f"a{i:06d}.txt").write_text(text, encoding="utf-8")
                (pages / f"a{i:06d}.html").write_text(page(i, text), encoding="utf-8")
            modes = {"all": ["store", "suggest", "html"], "both": ["store", "suggest"]}.get(
                args.mode, [args.mode])
            backends = ["sqlite"] + (["postgresql"] if server else [])
            for backend in backends:
                for mode in modes:
                    for jobs in sorted({1, max(1, args.jobs)}):
                        label = f"{backend}_{mode}_{jobs}"
                        target = (server.fresh(label) if backend == "postgresql" and server
                                  else str(Path(tmp) / f"{label}.chronologue"))
                        source = pages if mode == "html" else folder
                        result = run(source, target, args.articles, mode == "suggest", jobs)
                        results[label] = result
                        print(f"{backend:>10} {mode:>8} jobs={jobs}: {result['articles']} "
                              f"articles in {result['seconds']} s = "
                              f"{result['articles_per_s']} articles/s "
                              f"({result['articles_per_cpu_s']} per CPU second, load "
                              f"{result['load_avg']}); peak RSS "
                              f"{result['peak_rss_mb']} MB; CPU s parent "
                              f"{result['cpu_s_parent']}, workers {result['cpu_s_workers']}",
                              flush=True)
    finally:
        if server is not None:
            server.close()
        if cluster is not None:
            cluster.stop()
    print(json.dumps({"articles": args.articles, **results}))


if __name__ == "__main__":
    main()
