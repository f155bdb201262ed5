"""What the timeline view reads and writes: events as flat records, lanes, saved views.

Loading goes through Core selects of plain columns (no ORM objects, no per-event
queries), so 100,000 events arrive in well under a second. Every write is one
transaction; moving an event's date and lane together is one edit, one undo step.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from desktop.layout.calendar import to_days
from desktop.services.editing import update_event
from desktop.services.entities import entities_by_event
from desktop.store import Article, Citation, Event, Lane, Tag, Timeline, Workspace
from desktop.store.changes import unit
from desktop.store.models import Actor, Place, event_tags
from desktop.temporal import FuzzyDate, Precision, Qualifier

NO_LANE = "Unassigned"
GROUPINGS = ("lane", "tag", "article", "outlet", "actor", "place")


@dataclass(slots=True)
class TimelineEvent:
    """One event as the view draws it; `earliest`/`latest` bound the whole extent.

    `days` overrides the extent in days since 1970 (BCE events, which datetime cannot
    hold); otherwise it is derived from earliest/latest.
    """

    id: int
    title: str
    lane: int | None  # lane id (None: unassigned)
    earliest: datetime
    latest: datetime
    precision: str = "day"
    qualifier: str | None = None
    status: str = "accepted"
    conflict: bool = False
    quote: str = ""
    start: FuzzyDate | None = None
    end: FuzzyDate | None = None
    tags: tuple[str, ...] = ()
    article: str = ""
    outlet: str = ""
    version: int = 1
    color: str | None = None
    open_start: bool = False
    open_end: bool = False
    days: tuple[float, float] | None = None
    redated: str = ""  # the sources' date when the event was moved off it
    actors: tuple[str, ...] = ()  # names, in the event's order (its subject first)
    places: tuple[str, ...] = ()
    sources: int = 0  # citations
    article_ids: tuple[int, ...] = ()  # the articles it cites
    description: str = ""
    notes: str = ""
    confidence: float = 1.0
    anchor: str | None = None  # how its date was found (see eventdates.ANCHOR_LABELS)
    core: tuple[float, float] | None = field(default=None, repr=False)

    def span_days(self) -> tuple[float, float]:
        """The drawn extent in days (BCE-safe when `days` is given)."""
        if self.days is not None:
            return self.days
        return to_days(self.earliest), to_days(self.latest) + 1 / 1440

    def certain_days(self) -> tuple[float, float] | None:
        """The part of a range known to be covered (latest start to earliest end)."""
        if self.core is not None:
            return self.core
        if self.start is None or self.end is None:
            return None
        if self.start.cycles or self.end.cycles:
            lo, hi = self.start.days()[1] - 1 / 1440, self.end.days()[0]
            return (lo, hi) if hi > lo else None
        lo, hi = to_days(self.start.latest), to_days(self.end.earliest)
        return (lo, hi) if hi > lo else None

    def date_text(self) -> str:
        if self.start is None:
            return ""
        if self.end is None:
            return self.start.human()
        return f"{self.start.human()} – {self.end.human()}"


@dataclass(frozen=True)
class LaneInfo:
    id: int | None
    name: str
    color: str | None = None
    position: int = 0
    collapsed: bool = False
    height: int | None = None  # px the user sized the lane to; None: shared by content


def _fuzzy(e: datetime, lt: datetime, p: str | None, q: str | None) -> FuzzyDate:
    return FuzzyDate(e, lt, Precision(p or "day"), Qualifier(q) if q else None)


def load_events(ws: Workspace | Session, statuses: tuple[str, ...] | None = None,
                ids: Iterable[int] | None = None) -> list[TimelineEvent]:
    """Every event (or those with `statuses`, or these `ids`) in start order, with its
    first quote, tags, cited articles and source count: what every view of the window
    shows. Plain Core selects joined in Python (no ORM objects, no SQL join of 100,000
    rows); a few events (a change set) read only the articles and names they cite."""
    wanted = sorted(set(ids)) if ids is not None else None
    if wanted is not None and not wanted:
        return []
    out: list[TimelineEvent] = []
    with unit(ws) as session:
        conn = session.connection()
        outlets = _outlets(conn, None) if wanted is None else None
        for chunk in _chunks(wanted):
            records = _event_records(conn, chunk, statuses, outlets)
            _add_entities(session, records, chunk)
            out.extend(records)
    if wanted is not None and len(wanted) > _CHUNK:
        out.sort(key=lambda e: (e.earliest, e.id))
    return out


_CHUNK = 900  # ids per IN (...): below SQLite's bound-parameter limit
_PRECISION = {p.value: p for p in Precision}
_QUALIFIER = {q.value: q for q in Qualifier}
_ANCHOR_ORDER = ("phrase", "continuation", "publication")  # as eventdates.event_anchor


def _chunks(ids: list[int] | None) -> Iterator[list[int] | None]:
    if ids is None:
        yield None
        return
    for i in range(0, len(ids), _CHUNK):
        yield ids[i:i + _CHUNK]


def _outlets(conn: Any, ids: set[int] | None) -> dict[int, tuple[str, str]]:
    query = select(Article.id, Article.title, Article.outlet)
    if ids is not None:
        query = query.where(Article.id.in_(sorted(ids)))
    return {a: (t or "", o or "") for a, t, o in conn.execute(query)}


def _stated(value: str, cache: dict[str, FuzzyDate | None]) -> FuzzyDate | None:
    """A citation's stated date, parsed once per distinct value (100,000 citations name
    a few thousand days)."""
    try:
        return cache[value]
    except KeyError:
        pass
    try:
        found: FuzzyDate | None = FuzzyDate.from_timex(value)
    except ValueError:
        found = None
    cache[value] = found
    return found


def _deep_extent(start: FuzzyDate, last: FuzzyDate, open_start: bool,
                 open_end: bool) -> tuple[float, float]:  # fmt: skip
    """The drawn extent in days of an event before year 1 (its datetimes are shifted)."""
    lo = start.days()[1] - 1 / 1440 if open_start else start.days()[0]
    hi = last.days()[0] if open_end else last.days()[1]
    return lo, max(hi, lo + 1 / 1440)


def _overlap_days(stated: FuzzyDate, start: FuzzyDate, last: FuzzyDate) -> bool:
    lo, hi = stated.days()
    return lo < last.days()[1] and start.days()[0] < hi


def _event_records(conn: Any, ids: list[int] | None, statuses: tuple[str, ...] | None,
                   outlets: dict[int, tuple[str, str]] | None) -> list[TimelineEvent]:  # fmt: skip
    events = select(Event.id, Event.title, Event.lane_id, Event.start_earliest,
                    Event.start_latest, Event.start_precision, Event.start_qualifier,
                    Event.end_earliest, Event.end_latest, Event.end_precision,
                    Event.end_qualifier, Event.status, Event.conflict, Event.version,
                    Event.color, Event.description, Event.notes, Event.confidence,
                    Event.start_cycles, Event.end_cycles)  # fmt: skip
    # `start_key + 0`: SQLite sorts the rows it scans (one temporary b-tree) instead of
    # walking the (start_key, id) index and looking up every row in the table from it
    events = events.order_by(Event.start_key + 0, Event.id)
    cites = select(Citation.event_id, Citation.article_id, Citation.quote, Citation.anchor,
                   Citation.origin, Citation.value).order_by(Citation.id)
    tag_rows = select(event_tags.c.event_id, Tag.name).join(Tag, Tag.id == event_tags.c.tag_id)
    if ids is not None:
        events = events.where(Event.id.in_(ids))
        cites = cites.where(Citation.event_id.in_(ids))
        tag_rows = tag_rows.where(event_tags.c.event_id.in_(ids))
    if statuses:
        events = events.where(Event.status.in_(statuses))
    tags: dict[int, list[str]] = {}
    for event_id, name in conn.execute(tag_rows).all():
        tags.setdefault(event_id, []).append(name)
    sources = _sources(conn.execute(cites).all())
    if outlets is None:
        outlets = _outlets(conn, {s[0] for s in sources.values() if s[0]})
    out = []
    no_cite = (None, "", "", (), _NO_ANCHOR)
    stated: dict[str, FuzzyDate | None] = {}
    # immutable, so one object per distinct value: fewer objects for the collector's pass
    # (tasks.bulk_objects) and less memory than one per event
    dates: dict[tuple[Any, ...], FuzzyDate] = {}
    singles: dict[int, tuple[int]] = {}  # article id -> (article id,)
    day, before, after = Precision.DAY, Qualifier.BEFORE, Qualifier.AFTER
    for row in conn.execute(events).all():
        (eid, title, lane, se, sl, sp, sq, ee, el, ep, eq, status, conflict, version, color,
         description, notes, confidence, sc, ec) = row  # fmt: skip
        key = (se, sl, sp, sq, sc)
        start = dates.get(key)
        if start is None:
            start = dates[key] = FuzzyDate(se, sl, _PRECISION.get(sp or "day", day),
                                           _QUALIFIER.get(sq), sc or 0)
        end = (FuzzyDate(ee, el, _PRECISION.get(ep, day), _QUALIFIER.get(eq), ec or 0)
               if ee is not None and el is not None and ep else None)  # fmt: skip
        # extent_of (layout.timeline), inlined: it runs 100,000 times on opening
        last = end if end is not None else start
        open_start, open_end = start.qualifier is before, last.qualifier is after
        lo = sl if open_start else se
        hi = last.earliest if open_end else last.latest
        first_article, quote, value, articles, rank = sources.get(eid, no_cite)
        if len(articles) == 1:
            cited = singles.get(first_article) or singles.setdefault(first_article,
                                                                     (first_article,))
        else:
            cited = tuple(sorted(set(articles)))
        article, outlet = outlets.get(first_article, ("", "")) if first_article else ("", "")
        deep = _deep_extent(start, last, open_start, open_end) if sc or ec else None
        redated = ""
        if value:
            s_date = stated[value] if value in stated else _stated(value, stated)
            if s_date is not None and (
                    not _overlap_days(s_date, start, last) if deep or s_date.cycles
                    else not (s_date.earliest <= last.latest and se <= s_date.latest)):
                redated = s_date.human()
        out.append(TimelineEvent(  # positional, in field order: 100,000 calls
            eid, title or "", lane, lo, hi if hi > lo else lo, sp or "day", sq, status or "",
            bool(conflict), quote or "", start, end,
            tuple(sorted(tags[eid])) if eid in tags else (), article, outlet, version or 1,
            color, open_start, open_end, deep, redated, (), (), len(articles), cited,
            description or "", notes or "",
            float(confidence if confidence is not None else 1.0),
            _ANCHOR_ORDER[rank] if rank < _NO_ANCHOR else None,
        ))  # fmt: skip
    return out


_ANCHOR_RANK = {a: i for i, a in enumerate(_ANCHOR_ORDER)}
_NO_ANCHOR = len(_ANCHOR_ORDER)


def _sources(rows: Iterable[Any]) -> dict[int, list[Any]]:
    """event id -> [first cited article, its quote, its stated value, every cited article
    in citation order, the rank of the best anchor in _ANCHOR_ORDER (_NO_ANCHOR: none)],
    from all the citations in one pass (as eventdates.event_anchor, per event)."""
    out: dict[int, list[Any]] = {}
    rank_of, none = _ANCHOR_RANK.get, _NO_ANCHOR
    for event_id, article_id, quote, anchor, origin, value in rows:
        rank = rank_of(anchor or ("phrase" if origin == "suggested" else None), none)
        found = out.get(event_id)
        if found is None:
            out[event_id] = [article_id, quote, value, [article_id], rank]
        else:
            found[3].append(article_id)
            if rank < found[4]:
                found[4] = rank
    return out


def _add_entities(session: Session, events: list[TimelineEvent],
                  ids: list[int] | None = None) -> None:  # fmt: skip
    """Fill each record's actor and place names (subjects first), one read per kind."""
    for kind, attr in (("actor", "actors"), ("place", "places")):
        model = Actor if kind == "actor" else Place
        links = entities_by_event(session, kind, ids)
        if not links:
            continue
        query = select(model.id, model.name)
        if ids is not None:
            query = query.where(model.id.in_(sorted({i for found in links.values()
                                                      for i, _ in found})))
        names = dict(session.execute(query).all())
        for e in events:
            found = links.get(e.id)
            if found:
                ordered = sorted(found, key=lambda link: link[1] != "subject")  # stable
                setattr(e, attr, tuple(names[i] for i, _ in ordered))


