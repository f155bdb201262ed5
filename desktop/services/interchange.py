"""Events in and out of a workspace as files other tools read: JSON, CSV, TimelineJS.

The JSON document is the lossless one: articles (with their text, so citation offsets
stay meaningful), lanes, timelines, events with every field and their citations.
Importing it into an empty workspace keeps ids, so export -> import -> export gives the
same document. CSV and TimelineJS rows carry no article text: they come back as
hand-made ("manual") events, with any quoted sources kept in the event's notes.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import msgspec
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.services.eventdates import end_of, set_end, set_start, start_of
from desktop.services.interchange_check import (
    csv_problem,
    csv_rows,
    date_from_doc,
    document_problems,
    slide_problem,
)
from desktop.services.interchange_entities import (
    entity_docs,
    event_entity_docs,
    import_entities,
    link_csv_row,
    link_event_doc,
)
from desktop.services.interchange_schema import (
    MAX_FILE_BYTES,
    DateDoc,
    Problems,
    SlideDate,
    check,
)
from desktop.store import Article, Citation, Event, Lane, Tag, Timeline, Workspace
from desktop.store.urls import safe_url
from desktop.temporal import FuzzyDate, Precision, Qualifier, parse_human

FORMAT = "chronologue"
VERSION = 1
JOIN = " | "
CSV_COLUMNS = (
    "number", "id", "title", "start", "start_human", "start_earliest", "start_latest",
    "start_precision", "start_qualifier", "end", "end_human", "end_earliest", "end_latest",
    "end_precision", "end_qualifier", "lane", "tags", "status", "confidence", "conflict",
    "color", "description", "sources", "quotes", "article_titles", "outlets", "published",
    "urls", "actors", "actor_roles", "places",
)  # fmt: skip


def content_digest(text: str) -> str:
    """Whitespace-insensitive article identity (the same digest importing stores)."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


@dataclass
class InterchangeReport:
    articles: int = 0
    events: int = 0
    skipped: list[str] = field(default_factory=list)


