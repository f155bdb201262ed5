"""Metadata found in an article's plain text: headline, URL, byline, dateline.

Heuristics are deliberately cautious: a wrong title or date is worse than none,
because the analyst sees "undated" and fixes it, while a wrong value slips by.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date

from desktop.ingest.dateline import find_dateline
from desktop.ingest.draft import ArticleDraft, IngestError
from desktop.ingest.language import detect_language

HEAD_LINES = 15
MAX_TITLE_CHARS = 200

_URL_LINE = re.compile(r"^\s*<?(https?://[^\s<>\"]+?)>?\s*$", re.IGNORECASE)
_BYLINE = re.compile(r"^\s*by\s*[:\-]?\s+(?P<name>[^\W\d_][^\n]{1,80}?)\s*$", re.IGNORECASE)
_DATED_BYLINE = re.compile(r"\bby\s+(?P<name>[^\W\d_][\w.'’ -]{1,60}?)\s*$", re.IGNORECASE)
_BOILERPLATE = re.compile(
    r"notification|cookie|subscribe|sign up|sign in|log in|newsletter|advertisement"
    r"|skip to|javascript|your browser|share this|follow us|menu",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")


@dataclass
class TextMetadata:
    """What plain-text heuristics found; None means "not found", never a guess."""

    title: str | None = None
    url: str | None = None
    author: str | None = None
    published: date | None = None


def clean_value(value: str | None, limit: int = 500) -> str | None:
    """Collapse whitespace (incl. no-break spaces) in a metadata value; '' -> None."""
    if value is None:
        return None
    value = _SPACES.sub(" ", value).strip()
    return value[:limit] or None


def _head_lines(text: str) -> list[str]:
    lines: list[str] = []
    for line in text[:4000].splitlines():
        if line.strip():
            lines.append(line.strip())
            if len(lines) >= HEAD_LINES:
                break
    return lines


def looks_like_headline(line: str) -> bool:
    """Short, single-line, not a sentence, and more than one word."""
    line = line.strip()
    return (
        0 < len(line) < MAX_TITLE_CHARS
        and not line.endswith((".", ",", ";", ":"))
        and len(line.split()) >= 2
        and not _URL_LINE.match(line)
    )


def _detect_title(lines: list[str]) -> str | None:
    for line in lines[:5]:
        if _BOILERPLATE.search(line) or _BYLINE.match(line) or _URL_LINE.match(line):
            continue
        if find_dateline(line) is not None:
            continue
        candidate = line.lstrip("#").strip()
        return clean_value(candidate) if looks_like_headline(candidate) else None
    return None


# A dated byline ends its line: "by", spaces, a name of at most 61 characters, spaces.
# Unless 40 spaces follow the "by" or end the line, it starts within this many of the end.
_BYLINE_REACH = 2 + 39 + 61 + 39


def _dated_byline(line: str) -> re.Match[str] | None:
    """``_DATED_BYLINE.search(line)``, looking only where a match can start: a long
    paragraph's head need not be searched (its "by"s cost most of the byline search).

    A match starting before ``start`` would have its spaces after "by" run through
    ``start + 1`` (the name and the end's spaces are shorter than the rest of the reach),
    or 40 spaces at the end of the line.
    """
    start = len(line) - _BYLINE_REACH
    if start > 0 and not line[start + 1].isspace() and not line[-40:].isspace():
        return _DATED_BYLINE.search(line, start)
    return _DATED_BYLINE.search(line)


def _detect_author(lines: list[str]) -> str | None:
    for line in lines:
        match = _BYLINE.match(line)
        if match is None:  # "Posted on June 14, 2021 by Tomas Reyes": the cheap test first
            match = _dated_byline(line)
            if match is not None and find_dateline(line, dayfirst=None) is None:
                continue
        if match is None:
            continue
        name = clean_value(match.group("name"))
        if name and name[0].isupper() and len(name.split()) <= 6 and not name.endswith("."):
            return name
    return None


def detect_metadata(
    text: str, *, dayfirst: bool | None = None, language: str | None = None
) -> TextMetadata:
    """Run the plain-text heuristics on the top of ``text``.

    ``dayfirst`` None (the user's order is not known here) leaves ambiguous numeric
    datelines such as 05/09/2018 for `complete_draft`, which knows it.
    """
    lines = _head_lines(text)
    url = next((m.group(1) for m in map(_URL_LINE.match, lines) if m), None)
    dateline = find_dateline(text, dayfirst=dayfirst, language=language)
    return TextMetadata(
        title=_detect_title(lines),
        url=url,
        author=_detect_author(lines),
        published=dateline[0] if dateline else None,
    )


def fill_missing(draft: ArticleDraft, found: TextMetadata, only: tuple[str, ...] = ()) -> None:
    """Copy detected values into ``draft`` fields that are still empty."""
    for field in fields(found):
        if only and field.name not in only:
            continue
        if getattr(draft, field.name) is None:
            setattr(draft, field.name, getattr(found, field.name))


def complete_draft(draft: ArticleDraft, *, dayfirst: bool = False) -> ArticleDraft:
    """What every reader's draft gets last: its language, then a dateline read in it."""
    if draft.language is None:
        draft.language = detect_language(draft.text)
    if draft.published is None:
        found = find_dateline(draft.text, dayfirst=dayfirst, language=draft.language)
        draft.published = found[0] if found else None
    return draft


def draft_from_text(
    text: str,
    *,
    source_file: str | None = None,
    source_format: str = "txt",
    dayfirst: bool = False,
) -> ArticleDraft:
    """Build a draft from pasted or decoded text (stored as decoded, normalised once)."""
    if not text.strip():
        raise IngestError("there is no text")
    draft = ArticleDraft(text=text, source_file=source_file, source_format=source_format)
    draft.language = detect_language(draft.text)
    fill_missing(draft, detect_metadata(draft.text, dayfirst=dayfirst, language=draft.language))
    return complete_draft(draft, dayfirst=dayfirst)