def load_lanes(ws: Workspace | Session) -> list[LaneInfo]:
    """The workspace's lanes in their saved order."""
    with unit(ws) as session:
        rows = session.execute(
            select(Lane.id, Lane.name, Lane.color, Lane.position, Lane.collapsed, Lane.height)
            .order_by(Lane.position, Lane.id)
        ).all()
    return [LaneInfo(i, n, c, p or 0, bool(k), h) for i, n, c, p, k, h in rows]


def move_event(
    ws: Workspace | Session,
    event_id: int,
    *,
    start: FuzzyDate | None = None,
    end: FuzzyDate | None | bool = False,
    lane_id: int | None | bool = False,
    expected_version: int | None = None,
) -> int:
    """Re-date and/or re-lane an event in one transaction; returns the new version.

    `end=False` / `lane_id=False` leave those alone; `lane_id=None` clears the lane.
    """
    changes: dict[str, Any] = {}
    if lane_id is not False:
        changes["lane_id"] = lane_id
    return update_event(ws, event_id, expected_version=expected_version, start=start, end=end,
                        **changes)  # fmt: skip


def create_lane(ws: Workspace | Session, name: str, color: str | None = None, *,
                lane_id: int | None = None, position: int | None = None) -> int:
    """A new lane, last unless `position` is given; `lane_id` lets a redo recreate it exactly."""
    with unit(ws) as session:
        if position is None:
            position = session.scalar(select(func.count(Lane.id))) or 0
        lane = Lane(id=lane_id, name=name, color=color, position=position)
        session.add(lane)
        session.flush()
        return lane.id


