"""Headless verbs: the same jobs as the window, for scripts.

Exit codes: 0 success, 1 when some item failed (named on stderr), 2 usage errors.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm.exc import StaleDataError

from desktop import __version__, cli_export, cli_maintenance
from desktop.cli_text import shown
from desktop.services.conflicts import EditConflict
from desktop.store import Workspace, WorkspaceError, open_workspace
from desktop.store.damage import READ_ERRORS, diagnose
from desktop.store.location import Location, LocationError, parse_location
from desktop.store.workspace import (
    ReadOnlyWorkspace,
    default_location,
    is_write_problem,
    write_error_message,
)

log = logging.getLogger("chronologue.cli")
VERBS = (
    "import", "articles", "show", "suggest", "set-date", "events", "accept", "reject",
    "export", "demo", "import-events", "check", "restore", "search", "delete-articles",
)
# Verbs that change the workspace: refused up front on a read-only one.
WRITES = ("import", "suggest", "set-date", "accept", "reject", "import-events", "demo",
          "delete-articles")


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in the form YYYY-MM-DD") from None


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= 256:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of processes (1 to 256)")
    return value


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS lets --workspace stand before or after the verb without one hiding the other.
    common.add_argument(
        "--workspace", "-w", metavar="W", default=argparse.SUPPRESS,
        help="workspace file, or postgresql://user@host:port/database for a shared one "
        "(default: $CHRONOLOGUE_WORKSPACE or the user data folder)",
    )
    listing = argparse.ArgumentParser(add_help=False)
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")

    parser = argparse.ArgumentParser(
        prog="chronologue",
        description="Turn news articles into source-grounded timelines. "
        "With no verb, opens the desktop window.",
    )
    parser.add_argument("--version", action="version", version=f"chronologue {__version__}")
    parser.add_argument("--workspace", "-w", metavar="W", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="verb", metavar="VERB")

    p = sub.add_parser("import", parents=[common, listing], help="import files or folders")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p.add_argument("--no-suggest", action="store_true", help="do not extract suggestions")
    p.add_argument("--jobs", "-j", type=_jobs, metavar="N", default=None,
                   help="worker processes that read and extract files (default: every "
                   "core for a big batch, one for a few files)")

    sub.add_parser("articles", parents=[common, listing], help="list the articles")

    p = sub.add_parser("show", parents=[common, listing], help="show one article with its text")
    p.add_argument("id", type=int, metavar="ID")

    p = sub.add_parser("search", parents=[common, listing],
                       help="find articles containing words (full-text search)")
    p.add_argument("query", nargs="+", metavar="WORD")
    p.add_argument("--limit", type=int, default=50, metavar="N")

    p = sub.add_parser("suggest", parents=[common, listing], help="re-run event suggestion")
    p.add_argument("--article", type=int, metavar="ID", help="only this article")

    p = sub.add_parser("set-date", parents=[common], help="set an article's publication date")
    p.add_argument("article", type=int, metavar="ARTICLE")
    p.add_argument("date", type=_iso_date, metavar="YYYY-MM-DD")

    p = sub.add_parser("delete-articles", parents=[common],
                       help="delete articles with their suggestions (5 or more: backed up first)")
    p.add_argument("ids", type=int, nargs="+", metavar="ID")

    p = sub.add_parser("events", parents=[common, listing], help="list events")
    p.add_argument("--status", choices=["suggested", "accepted", "rejected", "manual"])

    for verb, what in (("accept", "accept suggested events"), ("reject", "reject events")):
        p = sub.add_parser(verb, parents=[common], help=what)
        p.add_argument("ids", nargs="*", type=int, metavar="ID")
        p.add_argument("--all", action="store_true", help="every suggested event")
    cli_export.add_parsers(sub, [common])
    cli_maintenance.add_parsers(sub, [common])
    return parser


def main(
    argv: list[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    if out is None or err is None:  # names from disk may not be UTF-8: never crash printing
        for stream in (sys.stdout, sys.stderr):
            if hasattr(stream, "reconfigure"):
                stream.reconfigure(errors="backslashreplace")
    out = out or sys.stdout
    err = err or sys.stderr
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.verb is None:
        parser.print_help(out)
        return 0
    if args.verb == "demo" and args.workspace is None:  # a throwaway workspace, not the user's
        return cli_export.cmd_demo(None, args, out, err)
    try:
        location = _location(args.workspace)
    except (LocationError, WorkspaceError) as exc:
        print(f"chronologue: {exc}", file=err)
        return 2
    if args.verb in cli_maintenance.HANDLERS:  # they work on damaged files: never open first
        return cli_maintenance.HANDLERS[args.verb](location, args, out, err)
    try:
        ws = open_workspace(location)
    except WorkspaceError as exc:
        log.warning("%s: %s", args.verb, exc)
        print(f"chronologue: {exc}", file=err)
        return 1
    log.info("%s", args.verb)
    for notice in ws.notices:  # a finished restore, a backup that could not be written
        print(f"chronologue: {notice}", file=err)
    try:
        if args.verb in WRITES:
            ws.require_writable(f"chronologue {args.verb}")
        return HANDLERS[args.verb](ws, args, out, err)
    except ReadOnlyWorkspace as exc:
        print(f"chronologue: {exc}", file=err)
        return 1
    except LookupError as exc:
        print(f"chronologue: {exc.args[0] if exc.args else exc}", file=err)
        return 1
    except (StaleDataError, EditConflict):  # another writer kept winning the same rows
        print(f"chronologue: {ws}: another window or process kept changing the same events; "
              "nothing was changed by this command. Run it again.", file=err)
        return 1
    except DBAPIError as exc:  # full disk, read-only, locked for too long, server gone
        if is_write_problem(exc) and not _damage(ws, exc):
            print(f"chronologue: {ws}: {write_error_message(exc)}", file=err)
            return 1
        return _report_damage(ws, exc, err)
    except READ_ERRORS as exc:  # a value that cannot be read back: damage, said as such
        return _report_damage(ws, exc, err)
    finally:
        ws.close()


def _damage(ws: Workspace, exc: BaseException) -> str | None:
    path = getattr(ws, "path", None)
    return diagnose(path, exc) if isinstance(path, Path) else None


def _report_damage(ws: Workspace, exc: BaseException, err: TextIO) -> int:
    """The damage message with the backup offer, after checking the file; else re-raise."""
    message = _damage(ws, exc)
    if message is None:
        raise exc
    print(f"chronologue: {message}", file=err)
    return 1


def _location(given: str | None) -> Location:
    return parse_location(given) if given else default_location()


def _dump(data: Any, out: TextIO) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def cmd_import(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from desktop.services.importing import import_paths

    report = import_paths(ws, args.paths, suggest=not args.no_suggest, jobs=args.jobs)
    for notice in report.notices:
        print(f"chronologue: {notice}", file=err)
    for r in report.failed:
        print(f"chronologue: {shown(r.path)}: {shown(r.message)}", file=err)
    if args.json:
        _dump(
            [
                {"file": shown(r.path), "status": r.status, "message": shown(r.message),
                 "article_id": r.article_id, "suggestions": r.suggestions,
                 "merged": r.merged}
                for r in report.results
            ],
            out,
        )
    else:
        for r in report.results:
            if r.status == "imported":
                merged = f", {r.merged} merged into stored events" if r.merged else ""
                note = f" ({r.suggestions} suggestions{merged})" + (
                    f": {r.message}" if r.message else "")
                print(f"imported   {shown(r.path)}  -> article {r.article_id}{shown(note)}",
                      file=out)
            elif r.status == "duplicate":
                print(f"duplicate  {shown(r.path)}  ({shown(r.message)})", file=out)
        print(
            f"{report.count('imported')} imported, {report.count('duplicate')} duplicate, "
            f"{report.count('failed')} failed  [{ws}]",
            file=out,
        )
    return 1 if report.failed else 0


def cmd_articles(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from desktop.services.queries import article_rows

    rows = article_rows(ws)
    if args.json:
        _dump(rows, out)
        return 0
    for r in rows:
        print(
            f"{r['id']:>5}  {r['published'] or 'undated':<10}  {(r['outlet'] or '-')[:24]:<24}  "
            f"{(r['title'] or r['source_file'] or '')[:70]}",
            file=out,
        )
    print(f"{len(rows)} articles", file=out)
    return 0


def cmd_show(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from desktop.services.queries import article_detail

    detail = article_detail(ws, args.id)
    if detail is None:
        raise LookupError(f"no article with id {args.id}")
    if args.json:
        _dump(detail, out)
        return 0
    for key in ("title", "outlet", "url", "author", "published", "source_file", "language"):
        print(f"{key + ':':<13}{detail[key] if detail[key] is not None else '-'}", file=out)
    events = ", ".join(f"{n} {s}" for s, n in sorted(detail["events"].items())) or "none"
    print(f"{'events:':<13}{events}", file=out)
    print("", file=out)
    print(detail["text"], file=out)
    return 0


def cmd_search(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from desktop.services.search import search_hits

    hits = search_hits(ws, " ".join(args.query), limit=max(1, args.limit))
    if args.json:
        _dump([{"id": h.article_id, "title": h.title, "snippet": h.snippet} for h in hits], out)
        return 0
    for h in hits:
        print(f"{h.article_id:>5}  {h.title[:70]}\n       {h.snippet}", file=out)
    print(f"{len(hits)} articles", file=out)
    return 0


def cmd_suggest(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from desktop.services.suggesting import resuggest

    report = resuggest(ws, args.article)
    for aid, reason in report.failed:
        print(f"chronologue: article {aid}: {reason}", file=err)
    if args.json:
        _dump({"articles": report.articles, "added": report.added}, out)
    else:
        print(f"{report.added} new suggestions from {report.articles} articles", file=out)
    return 1 if report.failed else 0


def cmd_set_date(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from desktop.services.suggesting import set_published

    added = set_published(ws, args.article, args.date)
    print(f"article {args.article} published {args.date.isoformat()}; "
          f"{added} suggestions recomputed", file=out)
    return 0


def cmd_delete_articles(
    ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO
) -> int:
    from desktop.services.deletion import delete_articles

    try:
        deletion = delete_articles(ws, args.ids)
    except LookupError as exc:
        print(f"chronologue: {exc}; nothing was deleted", file=err)
        return 1
    print(deletion.summary, file=out)
    return 0


def cmd_events(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from desktop.services.queries import event_rows

    rows = event_rows(ws, args.status)
    if args.json:
        _dump(rows, out)
        return 0
    for r in rows:
        flag = " CONFLICT" if r["conflict"] else ""
        print(f"{r['id']:>5}  {r['value']:<12} {r['status']:<9} {r['confidence']:.2f}  "
              f"{r['title'][:80]}{flag}", file=out)
    print(f"{len(rows)} events", file=out)
    return 0


def _cmd_status(status: str):
    def run(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
        from desktop.services.queries import event_rows
        from desktop.services.review import set_status_retrying

        if not args.ids and not args.all:
            print("chronologue: name event ids or use --all", file=err)
            return 2
        ids = list(args.ids)
        if args.all:
            ids += [r["id"] for r in event_rows(ws, "suggested")]
            if not ids:
                print(f"no suggested events left to mark {status}", file=out)
                return 0
        report = set_status_retrying(ws, ids, status,
                                     only_if="suggested" if args.all else None)  # fmt: skip
        for event_id in report.missing:
            print(f"chronologue: no event with id {event_id}", file=err)
        if report.skipped:
            print(f"chronologue: {len(report.skipped)} events were changed by another window "
                  f"or process meanwhile and were left as they are: "
                  f"{', '.join(map(str, report.skipped[:20]))}", file=err)  # fmt: skip
        print(f"{report.changed} events {status}", file=out)
        return 1 if report.missing else 0

    return run


HANDLERS = {
    "import": cmd_import,
    "articles": cmd_articles,
    "show": cmd_show,
    "search": cmd_search,
    "suggest": cmd_suggest,
    "set-date": cmd_set_date,
    "delete-articles": cmd_delete_articles,
    "events": cmd_events,
    "accept": _cmd_status("accepted"),
    "reject": _cmd_status("rejected"),
    **cli_export.HANDLERS,
}
