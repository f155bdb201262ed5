"""The timeline's data side: filtered events grouped into lanes, indexed for drawing.

No Qt here (only plain Python), so grouping and filtering are tested without a display.
Rebuilt when events, lanes, grouping or filters change; the per-lane LaneIndex makes
each frame's visible-slice query a bisection.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from desktop.layout.calendar import to_days
from desktop.layout.event_index import LaneIndex, Span
from desktop.services.timeline_data import NO_LANE, LaneInfo, TimelineEvent
from desktop.temporal import FuzzyDate
from desktop.ui.bidi import isolated

PALETTE = ("#4E79A7", "#F28E2B", "#59A14F", "#E15759", "#B07AA1", "#76B7B2", "#EDC948",
           "#9C755F", "#FF9DA7", "#BAB0AC")  # fmt: skip
HIDDEN_BY_DEFAULT = frozenset({"rejected"})


@dataclass(frozen=True)
class LaneSpec:
    """A lane as shown: `key` is the lane id when grouping by lane, else the group value."""

    key: Hashable
    name: str
    color: str
    collapsed: bool = False


@dataclass(frozen=True)
class Filters:
    """What is shown; None means no restriction."""

    statuses: frozenset[str] | None = None  # None: all but rejected
    lanes: frozenset[Hashable] | None = None
    tag: str | None = None
    text: str = ""
    date_from: datetime | None = None
    date_to: datetime | None = None
    actor: str | None = None  # only events naming this actor ("the timeline of X")
    place: str | None = None

    def accepts(self, e: TimelineEvent) -> bool:
        """`lanes` holds lane ids (None: unassigned) whatever the grouping."""
        if self.statuses is None:
            if e.status in HIDDEN_BY_DEFAULT:
                return False
        elif e.status not in self.statuses:
            return False
        if self.lanes is not None and e.lane not in self.lanes:
            return False
        if self.tag and self.tag not in e.tags:
            return False
        if self.actor and self.actor not in e.actors:
            return False
        if self.place and self.place not in e.places:
            return False
        if self.text:
            needle = self.text.lower()
            if needle not in e.title.lower() and needle not in e.quote.lower():
                return False
        if self.date_from is None and self.date_to is None:
            return True
        if e.days is not None:  # BCE: datetime cannot hold it, compare days
            lo, hi = e.days
            return not ((self.date_from is not None and hi < to_days(self.date_from))
                        or (self.date_to is not None and lo > to_days(self.date_to)))
        if self.date_from is not None and e.latest < self.date_from:
            return False
        return self.date_to is None or e.earliest <= self.date_to

    def to_state(self) -> dict[str, Any]:
        """JSON for a named timeline (dates as ISO text, lanes as a list)."""
        return {
            "statuses": sorted(self.statuses) if self.statuses else None,
            "lanes": sorted(self.lanes, key=lambda k: (k is None, str(k)))
            if self.lanes is not None else None,
            "tag": self.tag, "text": self.text, "actor": self.actor, "place": self.place,
            "date_from": self.date_from.isoformat() if self.date_from else None,
            "date_to": self.date_to.isoformat() if self.date_to else None,
        }  # fmt: skip

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> Filters:
        """The inverse of to_state; keys missing from older saved views mean no restriction."""
        statuses, lanes = state.get("statuses"), state.get("lanes")
        lo, hi = state.get("date_from"), state.get("date_to")
        return cls(
            statuses=frozenset(statuses) if statuses else None,
            lanes=frozenset(lanes) if lanes is not None else None,
            tag=state.get("tag") or None, text=state.get("text") or "",
            actor=state.get("actor") or None, place=state.get("place") or None,
            date_from=datetime.fromisoformat(lo) if lo else None,
            date_to=datetime.fromisoformat(hi) if hi else None,
        )  # fmt: skip


_DEFAULT_FILTERS = Filters()


def group_key(e: TimelineEvent, grouping: str) -> Hashable:
    """Which lane an event falls in for a grouping (lane, tag, article, outlet, actor,
    place)."""
    if grouping == "lane":
        return e.lane
    if grouping == "tag":
        return e.tags[0] if e.tags else None
    if grouping == "article":
        return e.article or None
    if grouping == "actor":  # lanes by actor: each event in its first (subject) actor's
        return e.actors[0] if e.actors else None
    if grouping == "place":
        return e.places[0] if e.places else None
    return e.outlet or None


def label_of(e: TimelineEvent) -> str:
    """The label: the title, led by the hedged date when the date is qualified."""
    if e.qualifier and e.start is not None:
        return f"{e.date_text()} · {isolated(e.title)}"
    return e.title


@dataclass
class TimelineModel:
    """Events, lanes and filters; `indexes[i]` holds the spans of `lanes[i]`."""

    events: dict[int, TimelineEvent] = field(default_factory=dict)
    lane_infos: list[LaneInfo] = field(default_factory=list)
    grouping: str = "lane"
    filters: Filters = Filters()
    lanes: list[LaneSpec] = field(default_factory=list)
    indexes: list[LaneIndex] = field(default_factory=list)
    lane_of: dict[int, int] = field(default_factory=dict)  # event id -> lane position
    labels: dict[int, str] = field(default_factory=dict)
    extents: dict[int, tuple[float, float]] = field(default_factory=dict)
    all_starts: list[float] = field(default_factory=list)  # sorted, for the minimap
    version: int = 0
    # per lane position, the version its events last changed at, and the version
    # all_starts last changed at: what a drawing cached per lane (or the minimap's) is of
    lane_stamps: list[int] = field(default_factory=list)
    starts_version: int = 0

    def set_events(self, events: list[TimelineEvent]) -> None:
        self.events = {e.id: e for e in events}
        # one span per distinct (earliest, latest): 100,000 events have ~11,000, and the
        # tuples, shared (immutable), are fewer objects for the collector to scan
        spans: dict[tuple[datetime, datetime], tuple[float, float]] = {}
        extents = {}
        for e in events:
            if e.days is not None:
                extents[e.id] = e.days
                continue
            bounds = (e.earliest, e.latest)
            span = spans.get(bounds)
            if span is None:
                span = spans[bounds] = e.span_days()
            extents[e.id] = span
        self.extents = extents

    def rebuild(self, label_width: Callable[[str], float]) -> None:
        """Group, filter and index; `label_width` reserves room for each label (px).
        One loop with nothing but what each event needs: it runs over 100,000."""
        self.version += 1
        groups: dict[Hashable, list[tuple[float, float, int, float]]] = {}
        lane_of_key: dict[int, Hashable] = {}
        labels: dict[int, str] = {}
        f, grouping, extents = self.filters, self.grouping, self.extents
        by_status = f == _DEFAULT_FILTERS  # the usual case: only the hidden statuses go
        accepts, hidden, by_lane = f.accepts, HIDDEN_BY_DEFAULT, grouping == "lane"
        for e in self.events.values():
            if by_status:
                if e.status in hidden:
                    continue
            elif not accepts(e):
                continue
            key = e.lane if by_lane else group_key(e, grouping)
            eid = e.id
            text = label_of(e) if e.qualifier else e.title  # label_of's usual case, inlined
            labels[eid] = text
            t0, t1 = extents[eid]
            group = groups.get(key)
            if group is None:
                group = groups[key] = []
            group.append((t0, t1, eid, label_width(text)))
            lane_of_key[eid] = key
        self.lanes = self._lane_specs(groups)
        position = {spec.key: i for i, spec in enumerate(self.lanes)}
        self.indexes = [LaneIndex.build(groups.get(spec.key, [])) for spec in self.lanes]
        self.lane_of = {eid: position[key] for eid, key in lane_of_key.items()}
        self.labels = labels
        self.all_starts = sorted([s[0] for spans in groups.values() for s in spans])
        self.lane_stamps = [self.version] * len(self.lanes)
        self.starts_version = self.version

    def apply(self, records: list[TimelineEvent], removed: set[int],
              label_width: Callable[[str], float]) -> bool:
        """Patch only the lanes these changes touch (a few inserts into one lane's sorted
        arrays, not a re-sort of 100,000 events); False when the lanes themselves change
        and a rebuild is needed."""
        position = {spec.key: i for i, spec in enumerate(self.lanes)}
        accepts, grouping = self.filters.accepts, self.grouping
        placed: list[tuple[int, TimelineEvent]] = []
        for e in records:
            if accepts(e):
                p = position.get(group_key(e, grouping))
                if p is None:  # a group no lane shows yet
                    return False
                placed.append((p, e))
        # an event that stays in its lane with the same span and label (a status change, a
        # note) needs no index patch: only its record is replaced
        same, touched = set(), set()
        for p, e in placed:
            if (e.id not in removed and self.lane_of.get(e.id) == p
                    and self.extents.get(e.id) == e.span_days()
                    and self.labels.get(e.id) == label_of(e)):
                same.add(e.id)
                touched.add(p)
                self.events[e.id] = e
        if same:
            records = [e for e in records if e.id not in same]
            placed = [(p, e) for p, e in placed if e.id not in same]
        drop: dict[int, set[int]] = {}
        add: dict[int, list[Span]] = {}
        starts_gone: list[float] = []
        for event_id in removed | {e.id for e in records}:
            p_old = self.lane_of.pop(event_id, None)
            if p_old is not None:
                drop.setdefault(p_old, set()).add(event_id)
                starts_gone.append(self.extents[event_id][0])
            self.labels.pop(event_id, None)
        for event_id in removed:
            self.events.pop(event_id, None)
            self.extents.pop(event_id, None)
        for e in records:
            self.events[e.id] = e
            self.extents[e.id] = e.span_days()
        starts_new: list[float] = []
        for p, e in placed:
            text = label_of(e)
            self.labels[e.id] = text
            t0, t1 = self.extents[e.id]
            add.setdefault(p, []).append(Span(t0, t1, e.id, label_width(text)))
            self.lane_of[e.id] = p
            starts_new.append(t0)
        self.all_starts = patched_starts(self.all_starts, starts_gone, starts_new)
        for p in drop.keys() | add.keys():
            self.indexes[p] = self.indexes[p].patched(drop.get(p, set()), add.get(p, []))
        self.version += 1
        for p in touched | drop.keys() | add.keys():
            self.lane_stamps[p] = self.version
        if drop or add:
            self.starts_version = self.version
        return True

    def _lane_specs(self, groups: dict[Hashable, list[Span]]) -> list[LaneSpec]:
        specs: list[LaneSpec] = []
        if self.grouping == "lane":
            for i, info in enumerate(self.lane_infos):
                if self.filters.lanes is None or info.id in self.filters.lanes:
                    color = info.color or PALETTE[i % len(PALETTE)]
                    specs.append(LaneSpec(info.id, info.name, color, info.collapsed))
        known = {s.key for s in specs}
        extra = [k for k in groups if k not in known and k is not None]
        if self.grouping in ("actor", "place"):  # the busiest actor's lane first
            extra.sort(key=lambda k: (-len(groups[k]), str(k).casefold()))
        else:
            extra.sort(key=str)
        if None in groups and None not in known:
            extra.append(None)
        names = {"lane": NO_LANE, "tag": "No tag", "article": "No article", "outlet": "No outlet",
                 "actor": "No actor", "place": "No place"}
        for k in extra:
            n = len(specs)
            if k is None:
                name = names.get(self.grouping, "Other")
            else:  # a lane id the lane list does not know (yet): still a lane
                name = f"Lane {k}" if self.grouping == "lane" else str(k)
            specs.append(LaneSpec(k, name, PALETTE[n % len(PALETTE)]))
        return specs

    # --- reading ------------------------------------------------------------------
    def extent(self) -> tuple[float, float] | None:
        """The days spanned by the shown events."""
        found = [ix.extent() for ix in self.indexes if len(ix)]
        if not found:
            return None
        return min(a for a, _ in found), max(b for _, b in found)

    def extent_of_ids(self, ids: list[int]) -> tuple[float, float] | None:
        spans = [self.extents[i] for i in ids if i in self.extents]
        if not spans:
            return None
        return min(a for a, _ in spans), max(b for _, b in spans)

    def set_collapsed(self, lane: int, collapsed: bool) -> None:
        self.lanes[lane] = replace(self.lanes[lane], collapsed=collapsed)
        self.lane_infos = [replace(info, collapsed=collapsed) if info.id == self.lanes[lane].key
                           else info for info in self.lane_infos]  # fmt: skip

    def move_lane(self, source: int, target: int) -> None:
        """Reorder lanes (and their indexes) by moving `source` to position `target`."""
        lanes, indexes = self.lanes, self.indexes
        lane, index = lanes.pop(source), indexes.pop(source)
        lanes.insert(target, lane)
        indexes.insert(target, index)
        order = {spec.key: i for i, spec in enumerate(lanes)}
        self.lane_of = {eid: order[self.lanes_key(eid)] for eid in self.lane_of}
        if self.grouping == "lane":
            by_id = {info.id: info for info in self.lane_infos}
            self.lane_infos = [by_id[s.key] for s in lanes if s.key in by_id] + [
                info for info in self.lane_infos if info.id not in order]
        self.version += 1

    def lanes_key(self, event_id: int) -> Hashable:
        return group_key(self.events[event_id], self.grouping)


def patched_starts(starts: list[float], gone: list[float], new: list[float]) -> list[float]:
    """The sorted starts less `gone` and with `new`. A few: bisection in place. An
    import's slice of hundreds: one insort each moved half of 100,000 floats each time
    (~10 ms a slice); appended and re-sorted, the sort finds the long sorted run and
    merges the short one into it in one C-level pass."""
    if len(gone) <= 64:
        for t0 in gone:
            at = bisect_left(starts, t0)
            if at < len(starts) and starts[at] == t0:
                del starts[at]
    else:
        counts = Counter(gone)
        kept = []
        for t0 in starts:  # a Python pass only when many events left or moved
            if counts.get(t0):
                counts[t0] -= 1
            else:
                kept.append(t0)
        starts = kept
    if len(new) <= 16:
        for t0 in new:
            insort(starts, t0)
    else:
        starts.extend(new)
        starts.sort()
    return starts


def today_days() -> float:
    return to_days(datetime.now())


@dataclass(frozen=True)
class Move:
    """A finished drag: the event's date and/or lane before and after (for undo).

    `lane_changed` False leaves the lane alone; lanes are lane ids (None: unassigned).
    """

    event_id: int
    before_start: FuzzyDate | None
    before_end: FuzzyDate | None
    start: FuzzyDate | None
    end: FuzzyDate | None
    lane_changed: bool = False
    before_lane: int | None = None
    lane: int | None = None
    version: int | None = None

    @property
    def date_changed(self) -> bool:
        return self.start is not None and self.start != self.before_start
