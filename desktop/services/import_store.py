"""Storing prepared files: each file whole or not at all, small files a batch at a time.

With suggestions each file is its own transaction; without, a few dozen small files
share one (store_batch), and a failure sends them back to one transaction each
(store_prepared), so one file's failure never undoes another's import.
"""

from __future__ import annotations

import time

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from desktop.services.import_prepare import (
    DEFAULT_OPTIONS,
    FileResult,
    ImportOptions,
    ImportReport,
    PreparedFile,
    prepare_draft,
)
from desktop.services.matching import CandidateCache
from desktop.services.suggesting import Stored, plan_matches, store_suggestions
from desktop.store import Article, Workspace
from desktop.store.changes import untracked
from desktop.store.workspace import write_error_message

LOCK_SECONDS = 0.015  # one transaction of a batch runs for at most about this long


def _stopped(exc: BaseException) -> str:
    return (
        f"not stored, and the import stopped here: {write_error_message(exc)}. The files "
        "before this one are stored and the workspace is intact; fix that and import "
        "again (stored files are skipped as duplicates)"
    )


def store_waiting(ws: Workspace, waiting: list[PreparedFile], options: ImportOptions,
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
    options: ImportOptions = DEFAULT_OPTIONS,
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
        untracked(session)  # nobody asks an import's commits what they changed
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
    options: ImportOptions = DEFAULT_OPTIONS,
    nearby: CandidateCache | None = None,
) -> FileResult:
    """Store a prepared file in one short transaction: the article and its suggestions.

    Everything slow happened in prepare_file, so the write lock is held only for the
    inserts (milliseconds for an ordinary article) and other writers barely wait. An
    import passes one ``nearby`` cache for all its files (see matching.CandidateCache).
    """
    try:
        with ws.session() as session:
            untracked(session)
            try:
                return _store(session, prepared, options, nearby)
            except _SameText:  # another window stored the same text a moment ago
                session.rollback()
                return FileResult(prepared.path, "duplicate",
                                  "same text as an article already stored")
    except BaseException:
        if nearby is not None:  # it may hold this transaction's own, undone, writes
            nearby.clear()
        raise


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
        stored = store_suggestions(session, article, found, plan, nearby) \
            if found is not None else Stored()
        result = FileResult(path, "imported", article_id=article.id, suggestions=stored.total,
                            merged=stored.merged)
    notes = [*draft.notes, article.extraction_error or ""]
    result.message = "; ".join(note for note in notes if note)
    return result
