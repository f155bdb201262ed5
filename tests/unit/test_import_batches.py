"""Files stored together in one transaction: each keeps its own result, none undoes another.

An import without suggestions stores its prepared files a batch at a time (one commit
for many small articles); a file that cannot be stored in the batch sends the batch back
to one transaction per file, so only that file is affected.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, event, text

from desktop.services import import_store, importing
from desktop.services.import_prepare import ImportOptions, content_hash, prepare_file
from desktop.services.import_store import store_prepared
from desktop.services.importing import import_paths
from desktop.services.queries import article_rows, event_rows
from desktop.store import open_workspace

TEXT = ("Aid convoy {i} reached Idlib\n\nOn 7 September 2018 convoy {i} reached Idlib, "
        "officials said.\n")


def _folder(root: Path, count: int) -> Path:
    root.mkdir()
    for i in range(count):
        (root / f"a{i:02d}.txt").write_text(TEXT.format(i=i), encoding="utf-8")
    return root


def test_a_batch_keeps_each_files_result_and_names_a_twin_stored_just_before(
        workspace_location: str, tmp_path: Path) -> None:
    folder = _folder(tmp_path / "in", 6)
    (folder / "a03.txt").write_text(TEXT.format(i=1), encoding="utf-8")  # a01's text
    (folder / "a04.txt").write_bytes(b"")
    ws = open_workspace(workspace_location)
    report = import_paths(ws, [folder], suggest=False, jobs=1)
    assert [(r.path.name, r.status) for r in report.results] == [
        ("a00.txt", "imported"), ("a01.txt", "imported"), ("a02.txt", "imported"),
        ("a03.txt", "duplicate"), ("a04.txt", "failed"), ("a05.txt", "imported")]
    stored = {a["source_file"]: a["id"] for a in article_rows(ws)}
    assert sorted(stored) == ["a00.txt", "a01.txt", "a02.txt", "a05.txt"]
    assert [r.article_id for r in report.results if r.status == "imported"] == [
        stored["a00.txt"], stored["a01.txt"], stored["a02.txt"], stored["a05.txt"]]
    twin = report.results[3]
    assert twin.article_id == stored["a01.txt"]
    assert twin.message == f"same text as article {stored['a01.txt']} (a01.txt)"
    assert report.results[4].message == "the file is empty"
    ws.close()


def test_a_text_another_writer_stores_meanwhile_fails_alone(workspace_location: str,
                                                            tmp_path: Path) -> None:
    folder = _folder(tmp_path / "in", 5)
    ws = open_workspace(workspace_location)
    other = create_engine(ws.engine.url)  # another window, its own connection
    taken = TEXT.format(i=2)

    def meanwhile(*_args: object) -> None:  # between the batch's reads and its inserts
        with other.begin() as conn:
            conn.execute(text("INSERT INTO articles (title, text, content_hash, source_format, "
                              "language, imported_at) VALUES ('pasted', :t, :h, 'paste', "
                              "'en', CURRENT_TIMESTAMP)"), {"t": taken, "h": content_hash(taken)})

    event.listen(ws.sessions, "before_flush", meanwhile, once=True)
    report = import_paths(ws, [folder], suggest=False, jobs=1)
    other.dispose()
    assert [(r.path.name, r.status) for r in report.results] == [
        ("a00.txt", "imported"), ("a01.txt", "imported"), ("a02.txt", "duplicate"),
        ("a03.txt", "imported"), ("a04.txt", "imported")]
    stored = {a["source_file"] or a["title"]: a["id"] for a in article_rows(ws)}
    assert sorted(stored) == ["a00.txt", "a01.txt", "a03.txt", "a04.txt", "pasted"]
    assert report.results[2].article_id == stored["pasted"]
    assert [r.article_id for r in report.results if r.status == "imported"] == [
        stored[name] for name in ("a00.txt", "a01.txt", "a03.txt", "a04.txt")]
    ws.close()


def test_with_suggestions_each_file_matches_what_the_files_before_it_stored(
        workspace_location: str, tmp_path: Path) -> None:
    """As with one store_prepared per file: the later reports merge into the first's event."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name, outlet in (("a.txt", "AP"), ("b.txt", "Reuters"), ("c.txt", "AFP")):
        (folder / name).write_text(
            f"Convoy reaches Idlib ({outlet})\n\nA UN aid convoy of 40 trucks reached Idlib "
            f"on 7 September 2018, {outlet} reported.\n", encoding="utf-8")
    batched = open_workspace(workspace_location)
    import_paths(batched, [folder], jobs=1)
    alone = open_workspace(tmp_path / "alone.chronologue")
    options = ImportOptions()
    for path in sorted(folder.iterdir()):
        assert store_prepared(alone, prepare_file(path, None, options), options).status == \
            "imported"

    def summary(ws) -> list[tuple]:
        return sorted((e["title"], e["value"], len(e["citations"])) for e in event_rows(ws))

    assert summary(batched) == summary(alone)
    assert any(cited > 1 for *_, cited in summary(batched))
    batched.close()
    alone.close()


def test_a_batch_is_one_transaction_digest_check_included(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Without suggestions 40 files are two transactions (32 + 8): the digest look-up
    runs inside each, no session of its own per file."""
    monkeypatch.setattr(import_store, "LOCK_SECONDS", 60.0)  # no split on a loaded machine
    monkeypatch.setattr(importing, "BATCH_SECONDS", 60.0)
    folder = _folder(tmp_path / "in", 40)
    ws = open_workspace(tmp_path / "w.chronologue", backups=False)
    begun: list[int] = []
    commits: list[int] = []
    event.listen(ws.sessions, "after_begin", lambda *_a: begun.append(1))
    event.listen(ws.sessions, "after_commit", lambda *_a: commits.append(1))
    report = import_paths(ws, [folder], suggest=False, jobs=1)
    assert report.count("imported") == 40
    assert (len(begun), len(commits)) == (2, 2)
    ws.close()


def test_a_batch_that_fails_midway_stores_nothing(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "in", 5)
    ws = open_workspace(tmp_path / "w.chronologue", backups=False)
    with ws.engine.begin() as conn:  # the fourth file's insert fails, after three
        conn.execute(text("CREATE TRIGGER boom BEFORE INSERT ON articles "
                          "WHEN NEW.source_file = 'a03.txt' BEGIN SELECT RAISE(ABORT, "
                          "'boom'); END"))
        before = conn.execute(text("SELECT coalesce(max(seq), 0) FROM changes")).scalar_one()
    options = ImportOptions(suggest=False)
    batch = [prepare_file(path, None, options) for path in sorted(folder.iterdir())]
    with pytest.raises(import_store._SameText):  # an IntegrityError, as the digest's
        import_store.store_batch(ws, batch, options)
    with ws.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM articles")).scalar_one() == 0
        after = conn.execute(text("SELECT coalesce(max(seq), 0) FROM changes")).scalar_one()
    assert after == before  # no change-log row either
    ws.close()
