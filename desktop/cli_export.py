"""Headless export verbs: `export`, `demo` and `import-events`, for scripts and CI.

desktop/cli.py adds these with `add_parsers(sub, [common])` and merges `HANDLERS`;
same conventions: exit 0 on success, 1 when something failed (said on stderr), 2 for
usage errors. Qt is loaded only for PDF/PNG/SVG, offscreen when there is no display.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from datetime import date
from pathlib import Path
from typing import TextIO

from desktop.cli_text import shown
from desktop.store import Workspace, open_workspace

FORMATS = ("pdf", "png", "svg", "csv", "json", "timelinejs")
STATUSES = ("suggested", "accepted", "rejected", "manual")
DEMO_TITLE = "Idlib: offensive, protests and talks"
DEMO_SUBTITLE = ("Sample timeline built from the five news articles in seeds/; "
                 "every event cites the sentence that dates it.")  # fmt: skip


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in the form YYYY-MM-DD") from None


def _page(text: str) -> str:
    from desktop.export.pagesize import parse_page

    try:
        parse_page(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text


def _tiles(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 50:
        raise argparse.ArgumentTypeError("--tiles takes a number of pages from 1 to 50")
    return int(text)


def _width(text: str) -> int:
    from desktop.export.targets import check_width

    try:
        return check_width(int(text))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc) if text.strip().lstrip("-").isdigit()
                                         else f"{text!r} is not a number of pixels") from None


def _page_options(p: argparse.ArgumentParser, landscape_default: bool) -> None:
    p.add_argument("--page", type=_page, default="A4", metavar="SIZE",
                   help="A4, A3, Letter, Tabloid or WxHmm, e.g. 900x600mm (default A4)")
    if landscape_default:
        p.add_argument("--portrait", action="store_true", help="portrait pages")
    else:
        p.add_argument("--landscape", action="store_true", help="landscape pages")
    p.add_argument("--title", metavar="T", help="title on the first page")
    p.add_argument("--subtitle", metavar="S")
    p.add_argument("--author", metavar="A")
    p.add_argument("--tiles", type=_tiles, default=1, metavar="N",
                   help="spread the time axis over N pages side by side (default 1: fit)")
    p.add_argument("--no-breaks", action="store_true", help="no breaks in the time axis")
    p.add_argument("--no-sources", action="store_true", help="leave out the sources section")
    p.add_argument("--no-legend", action="store_true", help="leave out the legend")  # fmt: skip


def add_parsers(sub: argparse._SubParsersAction, common_parents: list[argparse.ArgumentParser]
                ) -> None:  # fmt: skip
    """Add `export`, `demo` and `import-events` to the `chronologue` sub-parsers."""
    p = sub.add_parser("export", parents=common_parents,
                       help="export the timeline as PDF, PNG, SVG, CSV, JSON or TimelineJS")
    p.add_argument("--format", "-f", choices=FORMATS,
                   help="output format (default: from the file name; .json is Chronologue JSON)")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    p.add_argument("--timeline", metavar="NAME", help="a saved timeline's lanes, filters, range")
    p.add_argument("--from", dest="date_from", type=_iso_date, metavar="DATE",
                   help="only events that reach into or after DATE (YYYY-MM-DD)")
    p.add_argument("--to", dest="date_to", type=_iso_date, metavar="DATE",
                   help="only events that start on or before DATE")
    p.add_argument("--status", action="append", choices=STATUSES,
                   help="events with this status (repeatable; default: accepted and manual)")
    p.add_argument("--all-statuses", action="store_true", help="events of every status")
    p.add_argument("--lane", action="append", dest="lanes", metavar="LANE",
                   help="only this lane (repeatable)")
    p.add_argument("--tag", action="append", dest="tags", metavar="TAG",
                   help="only events with this tag (repeatable)")
    p.add_argument("--actor", metavar="NAME",
                   help="the timeline of one actor: only events naming it (name or alias)")
    p.add_argument("--place", metavar="NAME", help="only events at this place (name or alias)")
    p.add_argument("--width", type=_width, default=2400, metavar="PX",
                   help="PNG width in pixels, 400 to 8000 (SVG: half as many points)")
    p.add_argument("--follow-symlink", action="store_true",
                   help="if FILE is a symbolic link, write to the file it points to")  # fmt: skip
    _page_options(p, landscape_default=False)

    p = sub.add_parser("demo", parents=common_parents,
                       help="build the sample workspace from seeds/ and export its PDF")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    p.add_argument("--seeds", type=Path, metavar="DIR", help="the sample articles folder")
    p.add_argument("--follow-symlink", action="store_true",
                   help="if FILE is a symbolic link, write to the file it points to")
    _page_options(p, landscape_default=True)  # fmt: skip

    p = sub.add_parser("import-events", parents=common_parents,
                       help="import events from Chronologue JSON, CSV or TimelineJS JSON")
    p.add_argument("file", type=Path, metavar="FILE")  # fmt: skip


def _options(args: argparse.Namespace, *, landscape: bool):
    from desktop.export import DEFAULT_STATUSES, ExportOptions

    statuses = None if getattr(args, "all_statuses", False) else (
        tuple(args.status) if getattr(args, "status", None) else DEFAULT_STATUSES)  # fmt: skip
    return ExportOptions(
        title=args.title or "", subtitle=args.subtitle or "", author=args.author or "",
        page=args.page, landscape=landscape, date_from=getattr(args, "date_from", None),
        date_to=getattr(args, "date_to", None), statuses=statuses,
        lanes=getattr(args, "lanes", None), tags=getattr(args, "tags", None),
        actor=getattr(args, "actor", None), place=getattr(args, "place", None),
        timeline=getattr(args, "timeline", None), tiles=args.tiles, breaks=not args.no_breaks,
        legend=not args.no_legend, sources=not args.no_sources,
        image_width=getattr(args, "width", 2400),
    )  # fmt: skip


def _headless() -> None:
    """Qt must know there is no display before it loads."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _say(summary, out: TextIO, err: TextIO | None = None) -> None:
    for warning in getattr(summary, "warnings", []):
        print(f"chronologue: warning: {warning}", file=err or out)
    pages = f", {summary.pages} pages" if summary.pages else ""
    print(f"wrote {shown(summary.path)} ({summary.format}, {summary.events} events{pages})",
          file=out)
    if getattr(summary, "warning", ""):
        print(f"note: {summary.warning} (--tiles N, --page A0 or --from/--to/--lane/--tag)",
              file=out)


