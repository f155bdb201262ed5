"""Checking events files record by record before anything is stored.

A Chronologue JSON document is checked whole (its records refer to each other, so a
broken one imports nothing); CSV rows and TimelineJS slides are independent, so each
bad one is skipped and named with its line or number and the field that is wrong.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from desktop.services.formula_guard import unguard
from desktop.services.interchange_schema import (
    MAX_FILE_BYTES,
    MAX_TEXT,
    ActorDoc,
    ArticleDoc,
    DateDoc,
    EventDoc,
    LaneDoc,
    PlaceDoc,
    TimelineDoc,
    check,
)
from desktop.temporal import FuzzyDate, Precision, Qualifier

_COLOUR = re.compile(r"#[0-9A-Fa-f]{3,8}")
_LISTS = (("articles", "article", ArticleDoc), ("lanes", "lane", LaneDoc),
          ("timelines", "timeline", TimelineDoc), ("actors", "actor", ActorDoc),
          ("places", "place", PlaceDoc), ("events", "event", EventDoc))  # fmt: skip


def _where(kind: str, index: int, record: Any) -> str:
    ident = record.get("id") if isinstance(record, dict) else None
    name = record.get("name") if isinstance(record, dict) else None
    label = f" (id {ident})" if ident is not None else f" ({name!r})" if name else ""
    return f"{kind} {index}{label}"


def date_from_doc(doc: DateDoc) -> FuzzyDate:
    """A checked date record as a FuzzyDate; ValueError says what is wrong with it."""
    if doc.earliest.startswith(("-", "0000")) or doc.latest.startswith(("-", "0000")):
        return _deep_from_doc(doc)
    try:
        earliest = datetime.fromisoformat(doc.earliest)
        latest = datetime.fromisoformat(doc.latest)
    except ValueError as exc:
        raise ValueError(f"{exc} (write it as 2018-09-07T00:00)") from None
    if latest < earliest:
        raise ValueError(f"latest {doc.latest} is before earliest {doc.earliest}")
    qualifier = Qualifier(doc.qualifier) if doc.qualifier else None
    return FuzzyDate(earliest, latest, Precision(doc.precision), qualifier)


_SECONDS = re.compile(r"(T\d{2}:\d{2}):\d{2}$")


def _deep_from_doc(doc: DateDoc) -> FuzzyDate:
    """A date before year 1: rebuilt from its value, precision and qualifier (its bounds,
    ISO 8601 expanded years, must be that period's)."""
    if not doc.value:
        raise ValueError("a date before year 1 needs its value (\"-0043\" for 44 BCE)")
    qualifier = Qualifier(doc.qualifier) if doc.qualifier else None
    found = FuzzyDate.from_timex(doc.value).requalified(Precision(doc.precision), qualifier)
    if found.iso_bounds() != tuple(_SECONDS.sub(r"\1", x) for x in (doc.earliest, doc.latest)):
        lo, hi = found.iso_bounds()
        raise ValueError(f"earliest/latest {doc.earliest} … {doc.latest} are not those of "
                         f"{found.human()} ({lo} … {hi})")
    return found


def _stamp(value: str | None, field: str, where: str, problems: list[str], kind=datetime) -> None:
    if value:
        try:
            kind.fromisoformat(value)
        except ValueError as exc:
            problems.append(f"{where}, {field}: {exc}")


def document_problems(doc: dict[str, Any]) -> list[str]:
    """Every problem of a Chronologue JSON document, as "event 3 (id 17), field: reason"."""
    problems: list[str] = []
    article_ids: set[int] = set()
    for key, kind, shape in _LISTS:
        records = doc.get(key, [])
        if not isinstance(records, list):
            problems.append(f"{key}: expected a list, got {type(records).__name__}")
            continue
        for index, record in enumerate(records, start=1):
            where = _where(kind, index, record)
            checked = check(record, shape, where, problems)
            if checked is None:
                continue
            if isinstance(checked, ArticleDoc):
                article_ids.add(checked.id)
                _stamp(checked.published, "published", where, problems, date)
                _stamp(checked.imported_at, "imported_at", where, problems)
            elif isinstance(checked, EventDoc):
                _event_problems(checked, where, article_ids, problems)
    return problems


def _event_problems(event: EventDoc, where: str, articles: set[int], problems: list[str]) -> None:
    for side in ("start", "end"):
        when = getattr(event, side)
        if when is not None:
            try:
                date_from_doc(when)
            except ValueError as exc:
                problems.append(f"{where}, {side}: {exc}")
    _stamp(event.created, "created", where, problems)
    _stamp(event.modified, "modified", where, problems)
    for number, citation in enumerate(event.citations):
        if citation.article_id not in articles:
            problems.append(f"{where}, citations[{number}].article_id: no article "
                            f"{citation.article_id} in the file")  # fmt: skip
        elif citation.end < citation.start:
            problems.append(f"{where}, citations[{number}]: end is before start")


def csv_rows(text: str) -> Iterator[tuple[int, dict | str]]:
    """(line, row) pairs, or (line, problem) for a record the csv module cannot read."""
    limit = csv.field_size_limit()
    csv.field_size_limit(MAX_FILE_BYTES)  # the file is capped; csv_problem names the column
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        fields = reader.fieldnames
        if not fields or "title" not in fields or "start" not in fields:
            raise ValueError("a CSV of events needs at least the columns 'title' and 'start'")
        while True:
            line = reader.reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:  # the reader goes on with the next record
                yield line, f"not valid CSV ({exc})"
                continue
            # Cells our own export guarded against formulas come back as they were.
            yield line, {k: unguard(v) if isinstance(v, str) else v for k, v in row.items()}
    finally:
        csv.field_size_limit(limit)


def csv_problem(row: dict[str | None, Any]) -> str | None:
    if None in row:
        return f"{len(row[None]) + len(row) - 1} values for {len(row) - 1} columns"
    for name, value in row.items():
        if isinstance(value, str) and len(value) > MAX_TEXT:
            size = f"{len(value) // 1024:,} KB"
            return f"column '{name}' holds {size}, more than the {MAX_TEXT // 1024:,} KB a cell may"
    if not (row.get("title") or "").strip():
        return "no title"
    if len(row["title"].strip()) > 500:
        return "column 'title' is longer than 500 characters"
    if len((row.get("lane") or "").strip()) > 200:
        return "column 'lane' is longer than 200 characters"
    if any(len(t.strip()) > 200 for t in (row.get("tags") or "").split(";")):
        return "column 'tags' has a tag longer than 200 characters"
    color = (row.get("color") or "").strip()
    if color and not _COLOUR.fullmatch(color):
        return f"column 'color': {color[:40]!r} is not a colour like #1f77b4"
    return None


def slide_problem(slide: Any) -> str | None:
    if not isinstance(slide, dict):
        return "not an object"
    text = slide.get("text") or {}
    if not isinstance(text, dict):
        return "text: expected an object with headline and text"
    for name in ("headline", "text"):
        value = text.get(name)
        if value is not None and not isinstance(value, str):
            return f"text.{name}: expected a string"
        if isinstance(value, str) and len(value) > MAX_TEXT:
            return f"text.{name}: longer than {MAX_TEXT // 1024:,} KB"
    for name in ("start_date", "end_date"):
        if slide.get(name) is not None and not isinstance(slide[name], dict):
            return f"{name}: expected an object with year, month and day"
    group = slide.get("group")
    if group is not None and (not isinstance(group, str) or len(group) > 200):
        return "group: expected a lane name of at most 200 characters"
    color = (slide.get("background") or {}).get("color") if isinstance(
        slide.get("background"), dict) else None  # fmt: skip
    if color is not None and not (isinstance(color, str)
                                  and _COLOUR.fullmatch(color)):  # fmt: skip
        return "background.color: not a colour like #1f77b4"
    return None
