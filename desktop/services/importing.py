"""Importing files into a workspace: a report per file, each file stored whole or not at all.

A file is either fully stored (article plus its suggestions) or not at all, so a
crash or a cancel in the middle of an import never leaves half an article behind.
With suggestions each file is its own transaction; without, a few dozen small files
share one (see store_batch), and a failure sends them back to one transaction each.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from collections.abc import Callable, Container, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from desktop.ingest import (
    SUPPORTED_EXTENSIONS,
    IngestError,
    ManifestRow,
    apply_manifest,
    read_manifest,
    read_path,
)
from desktop.ingest.draft import ArticleDraft
from desktop.ingest.language import load_in_background
from desktop.services.matching import CandidateCache
from desktop.services.suggesting import (
    Extracted,
    Stored,
    extract,
    plan_matches,
    store_suggestions,
)
from desktop.store import Article, Workspace
from desktop.store.workspace import write_error_message

MANIFEST = "articles.csv"
log = logging.getLogger("chronologue.import")  # file names and reasons, never text
BACKUP_ABOVE = 100  # files: a bigger import is backed up first (hard to undo by hand)
# Without suggestions, prepared files are stored together, one commit for up to
# BATCH_FILES of them, and none waits longer than BATCH_SECONDS (the window shows them,
# a kill loses no more); one transaction runs for at most about LOCK_SECONDS.
BATCH_FILES = 32
PRELOAD_ABOVE = 25  # files: the language model is loaded beside the first ones
BATCH_SECONDS = 0.2
LOCK_SECONDS = 0.015

Status = Literal["imported", "duplicate", "failed", "skipped"]
Progress = Callable[[int, int, Path], None]


@dataclass
class FileResult:
    path: Path
    status: Status
    message: str = ""
    article_id: int | None = None
    suggestions: int = 0  # citations stored: new events plus those merged into stored ones
    merged: int = 0  # of them, merged into events already there (not new in the queue)


@dataclass
class ImportReport:
    results: list[FileResult] = field(default_factory=list)
    cancelled: bool = False
    notices: list[str] = field(default_factory=list)  # e.g. the backup before it failed

    def count(self, status: Status) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def failed(self) -> list[FileResult]:
        return [r for r in self.results if r.status == "failed"]


def content_hash(text: str) -> str:
    """Whitespace-insensitive, so the same article saved as .txt and .html is one article."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


Found = list[tuple[Path, ManifestRow | None]]


def collect(paths: Iterable[Path]) -> tuple[Found, list[FileResult]]:
    """Expand folders recursively; explicit files are taken whatever their extension."""
    files: list[tuple[Path, ManifestRow | None]] = []
    problems: list[FileResult] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            root = path.resolve()
            for folder, dirs, names in os.walk(path):  # symlinked folders are not entered
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                here = Path(folder)
                manifest: dict[str, ManifestRow] = {}
                wanted = [n for n in names if not n.startswith(".") and (
                    n == MANIFEST or Path(n).suffix.lower() in SUPPORTED_EXTENSIONS)]
                for name in [n for n in wanted if _leaves(here / n, root)]:
                    names.remove(name)
                    problems.append(FileResult(here / name, "failed", _LEAVES.format(
                        (here / name).resolve())))  # fmt: skip
                if MANIFEST in names:
                    try:
                        manifest = read_manifest(here)
                    except IngestError as exc:
                        problems.append(FileResult(here / MANIFEST, "failed", str(exc)))
                for name in sorted(names):
                    if name.startswith(".") or name == MANIFEST:
                        continue
                    if Path(name).suffix.lower() in SUPPORTED_EXTENSIONS:
                        files.append((here / name, manifest.get(name)))
        elif path.exists():
            files.append((path, None))
        else:
            problems.append(FileResult(path, "failed", "no such file or folder"))
    return files, problems


_LEAVES = ("a symbolic link to {}, outside the imported folder: not imported (a shared "
           "folder must not pull in other files; import that file by name if you mean it)")


def _leaves(path: Path, root: Path) -> bool:
    """A symlink inside a folder import that resolves outside that folder."""
    if not path.is_symlink():
        return False
    try:
        return not path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # a loop or an unreadable link: never follow it
        return True


@dataclass(frozen=True)
class ImportOptions:
    """How files are read: ``language`` for articles whose language is unknown,
    ``dayfirst`` reads numeric dates like 05/09/2018 as 5 September."""

    suggest: bool = True
    language: str = "en"
    dayfirst: bool = False