def cmd_export(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from desktop.export import export_file, guess_format

    fmt = args.format or guess_format(args.output)
    if fmt is None:
        print(f"chronologue: cannot tell the format from {args.output.name!r}; "
              "add --format pdf|png|svg|csv|json|timelinejs", file=err)  # fmt: skip
        return 2
    if args.date_from and args.date_to and args.date_from > args.date_to:
        print("chronologue: --from is after --to", file=err)
        return 2
    if fmt in ("pdf", "png", "svg"):
        _headless()
    try:
        summary = export_file(ws, args.output, fmt, _options(args, landscape=args.landscape),
                              follow_symlink=args.follow_symlink)
    except (OSError, ValueError) as exc:
        from desktop.export import TargetRefused
        from desktop.store.damage import diagnose

        damage = None if isinstance(exc, OSError | TargetRefused) or ws.path is None else \
            diagnose(ws.path, exc)  # fmt: skip
        if damage:
            print(f"chronologue: {damage}", file=err)
        else:
            print(f"chronologue: cannot export to {shown(args.output)}: {shown(exc)}", file=err)
        return 1
    _say(summary, out, err)
    return 0


def cmd_demo(ws: Workspace | None, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Seeds -> fresh workspace (or --workspace) -> accept suggestions -> PDF."""
    from desktop.services.demo import build_demo, default_seeds_dir

    seeds = args.seeds or default_seeds_dir()
    if seeds is None or not Path(seeds).is_dir():
        print("chronologue: no sample articles found; pass --seeds DIR", file=err)
        return 1
    _headless()
    with tempfile.TemporaryDirectory(prefix="chronologue-demo-") as tmp:
        own = ws is None or getattr(args, "workspace", None) is None
        target = open_workspace(Path(tmp) / "demo.chronologue") if own else ws
        try:
            report = build_demo(target, Path(seeds))
            options = _options(args, landscape=not args.portrait)
            options.title = args.title or DEMO_TITLE
            options.subtitle = args.subtitle if args.subtitle is not None else DEMO_SUBTITLE
            from desktop.export import export_file

            summary = export_file(target, args.output, "pdf", options,
                                  follow_symlink=args.follow_symlink)
        except (OSError, ValueError) as exc:
            print(f"chronologue: cannot export the demo to {args.output}: {exc}", file=err)
            return 1
        finally:
            if own:
                target.close()
    print(f"sample workspace: {report.articles} articles imported, "
          f"{report.accepted} suggestions accepted", file=out)  # fmt: skip
    _say(summary, out, err)
    return 0


def cmd_import_events(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from desktop.services.interchange import import_events_file

    try:
        report = import_events_file(ws, args.file)
    except (OSError, ValueError, KeyError) as exc:
        print(f"chronologue: cannot import {shown(args.file)}: {shown(exc)}", file=err)
        return 1
    for problem in report.skipped:
        print(f"chronologue: {shown(args.file)}: {shown(problem)}", file=err)
    print(f"{report.events} events and {report.articles} articles imported  [{ws}]",
          file=out)  # fmt: skip
    return 1 if report.skipped else 0


HANDLERS = {"export": cmd_export, "demo": cmd_demo, "import-events": cmd_import_events}
