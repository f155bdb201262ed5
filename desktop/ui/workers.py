"""Background jobs (imports, date tagging) as `job(progress, should_cancel)` callables,
run by the window's task runner (ui.tasks).

Each job opens its own sessions through `ws.session()`: SQLite sessions never cross
threads, only the thread-safe Workspace/engine does. Cancelling is a flag the service
polls between files, so a cancel never leaves half an article stored.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.store import Workspace


def import_job(ws: Workspace, paths: list[Path], *, suggest: bool = True,
               dayfirst: bool = False, language: str = "en"):  # fmt: skip
    """An import of files/folders as a task runner job; a big batch into a file workspace
    runs in a child process (ui.import_process), off this process's interpreter lock."""
    from desktop.ui.import_process import ImportJob

    return ImportJob(ws, paths, suggest=suggest, dayfirst=dayfirst, language=language)


def paste_job(ws: Workspace, text: str, *, suggest: bool = True,
              dayfirst: bool = False, language: str = "en"):  # fmt: skip
    """Clipboard text as one article, as a task runner job."""

    def job(progress, should_cancel):
        from desktop.ingest import IngestError, draft_from_text
        from desktop.services.importing import FileResult, ImportReport, import_draft

        progress(0, 1, Path("clipboard"))
        try:
            draft = draft_from_text(text, source_file="clipboard", source_format="paste",
                                    dayfirst=dayfirst)  # fmt: skip
        except IngestError as exc:
            return ImportReport([FileResult(Path("clipboard"), "failed", str(exc))])
        result = import_draft(draft=draft, ws=ws, path=Path("clipboard"), suggest=suggest,
                              dayfirst=dayfirst, language=language)  # fmt: skip
        progress(1, 1, Path())
        return ImportReport([result])

    return job


def tag_job(key: Any, text: str, reference, language: str):
    """Date expressions of one article for the reader's highlights, returned with `key`."""

    def job(progress, should_cancel):
        from desktop.services.annotation import date_mentions

        return key, date_mentions(text, reference, language)

    return job
