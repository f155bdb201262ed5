"""CSV, JSON and TimelineJS writers: the formats other tools read.

CSV is one row per event with its citations joined by " | " (spreadsheets, pandas);
JSON is the lossless workspace document (desktop.services.interchange reads it back);
TimelineJS is the Knight Lab slide format, each slide carrying its quotes and links.
"""

from __future__ import annotations

import csv
import html
import io
import json
from pathlib import Path
from typing import Any

from desktop.export.atomic import write_text
from desktop.export.selection import ExportData, ExportEvent
from desktop.services.formula_guard import guard
from desktop.services.interchange import CSV_COLUMNS, JOIN, document
from desktop.services.interchange_entities import csv_cells
from desktop.store import Workspace
from desktop.temporal import FuzzyDate, Precision, Qualifier
from desktop.temporal.fuzzy import CYCLE_YEARS


def csv_text(data: ExportData) -> str:
    """One row per event; text cells are guarded against running as spreadsheet formulas."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for e in data.events:
        writer.writerow({k: guard(v) if isinstance(v, str) else v for k, v in _csv_row(e).items()})
    return buf.getvalue()


def _csv_row(e: ExportEvent) -> dict[str, Any]:
    row: dict[str, Any] = {"number": e.number, "id": e.id, "title": e.title}
    for prefix, when in (("start", e.start), ("end", e.end)):
        if when is None:
            continue
        lo, hi = when.iso_bounds()
        row.update({prefix: when.to_timex(), f"{prefix}_human": when.human(),
                    f"{prefix}_earliest": lo, f"{prefix}_latest": hi,
                    f"{prefix}_precision": str(when.precision),
                    f"{prefix}_qualifier": str(when.qualifier or "")})  # fmt: skip
    row.update({
        "lane": e.lane, "tags": "; ".join(e.tags), "status": e.status,
        "confidence": round(e.confidence, 3), "conflict": "yes" if e.conflict else "",
        "color": e.color or "", "description": e.description, "sources": len(e.sources),
        "quotes": JOIN.join(" ".join(s.quote.split()) for s in e.sources),
        "article_titles": JOIN.join(s.article_title for s in e.sources),
        "outlets": JOIN.join(s.outlet for s in e.sources),
        "published": JOIN.join(s.published.isoformat() if s.published else "" for s in e.sources),
        "urls": JOIN.join(s.url for s in e.sources),
        **csv_cells(e.actors, e.places),
    })  # fmt: skip
    return row


def write_csv(data: ExportData, path: Path | str) -> None:
    write_text(path, csv_text(data))


def write_json(ws: Workspace, data: ExportData, path: Path | str) -> None:
    """The lossless document, limited to the events `data` selected."""
    doc = document(ws, [e.id for e in data.events])
    write_text(path, json.dumps(doc, ensure_ascii=False, indent=2) + "\n")


def _tl_date(when: FuzzyDate, use_latest: bool = False) -> dict[str, Any]:
    """TimelineJS date parts down to the date's precision (early/mid/late: one finer)."""
    t = when.latest if use_latest else when.earliest
    if when.qualifier is Qualifier.BEFORE:
        t = when.latest
    elif when.qualifier is Qualifier.AFTER:
        t = when.earliest
    thirds = when.qualifier in (Qualifier.EARLY, Qualifier.MID, Qualifier.LATE)
    p = when.precision
    # astronomical years, as JavaScript's Date counts them (-43 is 44 BCE)
    parts: dict[str, Any] = {"year": t.year - when.cycles * CYCLE_YEARS}
    if p in (Precision.YEAR, Precision.DECADE, Precision.CENTURY) and not thirds:
        return parts
    parts["month"] = t.month
    if p in (Precision.YEAR, Precision.DECADE, Precision.CENTURY, Precision.QUARTER,
             Precision.SEASON) or (p is Precision.MONTH and not thirds):  # fmt: skip
        return parts
    parts["day"] = t.day
    if p is Precision.MINUTE:
        parts["hour"], parts["minute"] = t.hour, t.minute
    return parts


def _is_span(when: FuzzyDate) -> bool:
    """Periods TimelineJS cannot name by their first moment alone (early Sep, week 37)."""
    return when.precision in (Precision.WEEK, Precision.QUARTER, Precision.SEASON) or (
        when.qualifier in (Qualifier.EARLY, Qualifier.MID, Qualifier.LATE, Qualifier.CIRCA)
    )


def _slide_text(e: ExportEvent) -> str:
    out = []
    if e.description and e.description != e.title and not any(
        e.description.strip() == s.quote.strip() for s in e.sources
    ):
        out.append(f"<p>{html.escape(e.description, quote=False)}</p>")
    for s in e.sources:
        where = ", ".join(x for x in (s.outlet, s.published.strftime("%-d %b %Y")
                                      if s.published else "") if x)  # fmt: skip
        title = html.escape(s.article_title, quote=False)
        link = f'<a href="{html.escape(s.url, quote=True)}">{title}</a>' if s.url else title
        out.append(f"<blockquote>{html.escape(' '.join(s.quote.split()), quote=False)}</blockquote>"
                   f"<p>[{e.number}] {link}" + (f" — {html.escape(where)}" if where else "")
                   + "</p>")  # fmt: skip
    return "".join(out)


def timelinejs_doc(data: ExportData) -> dict[str, Any]:
    """The TimelineJS JSON: a title slide and one slide per event, grouped by lane."""
    events = []
    for e in data.events:
        slide: dict[str, Any] = {
            "start_date": {**_tl_date(e.start), "display_date": e.when},
            "text": {"headline": html.escape(e.title, quote=False), "text": _slide_text(e)},
            "group": e.lane,
            "unique_id": f"event-{e.id}",
        }
        if e.end is not None:
            slide["end_date"] = _tl_date(e.end, use_latest=True)
        elif _is_span(e.start):
            slide["end_date"] = _tl_date(e.start, use_latest=True)
        if e.color:
            slide["background"] = {"color": e.color}
        events.append(slide)
    title_text = html.escape(data.subtitle, quote=False) if data.subtitle else ""
    if data.author:
        title_text += f"<p>{html.escape(data.author, quote=False)}</p>"
    headline = html.escape(data.title, quote=False)
    return {"title": {"text": {"headline": headline, "text": title_text}}, "events": events}


def write_timelinejs(data: ExportData, path: Path | str) -> None:
    write_text(path, json.dumps(timelinejs_doc(data), ensure_ascii=False, indent=2) + "\n")
