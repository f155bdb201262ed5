"""TimelineView: the zoomable, lane-based timeline widget for the main window's centre.

API (all the main window needs):
    view = TimelineView(parent=None)
    view.set_lanes(lanes: list[LaneInfo])          # saved lane order, colours, collapsed
    view.set_events(events: list[TimelineEvent])   # keeps the visible range after the first
    view.set_grouping("lane" | "tag" | "article" | "outlet");  view.set_filters(Filters(...))
                                                   # also sets the toolbar's controls
    view.select(ids) (does not emit) / view.selected_ids()
    view.fit_all(); view.zoom_to_selection(); view.visible_range() -> (datetime, datetime)
    view.set_visible_range(lo, hi); view.view_state() / view.restore_view_state(dict)
Signals:
    selectionChanged(list[int])       user changed the selection
    eventActivated(int)               double-click / Enter: edit it
    eventMoved(int, FuzzyDate)        dragged to a new (snapped) start date
    eventLaneChanged(int, lane_id)    dragged to another lane (lane id, None = unassigned)
    eventDropped(Move)                both of the above as one edit, with the old values:
                                      connect this OR the two above, not both
    lanesReordered(list)              lane keys in their new order (grouping by lane)
    laneChanged(key, dict)            a lane renamed / recoloured / (un)collapsed / resized
                                      ({"height": px or None}: by dragging its border)
    laneCreated(str)                  the user asked for a new lane with this name
    laneDeleted(key)                  the user asked to delete this lane (grouping by lane)
    groupingChanged(str)              the lanes are now grouped by this (toolbar, menu, code)
Toolbar (controls.py): text, status, tag (tag_box), date range (dates_button popup),
lane visibility (lanes_button menu, kept as hidden lane ids so new lanes show), grouping.
`desktop.ui.timeline.binding.load_from_workspace(view, ws, undo_stack)` wires all of it
to a workspace with undoable commands (moves and every lane edit).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import replace
from datetime import datetime
from itertools import chain
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLineEdit,
    QScrollBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.layout.calendar import FIRST_CE_DAYS, from_days, to_days
from desktop.layout.hits import HitBox
from desktop.layout.snapping import moved_pair
from desktop.layout.viewport import Viewport
from desktop.services.timeline_data import GROUPINGS, NO_LANE, LaneInfo, TimelineEvent
from desktop.ui.timeline.canvas import TimelineCanvas
from desktop.ui.timeline.controls import (
    DateRangeButton,
    EntityBox,
    LanesButton,
    TagBox,
    shrink_to_fit,
)
from desktop.ui.timeline.lane_menu import ask_lane_name, context_menu
from desktop.ui.timeline.minimap import Minimap
from desktop.ui.timeline.model import Filters, Move, TimelineModel
from desktop.ui.timeline.overflow import OverflowBar

STATUS_CHOICES = (  # sorted, so a restored set finds its entry
    ("All but rejected", None),
    ("Accepted + manual", ("accepted", "manual")),
    ("Suggested only", ("suggested",)),
    ("Everything", ("accepted", "manual", "rejected", "suggested")),
)
BAR_UNITS = 100_000
_TAGS, _ACTORS, _PLACES = attrgetter("tags"), attrgetter("actors"), attrgetter("places")


def _by_use(lists: Iterable[tuple[str, ...]]) -> list[str]:
    """Names, most used first (the box lists the busiest actors at the top)."""
    counts = Counter(chain.from_iterable(lists))  # no Python frame per name
    return [n for n, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].casefold()))]


def _as_tuple(data: Any) -> tuple[str, ...] | None:
    """Combo item data comes back as a list or tuple (or None for "no restriction")."""
    return tuple(data) if data else None


def _compact_combo(parent: QWidget, name: str, items: Sequence[tuple[str, Any]]) -> QComboBox:
    """A combo that asks for its full width but shrinks (eliding) in a narrow window."""
    box = QComboBox(parent)
    shrink_to_fit(box)
    box.setAccessibleName(name)
    for label, value in items:
        box.addItem(label, value)
    return box


class TimelineView(QWidget):
    selectionChanged = Signal(list)
    eventActivated = Signal(int)
    eventMoved = Signal(int, object)
    eventLaneChanged = Signal(int, object)
    eventDropped = Signal(object)
    lanesReordered = Signal(list)
    laneChanged = Signal(object, dict)
    laneCreated = Signal(str)
    laneDeleted = Signal(object)
    groupingChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = TimelineModel()
        self.canvas = TimelineCanvas(self.model, self)
        self.minimap = Minimap(self.model, self)
        self.hbar = QScrollBar(Qt.Orientation.Horizontal, self)
        self.vbar = QScrollBar(Qt.Orientation.Vertical, self)
        self._bar = (0.0, 1.0)
        self._fitted = False
        # heights given to lanes the store does not keep (other groupings, "Unassigned"),
        # by (grouping, lane key); saved with a named view
        self._local_sizes: dict[tuple[str, Hashable], float] = {}
        self._build()
        self._connect()

    # --- construction ---------------------------------------------------------------
    def _build(self) -> None:
        bar = OverflowBar(self)  # what does not fit goes into its "»" menu
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Filter…")
        self.search.setMinimumWidth(40)  # gives way first in a narrow window
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Timeline text filter")
        self.search.setToolTip("Show only events whose title or quote contains this text")
        self.status_box = _compact_combo(self, "Timeline status filter", STATUS_CHOICES)
        self.status_box.setToolTip("Which review statuses are shown")
        self.group_box = _compact_combo(self, "Group lanes by",
                                        [(f"By {g}", g) for g in GROUPINGS])  # fmt: skip
        self.group_box.setToolTip("What each lane holds: a lane, tag, article, outlet, actor "
                                  "(its subject's lane) or place")
        self.tag_box = TagBox(self)
        self.entity_box = EntityBox(self)
        self.dates_button = DateRangeButton(self.visible_range, self)
        self.lanes_button = LanesButton(self)
        self.toolbar = bar  # the binding adds its "Views" button here
        bar.addWidget(self.search, 1)
        for w, label in ((self.status_box, "Statuses"), (self.tag_box, "Tag"),
                         (self.entity_box, "Actor or place"), (self.dates_button, "Dates…"),
                         (self.lanes_button, "Lanes"), (self.group_box, "Group lanes by")):
            bar.addWidget(w, label=label)
        for text, label, tip, slot in (
            ("Fit", "Fit all events", "Fit all events (F)", self.fit_all),
            ("Zoom", "Zoom to selection", "Zoom to the selection (Z)", self.zoom_to_selection),
        ):  # fmt: skip
            b = QToolButton(self)
            b.setText(text)
            b.setToolTip(tip)
            b.clicked.connect(slot)
            bar.addWidget(b, label=label)
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(0)
        grid.addWidget(self.canvas, 0, 0)
        grid.addWidget(self.vbar, 0, 1)
        grid.addWidget(self.minimap, 1, 0)
        grid.addWidget(self.hbar, 2, 0)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(bar)
        outer.addLayout(grid, 1)

    def _connect(self) -> None:
        c = self.canvas
        c.viewportChanged.connect(self._sync_bars)
        c.selectionChanged.connect(self.selectionChanged)
        c.eventActivated.connect(self.eventActivated)
        c.eventDropped.connect(self._dropped)
        c.laneMoved.connect(self._lane_moved)
        c.laneToggled.connect(self._lane_toggled)
        c.laneResized.connect(self._lane_resized)
        c.contextRequested.connect(self._context_menu)
        self.minimap.centreRequested.connect(lambda d: c.set_viewport(c.vp.centred_on(d)))
        self.hbar.valueChanged.connect(self._hbar_moved)
        self.vbar.valueChanged.connect(lambda v: c.set_scroll_y(float(v)))
        self.search.textChanged.connect(self._filters_changed)
        self.status_box.currentIndexChanged.connect(self._filters_changed)
        self.tag_box.tagChanged.connect(self._filters_changed)
        self.entity_box.entityChanged.connect(self._filters_changed)
        self.dates_button.rangeChanged.connect(self._filters_changed)
        self.lanes_button.hiddenChanged.connect(self._filters_changed)
        self.lanes_button.newLaneRequested.connect(self._new_lane)
        self.group_box.currentIndexChanged.connect(
            lambda _i: self.set_grouping(self.group_box.currentData()))

    # --- data -----------------------------------------------------------------------
    def set_lanes(self, lanes: list[LaneInfo]) -> None:
        self.model.lane_infos = list(lanes)
        self.lanes_button.set_lanes([(info.id, info.name) for info in lanes] + [(None, NO_LANE)])
        self._refresh_sizes()
        if self.model.events:
            self._rebuild()

    def set_events(self, events: list[TimelineEvent]) -> None:
        self.model.set_events(events)
        self.tag_box.set_tags(sorted(set(chain.from_iterable(map(_TAGS, events)))))
        self.entity_box.set_names(_by_use(map(_ACTORS, events)), _by_use(map(_PLACES, events)))
        self._rebuild()
        if not self._fitted and events:
            self._fitted = True
            self.fit_all()

    def apply_events(self, records: list[TimelineEvent], removed: set[int],
                     tags: list[str] | None = None, *, repaint: bool = True) -> None:
        """Show a change set's events: only their lanes are re-indexed, the visible range
        and the selection stay (a deleted event leaves the selection). `repaint` False:
        the caller asks for the frame later (ui/burst.py, during an import)."""
        if tags is not None:
            self.tag_box.set_tags(tags)
        if not self.model.apply(records, removed, self.canvas.painter.label_width):
            for i in removed:
                self.model.events.pop(i, None)
                self.model.extents.pop(i, None)
            for e in records:
                self.model.events[e.id] = e
                self.model.extents[e.id] = e.span_days()
            self._rebuild()
            return
        selected = self.canvas.state.selected
        if selected & removed:
            self.canvas.state.selected = selected - removed
        if repaint:
            self.canvas.update()
            self.minimap.update()
        self._sync_bars()

    def set_grouping(self, grouping: str) -> None:
        if grouping not in GROUPINGS:
            raise ValueError(f"group by one of {', '.join(GROUPINGS)}")
        self.model.grouping = grouping
        self.group_box.blockSignals(True)
        self.group_box.setCurrentIndex(GROUPINGS.index(grouping))
        self.group_box.blockSignals(False)
        self._refresh_sizes()
        self._rebuild()
        self.groupingChanged.emit(grouping)

    def set_filters(self, filters: Filters, hidden_lanes: frozenset | None = None) -> None:
        """Show `filters` and set the toolbar to match (no signals echo back).

        Lane visibility is kept as the hidden set, so lanes created later show up;
        `hidden_lanes` overrides what `filters.lanes` implies.
        """
        if hidden_lanes is None:
            hidden_lanes = (frozenset() if filters.lanes is None
                            else frozenset(self._lane_keys() - filters.lanes))  # fmt: skip
        for w in (self.search, self.status_box):
            w.blockSignals(True)
        self.search.setText(filters.text)
        statuses = filters.statuses
        wanted = tuple(sorted(statuses)) if statuses else None
        found = [i for i in range(self.status_box.count())
                 if _as_tuple(self.status_box.itemData(i)) == wanted]  # fmt: skip
        index = found[0] if found else -1
        if index < 0:
            self.status_box.addItem("Custom statuses", tuple(sorted(statuses or ())))
            index = self.status_box.count() - 1
        self.status_box.setCurrentIndex(index)
        for w in (self.search, self.status_box):
            w.blockSignals(False)
        self.tag_box.set_tag(filters.tag)
        self.entity_box.set_entity(("actor", filters.actor) if filters.actor else
                                   ("place", filters.place) if filters.place else None)
        self.dates_button.set_range(filters.date_from, filters.date_to)
        self.lanes_button.set_hidden(hidden_lanes)
        self.model.filters = filters
        self._rebuild()

    def _filters_changed(self, *_args: Any) -> None:
        statuses = _as_tuple(self.status_box.currentData())
        lo, hi = self.dates_button.range()
        kind, name = self.entity_box.entity() or ("", None)
        self.model.filters = Filters(
            statuses=frozenset(statuses) if statuses else None,
            tag=self.tag_box.tag(), text=self.search.text().strip(), date_from=lo, date_to=hi,
            actor=name if kind == "actor" else None, place=name if kind == "place" else None,
        )  # fmt: skip
        self._rebuild()

    def show_entity(self, kind: str, name: str | None) -> None:
        """The timeline of one actor (or place): only its events, fitted on screen."""
        self.entity_box.set_entity((kind, name) if name else None)
        self._filters_changed()
        if name:
            self.fit_all()

    def _lane_keys(self) -> set[Hashable]:
        """Every lane an event can be in: the workspace's, any unknown id, unassigned."""
        keys: set[Hashable] = {info.id for info in self.model.lane_infos}
        return keys | {e.lane for e in self.model.events.values()} | {None}

    def _rebuild(self) -> None:
        hidden = self.lanes_button.hidden
        lanes = frozenset(self._lane_keys() - hidden) if hidden else None
        if lanes != self.model.filters.lanes:
            self.model.filters = replace(self.model.filters, lanes=lanes)
        self.model.rebuild(self.canvas.painter.label_width)
        self.canvas.state.selected &= set(self.model.lane_of)
        self.canvas.update()
        self.minimap.update()
        self._sync_bars()

    # --- selection and navigation ---------------------------------------------------
    def select(self, ids: list[int] | set[int], reveal: bool = True) -> None:
        """Select events (from the editor, reader or tables) and scroll them into view
        unless `reveal` is False; does not emit."""
        shown = self.model.lane_of  # a dict of 100,000: look up, do not copy it
        self.canvas.set_selection({i for i in ids if i in shown}, notify=False)
        if not reveal:
            self.canvas.update()
            return
        ext = self.model.extent_of_ids(list(self.canvas.state.selected))
        if ext is not None:
            self.canvas.set_viewport(self.canvas.vp.containing(*ext))

    def selected_ids(self) -> list[int]:
        return sorted(self.canvas.state.selected)

    def fit_all(self) -> None:
        self.canvas.fit_all()

    def zoom_to_selection(self) -> None:
        self.canvas.zoom_to_selection()

    def visible_days(self) -> tuple[float, float]:
        return self.canvas.vp.left, self.canvas.vp.right

    def visible_range(self) -> tuple[datetime, datetime]:
        """The visible window, clamped to what datetime holds (years 1-9999)."""
        lo, hi = self.visible_days()
        first = from_days(max(lo, FIRST_CE_DAYS)) or datetime(1, 1, 1)
        last = from_days(hi) or datetime(9999, 12, 31, 23, 59)
        return first, last

    def set_visible_range(self, lo: datetime | float, hi: datetime | float) -> None:
        a = to_days(lo) if isinstance(lo, datetime) else float(lo)
        b = to_days(hi) if isinstance(hi, datetime) else float(hi)
        w = self.canvas.plot_width
        self.canvas.set_viewport(Viewport(a, w / max(b - a, 1e-6), w))

    def view_state(self) -> dict[str, Any]:
        """What a named timeline keeps: grouping, all filters, hidden lanes, visible range."""
        lo, hi = self.visible_days()
        hidden = sorted(self.lanes_button.hidden, key=lambda k: (k is None, str(k)))
        heights = [[key, h] for (grouping, key), h in self._local_sizes.items()
                   if grouping == self.model.grouping]  # fmt: skip
        return {"grouping": self.model.grouping, **self.model.filters.to_state(),
                "hidden_lanes": hidden, "range_days": [lo, hi],
                "lane_heights": heights}  # fmt: skip

    def restore_view_state(self, state: dict[str, Any]) -> None:
        self.model.grouping = state.get("grouping", "lane")
        grouping = self.model.grouping  # the view's heights replace those shown before
        self._local_sizes = {k: h for k, h in self._local_sizes.items() if k[0] != grouping}
        for key, h in state.get("lane_heights") or []:
            if not self._stored_lane(key):
                self._local_sizes[(self.model.grouping, key)] = float(h)
        hidden = state.get("hidden_lanes")
        self.set_filters(Filters.from_state(state),
                         frozenset(hidden) if hidden is not None else None)  # fmt: skip
        self.set_grouping(self.model.grouping)
        rng = state.get("range_days")
        if rng:
            self._fitted = True
            self.set_visible_range(float(rng[0]), float(rng[1]))

    def _sync_bars(self) -> None:
        vp = self.canvas.vp
        ext = self.model.extent() or (vp.left, vp.right)
        pad = (ext[1] - ext[0]) * 0.05 + 1
        lo, hi = min(ext[0] - pad, vp.left), max(ext[1] + pad, vp.right)
        total = max(hi - lo, 1e-9)
        page = max(int(BAR_UNITS * vp.span / total), 1)
        self._bar = (lo, total)
        for bar, (maximum, step, value) in (
            (self.hbar, (BAR_UNITS - page, page, int(BAR_UNITS * (vp.left - lo) / total))),
            (self.vbar, (int(self.canvas.max_scroll_y()), max(self.canvas.height(), 1),
                         int(self.canvas.scroll_y))),
        ):  # fmt: skip
            bar.blockSignals(True)
            bar.setRange(0, max(maximum, 0))
            bar.setPageStep(step)
            bar.setSingleStep(max(step // 10, 1))
            bar.setValue(value)
            bar.blockSignals(False)
        self.vbar.setVisible(self.canvas.max_scroll_y() > 0)
        self.minimap.set_viewport(vp)

    def _hbar_moved(self, value: int) -> None:
        lo, total = self._bar
        vp = self.canvas.vp
        self.canvas.vp = Viewport(lo + value / BAR_UNITS * total, vp.px_per_day, vp.width)
        self.canvas.update()
        self.minimap.set_viewport(self.canvas.vp)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._sync_bars()

    # --- edits ----------------------------------------------------------------------
    def _dropped(self, event_id: int, shift: float, lane: tuple[int, Hashable] | None) -> None:
        e = self.model.events.get(event_id)
        if e is None or e.start is None:
            return
        start, end = moved_pair(e.start, e.end, shift) if shift else (e.start, e.end)
        move = Move(event_id, e.start, e.end, start if shift else None, end if shift else None,
                    lane is not None, e.lane, lane[1] if lane is not None else None, e.version)
        if move.date_changed:
            self.eventMoved.emit(event_id, start)
        if move.lane_changed:
            self.eventLaneChanged.emit(event_id, move.lane)
        if move.date_changed or move.lane_changed:
            self.eventDropped.emit(move)

    def move_to_lane(self, event_id: int, lane_key: Hashable) -> None:
        """Move an event to a lane (context menu); emits like a vertical drag."""
        e = self.model.events.get(event_id)
        if e is None or self.model.grouping != "lane" or e.lane == lane_key:
            return
        self.eventLaneChanged.emit(event_id, lane_key)
        self.eventDropped.emit(Move(event_id, e.start, e.end, None, None, True, e.lane,
                                    lane_key, e.version))  # type: ignore[arg-type]

    def _lane_moved(self, source: int, target: int) -> None:
        self.model.move_lane(source, target)
        self.canvas.update()
        self.lanesReordered.emit([spec.key for spec in self.model.lanes])

    def _lane_toggled(self, lane: int) -> None:
        spec = self.model.lanes[lane]
        self.model.set_collapsed(lane, not spec.collapsed)
        self.model.version += 1
        self.canvas.set_scroll_y(self.canvas.scroll_y)
        self._sync_bars()
        self.laneChanged.emit(spec.key, {"collapsed": not spec.collapsed})

    def _stored_lane(self, key: Hashable) -> bool:
        """Lanes of the workspace keep their height in the store (undoable, persisted)."""
        return self.model.grouping == "lane" and isinstance(key, int)

    def _refresh_sizes(self) -> None:
        """The user-set heights that apply now: the store's lanes', then the local ones."""
        sizes: dict[Hashable, float] = {}
        if self.model.grouping == "lane":
            sizes = {info.id: float(info.height) for info in self.model.lane_infos
                     if getattr(info, "height", None)}  # fmt: skip
        sizes.update({key: h for (g, key), h in self._local_sizes.items()
                      if g == self.model.grouping})  # fmt: skip
        self.canvas.state.sizes = sizes
        self.canvas.set_scroll_y(self.canvas.scroll_y)

    def _lane_resized(self, lane: int, height: float | None) -> None:
        """A border drag ended: the store's lanes through an undoable edit, others here."""
        key = self.model.lanes[lane].key
        if self._stored_lane(key):
            self.laneChanged.emit(key, {"height": None if height is None else int(height)})
        elif height is None:
            self._local_sizes.pop((self.model.grouping, key), None)
        else:
            self._local_sizes[(self.model.grouping, key)] = float(height)
        self._refresh_sizes()
        self._sync_bars()

    def _context_menu(self, pos: QPoint, hit: HitBox | None) -> None:
        self._menu = context_menu(self, hit)
        self._menu.popup(pos)

    def _new_lane(self) -> None:
        name = ask_lane_name(self, "New lane")
        if name:
            self.laneCreated.emit(name)