def delete_lane(ws: Workspace | Session, lane_id: int) -> None:
    """Drop a lane (undoing its creation); events still in it become unassigned."""
    with unit(ws) as session:
        session.execute(update(Event).where(Event.lane_id == lane_id).values(lane_id=None))
        session.execute(delete(Lane).where(Lane.id == lane_id))


def lane_event_ids(ws: Workspace | Session, lane_id: int) -> list[int]:
    """The events in a lane (what deleting it would leave unassigned)."""
    with unit(ws) as session:
        return list(session.scalars(select(Event.id).where(Event.lane_id == lane_id)))


def restore_lane(ws: Workspace | Session, info: LaneInfo, event_ids: list[int]) -> None:
    """Bring back a deleted lane exactly (id, name, colour, position, collapse, height)
    with the events it held: the undo of deleting it."""
    with unit(ws) as session:
        session.add(Lane(id=info.id, name=info.name, color=info.color, position=info.position,
                         collapsed=info.collapsed, height=info.height))
        session.flush()
        if event_ids:
            session.execute(update(Event).where(Event.id.in_(event_ids))
                            .values(lane_id=info.id))


def update_lane(ws: Workspace | Session, lane_id: int, **changes: Any) -> None:
    """Rename, recolour, collapse or resize a lane (name, color, collapsed, height)."""
    unknown = set(changes) - {"name", "color", "collapsed", "height"}
    if unknown:
        raise ValueError(f"not a lane field: {', '.join(sorted(unknown))}")
    with unit(ws) as session:
        lane = session.get(Lane, lane_id)
        if lane is None:
            raise LookupError(f"no lane {lane_id}")
        for name, value in changes.items():
            setattr(lane, name, value)


