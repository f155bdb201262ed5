"""The export dialog's background jobs: the preview and the export itself.

Both run as jobs on the window's task runner (ui.tasks), so the dialog never
waits on the store or on painting. They return plain results (never raise for the
expected failures) so the dialog can say exactly what happened.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.export import ExportOptions, ExportSummary, export_file, gather
from desktop.export.atomic import WriteFailed
from desktop.export.pdf import ExportCancelled
from desktop.export.targets import TargetRefused
from desktop.export.targets import check_target as shared_check
from desktop.store import Workspace

PREVIEW_WIDTH = 760  # pixels; the label scales it down smoothly
TABLES = {"csv": "CSV table", "json": "Chronologue JSON", "timelinejs": "TimelineJS JSON"}


@dataclass
class Outcome:
    """How an export ended: "done" (with a summary), "cancelled" or "failed" (a message)."""

    kind: str
    path: Path
    summary: ExportSummary | None = None
    message: str = ""


def check_target(path: Path, workspace: Path | None = None) -> str:
    """Why `path` cannot be written ("" when it looks fine), before any work starts.

    The shared rules (desktop.export.targets: regular files only, never the workspace's
    own files, no symlinks) first, then whether this user may write there.
    """
    if not str(path).strip() or path.name in ("", "."):
        return "Choose a file to export to."
    if path.is_dir() and not path.is_symlink():
        return f"{path} is a folder; choose a file name inside it."
    if not path.parent.is_dir():
        return f"The folder {path.parent} does not exist; choose another folder."
    try:
        shared_check(path, workspace)
    except TargetRefused as exc:
        text = str(exc)
        return text[0].upper() + text[1:].replace("pass --follow-symlink to write through "
                                                  "the link", "choose that file") + "."
    if not os.access(path.parent, os.W_OK):
        return f"Chronologue may not write in {path.parent}; choose another folder."
    if path.exists() and not os.access(path, os.W_OK):
        return f"{path.name} exists and is read-only; choose another name."
    return ""


def export_job(ws: Workspace, path: Path, fmt: str, options: ExportOptions):
    """Write the export; cancel and file-system errors come back as an Outcome."""

    def job(progress, should_cancel) -> Outcome:
        try:
            summary = export_file(ws, path, fmt, options,
                                  progress=lambda done, total: progress(done, total, Path()),
                                  should_cancel=should_cancel)
        except ExportCancelled:
            return Outcome("cancelled", path, message="Export cancelled; nothing was written.")
        except WriteFailed as exc:  # the disk is full, the folder refused the file, ...
            return Outcome("failed", path, message=f"Could not write {path}: {exc}. "
                           "Free some space or choose another folder.")
        except PermissionError:
            return Outcome("failed", path, message=f"Chronologue may not write {path}. "
                           "Choose another folder or file name.")
        except OSError as exc:
            reason = exc.strerror or str(exc)
            return Outcome("failed", path, message=f"Could not write {path}: {reason}.")
        except (ValueError, LookupError) as exc:
            return Outcome("failed", path, message=f"Could not export: {exc}.")
        if should_cancel():  # formats that do not poll: the file is there, say so
            return Outcome("done", path, summary, "The export finished before it could stop.")
        return Outcome("done", path, summary)

    return job


def preview_job(ws: Workspace, fmt: str, options: ExportOptions, generation: int):
    """(generation, QImage, caption[, Crowding]): the first page, the image, or a count for
    tables; a PDF too crowded to read also says how crowded (the dialog offers remedies)."""

    def job(progress, should_cancel) -> tuple[int, Any, str]:
        from desktop.export.preview import empty_preview, image_preview, page_preview

        data = gather(ws, options)
        n = len(data.events)
        count = f"{n} event{'s' if n != 1 else ''}"
        if fmt in TABLES:
            image = empty_preview(f"{TABLES[fmt]}: {count} will be written.\n\n"
                                  "Tables have no page preview.", PREVIEW_WIDTH, 480)
            return generation, image, count
        if not data.events:
            image = empty_preview("No events match these options.\n\nInclude suggested "
                                  "events, widen the date range or check more lanes.",
                                  PREVIEW_WIDTH, 480)
            return generation, image, "no events"
        if fmt == "pdf":
            from desktop.export.pdf import pdf_crowding

            image = page_preview(data, options, PREVIEW_WIDTH, should_cancel)
            crowd = pdf_crowding(data, options)
            return generation, image, f"Page 1 · {count}", crowd
        return generation, image_preview(data, options, PREVIEW_WIDTH), count

    return job
