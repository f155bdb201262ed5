"""Importing files into a workspace: one transaction per file, a report per file.

A file is either fully stored (article plus its suggestions) or not at all, so a
crash or a cancel in the middle of a batch never leaves half an article behind.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, OperationalError

from desktop.ingest import (
    SUPPORTED_EXTENSIONS,
    IngestError,
    ManifestRow,
    apply_manifest,
    read_manifest,
    read_path,
)
from desktop.ingest.draft import ArticleDraft
from desktop.services.suggesting import suggest_for_article
from desktop.store import Article, Workspace
from desktop.store.workspace import write_error_message

MANIFEST = "articles.csv"

Status = Literal["imported", "duplicate", "failed", "skipped"]
Progress = Callable[[int, int, Path], None]


@dataclass
class FileResult:
    path: Path
    status: Status
    message: str = ""
    article_id: int | None = None
    suggestions: int = 0


@dataclass
class ImportReport:
    results: list[FileResult] = field(default_factory=list)
    cancelled: bool = False

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
            for folder, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                here = Path(folder)
                manifest: dict[str, ManifestRow] = {}
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


def import_paths(
    ws: Workspace,
    paths: Iterable[Path],
    *,
    suggest: bool = True,
    progress: Progress | None = None,
    should_cancel: Callable[[], bool] | None = None,
    language: str = "en",
    dayfirst: bool = False,
) -> ImportReport:
    """Import files and folders; ``language`` is for articles whose language is unknown,
    ``dayfirst`` reads numeric dates like 05/09/2018 as 5 September."""
    files, problems = collect(paths)
    report = ImportReport(results=problems)
    total = len(files)
    for index, (path, row) in enumerate(files):
        if should_cancel is not None and should_cancel():
            report.cancelled = True
            break
        if progress is not None:
            progress(index, total, path)
        try:
            result = import_file(
                ws, path, row, suggest=suggest, language=language, dayfirst=dayfirst
            )
        except OperationalError as exc:  # full disk, read-only: every next file would fail too
            report.results.append(FileResult(path, "failed", _stopped(exc)))
            break
        report.results.append(result)
    if progress is not None and not report.cancelled:
        progress(total, total, Path())
    return report


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
    try:
        draft = read_path(path)
    except IngestError as exc:
        return FileResult(path, "failed", str(exc))
    except OSError as exc:
        return FileResult(path, "failed", f"cannot read the file: {exc.strerror or exc}")
    if row is not None:
        draft = apply_manifest(draft, row)
    return import_draft(
        ws, draft, path=path, suggest=suggest, language=language, dayfirst=dayfirst
    )


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
    path = path or Path(draft.source_file or "pasted text")
    digest = content_hash(draft.text)
    with ws.session() as session:
        existing = session.scalar(select(Article).where(Article.content_hash == digest))
        if existing is not None:
            return FileResult(
                path, "duplicate", f"same text as article {existing.id} ({existing.source_file})",
                article_id=existing.id,
            )
        article = Article(
            title=draft.title,
            outlet=draft.outlet,
            url=draft.url,
            author=draft.author,
            published=draft.published,
            text=draft.text,
            content_hash=digest,
            source_file=draft.source_file or path.name,
            source_format=draft.source_format,
            language=draft.language or language,
        )
        session.add(article)
        try:
            session.flush()
        except IntegrityError:  # another window stored the same text a moment ago
            session.rollback()
            return FileResult(path, "duplicate", "same text as an article already stored")
        count = suggest_for_article(session, article, dayfirst=dayfirst) if suggest else 0
        result = FileResult(path, "imported", article_id=article.id, suggestions=count)
        if article.extraction_error:
            result.message = article.extraction_error
        return result
