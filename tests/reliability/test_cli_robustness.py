"""The CLI beside a window and on odd file names: never a traceback, never a forged line.

Before: a non-UTF-8 file name crashed the report after the import had committed; a
newline in a name printed a second, made-up "imported" line; `accept --all` with nothing
left exited 2; a concurrent `accept --all` died of StaleDataError; a failed backup was
never mentioned.
"""

from __future__ import annotations

import json
import os
import resource
from pathlib import Path

from _reliability import article_text, child_env, cli, run, write_articles
from sqlalchemy import event as sa_event
from sqlalchemy import update

from desktop.services.importing import import_paths
from desktop.services.queries import event_rows
from desktop.services.review import set_status_retrying
from desktop.store import Event, open_workspace

UTF8 = {**child_env(), "LANG": "en_US.UTF-8", "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": ""}


def test_a_non_utf8_and_a_newline_name_are_printed_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "w") as stream:
        stream.write(article_text(1))
    forged = "evil\nimported   passwords.txt  -> article 99 (0 suggestions)\n.txt"
    (folder / forged).write_text(article_text(2))
    ws = tmp_path / "w.chronologue"
    done = run(cli("import", str(folder), "-w", str(ws)), env=UTF8)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stdout.splitlines()
    assert len([line for line in lines if line.startswith("imported")]) == 2
    assert any("caf\\xe9.txt" in line for line in lines)
    assert any("evil\\nimported   passwords.txt" in line for line in lines)
    assert "2 imported" in lines[-1]
    as_json = run(cli("import", str(folder), "-w", str(ws), "--json"), env=UTF8)
    files = [r["file"] for r in json.loads(as_json.stdout)]
    assert all("\n" not in f for f in files) and any(f.endswith("caf\\xe9.txt") for f in files)


def test_accept_all_with_nothing_left_is_not_a_usage_error(tmp_path: Path) -> None:
    write_articles(tmp_path / "src", 2)
    ws = tmp_path / "w.chronologue"
    assert run(cli("import", str(tmp_path / "src"), "-w", str(ws))).returncode == 0
    first = run(cli("accept", "--all", "-w", str(ws)))
    assert first.returncode == 0 and "events accepted" in first.stdout
    again = run(cli("accept", "--all", "-w", str(ws)))
    assert again.returncode == 0, again.stderr
    assert "no suggested events left to mark accepted" in again.stdout
    assert run(cli("accept", "-w", str(ws))).returncode == 2  # no ids and no --all: usage


def test_accept_all_retries_when_another_writer_wins_the_same_rows(tmp_path: Path) -> None:
    """A real conflict: a second connection commits between our read and our write."""
    write_articles(tmp_path / "src", 3)
    path = tmp_path / "w.chronologue"
    ws = open_workspace(path)
    import_paths(ws, [tmp_path / "src"])
    other = open_workspace(path, backups=False)
    ids = [r["id"] for r in event_rows(ws, "suggested")]
    victim = ids[0]
    fired = []

    def other_window_rejects(session, _context, _instances) -> None:
        if not fired:
            fired.append(True)
            with other.session() as s:
                s.execute(update(Event).where(Event.id == victim).values(
                    status="rejected", version=Event.version + 1))  # fmt: skip

    sa_event.listen(ws.sessions, "before_flush", other_window_rejects)
    try:
        report = set_status_retrying(ws, ids, "accepted", only_if="suggested")
    finally:
        sa_event.remove(ws.sessions, "before_flush", other_window_rejects)
        ws.close()
        other.close()
    assert fired  # the conflict happened (the first attempt hit StaleDataError)
    assert report.skipped == [victim]  # the other window's decision is kept, and said
    assert report.changed == len(ids) - 1
    states = {r["id"]: r["status"] for r in event_rows(open_workspace(path, backups=False))}
    assert states[victim] == "rejected"
    assert all(states[i] == "accepted" for i in ids[1:])


def test_a_failed_backup_is_said_by_the_cli(tmp_path: Path) -> None:
    write_articles(tmp_path / "src", 20)
    path = tmp_path / "w.chronologue"
    ws = open_workspace(path)
    import_paths(ws, [tmp_path / "src"])
    ws.close()
    size = path.stat().st_size

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (size // 2, resource.RLIM_INFINITY))

    done = run(cli("events", "-w", str(path)), preexec_fn=limit)
    assert done.returncode == 0, done.stderr
    assert "could not back up" in done.stderr and "unharmed" in done.stderr
    assert done.stdout.strip().endswith("events")
