"""The pure half of an import: a file read and extracted, and what its storing reports.

Nothing here touches a workspace except the digest look-ups (StoredDigests,
stored_digests), so a worker process can prepare files while the importing process
stores them (import_pool), and prepared files pickle.
"""

from __future__ import annotations

import hashlib
from collections.abc import Container
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from sqlalchemy import select

from desktop.ingest import IngestError, ManifestRow, apply_manifest, read_path
from desktop.ingest.draft import ArticleDraft
from desktop.services.suggesting import Extracted, extract
from desktop.store import Article, Workspace

Status = Literal["imported", "duplicate", "failed", "skipped"]


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


@dataclass(frozen=True)
class ImportOptions:
    """How files are read: ``language`` for articles whose language is unknown,
    ``dayfirst`` reads numeric dates like 05/09/2018 as 5 September."""

    suggest: bool = True
    language: str = "en"
    dayfirst: bool = False


DEFAULT_OPTIONS = ImportOptions()


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


def stored_digests(ws: Workspace) -> frozenset[str]:
    """Every stored article's digest, for worker processes that cannot ask the workspace."""
    with ws.session() as session:
        return frozenset(session.scalars(select(Article.content_hash)))
