"""Killing `suggest` and `export` at random moments: all-or-nothing per article, per file.

`suggest` stores each article's suggestions in one transaction, so after a kill every
article has either all of its suggestions or none; `export` writes to a temporary
file and renames it, so the target is always a complete export (the old one or the
new one), never half a file.
"""

from __future__ import annotations

import json
import signal
import subprocess
from pathlib import Path

from _reliability import child_env, cli, integrity, rows, run, write_articles

ARTICLES = 150
KILLS = 5


def _kill_after(cmd: list[str], delay: float) -> bool:
    """Run `cmd`, SIGKILL it after `delay` s; True when it was killed (not finished)."""
    proc = subprocess.Popen(cmd, env=child_env(), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        proc.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return True


def _per_article(ws: Path) -> dict[int, int]:
    counted = rows(ws, "SELECT a.id, count(c.id) FROM articles a LEFT JOIN citations c "
                       "ON c.article_id = a.id GROUP BY a.id")  # fmt: skip
    return dict(counted)


def test_suggest_killed_leaves_each_article_all_or_nothing(tmp_path: Path, rng) -> None:
    write_articles(tmp_path / "src", ARTICLES)
    ws = tmp_path / "w.chronologue"
    assert run(cli("import", str(tmp_path / "src"), "-w", str(ws), "--no-suggest")).returncode == 0
    snapshots = []
    for _ in range(KILLS):
        _kill_after(cli("suggest", "-w", str(ws)), rng.uniform(0.6, 1.0))
        assert integrity(ws) == []
        snapshots.append(_per_article(ws))
    final = run(cli("suggest", "-w", str(ws)))
    assert final.returncode == 0, final.stderr
    complete = _per_article(ws)
    assert all(n > 0 for n in complete.values())
    for snap in snapshots:
        partial = {a: n for a, n in snap.items() if n not in (0, complete[a])}
        assert partial == {}, f"articles with only some of their suggestions: {partial}"
    print("articles with suggestions after each kill:",
          [sum(1 for n in s.values() if n) for s in snapshots])  # fmt: skip


def test_export_killed_never_leaves_half_a_file(tmp_path: Path, rng) -> None:
    write_articles(tmp_path / "src", 40)
    ws = tmp_path / "w.chronologue"
    assert run(cli("import", str(tmp_path / "src"), "-w", str(ws))).returncode == 0
    target = tmp_path / "out" / "timeline.json"
    target.parent.mkdir()
    export = cli("export", "-w", str(ws), "-o", str(target), "--all-statuses")
    assert run(export).returncode == 0
    reference = target.read_bytes()
    killed = 0
    for _ in range(KILLS):
        killed += _kill_after(export, rng.uniform(0.4, 1.2))
        assert target.read_bytes() == reference  # the previous export, whole
        json.loads(reference)
    leftovers = [p.name for p in target.parent.iterdir() if p != target]
    print(f"export killed {killed} times; temporary files left by the kills: {leftovers}")
    assert all(name.endswith(".part") for name in leftovers)