@dataclass(frozen=True)
class PreparedFile:
    """One file read and extracted, ready to be stored: the slow half of an import.

    It is a pure function of the file and the options (no workspace, no Qt), and it
    pickles, so a process pool can prepare files while this process stores them.
    ``error`` is set when the file cannot become an article; ``duplicate`` when its
    text was already stored when it was read, so it was not extracted.
    """

    path: Path
    draft: ArticleDraft | None = None
    digest: str = ""
    extracted: Extracted | None = None
    error: str = ""
    duplicate: bool = False


class StoredDigests:
    """``digest in StoredDigests(ws)`` asks the workspace, with a read that takes no lock."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def __contains__(self, digest: object) -> bool:
        with self.ws.session() as session:
            found = session.scalar(select(Article.id).where(Article.content_hash == digest))
            return found is not None


def prepare_file(
    path: Path,
    row: ManifestRow | None = None,
    options: ImportOptions = ImportOptions(),
    stored: Container[str] = (),
) -> PreparedFile:
    """Read and extract one file; texts whose digest is in ``stored`` are not extracted."""
    try:
        draft = read_path(path, dayfirst=options.dayfirst)
    except IngestError as exc:
        return PreparedFile(path, error=str(exc))
    except OSError as exc:
        return PreparedFile(path, error=f"cannot read the file: {exc.strerror or exc}")
    if row is not None:
        draft = apply_manifest(draft, row)
    return prepare_draft(draft, path, options, stored)


def prepare_draft(
    draft: ArticleDraft,
    path: Path | None = None,
    options: ImportOptions = ImportOptions(),
    stored: Container[str] = (),
) -> PreparedFile:
    """Extract one draft's suggestions (pure: no workspace is touched)."""
    path = path or Path(draft.source_file or "pasted text")
    digest = content_hash(draft.text)
    if digest in stored:
        return PreparedFile(path, draft, digest, duplicate=True)
    extracted = None
    if options.suggest:
        extracted = extract(
            draft.text, draft.published, draft.language or options.language,
            dayfirst=options.dayfirst,
        )  # fmt: skip
    return PreparedFile(path, draft, digest, extracted)


def import_paths(
    ws: Workspace,
    paths: Iterable[Path],
    *,
    suggest: bool = True,
    progress: Progress | None = None,
    should_cancel: Callable[[], bool] | None = None,
    language: str = "en",
    dayfirst: bool = False,
    jobs: int | None = None,
) -> ImportReport:
    """Import files and folders; ``language`` is for articles whose language is unknown,
    ``dayfirst`` reads numeric dates like 05/09/2018 as 5 September. ``jobs`` worker
    processes read and extract the files (None: every core for a big batch, see
    import_pool.choose_jobs); this process stores them, in order, one file at a time."""
    from desktop.services.import_pool import choose_jobs, prepare_in_pool

    files, problems = collect(paths)
    report = ImportReport(results=problems)
    options = ImportOptions(suggest, language, dayfirst)
    total = len(files)
    if total > BACKUP_ABOVE:
        report.notices += _backup_first(ws)
    workers = choose_jobs(jobs, total)
    if workers == 1 and total >= PRELOAD_ABOVE:
        load_in_background()  # a batch this big almost surely holds a text that needs it
    nearby = CandidateCache()  # the stored events near the batch's dates, read once
    if workers > 1:
        prepared = prepare_in_pool(files, options, stored_digests(ws), workers)
    else:  # without suggestions a stored text costs nothing to prepare: the store finds it
        stored = StoredDigests(ws) if suggest else ()
        prepared = _prepare_here(files, options, stored, progress, should_cancel)
    waiting: list[PreparedFile] = []  # prepared, stored together in one transaction
    # With suggestions a file is stored as soon as it is prepared: its matching reads
    # what the files before it and every other writer stored until then (and the commit
    # is a small part of its cost).
    batch_files = 1 if suggest else BATCH_FILES
    first_at = 0.0
    try:
        for index, (path, item, failure) in enumerate(prepared):
            if should_cancel is not None and should_cancel():
                break
            if progress is not None and workers > 1:
                progress(index, total, path)
            waiting.append(item if item is not None else PreparedFile(path, error=failure))
            if len(waiting) == 1:
                first_at = time.monotonic()
            if len(waiting) >= batch_files or time.monotonic() - first_at >= BATCH_SECONDS:
                if not _store_waiting(ws, waiting, options, nearby, report):
                    break
        _store_waiting(ws, waiting, options, nearby, report)  # the rest (also on a cancel)
    finally:
        prepared.close()  # stops the worker processes at once when the import ended early
    stored_or_failed = len(report.results) - len(problems)
    report.cancelled = stored_or_failed < total and bool(should_cancel and should_cancel())
    if progress is not None and not report.cancelled:
        progress(total, total, Path())
    for failed in report.failed:
        log.warning("not imported: %s: %s", failed.path.name, failed.message)
    log.info("import: %d imported, %d duplicates, %d failed%s", report.count("imported"),
             report.count("duplicate"), len(report.failed),
             " (cancelled)" if report.cancelled else "")  # fmt: skip
    return report


