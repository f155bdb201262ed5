"""export layer: vector PDF, PNG and SVG painters (QtGui only) and CSV/JSON/TimelineJS writers.

`export_file` is the one entry point the window and the CLI call. Qt is imported only
for the graphic formats, so CSV/JSON exports work where Qt cannot load.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop.export.selection import (
    DEFAULT_STATUSES,
    ExportData,
    ExportOptions,
    gather,
)
from desktop.export.targets import TargetRefused, check_target
from desktop.store import Workspace

FORMATS = ("pdf", "png", "svg", "csv", "json", "timelinejs")
SUFFIXES = {"pdf": ".pdf", "png": ".png", "svg": ".svg", "csv": ".csv", "json": ".json",
            "timelinejs": ".json"}  # fmt: skip


@dataclass
class ExportSummary:
    path: Path
    format: str
    events: int
    pages: int = 0  # PDF only
    warning: str = ""  # PDF: the chart was too crowded and became a density strip
    # Said to the user, the export was still written: characters no font can draw.
    warnings: list[str] = field(default_factory=list)


def guess_format(path: Path | str) -> str | None:
    """The format a file name asks for (".json" means the Chronologue JSON)."""
    suffix = Path(path).suffix.lower()
    return {".pdf": "pdf", ".png": "png", ".svg": "svg", ".csv": "csv",
            ".json": "json"}.get(suffix)  # fmt: skip


def export_file(
    ws: Workspace,
    path: Path | str,
    fmt: str,
    options: ExportOptions | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
    follow_symlink: bool = False,
) -> ExportSummary:
    """Write the events `options` select as `fmt` to `path` (atomically).

    PDF export polls `should_cancel` and reports `progress(done, total)`; a cancel
    raises desktop.export.pdf.ExportCancelled and leaves no file behind. A target that
    is not a regular file, or is one of the workspace's own files, raises TargetRefused
    (a ValueError) before any work; a symlink is written through only with `follow_symlink`.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    check_target(path, ws.path, follow_symlink=follow_symlink)
    options = options or ExportOptions()
    data = gather(ws, options)
    return write_data(ws, data, path, fmt, options, progress=progress,
                      should_cancel=should_cancel, follow_symlink=follow_symlink)  # fmt: skip


def write_data(
    ws: Workspace,
    data: ExportData,
    path: Path | str,
    fmt: str,
    options: ExportOptions,
    *,
    progress: Callable[[int, int], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
    follow_symlink: bool = False,
) -> ExportSummary:
    """Write already gathered data (lets a UI gather, preview, then write)."""
    path = check_target(path, ws.path, follow_symlink=follow_symlink)
    if fmt == "pdf":
        from desktop.export.pdf import render_pdf

        result = render_pdf(data, path, options, progress=progress, should_cancel=should_cancel)
        return ExportSummary(path, fmt, len(data.events), result.pages, result.warning,
                             _glyph_warnings(data))
    if fmt in ("png", "svg"):
        from desktop.export.images import render_png, render_svg

        (render_png if fmt == "png" else render_svg)(data, path, options)
        return ExportSummary(path, fmt, len(data.events), warnings=_glyph_warnings(data))
    else:
        from desktop.export.tables import write_csv, write_json, write_timelinejs

        if fmt == "csv":
            write_csv(data, path)
        elif fmt == "json":
            write_json(ws, data, path)
        else:
            write_timelinejs(data, path)
    return ExportSummary(path, fmt, len(data.events))


def _glyph_warnings(data: ExportData) -> list[str]:
    from desktop.export.qtkit import missing_glyphs

    missing = missing_glyphs(data)
    if not missing:
        return []
    shown = ", ".join(missing[:12]) + (f" and {len(missing) - 12} more" if len(missing) > 12
                                       else "")  # fmt: skip
    return [f"{len(missing)} characters have no installed font and are drawn as empty boxes: "
            f"{shown}. Install fonts that cover them (Debian: fonts-noto-core, fonts-noto-cjk, "
            "fonts-symbola)."]


__all__ = [
    "DEFAULT_STATUSES",
    "FORMATS",
    "ExportData",
    "ExportOptions",
    "ExportSummary",
    "TargetRefused",
    "export_file",
    "gather",
    "guess_format",
    "write_data",
]