def reorder_lanes(ws: Workspace | Session, lane_ids: list[int]) -> None:
    """Save a new lane order (positions 0, 1, ...) in one transaction."""
    with unit(ws) as session:
        for position, lane_id in enumerate(lane_ids):
            lane = session.get(Lane, lane_id)
            if lane is not None:
                lane.position = position


def set_lane_positions(ws: Workspace | Session, positions: dict[int, int]) -> None:
    """Put back exact saved positions (undoing a reorder), gaps and ties included."""
    with unit(ws) as session:
        for lane_id, position in positions.items():
            lane = session.get(Lane, lane_id)
            if lane is not None:
                lane.position = position


def save_view(ws: Workspace | Session, name: str, settings: dict[str, Any]) -> None:
    """Store a named timeline's lanes, filters and visible range (JSON settings)."""
    with unit(ws) as session:
        tl = session.scalar(select(Timeline).where(Timeline.name == name))
        if tl is None:
            session.add(Timeline(name=name, settings=dict(settings)))
        else:
            tl.settings = {**(tl.settings or {}), **settings}


def load_view(ws: Workspace, name: str) -> dict[str, Any] | None:
    with ws.session() as session:
        tl = session.scalar(select(Timeline).where(Timeline.name == name))
        return dict(tl.settings or {}) if tl is not None else None


def view_names(ws: Workspace) -> list[str]:
    with ws.session() as session:
        return list(session.scalars(select(Timeline.name).order_by(Timeline.name)))