def _prepare_here(files: Found, options: ImportOptions, stored: Container[str],
                  progress: Progress | None, should_cancel: Callable[[], bool] | None
                  ) -> Iterator[tuple[Path, PreparedFile | None, str]]:  # fmt: skip
    """One process: each file is prepared just before it is stored."""
    for index, (path, row) in enumerate(files):
        if should_cancel is not None and should_cancel():
            return
        if progress is not None:
            progress(index, len(files), path)
        yield path, prepare_file(path, row, options, stored), ""


def stored_digests(ws: Workspace) -> frozenset[str]:
    """Every stored article's digest, for worker processes that cannot ask the workspace."""
    with ws.session() as session:
        return frozenset(session.scalars(select(Article.content_hash)))


def _stopped(exc: BaseException) -> str:
    return (
        f"not stored, and the import stopped here: {write_error_message(exc)}. The files "
        "before this one are stored and the workspace is intact; fix that and import "
        "again (stored files are skipped as duplicates)"
    )


def import_file(
    ws: Workspace,
    path: Path,
    row: ManifestRow | None = None,
    *,
    suggest: bool = True,
    language: str = "en",
    dayfirst: bool = False,
) -> FileResult:
    options = ImportOptions(suggest, language, dayfirst)
    return store_prepared(ws, prepare_file(path, row, options, StoredDigests(ws)), options)


def import_draft(
    ws: Workspace,
    draft: ArticleDraft,
    *,
    path: Path | None = None,
    suggest: bool = True,
    language: str = "en",
    dayfirst: bool = False,
) -> FileResult:
    """Store one draft (from a file or pasted text) in its own transaction."""
    options = ImportOptions(suggest, language, dayfirst)
    return store_prepared(ws, prepare_draft(draft, path, options, StoredDigests(ws)), options)


def _store_waiting(ws: Workspace, waiting: list[PreparedFile], options: ImportOptions,
                   nearby: CandidateCache, report: ImportReport) -> bool:
    """Store and empty ``waiting``: False when the storage failed and the import stops."""
    while waiting:
        try:
            results = store_batch(ws, waiting, options, nearby)
        except Exception:  # nothing of the batch is kept: each file alone, as it always was
            nearby.clear()
            results = []
            for item in waiting:
                try:
                    results.append(store_prepared(ws, item, options, nearby))
                except OperationalError as exc:  # full disk, read-only: every next file too
                    report.results += [*results, FileResult(item.path, "failed", _stopped(exc))]
                    waiting.clear()
                    return False
        report.results += results
        del waiting[:len(results)]
    return True


def store_batch(
    ws: Workspace,
    batch: list[PreparedFile],
    options: ImportOptions = ImportOptions(),
    nearby: CandidateCache | None = None,
) -> list[FileResult]:
    """Store the first files of ``batch`` in one transaction: one commit (with its change
    log and author stamps) for many small articles instead of one each.

    It stops taking files once the transaction has run for LOCK_SECONDS, so other
    writers barely wait for it, and returns the results of the files it stored, in
    order. If any of them raises, nothing is kept and the exception goes up: the caller
    then stores each file in its own transaction (store_prepared), so one file's
    failure never undoes another's import.
    """
    results: list[FileResult] = []
    with ws.session() as session:
        started = time.monotonic()
        known = _stored(session, [item.digest for item in batch if item.draft is not None])
        later: list[tuple[FileResult, Article]] = []  # flushed together at the end
        for item in batch:
            results.append(_store(session, item, options, nearby, known, later))
            if time.monotonic() - started >= LOCK_SECONDS:
                break
        if later:
            _flush(session)
            for result, article in later:
                result.article_id = article.id
    return results


