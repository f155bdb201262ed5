"""The shapes an events file must have, checked before anything is stored.

Files come from other tools and from people's editors, so every value is checked for
type and range (msgspec) and every problem is reported as "record, field: reason"
instead of surfacing later as an OverflowError or a raw SQL error. Python's json module
reads NaN and Infinity; the number constraints here refuse them.
"""

from __future__ import annotations

import math
import re
from typing import Annotated, Any, Literal

import msgspec
from msgspec import Meta, Struct

from desktop.temporal import MAX_YEAR
from desktop.temporal.fuzzy import DEEP_MIN_YEAR

MAX_PROBLEMS = 20
MAX_TEXT = 1024 * 1024  # one description, note or article text field is far below this
MAX_ARTICLE_TEXT = 20 * 1024 * 1024  # what the article importer takes
MAX_FILE_BYTES = 256 * 1024 * 1024

Id = Annotated[int, Meta(ge=1, le=2**62)]
Offset = Annotated[int, Meta(ge=0, le=2**31)]
Short = Annotated[str, Meta(max_length=500)]  # the store's column sizes (PostgreSQL enforces them)
Name = Annotated[str, Meta(max_length=200)]
Text = Annotated[str, Meta(max_length=MAX_TEXT)]
Colour = Annotated[str, Meta(pattern=r"^#[0-9A-Fa-f]{3,8}$")]
Stamp = Annotated[str, Meta(max_length=40)]
Precisions = Literal["century", "decade", "year", "season", "quarter", "month", "week", "day",
                     "minute"]  # fmt: skip
Qualifiers = Literal["circa", "early", "mid", "late", "before", "after", "shortly before"]


class DateDoc(Struct):
    earliest: Stamp
    latest: Stamp
    precision: Precisions
    qualifier: Qualifiers | None = None
    value: str | None = None
    human: str | None = None


class CitationDoc(Struct):
    article_id: int
    start: Offset
    end: Offset
    quote: Text
    date_phrase: Name | None = None
    phrase_start: Offset | None = None
    phrase_end: Offset | None = None
    value: Annotated[str, Meta(max_length=40)] | None = ""
    needs_reference: bool = False
    origin: Annotated[str, Meta(max_length=16)] | None = "manual"
    anchor: Literal["phrase", "continuation", "publication"] | None = None
    anchor_confidence: Annotated[float, Meta(ge=0, le=1)] | None = None


EntityName = Annotated[str, Meta(min_length=1, max_length=300)]


class EventActorDoc(Struct):
    name: EntityName
    role: Literal["subject", "object", ""] | None = ""


class ActorDoc(Struct):
    name: EntityName
    kind: Annotated[str, Meta(max_length=16)] | None = ""
    aliases: list[EntityName] = []
    notes: Text | None = ""


class PlaceDoc(Struct):
    name: EntityName
    aliases: list[EntityName] = []
    country: Annotated[str, Meta(max_length=8)] | None = None
    latitude: Annotated[float, Meta(ge=-90.0, le=90.0)] | None = None
    longitude: Annotated[float, Meta(ge=-180.0, le=180.0)] | None = None
    notes: Text | None = ""


class EventDoc(Struct):
    title: Short
    start: DateDoc
    id: Id | None = None
    description: Text | None = ""
    notes: Text | None = ""
    end: DateDoc | None = None
    lane: Name | None = None
    tags: list[Name] = []
    color: Colour | None = None
    status: Literal["suggested", "accepted", "rejected", "manual"] | None = "manual"
    confidence: Annotated[float, Meta(ge=0.0, le=1.0)] = 1.0
    conflict: bool = False
    created: Stamp | None = None
    modified: Stamp | None = None
    citations: list[CitationDoc] = []
    actors: list[EventActorDoc] = []
    places: list[EntityName] = []


class ArticleDoc(Struct):
    id: Id
    text: Annotated[str, Meta(max_length=MAX_ARTICLE_TEXT)]
    title: Short | None = None
    outlet: Name | None = None
    url: Annotated[str, Meta(max_length=2000)] | None = None
    author: Annotated[str, Meta(max_length=300)] | None = None
    published: Annotated[str, Meta(max_length=10)] | None = None
    language: Annotated[str, Meta(max_length=16)] | None = None
    source_file: Short | None = None
    source_format: Annotated[str, Meta(max_length=16)] | None = None
    imported_at: Stamp | None = None


class LaneDoc(Struct):
    name: Name
    color: Colour | None = None
    position: Annotated[int, Meta(ge=-(2**31), le=2**31)] = 0
    collapsed: bool = False
    height: Annotated[int, Meta(ge=0, le=100_000)] | None = None  # px on the timeline


class TimelineDoc(Struct):
    name: Name
    settings: dict[str, Any] | None = None


Year = Annotated[int, Meta(ge=DEEP_MIN_YEAR, le=MAX_YEAR)]  # astronomical: -43 is 44 BCE


class SlideDate(Struct):
    """TimelineJS writes numbers; hand-made files often have strings ("2020")."""

    year: Year | None = None
    month: Annotated[int, Meta(ge=1, le=12)] | None = None
    day: Annotated[int, Meta(ge=1, le=31)] | None = None
    hour: Annotated[int, Meta(ge=0, le=23)] | None = None
    minute: Annotated[int, Meta(ge=0, le=59)] | None = None
    display_date: Short | None = None


class Problems(ValueError):
    """An events file that cannot be imported; ``problems`` name record and field."""

    def __init__(self, problems: list[str], what: str = "nothing was imported") -> None:
        self.problems = problems
        shown = problems[:MAX_PROBLEMS]
        more = len(problems) - len(shown)
        tail = f"\n  … and {more} more" if more > 0 else ""
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        super().__init__(f"{count}, {what}:\n  " + "\n  ".join(shown) + tail)


_PATH = re.compile(r" - at `\$\.?(.*)`$")


_STEP = re.compile(r"\.?([^.\[\]]+)|\[(\d+)\]")


def _at(value: Any, path: str) -> Any:
    for name, index in _STEP.findall(path):
        try:
            value = value[int(index)] if index else value[name]
        except (KeyError, IndexError, TypeError, ValueError):
            return None
    return value


def describe(exc: msgspec.ValidationError, value: Any = None) -> str:
    """msgspec's "Expected `int` - at `$.citations[0].start`" as "citations[0].start: ..."."""
    text = str(exc)
    match = _PATH.search(text)
    reason = text[: match.start()] if match else text
    reason = reason.replace("`", "")
    field = match.group(1) if match and match.group(1) else ""
    bad = _at(value, field) if field else None
    if isinstance(bad, float) and not math.isfinite(bad):
        reason = f"{bad} is not a number ({reason})"
    return f"{field}: {reason}" if field else reason


def check(value: Any, kind: type, where: str, problems: list[str], *, strict: bool = True):
    """``value`` converted to ``kind``, or None with the problem appended."""
    try:
        return msgspec.convert(value, kind, strict=strict)
    except msgspec.ValidationError as exc:
        problems.append(f"{where}, {describe(exc, value)}")
        return None

