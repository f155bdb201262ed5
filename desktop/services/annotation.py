"""Hand annotation: an event proposed from a span of an article's text.

The date comes from a date expression inside the span when the tagger finds one,
else from the article's publication date, and then the event is marked for review.
The tagger (desktop.extract.tag) is optional here so annotation works while it is absent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from desktop.services.editing import CitationSpec
from desktop.services.eventdates import start_of
from desktop.store import Article, Citation, Event, Workspace
from desktop.temporal import FuzzyDate

NEEDS_REVIEW_TAG = "needs date review"
TITLE_CHARS = 90


@dataclass
class Annotation:
    title: str
    start: FuzzyDate
    citation: CitationSpec
    needs_review: bool
    reason: str


def date_mentions(text: str, reference: date | None, language: str = "en") -> list[Any]:
    """The tagger's timexes for this text, or [] while the tagger is not available."""
    try:
        from desktop.extract import tag  # type: ignore[attr-defined]
    except ImportError:
        return []
    try:
        return list(tag(text, reference, language or "en"))
    except Exception:  # a tagger bug must never cost the user the annotation
        return []


@dataclass
class StoredMention:
    """A date phrase a stored suggestion already found, shaped like the tagger's Timex."""

    start: int
    end: int
    value: str
    fuzzy: FuzzyDate | None


def stored_mentions(ws: Workspace, article_id: int) -> list[StoredMention]:
    with ws.session() as session:
        rows = session.execute(
            select(Citation.phrase_start, Citation.phrase_end, Citation.value, Event)
            .join(Event, Event.id == Citation.event_id)
            .where(Citation.article_id == article_id, Citation.phrase_start.is_not(None))
            .order_by(Citation.phrase_start)
        ).all()
        found = []
        for p_start, p_end, value, event in rows:
            start = start_of(event)
            when = start if start.to_timex() == value else None
            found.append(StoredMention(p_start, p_end, value, when))
        return found


def _fuzzy(mention: Any) -> FuzzyDate | None:
    fuzzy = getattr(mention, "fuzzy", None)
    if isinstance(fuzzy, FuzzyDate):
        return fuzzy
    value = getattr(mention, "value", None)
    try:
        return FuzzyDate.from_timex(value) if value else None
    except ValueError:
        return None


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a selection so it neither starts nor ends with whitespace."""
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def annotation_from_span(
    ws: Workspace, article_id: int, start: int, end: int, mentions: list[Any] | None = None
) -> Annotation:
    """Propose an event for text[start:end] of an article (offsets in Python characters)."""
    with ws.session() as session:
        article = session.get(Article, article_id)
        if article is None:
            raise LookupError(f"no article with id {article_id}")
        text, published, language = article.text, article.published, article.language
        imported = article.imported_at
    start, end = trim_span(text, start, end)
    if start >= end:
        raise ValueError("select some text in the article first")
    quote = text[start:end]
    if mentions is None:
        mentions = date_mentions(text, published, language)
    inside = [m for m in mentions if m.start >= start and m.end <= end and _fuzzy(m)]
    if not inside:  # no tagger (or it failed): the date phrases already stored for this text
        inside = [m for m in stored_mentions(ws, article_id) if m.start >= start and m.end <= end]
    title = " ".join(quote.split())
    if len(title) > TITLE_CHARS:
        title = title[: TITLE_CHARS - 1].rstrip() + "…"
    spec = CitationSpec(article_id, start, end, quote, origin="manual")
    if inside:
        m = inside[0]
        when = _fuzzy(m)
        assert when is not None
        spec.date_phrase, spec.phrase_start, spec.phrase_end = text[m.start:m.end], m.start, m.end
        spec.value = when.to_timex()
        return Annotation(title, when, spec, False, f"date from “{spec.date_phrase}”")
    if published is not None:
        when = FuzzyDate.day(published.year, published.month, published.day)
        reason = "no date in the selection: the article's date, to be reviewed"
    else:
        day = (imported or datetime.now()).date()
        when = FuzzyDate.day(day.year, day.month, day.day)
        reason = "no date in the selection and the article is undated: the import date"
    spec.value = when.to_timex()
    return Annotation(title, when, spec, True, reason)