_KNOWN_CHUNK = 500  # digests per query (SQLite's bound-parameter limit is far above)


Known = dict[str, Article | tuple[int, str | None]]  # digest -> article, or (id, file)


def _stored(session: Session, digests: list[str]) -> Known:
    """Which of these digests are stored already: digest -> (article id, source file)."""
    known: Known = {}
    for at in range(0, len(digests), _KNOWN_CHUNK):
        chunk = digests[at:at + _KNOWN_CHUNK]
        rows = session.execute(select(Article.content_hash, Article.id, Article.source_file)
                               .where(Article.content_hash.in_(chunk)))
        known.update((digest, (article_id, name)) for digest, article_id, name in rows)
    return known


def _flush(session: Session) -> None:
    try:
        session.flush()
    except IntegrityError as exc:  # the unique digest: another writer stored the text
        raise _SameText() from exc


class _SameText(Exception):
    """The article's insert met the unique digest of one another writer just stored."""


def store_prepared(
    ws: Workspace,
    prepared: PreparedFile,
    options: ImportOptions = ImportOptions(),
    nearby: CandidateCache | None = None,
) -> FileResult:
    """Store a prepared file in one short transaction: the article and its suggestions.

    Everything slow happened in prepare_file, so the write lock is held only for the
    inserts (milliseconds for an ordinary article) and other writers barely wait. An
    import passes one ``nearby`` cache for all its files (see matching.CandidateCache).
    """
    with ws.session() as session:
        try:
            return _store(session, prepared, options, nearby)
        except _SameText:  # another window stored the same text a moment ago
            session.rollback()
            return FileResult(prepared.path, "duplicate",
                              "same text as an article already stored")


def _store(
    session: Session,
    prepared: PreparedFile,
    options: ImportOptions,
    nearby: CandidateCache | None,
    known: Known | None = None,
    later: list[tuple[FileResult, Article]] | None = None,
) -> FileResult:
    """One file's rows in the caller's transaction (reads first: pysqlite begins the
    write transaction only at the first INSERT).

    ``known`` holds the batch's digests already stored (read in one query), and gains
    this file's; an article without suggestions goes into ``later`` to be flushed with
    the batch's others (its id is set then).
    """
    path, draft = prepared.path, prepared.draft
    if draft is None:
        return FileResult(path, "failed", prepared.error)
    if known is None:
        existing = session.scalar(select(Article).where(Article.content_hash == prepared.digest))
        known = {} if existing is None else {prepared.digest: existing}
    same = known.get(prepared.digest)
    if same is not None:
        if isinstance(same, Article) and same.id is None:  # earlier in this batch
            _flush(session)
        article_id, name = (same.id, same.source_file) if isinstance(same, Article) else same
        return FileResult(path, "duplicate", f"same text as article {article_id} ({name})",
                          article_id=article_id)
    if prepared.duplicate:  # was stored when prepared, deleted since: extract now
        prepared = prepare_draft(draft, path, options)
    found = prepared.extracted
    plan = plan_matches(session, found, nearby) if found is not None else None
    article = Article(
        title=draft.title,
        outlet=draft.outlet,
        url=draft.url,
        author=draft.author,
        published=draft.published,
        text=draft.text,
        content_hash=prepared.digest,
        source_file=draft.source_file or path.name,
        source_format=draft.source_format,
        language=draft.language or options.language,
    )
    session.add(article)
    known[prepared.digest] = article
    if found is None and later is not None:
        result = FileResult(path, "imported")
        later.append((result, article))
    else:
        _flush(session)
        stored = store_suggestions(session, article, found, plan) if found is not None \
            else Stored()
        result = FileResult(path, "imported", article_id=article.id, suggestions=stored.total,
                            merged=stored.merged)
    notes = [*draft.notes, article.extraction_error or ""]
    result.message = "; ".join(note for note in notes if note)
    return result


def _backup_first(ws: Workspace) -> list[str]:
    """A copy before a big import; a failure is said, and the import goes on (each file
    is its own transaction, so nothing stored can be lost by it)."""
    from desktop.store.backup import BackupFailed, backup_before

    if ws.path is None:  # a shared workspace: the server's backups (pg_dump) cover it
        return []
    try:
        backup_before(ws.path, "before-import")
    except BackupFailed as exc:
        return [str(exc)]
    return []
