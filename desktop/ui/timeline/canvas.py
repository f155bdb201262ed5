"""The drawing surface: paints the visible slice and turns mouse and keys into edits.

Interaction map: wheel zooms about the cursor (Shift+wheel pans), +/- zoom about the
selection, arrows pan, F fits, Z zooms to the selection; click / Ctrl+click / Shift+click
select, Shift+drag on empty space draws a selection band, a plain drag on empty space
pans; dragging an event re-dates it (snapped to its precision) and moves it between
lanes; dragging a lane name reorders lanes, its triangle collapses it; dragging the
border under a lane resizes it (double-click on it: back to the automatic height); a
badge or density-bar click zooms into its events; double-click activates an event.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QPaintEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QToolTip, QWidget

from desktop.layout.hits import HitBox, hit_at, hits_in
from desktop.layout.lane_heights import clamp_height
from desktop.layout.snapping import moved_pair
from desktop.layout.viewport import Viewport, fit
from desktop.ui.timeline.density_paint import too_many
from desktop.ui.timeline.model import TimelineModel
from desktop.ui.timeline.overlay import paint_drag, tooltip_text
from desktop.ui.timeline.painter import (
    AXIS_H,
    GUTTER,
    ROW_H,
    FrameState,
    LaneRow,
    Painter,
    content_height,
    lane_rows,
)
from desktop.ui.timeline.theme import theme_for

DRAG_START_PX = 5
RESIZE_GRAB_PX = 4
FIT_LABEL_PX = 180.0  # room kept right of the last event for its label


EMPTY_HINT = ("No events yet.\n\nImport articles (File > Import, Ctrl+I, or drop files on "
              "the window) and review the suggested events, or press Ctrl+N to add one "
              "by hand. Help > Getting started shows the whole tour.")


class TimelineCanvas(QWidget):
    """Owns the viewport; the TimelineView around it owns scroll bars and the minimap."""

    viewportChanged = Signal()
    selectionChanged = Signal(list)
    eventActivated = Signal(int)
    eventDropped = Signal(int, float, object)  # id, snapped shift in days, new lane key or None
    laneMoved = Signal(int, int)  # from position, to position
    laneToggled = Signal(int)
    laneResized = Signal(int, object)  # lane position, height in px (None: automatic)
    contextRequested = Signal(object, object)  # global QPoint, HitBox or None

    def __init__(self, model: TimelineModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.painter = Painter(self.font())
        self.painter.theme = theme_for(self.palette())
        self.state = FrameState()
        self.vp = Viewport(0.0, 1.0, 800.0)
        self.scroll_y = 0.0
        self.hits: list[HitBox] = []
        self.editable = True
        self._press: QPointF | None = None
        self._press_hit: HitBox | None = None
        self._mode = ""  # "", "pan", "band", "drag", "lane" (+ "-pending" before moving)
        # A drag of an event locks to the axis of its first few pixels: "time" re-dates,
        # "lane" moves between lanes, so a 1 px drift never does the other.
        self._drag_axis = ""
        self._resize: tuple[int, float, float | None] | None = None  # lane, y0, size before
        self._moved = False
        self._last = QPointF()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setMinimumSize(300, 160)
        self.setAccessibleName("Timeline")

    # --- viewport -------------------------------------------------------------------
    @property
    def plot_width(self) -> float:
        return max(self.width() - GUTTER, 1.0)

    def set_viewport(self, vp: Viewport) -> None:
        self.vp = vp.resized(self.plot_width)
        self.update()
        self.viewportChanged.emit()

    def zoom(self, factor: float, around_x: float | None = None) -> None:
        self.set_viewport(self.vp.zoomed(factor, around_x))

    def zoom_keeping_selection(self, factor: float) -> None:
        """Zoom about the selection when it is in view, else about the centre."""
        around = None
        ext = self.model.extent_of_ids(sorted(self.state.selected))
        if ext is not None:
            x = self.vp.x((ext[0] + ext[1]) / 2)
            if 0 <= x <= self.vp.width:
                around = x
        self.zoom(factor, around)

    def fit_range(self, lo: float, hi: float) -> None:
        """[lo, hi] in view, with room right of the last event for its label, unless at
        that scale every lane is a density strip (no labels: at 100,000 events over 30
        years the room was a third of the axis, empty)."""
        bare = fit(lo, hi, self.plot_width, min_span=1 / 24, margin=0.02, pad_px=(10.0, 0.0))
        if self._only_strips(bare):
            self.set_viewport(bare)
            return
        self.set_viewport(fit(lo, hi, self.plot_width, min_span=1 / 24, margin=0.02,
                              pad_px=(10.0, FIT_LABEL_PX)))  # fmt: skip

    def _only_strips(self, vp: Viewport) -> bool:
        indexes = self.model.indexes
        shown = [lr for lr in self.rows() if len(indexes[lr.lane])]
        return bool(shown) and all(too_many(indexes[lr.lane], vp, lr.rows) for lr in shown)

    def fit_all(self) -> None:
        ext = self.model.extent()
        if ext is None:
            return
        self.fit_range(*ext)

    def zoom_to_selection(self) -> None:
        ext = self.model.extent_of_ids(sorted(self.state.selected))
        if ext is not None:
            self.fit_range(*ext)

    def max_scroll_y(self) -> float:
        return max(content_height(self.model, self.height(), self.state.sizes)
                   - self.height(), 0.0)  # fmt: skip

    def set_scroll_y(self, y: float) -> None:
        self.scroll_y = min(max(y, 0.0), self.max_scroll_y())
        self.update()

    def rows(self) -> list[LaneRow]:
        return lane_rows(self.model, self.height(), self.scroll_y, self.state.sizes)

    def border_at(self, x: float, y: float) -> LaneRow | None:
        """The lane whose bottom border is under (x, y): grabbing it resizes that lane."""
        if y <= AXIS_H + 4:
            return None
        for lr in self.rows():
            if abs(lr.y0 + lr.height - y) > RESIZE_GRAB_PX or self.model.lanes[lr.lane].collapsed:
                continue
            if x < GUTTER or hit_at(self.hits, x, y) is None:
                return lr
        return None

    def lane_at(self, y: float) -> int | None:
        for lr in self.rows():
            if lr.y0 <= y < lr.y0 + lr.height:
                return lr.lane
        return None

    # --- selection ------------------------------------------------------------------
    def set_selection(self, ids: set[int], *, notify: bool) -> None:
        if ids == self.state.selected:
            return
        self.state.selected = set(ids)
        self.update()
        if notify:
            self.selectionChanged.emit(sorted(ids))

    # --- painting -------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.PaletteChange:
            self.painter.theme = theme_for(self.palette())
            self.update()
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.vp = self.vp.resized(self.plot_width)
        self.scroll_y = min(self.scroll_y, self.max_scroll_y())
        super().resizeEvent(event)
        self.viewportChanged.emit()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        try:
            self.render_into(p)
        finally:
            p.end()

    def render_into(self, p: QPainter) -> None:
        """One frame onto any painter (the widget, or an image for benchmarks)."""
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if not self.model.events:  # an empty workspace: a hint, not a 1970 axis
            self.hits = []
            theme = self.painter.theme
            p.fillRect(0, 0, self.width(), self.height(), theme.bands[0])
            p.setPen(theme.muted)
            p.drawText(self.rect().adjusted(40, 40, -40, -40),
                       int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), EMPTY_HINT)
            return
        self.hits = self.painter.paint(p, self.model, self.vp, self.width(), self.height(),
                                       self.scroll_y, self.state)  # fmt: skip
        if self._mode == "drag" and self.state.drag_id is not None:
            self._paint_drag(p)

    def _paint_drag(self, p: QPainter) -> None:
        eid = self.state.drag_id
        lane = self.state.drag_lane if self.state.drag_lane is not None else self.model.lane_of[eid]
        row = next((r for r in self.rows() if r.lane == lane), None)
        if row is not None:
            paint_drag(p, self.model, self.vp, row, eid, self.state.drag_days, self.painter.theme)

    # --- mouse ----------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        pos = event.position()
        self._press, self._last = pos, pos
        self._mode, self._moved = "", False
        self.setFocus()
        if event.button() == Qt.MouseButton.MiddleButton:
            self._mode = "pan"
            return
        if event.button() != Qt.MouseButton.LeftButton:
            return
        border = self.border_at(pos.x(), pos.y())
        if border is not None:
            key = self.model.lanes[border.lane].key
            self._mode = "resize"
            self._resize = (border.lane, border.y0, self.state.sizes.get(key))
            return
        if pos.x() < GUTTER and pos.y() > AXIS_H:
            lane = self.lane_at(pos.y())
            if lane is not None and pos.x() < 24:
                self.laneToggled.emit(lane)
                self._press = None
            elif lane is not None:
                self._mode = "lane-pending"
                self._press_hit = HitBox("lane", lane, 0, 0, 0, 0, lane)
            return
        hit = hit_at(self.hits, pos.x(), pos.y())
        self._press_hit = hit
        mods = event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        if hit is None:
            self._mode = "band-pending" if (ctrl or shift) else "pan"
            return
        if hit.kind == "cluster":  # a click zooms into it, a drag pans (bars fill dense lanes)
            self._mode = "pan"
            return
        eid = hit.key
        selected = set(self.state.selected)
        if ctrl:
            selected ^= {eid}
        elif shift:
            selected |= {eid}
        elif eid not in selected:
            selected = {eid}
        self.set_selection(selected, notify=True)
        if not ctrl and not shift and self.editable:
            self._mode = "drag-pending"

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        pos = event.position()
        if self._press is None or not event.buttons():
            self._hover(pos)
            return
        moved_px = (pos - self._press).manhattanLength()
        if moved_px >= DRAG_START_PX:
            self._moved = True
        if self._mode.endswith("-pending") and moved_px >= DRAG_START_PX:
            self._mode = self._mode[: -len("-pending")]
            if self._mode == "drag":
                self.state.drag_id = self._press_hit.key if self._press_hit else None
                dx, dy = abs(pos.x() - self._press.x()), abs(pos.y() - self._press.y())
                self._drag_axis = "time" if dx >= dy else "lane"
        if self._mode == "resize" and self._resize is not None:
            lane, y0, _ = self._resize
            self.state.sizes[self.model.lanes[lane].key] = clamp_height(pos.y() - y0)
            self.scroll_y = min(self.scroll_y, self.max_scroll_y())
            self.update()
            self.viewportChanged.emit()
        elif self._mode == "pan":
            dx, dy = pos.x() - self._last.x(), pos.y() - self._last.y()
            self.set_scroll_y(self.scroll_y - dy)
            self.set_viewport(self.vp.panned(dx))
        elif self._mode == "band":
            self.state.band_rect = QRectF(self._press, pos).normalized()
            self.update()
        elif self._mode == "drag":
            self._drag_to(pos)
        elif self._mode == "lane":
            self.state.lane_drag = (self._press_hit.lane, self._lane_drop_y(pos.y()))
            self.update()
        self._last = pos

    def _drag_to(self, pos: QPointF) -> None:
        eid = self.state.drag_id
        e = self.model.events.get(eid) if eid is not None else None
        if e is None or e.start is None:
            return
        shift = 0.0
        if self._drag_axis != "lane":
            delta = (pos.x() - self._press.x()) / self.vp.px_per_day
            start, _ = moved_pair(e.start, e.end, delta)
            shift = (start.earliest - e.start.earliest).total_seconds() / 86400.0
        self.state.drag_days = shift
        lane = None
        if self.model.grouping == "lane" and self._drag_axis != "time":
            lane = self.lane_at(pos.y())
        self.state.drag_lane = lane
        self.update()

    def _lane_drop_y(self, y: float) -> float:
        rows = self.rows()
        edges = [r.y0 for r in rows] + ([rows[-1].y0 + rows[-1].height] if rows else [])
        return min(edges, key=lambda e: abs(e - y)) if edges else y

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        mode, hit, moved = self._mode, self._press_hit, self._moved
        pos = event.position()
        self._mode, self._press_hit, self._moved = "", None, False
        if self._press is None:
            return
        self._press = None
        if mode == "resize" and self._resize is not None:
            lane, _, before = self._resize
            self._resize = None
            key = self.model.lanes[lane].key
            after = self.state.sizes.get(key)
            if moved and after != before:
                self.laneResized.emit(lane, after)
            elif before is None:
                self.state.sizes.pop(key, None)
            return
        if mode == "band" and self.state.band_rect is not None:
            r = self.state.band_rect
            found = {h.key for h in hits_in(self.hits, r.left(), r.top(), r.right(), r.bottom())}
            self.state.band_rect = None
            mods = event.modifiers()
            keep = self.state.selected if mods & Qt.KeyboardModifier.ControlModifier else set()
            self.set_selection(keep | found, notify=True)
            self.update()
        elif mode == "drag":
            self._drop()
        elif mode == "lane" and hit is not None:
            self.state.lane_drag = None
            target = self._lane_target(hit.lane, pos.y())
            if target != hit.lane:
                self.laneMoved.emit(hit.lane, target)
            self.update()
        elif hit is not None and hit.kind == "cluster" and not moved:
            c = self.painter.clusters[hit.key]
            self.fit_range(c.t_lo, c.t_hi)
        elif mode == "pan" and hit is None and not moved:
            self.set_selection(set(), notify=True)

    def _lane_target(self, source: int, y: float) -> int:
        """The position a lane dragged to pointer height `y` takes (nearest boundary)."""
        rows = self.rows()
        edges = [r.y0 for r in rows] + [rows[-1].y0 + rows[-1].height]
        k = min(range(len(edges)), key=lambda i: abs(edges[i] - y))
        return k if k <= source else k - 1

    def _drop(self) -> None:
        eid = self.state.drag_id
        shift, lane = self.state.drag_days, self.state.drag_lane
        self.state.drag_id, self.state.drag_days, self.state.drag_lane = None, 0.0, None
        self.update()
        if eid is None:
            return
        new_lane = None
        if lane is not None and lane != self.model.lane_of.get(eid):
            new_lane = lane
        if shift == 0.0 and new_lane is None:
            return
        key = self.model.lanes[new_lane].key if new_lane is not None else None
        self.eventDropped.emit(eid, shift, (new_lane, key) if new_lane is not None else None)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        border = self.border_at(event.position().x(), event.position().y())
        if border is not None:
            if self.model.lanes[border.lane].key in self.state.sizes:
                self.laneResized.emit(border.lane, None)
            return
        hit = hit_at(self.hits, event.position().x(), event.position().y())
        if hit is not None and hit.kind == "event":
            self.eventActivated.emit(hit.key)

    def _hover(self, pos: QPointF) -> None:
        hit = hit_at(self.hits, pos.x(), pos.y())
        hover = hit.key if hit is not None and hit.kind == "event" else None
        if hover != self.state.hover:
            self.state.hover = hover
            self.update()
        shape = Qt.CursorShape
        if hit is None and self.border_at(pos.x(), pos.y()) is not None:
            self.setCursor(shape.SplitVCursor)
            return
        self.setCursor(shape.PointingHandCursor if hit is not None else shape.ArrowCursor)

    def event(self, ev: QEvent) -> bool:
        if ev.type() == QEvent.Type.ToolTip:
            pos = QPointF(ev.pos())
            hit = hit_at(self.hits, pos.x(), pos.y())
            text = self.tooltip_for(hit)
            if not text and hit is None and pos.x() < GUTTER:
                text = self.lane_tooltip(self.lane_at(pos.y()))
            if text:
                QToolTip.showText(ev.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        if ev.type() == QEvent.Type.NativeGesture and isinstance(ev, QNativeGestureEvent):
            if ev.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
                self.zoom(1.0 + ev.value(), ev.position().x() - GUTTER)
                return True
        return super().event(ev)

    def lane_tooltip(self, lane: int | None) -> str:
        """A lane's full name (the gutter elides long ones), its count and what it offers."""
        if lane is None or lane >= len(self.model.lanes):
            return ""
        name = self.model.lanes[lane].name.replace("&", "&amp;").replace("<", "&lt;")
        count = len(self.model.indexes[lane])
        return (f"<b>{name}</b><br>{count:,} event{'s' if count != 1 else ''}"
                "<br><small>Right-click for the lane's menu</small>")

    def tooltip_for(self, hit: HitBox | None) -> str:
        """Date, title and quote of an event; count and span of a badge."""
        period = self.painter.cluster_label(hit.key) if hit and hit.kind == "cluster" else ""
        if period:
            c = self.painter.clusters[hit.key]
            return f"<b>{c.count:,} events</b> in {period} — click to zoom in"
        return tooltip_text(self.model, self.painter.clusters, hit)

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt override
        pos = QPointF(event.pos())
        hit = hit_at(self.hits, pos.x(), pos.y())
        if hit is None and pos.x() < GUTTER:
            lane = self.lane_at(pos.y())
            hit = HitBox("lane", lane, 0, 0, 0, 0, lane) if lane is not None else None
        self.contextRequested.emit(event.globalPos(), hit)

    # --- keys and wheel -------------------------------------------------------------
    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        delta = event.angleDelta()
        mods = event.modifiers()
        if mods & Qt.KeyboardModifier.ShiftModifier or abs(delta.x()) > abs(delta.y()):
            step = delta.x() or delta.y()
            self.set_viewport(self.vp.panned(step / 2))
            return
        if delta.y() == 0:
            return
        factor = 1.0015 ** delta.y()
        self.zoom(factor, event.position().x() - GUTTER)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        step = self.vp.width / 8
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_keeping_selection(1.5)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_keeping_selection(1 / 1.5)
        elif key == Qt.Key.Key_Left:
            self.set_viewport(self.vp.panned(step))
        elif key == Qt.Key.Key_Right:
            self.set_viewport(self.vp.panned(-step))
        elif key == Qt.Key.Key_Up:
            self.set_scroll_y(self.scroll_y - ROW_H * 2)
        elif key == Qt.Key.Key_Down:
            self.set_scroll_y(self.scroll_y + ROW_H * 2)
        elif key == Qt.Key.Key_F:
            self.fit_all()
        elif key == Qt.Key.Key_Z:
            self.zoom_to_selection()
        elif key == Qt.Key.Key_Escape:
            self.set_selection(set(), notify=True)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and len(self.state.selected) == 1:
            self.eventActivated.emit(next(iter(self.state.selected)))
        else:
            super().keyPressEvent(event)