# --- JSON document ----------------------------------------------------------------------
def _dt(value: datetime | date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    return value.isoformat()


def _date_doc(when: FuzzyDate | None) -> dict[str, Any] | None:
    if when is None:
        return None
    lo, hi = when.iso_bounds()
    return {"value": when.to_timex(), "human": when.human(), "earliest": lo, "latest": hi,
            "precision": str(when.precision),
            "qualifier": str(when.qualifier) if when.qualifier else None}  # fmt: skip


def _date_from_doc(doc: dict[str, Any] | None) -> FuzzyDate | None:
    return date_from_doc(msgspec.convert(doc, DateDoc)) if doc else None


def document(ws: Workspace, event_ids: Iterable[int] | None = None) -> dict[str, Any]:
    """The workspace (or the given events) as one JSON-ready dict, in a stable order."""
    wanted = set(event_ids) if event_ids is not None else None
    with ws.session() as session:
        articles = session.scalars(select(Article).order_by(Article.id)).all()
        lanes = session.scalars(select(Lane).order_by(Lane.position, Lane.id)).all()
        timelines = session.scalars(select(Timeline).order_by(Timeline.name)).all()
        events = session.scalars(
            select(Event)
            .options(selectinload(Event.citations), selectinload(Event.lane),
                     selectinload(Event.tags))  # fmt: skip
            .order_by(Event.start_key, Event.id)
        ).all()
        chosen = [e for e in events if wanted is None or e.id in wanted]
        named = event_entity_docs(session, [e.id for e in chosen])
        return {
            "format": FORMAT,
            "version": VERSION,
            "articles": [
                {"id": a.id, "title": a.title, "outlet": a.outlet, "url": safe_url(a.url),
                 "author": a.author, "published": _dt(a.published), "language": a.language,
                 "source_file": a.source_file, "source_format": a.source_format,
                 "imported_at": _dt(a.imported_at), "text": a.text}
                for a in articles
            ],  # fmt: skip
            "lanes": [{"name": x.name, "color": x.color, "position": x.position,
                       "collapsed": x.collapsed, "height": x.height} for x in lanes],  # fmt: skip
            "timelines": [{"name": t.name, "settings": t.settings or {}} for t in timelines],
            **entity_docs(session, None if wanted is None else [e.id for e in chosen]),
            "events": [{**_event_doc(e), **named[e.id]} for e in chosen],
        }


def _event_doc(e: Event) -> dict[str, Any]:
    return {
        "id": e.id, "title": e.title, "description": e.description, "notes": e.notes,
        "start": _date_doc(start_of(e)), "end": _date_doc(end_of(e)),
        "lane": e.lane.name if e.lane else None, "tags": sorted(t.name for t in e.tags),
        "color": e.color, "status": e.status, "confidence": e.confidence,
        "conflict": e.conflict, "created": _dt(e.created), "modified": _dt(e.modified),
        "citations": [
            {"article_id": c.article_id, "start": c.start, "end": c.end, "quote": c.quote,
             "date_phrase": c.date_phrase, "phrase_start": c.phrase_start,
             "phrase_end": c.phrase_end, "value": c.value, "needs_reference": c.needs_reference,
             "origin": c.origin, "anchor": c.anchor, "anchor_confidence": c.anchor_confidence}
            for c in e.citations
        ],
    }  # fmt: skip


def import_document(ws: Workspace, doc: dict[str, Any]) -> InterchangeReport:
    """Add a JSON document's articles, lanes, timelines and events in one transaction.

    The document is checked whole first: a broken one imports nothing, and every problem
    is reported with its record and field.
    """
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ValueError("not a Chronologue JSON export (no \"format\": \"chronologue\")")
    version = doc.get("version", 0)
    if not isinstance(version, int) or isinstance(version, bool):
        raise Problems([f"version: expected a whole number, got {version!r}"])
    if version > VERSION:
        raise ValueError(f"this file was written by a newer Chronologue (version {version})")
    problems = document_problems(doc)
    if problems:
        raise Problems(problems)
    report = InterchangeReport()
    with ws.session() as session:
        article_ids = _import_articles(session, doc.get("articles", []), report)
        lanes = _lanes(session, doc.get("lanes", []))
        for t in doc.get("timelines", []):
            if session.scalar(select(Timeline).where(Timeline.name == t["name"])) is None:
                session.add(Timeline(name=t["name"], settings=t.get("settings") or {}))
        tags: dict[str, Tag] = {}
        import_entities(session, doc)
        for ev in doc.get("events", []):
            free = ev.get("id") is not None and session.get(Event, ev["id"]) is None
            event = Event(
                id=ev["id"] if free else None, title=ev["title"],
                description=ev.get("description") or "", notes=ev.get("notes") or "",
                color=ev.get("color"), status=ev.get("status") or "manual",
                confidence=ev.get("confidence", 1.0), conflict=bool(ev.get("conflict")),
            )  # fmt: skip
            for name in ("created", "modified"):
                if ev.get(name):
                    setattr(event, name, datetime.fromisoformat(ev[name]))
            set_start(event, _date_from_doc(ev["start"]))  # type: ignore[arg-type]
            set_end(event, _date_from_doc(ev.get("end")))
            if ev.get("lane"):
                event.lane = lanes.get(ev["lane"]) or _lane(session, lanes, ev["lane"])
            event.tags = [_tag(session, tags, n) for n in ev.get("tags", [])]
            for c in ev.get("citations", []):
                event.citations.append(Citation(
                    article_id=article_ids[c["article_id"]], start=c["start"], end=c["end"],
                    quote=c["quote"], date_phrase=c.get("date_phrase"),
                    phrase_start=c.get("phrase_start"), phrase_end=c.get("phrase_end"),
                    value=c.get("value") or "", needs_reference=bool(c.get("needs_reference")),
                    origin=c.get("origin") or "manual", anchor=c.get("anchor"),
                    anchor_confidence=c.get("anchor_confidence"),
                ))  # fmt: skip
            session.add(event)
            session.flush()
            link_event_doc(session, event.id, ev)
            report.events += 1
    return report


def _import_articles(session: Session, rows: list[dict], report: InterchangeReport) -> dict:
    ids: dict[int, int] = {}
    for a in rows:
        digest = content_digest(a.get("text") or "")
        found = session.scalar(select(Article).where(Article.content_hash == digest))
        if found is None:
            free = a.get("id") is not None and session.get(Article, a["id"]) is None
            found = Article(
                id=a["id"] if free else None, title=a.get("title"), outlet=a.get("outlet"),
                url=a.get("url"), author=a.get("author"),
                published=date.fromisoformat(a["published"]) if a.get("published") else None,
                text=a.get("text") or "", content_hash=digest, source_file=a.get("source_file"),
                source_format=a.get("source_format") or "txt", language=a.get("language") or "en",
            )  # fmt: skip
            if a.get("imported_at"):
                found.imported_at = datetime.fromisoformat(a["imported_at"])
            session.add(found)
            session.flush()
            report.articles += 1
        ids[a["id"]] = found.id
    return ids


def _lanes(session: Session, rows: list[dict]) -> dict[str, Lane]:
    lanes = {x.name: x for x in session.scalars(select(Lane))}
    for row in rows:
        if row["name"] not in lanes:
            lane = Lane(name=row["name"], color=row.get("color"),
                        position=row.get("position", len(lanes)),
                        collapsed=bool(row.get("collapsed")), height=row.get("height"))  # fmt: skip
            session.add(lane)
            lanes[lane.name] = lane
    return lanes


def _lane(session: Session, lanes: dict[str, Lane], name: str) -> Lane:
    lane = lanes.get(name)
    if lane is None:
        lane = Lane(name=name, position=len(lanes))
        session.add(lane)
        lanes[name] = lane
    return lane


def _tag(session: Session, cache: dict[str, Tag], name: str) -> Tag:
    if name not in cache:
        cache[name] = session.scalar(select(Tag).where(Tag.name == name)) or Tag(name=name)
    return cache[name]


# --- CSV and TimelineJS -----------------------------------------------------------------
def _parse_date(value: str, precision: str = "", qualifier: str = "") -> FuzzyDate:
    """A TIMEX3 value or a date as people write it, with an optional precision/qualifier."""
    value = value.strip()
    try:
        base = FuzzyDate.from_timex(value)  # "-0043-03-15" too (ISO 8601 expanded years)
    except ValueError:
        return parse_human(value, bce=True)
    return base.requalified(Precision(precision) if precision else base.precision,
                            Qualifier(qualifier) if qualifier else None)  # fmt: skip


def _manual_event(session: Session, lanes: dict[str, Lane], tags: dict[str, Tag], *, title: str,
                  start: FuzzyDate, end: FuzzyDate | None, lane: str, tag_names: list[str],
                  description: str, notes: str, color: str | None) -> Event:  # fmt: skip
    event = Event(title=title, description=description, notes=notes, color=color or None,
                  status="manual", confidence=1.0)  # fmt: skip
    set_start(event, start)
    set_end(event, end)
    if lane:
        event.lane = _lane(session, lanes, lane)
    event.tags = [_tag(session, tags, n) for n in tag_names]
    session.add(event)
    return event


def _csv_dates(row: dict[str, str]) -> tuple[FuzzyDate, FuzzyDate | None]:
    """Start and end of a CSV row; ValueError names the column that is wrong."""
    found: list[FuzzyDate | None] = []
    for side in ("start", "end"):
        value = (row.get(side) or "").strip()
        if not value and side == "end":
            found.append(None)
            continue
        try:
            found.append(_parse_date(value, (row.get(f"{side}_precision") or "").strip(),
                                     (row.get(f"{side}_qualifier") or "").strip()))  # fmt: skip
        except ValueError as exc:
            raise ValueError(f"column '{side}': {exc}") from None
    return found[0], found[1]  # type: ignore[return-value]


def import_csv(ws: Workspace, text: str) -> InterchangeReport:
    """Rows with a title and a start (TIMEX3 or "14 Sep 2018") become hand-made events.

    Rows are independent, so every valid row is imported and each bad one is listed in
    ``skipped`` with its line and column.
    """
    report = InterchangeReport()
    rows = csv_rows(text)
    with ws.session() as session:
        lanes = {x.name: x for x in session.scalars(select(Lane))}
        tags: dict[str, Tag] = {}
        for line, row in rows:
            if isinstance(row, str):
                report.skipped.append(f"line {line}: {row}")
                continue
            problem = csv_problem(row)
            if problem is None:
                try:
                    start, end = _csv_dates(row)
                except ValueError as exc:
                    problem = str(exc)
            if problem is not None:
                report.skipped.append(f"line {line}: {problem}")
                continue
            title = row["title"].strip()
            quotes = [q for q in (row.get("quotes") or "").split(JOIN) if q.strip()]
            outlets = (row.get("outlets") or "").split(JOIN)
            notes = "\n".join(f"“{q}” ({outlets[i] if i < len(outlets) else ''})".replace(" ()", "")
                              for i, q in enumerate(quotes))  # fmt: skip
            event = _manual_event(session, lanes, tags, title=title, start=start, end=end,
                          lane=(row.get("lane") or "").strip(),
                          tag_names=[t.strip() for t in (row.get("tags") or "").split(";")
                                     if t.strip()],
                          description=row.get("description") or "",
                          notes=f"Sources (imported from CSV):\n{notes}" if notes else "",
                          color=row.get("color"))  # fmt: skip
            session.flush()
            link_csv_row(session, event.id, row)
            report.events += 1
    return report


_TAG = re.compile(r"<[^>]+>")


def _plain(markup: str) -> str:
    text = re.sub(r"</p>|<br\s*/?>|</blockquote>", "\n", markup or "", flags=re.IGNORECASE)
    return "\n".join(" ".join(html.unescape(_TAG.sub("", line)).split())
                     for line in text.splitlines() if _TAG.sub("", line).strip())  # fmt: skip


def _tl_date(raw: Any, where: str) -> FuzzyDate | None:
    if not raw:
        return None
    problems: list[str] = []
    cleaned = {k: None if v == "" else v for k, v in raw.items()} if isinstance(raw, dict) else raw
    parts = check(cleaned, SlideDate, where, problems, strict=False)
    if parts is None:
        raise ValueError(problems[0])
    if parts.year is None:
        return None
    y, m, d, hh, mm = parts.year, parts.month, parts.day, parts.hour, parts.minute
    # years as JavaScript's Date counts them (astronomical: 0 is 1 BCE, -43 is 44 BCE)
    if m is None:
        return FuzzyDate.at_year(Precision.YEAR, y)
    try:
        if d is None:
            return FuzzyDate.at_year(Precision.MONTH, y, m)
        if hh is None:
            return FuzzyDate.at_year(Precision.DAY, y, m, d)
        return FuzzyDate.at_year(Precision.MINUTE, y, m, d, hh, mm or 0)
    except ValueError as exc:
        raise ValueError(f"{where}: {exc}") from None


def import_timelinejs(ws: Workspace, doc: dict[str, Any]) -> InterchangeReport:
    """TimelineJS slides with a start_date become hand-made events (group -> lane)."""
    if not isinstance(doc, dict) or not isinstance(doc.get("events"), list):
        raise ValueError("not a TimelineJS file: no \"events\" list")
    report = InterchangeReport()
    with ws.session() as session:
        lanes = {x.name: x for x in session.scalars(select(Lane))}
        tags: dict[str, Tag] = {}
        for i, slide in enumerate(doc["events"], start=1):
            problem = slide_problem(slide)
            if problem:
                report.skipped.append(f"event {i}: {problem}")
                continue
            text = slide.get("text") or {}
            title = (_plain(text.get("headline") or "") or f"Untitled event {i}")[:500]
            try:
                start = _tl_date(slide.get("start_date"), "start_date")
                end = _tl_date(slide.get("end_date"), "end_date")
                shown = (slide.get("start_date") or {}).get("display_date") or ""
                if shown:  # what the exporter wrote ("early Sep 2018") is the exact date
                    with_shown = _display(shown)
                    if with_shown is not None:
                        start, end = with_shown, (end if end and not _covers(with_shown, end)
                                                  else None)  # fmt: skip
            except (ValueError, TypeError) as exc:
                report.skipped.append(f"event {i}: {exc}")
                continue
            if start is None:
                report.skipped.append(f"event {i}: no start_date")
                continue
            _manual_event(session, lanes, tags, title=title, start=start, end=end,
                          lane=slide.get("group") or "", tag_names=[],
                          description=_plain(text.get("text") or ""), notes="",
                          color=(slide.get("background") or {}).get("color"))  # fmt: skip
            report.events += 1
    return report


def _display(text: str) -> FuzzyDate | None:
    try:
        return parse_human(text.split(" – ")[0], bce=True)
    except ValueError:
        return None


def _covers(start: FuzzyDate, end: FuzzyDate) -> bool:
    (s0, s1), (e0, e1) = start.days(), end.days()
    return s0 <= e0 and e1 <= s1


def import_events_file(ws: Workspace, path: Path) -> InterchangeReport:
    """Import a .json (Chronologue or TimelineJS) or .csv file of events."""
    path = Path(path)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ValueError(f"the file is {size // 2**20:,} MB, more than the "
                         f"{MAX_FILE_BYTES // 2**20} MB an events file may be")  # fmt: skip
    try:
        with path.open(encoding="utf-8-sig", newline="") as stream:  # CRs in cells stay
            text = stream.read()
    except UnicodeDecodeError as exc:
        raise ValueError(f"the file is not UTF-8 text (byte {exc.start})") from None
    if path.suffix.lower() == ".csv":
        return import_csv(ws, text)
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path} is not valid JSON (line {exc.lineno}: {exc.msg})") from None
    except (ValueError, RecursionError) as exc:  # 5,000-digit numbers, 100,000 nested lists
        raise ValueError(f"{path} cannot be read as JSON ({str(exc)[:120]})") from None
    if isinstance(doc, dict) and doc.get("format") == FORMAT:
        return import_document(ws, doc)
    return import_timelinejs(ws, doc)
