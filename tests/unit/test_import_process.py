"""A large import from the window runs in a child process (ui.import_process): it stores
what an in-process import stores, reports progress and the time of its last store,
stops between two files when cancelled, and a child that cannot start is an error the
window can show, not a hang."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.services.importing import import_paths
from desktop.store import Article, Event, open_workspace
from desktop.ui import import_process
from desktop.ui.import_process import ImportJob, wants_process


def articles(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i:03}.txt").write_text(
            f"Report {i}\n\nOn 7 September 2018 convoy number {i} reached Idlib. "
            f"A second one, number {i}, followed on 3 October 2018.\n", encoding="utf-8")
    return folder


def stored(path: Path) -> tuple[list[tuple], list[tuple]]:
    ws = open_workspace(path, backups=False)
    try:
        with ws.session() as s:
            arts = s.execute(select(Article.title, Article.content_hash)
                             .order_by(Article.title)).all()
            evs = s.execute(select(Event.title, Event.status, Event.start_earliest)
                            .order_by(Event.title, Event.start_earliest)).all()
    finally:
        ws.close()
    return [tuple(r) for r in arts], [tuple(r) for r in evs]


def test_a_child_import_stores_what_an_in_process_one_stores(tmp_path: Path) -> None:
    folder = articles(tmp_path / "in", import_process.PROCESS_FILES)
    here, there = tmp_path / "here.chronologue", tmp_path / "there.chronologue"
    ws = open_workspace(here, backups=False)
    try:
        expected = import_paths(ws, [folder], jobs=1)
    finally:
        ws.close()
    ws = open_workspace(there, backups=False)
    seen: list[tuple[int, int]] = []
    try:
        assert wants_process(ws, [folder])
        job = ImportJob(ws, [folder], suggest=True, dayfirst=False, language="en")
        report = job(lambda done, total, _path: seen.append((done, total)), lambda: False)
        with ws.session() as s:  # the window's own connection sees the child's rows
            assert s.scalar(select(func.count()).select_from(Article)) == \
                import_process.PROCESS_FILES
    finally:
        ws.close()
    assert job.in_child and job.stored_at > 0
    assert [(r.path.name, r.status, r.suggestions) for r in report.results] == \
        [(r.path.name, r.status, r.suggestions) for r in expected.results]
    assert seen[-1] == (import_process.PROCESS_FILES, import_process.PROCESS_FILES)
    assert stored(there) == stored(here)


def test_a_small_batch_stays_in_this_process(tmp_path: Path) -> None:
    folder = articles(tmp_path / "in", 3)
    ws = open_workspace(tmp_path / "w.chronologue", backups=False)
    try:
        assert not wants_process(ws, [folder])
        job = ImportJob(ws, [folder], suggest=True, dayfirst=False, language="en")
        report = job(lambda *_a: None, lambda: False)
    finally:
        ws.close()
    assert not job.in_child and report.count("imported") == 3


def test_a_cancelled_child_stops_between_files(tmp_path: Path) -> None:
    folder = articles(tmp_path / "in", 120)
    ws = open_workspace(tmp_path / "w.chronologue", backups=False)
    reports: list[int] = []
    try:
        job = ImportJob(ws, [folder], suggest=True, dayfirst=False, language="en")
        report = job(lambda done, _t, _p: reports.append(done), lambda: len(reports) >= 3)
        with ws.session() as s:
            count = s.scalar(select(func.count()).select_from(Article))
    finally:
        ws.close()
    assert job.in_child and report.cancelled
    assert 0 < report.count("imported") < 120 and count == report.count("imported")


def test_a_child_that_cannot_open_the_workspace_is_an_error(tmp_path: Path) -> None:
    folder = articles(tmp_path / "in", import_process.PROCESS_FILES)
    path = tmp_path / "w.chronologue"
    ws = open_workspace(path, backups=False)
    try:
        job = ImportJob(ws, [folder], suggest=True, dayfirst=False, language="en")
        path.unlink()  # a folder where the file was: the child cannot open it
        path.mkdir()
        with pytest.raises(RuntimeError):
            job(lambda *_a: None, lambda: False)
    finally:
        ws.close()
