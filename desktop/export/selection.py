"""What an export contains: the chosen events, numbered, with their sources resolved.

Every format (PDF, PNG, SVG, CSV, TimelineJS) starts from the same ExportData, so the
numbers in a PDF's timeline, its sources section and a CSV written with the same
options agree. No Qt here: the tabular writers and the CLI use it without a display.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from desktop.layout import extent_of
from desktop.layout.calendar import to_days
from desktop.services.entities import ACTOR, PLACE, entity_event_ids, find_entity
from desktop.services.eventdates import end_of, redated_from, start_of
from desktop.services.interchange_entities import event_entity_docs
from desktop.services.timeline_data import NO_LANE
from desktop.store import Citation, Event, Lane, Timeline, Workspace
from desktop.store.urls import safe_url
from desktop.temporal import FuzzyDate

DEFAULT_STATUSES = ("accepted", "manual")
UNASSIGNED = NO_LANE  # the app's name for events in no lane, so PDF and window agree
PALETTE = ("#4E79A7", "#F28E2B", "#59A14F", "#E15759", "#B07AA1", "#76B7B2", "#EDC948",
           "#9C755F", "#FF9DA7", "#BAB0AC")  # fmt: skip


@dataclass
class ExportOptions:
    """Choices the export dialog and the CLI share; every field has a sensible default."""

    title: str = ""
    subtitle: str = ""
    author: str = ""
    page: str = "A4"  # A4, A3, Letter, Tabloid, or WxHmm (e.g. 900x600mm)
    landscape: bool = False
    date_from: date | datetime | None = None  # a date is the whole day; a datetime is exact
    date_to: date | datetime | None = None
    statuses: tuple[str, ...] | None = DEFAULT_STATUSES  # None: every status
    lanes: list[str] | None = None
    tags: list[str] | None = None
    actor: str | None = None  # "the timeline of X": only events naming this actor
    place: str | None = None  # only events at this place
    timeline: str | None = None
    tiles: int = 1  # pages across which the time axis is spread
    breaks: bool = True  # cut long empty stretches out of the axis
    legend: bool = True
    sources: bool = True
    overview: str = "auto"  # "auto": a density strip when events are too many to read; "chart"
    image_width: int = 2400  # PNG width in pixels; SVG width in points / 0.75


@dataclass
class SourceRef:
    article_id: int
    quote: str
    date_phrase: str | None
    value: str
    article_title: str
    outlet: str
    published: date | None
    url: str
    author: str = ""


@dataclass
class ExportEvent:
    id: int
    number: int
    title: str
    description: str
    start: FuzzyDate
    end: FuzzyDate | None
    lane: str
    color: str | None
    status: str
    confidence: float
    conflict: bool
    tags: list[str] = field(default_factory=list)
    sources: list[SourceRef] = field(default_factory=list)
    actors: list[tuple[str, str]] = field(default_factory=list)  # (name, role)
    places: list[str] = field(default_factory=list)
    redated: str = ""  # what the sources say when the analyst moved the event off it

    @property
    def when(self) -> str:
        """The date as an analyst writes it, with the end when there is one."""
        if self.end is None:
            return self.start.human()
        return f"{self.start.human()} – {self.end.human()}"


@dataclass
class ExportData:
    title: str
    subtitle: str
    author: str
    events: list[ExportEvent]
    lanes: list[tuple[str, str]]  # (name, colour) in display order
    exported_at: datetime
    date_from: date | datetime | None = None
    date_to: date | datetime | None = None

    @property
    def actors(self) -> list[tuple[str, int]]:
        """Actors of the exported events with how many each names, most named first."""
        return _counted(name for e in self.events for name, _ in e.actors)

    @property
    def places(self) -> list[tuple[str, int]]:
        return _counted(name for e in self.events for name in e.places)

    @property
    def range(self) -> tuple[datetime | None, datetime | None]:
        """The chosen range as moments (a date runs from 00:00 to 23:59)."""
        return moment(self.date_from), moment(self.date_to, end=True)

    @property
    def outlets(self) -> list[str]:
        return sorted({s.outlet for e in self.events for s in e.sources if s.outlet})

    @property
    def articles(self) -> int:
        return len({s.article_id for e in self.events for s in e.sources})

    def lane_color(self, name: str) -> str:
        return dict(self.lanes).get(name, PALETTE[0])


def _counted(names: Iterable[str]) -> list[tuple[str, int]]:
    counts = Counter(names)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].casefold()))


def moment(when: date | datetime | None, *, end: bool = False) -> datetime | None:
    if when is None or isinstance(when, datetime):
        return when
    return datetime.combine(when, time(23, 59) if end else time.min)


def apply_timeline(ws: Workspace, options: ExportOptions) -> ExportOptions:
    """Options with a saved timeline's settings filled in where the caller left defaults.

    A timeline's settings may hold "lanes", "tags", "statuses", "from", "to", "title".
    """
    if not options.timeline:
        return options
    with ws.session() as session:
        tl = session.scalar(select(Timeline).where(Timeline.name == options.timeline))
        if tl is None:
            raise LookupError(f"no timeline named {options.timeline!r}")
        settings: dict[str, Any] = dict(tl.settings or {})
    merged = ExportOptions(**vars(options))
    merged.lanes = options.lanes if options.lanes is not None else settings.get("lanes")
    merged.tags = options.tags or settings.get("tags")
    if settings.get("statuses") and options.statuses == DEFAULT_STATUSES:
        merged.statuses = tuple(settings["statuses"])
    if options.date_from is None and settings.get("from"):
        merged.date_from = date.fromisoformat(settings["from"])
    if options.date_to is None and settings.get("to"):
        merged.date_to = date.fromisoformat(settings["to"])
    merged.title = options.title or settings.get("title") or tl.name
    return merged


def gather(ws: Workspace, options: ExportOptions, *, now: datetime | None = None) -> ExportData:
    """The events the options select, in date order, numbered from 1."""
    options = apply_timeline(ws, options)
    lo, hi = moment(options.date_from), moment(options.date_to, end=True)
    with ws.session() as session:
        query = (
            select(Event)
            .options(
                selectinload(Event.citations).selectinload(Citation.article),
                selectinload(Event.lane),
                selectinload(Event.tags),
            )
            .order_by(Event.start_key, Event.id)
        )
        if options.statuses:
            query = query.where(Event.status.in_(options.statuses))
        for kind, name in ((ACTOR, options.actor), (PLACE, options.place)):
            if name:
                entity = find_entity(session, kind, name)
                if entity is None:
                    raise LookupError(f"no {kind} named {name!r} in this workspace")
                query = query.where(Event.id.in_(entity_event_ids(session, kind, entity)))
        lanes_db = session.scalars(select(Lane).order_by(Lane.position, Lane.id)).all()
        lane_rows = [(lane.name, lane.color) for lane in lanes_db]
        events = []
        for e in session.scalars(query):
            start, end = start_of(e), end_of(e)
            if (lo is not None or hi is not None) and (start.cycles or (end and end.cycles)):
                first_d, last_d = start.days()[0], (end or start).days()[1]  # true bounds
                if (lo is not None and last_d <= to_days(lo)) or (
                        hi is not None and first_d > to_days(hi)):  # fmt: skip
                    continue
            elif lo is not None or hi is not None:
                first, last, _, _ = extent_of(start, end)
                if (lo is not None and last < lo) or (hi is not None and first > hi):
                    continue
            lane = e.lane.name if e.lane else UNASSIGNED
            tags = sorted(t.name for t in e.tags)
            if options.lanes is not None and lane not in options.lanes:  # []: no lane at all
                continue
            if options.tags and not set(options.tags) & set(tags):
                continue
            events.append(_event(e, start, end, lane, tags, len(events) + 1))
        named = event_entity_docs(session, [e.id for e in events])
        for ev in events:
            ev.actors = [(a["name"], a["role"]) for a in named[ev.id]["actors"]]
            ev.places = list(named[ev.id]["places"])
    used = list(dict.fromkeys(ev.lane for ev in events))
    ordered = [name for name, _ in lane_rows if name in used]
    ordered += [name for name in used if name not in ordered]
    colors = dict(lane_rows)
    lanes = [(n, colors.get(n) or PALETTE[i % len(PALETTE)]) for i, n in enumerate(ordered)]
    return ExportData(
        title=options.title or _default_title(ws, options),
        subtitle=options.subtitle,
        author=options.author,
        events=events,
        lanes=lanes,
        exported_at=now or datetime.now(),
        date_from=options.date_from,
        date_to=options.date_to,
    )


def _default_title(ws: Workspace, options: ExportOptions) -> str:
    if options.actor or options.place:
        return f"Timeline of {options.actor or options.place}"
    return f"Timeline: {ws.name}"


def _event(e: Event, start: FuzzyDate, end: FuzzyDate | None, lane: str, tags: list[str],
           number: int) -> ExportEvent:  # fmt: skip
    sources = [
        SourceRef(
            article_id=c.article_id, quote=c.quote, date_phrase=c.date_phrase, value=c.value,
            article_title=c.article.title or c.article.source_file or f"article {c.article_id}",
            outlet=c.article.outlet or "", published=c.article.published,
            url=safe_url(c.article.url) or "", author=c.article.author or "",
        )
        for c in e.citations
    ]
    return ExportEvent(
        id=e.id, number=number, title=e.title, description=e.description or "", start=start,
        end=end, lane=lane, color=e.color, status=e.status, confidence=e.confidence,
        conflict=e.conflict, tags=tags, sources=sources,
        redated=redated_from(start, end, [c.value for c in e.citations]),
    )
