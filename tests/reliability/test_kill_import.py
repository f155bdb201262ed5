"""A CLI import killed with SIGKILL at random moments loses nothing and never half-stores.

Each file is one transaction (article, search index and suggestions together), and
SQLite's WAL makes a commit all-or-nothing, so after any kill the workspace must pass
the integrity check and hold only complete articles; the last run completes the set.
"""

from __future__ import annotations

import signal
import subprocess
from pathlib import Path

from _reliability import child_env, cli, integrity, rows, run, write_articles

from desktop.store.workspace import head_revision

ARTICLES = 300
KILLS = 10


def _schema(ws: Path) -> str | None:
    """The migration the file's schema is at (None: no migration committed yet)."""
    if not rows(ws, "SELECT 1 FROM sqlite_master WHERE name = 'alembic_version'"):
        return None
    found = rows(ws, "SELECT version_num FROM alembic_version")
    return found[0][0] if found else None


def _check(ws: Path, texts: dict[str, str]) -> int:
    """Integrity, complete articles (text equal to the source file, suggestions stored)."""
    # a new file's schema is made beside it and moved in whole: a kill while the
    # migrations run (each commits on its own) leaves no workspace with half a schema
    assert _schema(ws) == head_revision()
    assert integrity(ws) == []
    stored = rows(ws, "SELECT id, source_file, text FROM articles")
    for article_id, name, text in stored:
        assert text == texts[name], f"article {article_id} ({name}) is not its file's text"
    bare = rows(ws, "SELECT a.source_file FROM articles a WHERE NOT EXISTS "
                    "(SELECT 1 FROM citations c WHERE c.article_id = a.id)")  # fmt: skip
    assert bare == [], f"articles stored without their suggestions: {bare[:5]}"
    assert len({name for _, name, _ in stored}) == len(stored)
    return len(stored)


def test_import_killed_ten_times_loses_nothing(tmp_path: Path, rng) -> None:
    folder = tmp_path / "articles"
    texts = write_articles(folder, ARTICLES)
    ws = tmp_path / "w.chronologue"
    counts = []
    for _ in range(KILLS):
        proc = subprocess.Popen(cli("import", str(folder), "-w", str(ws)), env=child_env(),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        try:
            proc.wait(timeout=rng.uniform(0.6, 1.6))  # startup ~0.6 s, then ~60 files/s
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        if ws.exists():
            counts.append(_check(ws, texts))
    print("articles stored after each kill:", counts)
    assert counts == sorted(counts), "a kill lost articles that an earlier run had stored"
    final = run(cli("import", str(folder), "-w", str(ws), "--json"))
    assert final.returncode == 0, final.stderr
    assert _check(ws, texts) == ARTICLES
