"""Shared helpers for the reliability tests: generated articles, subprocesses, store checks.

The tests here run the real CLI and helper scripts in subprocesses, because what they
check (SIGKILL, file-size limits, two writers) only means something across processes.
"""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

from desktop.store.backup import check_integrity

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
PLACES = ["Idlib", "Aleppo", "Hama", "Saraqeb", "Ariha", "Atarib", "Sarmada", "Azaz"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip


def article_text(i: int, paragraphs: int = 4) -> str:
    """A dated article of about 1.2 KB, unique by its number (so none is a duplicate)."""
    rng = random.Random(i)
    month, day, year = rng.choice(MONTHS), rng.randrange(1, 28), rng.choice([2018, 2019, 2020])
    place = rng.choice(PLACES)
    lines = [
        f"Report number {i} from {place}",
        f"{place.upper()}, Syria, {month} {day}, {year} (Reuters) - Local officials said "
        f"on Friday that {rng.randrange(2, 900)} families had left {place} since {month} 1.",
    ]
    for p in range(paragraphs):
        other = rng.choice(PLACES)
        lines.append(
            f"A convoy of {rng.randrange(2, 60)} trucks reached {other} earlier this week. "
            f"The council of {other} met on {rng.choice(MONTHS)} {rng.randrange(1, 28)} and "
            f"again in early {month}. Item {i}.{p}: residents said the market reopened the "
            f"previous day, and {rng.randrange(2, 900)} people returned in {year - 1}."
        )
    return "\n\n".join(lines) + "\n"


def write_articles(folder: Path, count: int) -> dict[str, str]:
    """`count` articles as .txt files; returns file name -> exact text."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = {}
    for i in range(count):
        name = f"a{i:04d}.txt"
        texts[name] = article_text(i)
        (folder / name).write_text(texts[name], encoding="utf-8")
    return texts


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("CHRONOLOGUE_WORKSPACE", None)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def cli(*args: str) -> list[str]:
    """The `chronologue` command line, as the user's shell would run it."""
    return [sys.executable, "-m", "desktop", *args]


def run(cmd: list[str], timeout: float = 120, **kwargs) -> subprocess.CompletedProcess[str]:
    kwargs.setdefault("env", child_env())
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=REPO,
                          **kwargs)  # fmt: skip


def integrity(path: Path) -> list[str]:
    """Full integrity check; [] when sound."""
    return check_integrity(path)


def rows(path: Path, sql: str, params: tuple = ()) -> list[tuple]:
    con = sqlite3.connect(path, timeout=10)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def filled_workspace(folder: Path, articles: int, *, backup: bool = False) -> Path:
    """`folder`/w.chronologue holding `articles` generated articles (and one backup)."""
    from desktop.services.importing import import_paths
    from desktop.store import open_workspace
    from desktop.store.backup import make_backup

    write_articles(folder / "src", articles)
    path = folder / "w.chronologue"
    ws = open_workspace(path)
    try:
        import_paths(ws, [folder / "src"])
    finally:
        ws.close()
    if backup:
        make_backup(path)
    return path
