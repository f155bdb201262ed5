"""Importing files into a workspace: a report per file, each file stored whole or not at all.

A file is either fully stored (article plus its suggestions) or not at all, so a
crash or a cancel in the middle of an import never leaves half an article behind.
With suggestions each file is its own transaction; without, a few dozen small files
share one (see import_store.store_batch), and a failure sends them back to one
transaction each.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Container, Iterable, Iterator
from pathlib import Path

from desktop.ingest import (
    SUPPORTED_EXTENSIONS,
    IngestError,
    ManifestRow,
    read_manifest,
)
from desktop.ingest.draft import ArticleDraft
from desktop.services.import_prepare import (
    FileResult,
    ImportOptions,
    ImportReport,
    PreparedFile,
    StoredDigests,
    prepare_draft,
    prepare_file,
    stored_digests,
)
from desktop.services.import_store import store_prepared, store_waiting
from desktop.services.matching import CandidateCache
from desktop.store import Workspace

MANIFEST = "articles.csv"
log = logging.getLogger("chronologue.import")  # file names and reasons, never text
BACKUP_ABOVE = 100  # files: a bigger import is backed up first (hard to undo by hand)
# Without suggestions, prepared files are stored together, one commit for up to
# BATCH_FILES of them, and none waits longer than BATCH_SECONDS (the window shows them,
# a kill loses no more); one transaction runs for at most about import_store.LOCK_SECONDS.
BATCH_FILES = 32
BATCH_SECONDS = 0.2

Progress = Callable[[int, int, Path], None]
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
                if not store_waiting(ws, waiting, options, nearby, report):
                    break
        store_waiting(ws, waiting, options, nearby, report)  # the rest (also on a cancel)
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
