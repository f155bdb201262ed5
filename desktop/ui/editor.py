"""The event editor: every field commits on its own as one undoable edit.

Dates are free text ("early Sep 2018", "c. 2016", "07/09/2018" in the Preferences'
day/month order, ranges like "3-5 Mar 2020"), parsed with parse_span and shown back
with their precision and qualifier; unreadable input says why, in full, and the stored
value stays as it was. A range typed in either field sets both start and end.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.services.eventdates import ANCHOR_LABELS
from desktop.temporal import parse_span
from desktop.ui.editor_fields import (
    DATE_TIP,
    NoteEdit,
    describe,
    error_style,
    numeric_example,
    restyle,
)
from desktop.ui.entity_fields import ListCompleter, format_actors, parse_actors, parse_places
from desktop.ui.theme import pick_colour


class EventEditor(QWidget):
    """Emits edits as (event id, before, after, version); the window makes them commands."""

    edit_requested = Signal(int, dict, dict, int)
    jump_requested = Signal(int, int, int)  # article id, start, end
    remove_citation_requested = Signal(int)
    status_requested = Signal(list, str)
    finished = Signal()  # Escape: the user is done here (the window returns to the queue)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.current: dict[str, Any] | None = None
        self.dayfirst = False  # numeric dates' order, from the Preferences (set_dayfirst)
        self._loaded: dict[QWidget, str] = {}  # what load() last put in each field
        self._committing: QWidget | None = None
        # Who changed the event and when (window.team provides it); off for read-only.
        self.history_source: Callable[[int], list[Any]] | None = None
        self.editable = True
        self.history = QListWidget()
        self.history.setAccessibleName("Event history")
        self.history.setToolTip("Who changed this event, and what, newest first")
        self.history.setWordWrap(True)
        self.history.setMaximumHeight(160)
        self.heading = QLabel("No event selected")
        self.heading.setAccessibleName("Editor heading")
        self.heading.setWordWrap(True)
        self.title = self._line("Title", "The event's title")
        self.start = self._line("Start date", "")
        # E in the queue, type a date, Enter: back to the queue, so the next J moves on
        self.return_on_enter = False
        self.start.returnPressed.connect(self._entered)
        self.start_info = QLabel()
        self.end = self._line("End date", "")
        self.end_info = QLabel()
        for info, name in ((self.start_info, "Start date check"),
                           (self.end_info, "End date check")):
            info.setWordWrap(True)  # an error is read in full, however narrow the dock
            info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            info.setAccessibleName(name)
            info.setStyleSheet("color: palette(placeholder-text);")
        self.set_dayfirst(False)
        self.lane = QComboBox()
        self.lane.setEditable(True)
        self.lane.setAccessibleName("Lane")
        self.lane.setToolTip("The timeline lane; type a new name to create one")
        self.lane.lineEdit().editingFinished.connect(lambda: self._commit("lane"))
        self.lane.activated.connect(lambda _i: self._commit("lane"))
        self.tags = self._line("Tags", "Comma-separated tags")
        self.actors = self._line("Actors", "Who did it and to whom, comma-separated; mark a "
                                 "part with (subject) or (object). Names complete from the "
                                 "workspace's actors")
        self.places = self._line("Places", "Where it happened, comma-separated; names "
                                 "complete from the workspace's places")
        self.actor_names, self.place_names = ListCompleter(self), ListCompleter(self)
        self.actors.setCompleter(self.actor_names)
        self.places.setCompleter(self.place_names)
        self.color = QPushButton("Colour…")
        self.color.setAccessibleName("Colour")
        self.color.setToolTip("Pick the colour this event is drawn in")
        self.color.clicked.connect(self._pick_color)
        self.no_color = QPushButton("None")
        self.no_color.setToolTip("Use the lane's colour")
        self.no_color.setAccessibleName("Clear colour")
        self.no_color.clicked.connect(lambda: self._set_color(""))
        self.description = self._note("Description", "What happened (committed when you leave "
                                      "the field)")
        self.notes = self._note("Notes", "Your private notes on this event")
        self.citations = QListWidget()
        self.citations.setAccessibleName("Citations")
        self.citations.setToolTip("The sources of this event; double-click to jump to one")
        self.citations.setWordWrap(True)
        self.citations.itemDoubleClicked.connect(lambda _item: self._jump())
        self.jump = QPushButton("Go to source")
        self.jump.setToolTip("Show the selected citation in the reader")
        self.jump.clicked.connect(self._jump)
        self.remove = QPushButton("Remove citation")
        self.remove.setToolTip("Detach the selected citation from this event (undoable)")
        self.remove.clicked.connect(self._remove)
        self.accept_button = QPushButton("Accept")
        self.accept_button.setToolTip("Mark this event accepted (A in the review queue)")
        self.accept_button.clicked.connect(lambda: self._status("accepted"))
        self.reject_button = QPushButton("Reject")
        self.reject_button.setToolTip("Mark this event rejected (R in the review queue)")
        self.reject_button.clicked.connect(lambda: self._status("rejected"))
        self._build()
        self.load(None)

    def set_dayfirst(self, dayfirst: bool) -> None:
        """Read numeric dates day first (07/09/2018 = 7 Sep) or month first (= 9 Jul)."""
        self.dayfirst = dayfirst
        tip = DATE_TIP.format(numeric=numeric_example(dayfirst))
        self.start.setToolTip(tip)
        self.end.setToolTip("Optional end of a range; leave empty for none. " + tip)
        self.start.setPlaceholderText("14 Sep 2018, 2019?, 3-5 Mar 2020…")
        self.end.setPlaceholderText("no end")

    def _line(self, name: str, tip: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(name)
        edit.setToolTip(tip)
        key = name.split()[0].lower()
        edit.editingFinished.connect(lambda: self._commit(key))
        return edit

    def _note(self, name: str, tip: str) -> NoteEdit:
        edit = NoteEdit()
        edit.setAccessibleName(name)
        edit.setToolTip(tip)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(52)
        edit.committed.connect(lambda: self._commit(name.lower()))
        return edit

    def _build(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("&Title", self.title)
        form.addRow("&Start", self.start)
        form.addRow("", self.start_info)
        form.addRow("E&nd", self.end)
        form.addRow("", self.end_info)
        form.addRow("&Lane", self.lane)
        form.addRow("Ta&gs", self.tags)
        form.addRow("Acto&rs", self.actors)
        form.addRow("&Places", self.places)
        colors = QHBoxLayout()
        colors.addWidget(self.color)
        colors.addWidget(self.no_color)
        colors.addStretch(1)
        form.addRow("Colour", colors)
        form.addRow("&Description", self.description)
        form.addRow("N&otes", self.notes)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel("<b>Citations</b>"))
        buttons.addStretch(1)
        buttons.addWidget(self.jump)
        buttons.addWidget(self.remove)
        status = QHBoxLayout()
        status.addWidget(self.heading, 1)
        status.addWidget(self.accept_button)
        status.addWidget(self.reject_button)
        inner = QWidget()
        box = QVBoxLayout(inner)
        box.addLayout(status)
        box.addLayout(form)
        box.addLayout(buttons)
        box.addWidget(self.citations, 1)
        box.addWidget(QLabel("<b>History</b>"))
        box.addWidget(self.history)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    # -- loading --------------------------------------------------------------------------------
    def set_entity_names(self, actors: list[str], places: list[str]) -> None:
        """What the actor and place fields complete from."""
        self.actor_names.set_names(actors)
        self.place_names.set_names(places)

    def set_lanes(self, names: list[str]) -> None:
        current = self.lane.currentText()
        self.lane.blockSignals(True)
        self.lane.clear()
        self.lane.addItem("")
        self.lane.addItems(names)
        self.lane.setCurrentText(current)
        self.lane.blockSignals(False)

    def load(self, event: dict[str, Any] | None) -> None:
        """Show an event; a reload of the same one keeps a field the user is typing in."""
        previous, self.current = self.current, event
        enabled = event is not None
        for w in (self.title, self.start, self.end, self.lane, self.tags, self.actors,
                  self.places, self.color,
                  self.no_color, self.description, self.notes, self.remove,
                  self.accept_button, self.reject_button):
            w.setEnabled(enabled and self.editable)
        for w in (self.citations, self.jump):
            w.setEnabled(enabled)
        self._fill_history(event["id"] if event else None)
        for w in (self.title, self.start, self.end, self.tags, self.actors, self.places):
            w.blockSignals(True)
        if event is None:
            self.heading.setText("No event selected: pick one in the queue or the table, "
                                 "or press Ctrl+N")
            self._loaded.clear()
            for w in (self.title, self.start, self.end, self.tags, self.actors, self.places):
                w.clear()
            self.description.setPlainText("")
            self.notes.setPlainText("")
            self.citations.clear()
            self.start_info.clear()
            self.end_info.clear()
        else:
            flag = " · ⚠ sources disagree on the date" if event["conflict"] else ""
            if event.get("redated"):
                flag += f" · ↷ re-dated: the source says {event['redated']}"
            anchor = event.get("anchor")
            dated = f" · dated by the {ANCHOR_LABELS[anchor]}" if anchor else ""
            self.heading.setText(f"<b>Event {event['id']}</b> · {event['status']} · "
                                 f"confidence {event['confidence']:.2f}{dated}{flag}")
            same = previous is not None and previous["id"] == event["id"]
            self._put(self.title, event["title"], same)
            self._put(self.start, event["human"], same)
            self._put(self.end, event["end_human"], same)
            self._show_info(self.start_info, describe(event["start"]))
            self._show_info(self.end_info,
                            describe(event["end"]) if event["end"] else "no end date")
            self._put(self.lane, event["lane"], same)
            self._put(self.tags, ", ".join(event["tags"]), same)
            self._put(self.actors, format_actors(event.get("actors", [])), same)
            self._put(self.places, ", ".join(event.get("places", [])), same)
            self._put(self.description, event["description"], same)
            self._put(self.notes, event["notes"], same)
            self._show_color(event["color"])
            self._fill_citations(event["citations"])
        for w in (self.title, self.start, self.end, self.tags, self.actors, self.places):
            w.blockSignals(False)

    def set_editable(self, editable: bool) -> None:
        """A read-only workspace: fields show the event but take no edits."""
        self.editable = editable
        self.load(self.current)

    def _fill_history(self, event_id: int | None) -> None:
        self.history.clear()
        if event_id is None or self.history_source is None:
            return
        for line in self.history_source(event_id):
            when = f"{line.when:%Y-%m-%d %H:%M}" if line.when else "?"
            self.history.addItem(f"{when} · {line.author}: {line.text}")
        if not self.history.count():
            self.history.addItem("No recorded changes (made before history was kept).")

    @staticmethod
    def _value(widget: QWidget) -> str:
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QComboBox):
            return widget.currentText()
        return widget.text()  # type: ignore[attr-defined]

    def _put(self, widget: QWidget, text: str, same: bool) -> None:
        focus = QApplication.focusWidget()
        typing = focus is widget or (widget is self.lane and focus is self.lane.lineEdit())
        dirty = self._value(widget) != self._loaded.get(widget)
        if same and typing and dirty and widget is not self._committing:
            return  # a background refresh must not eat what the user is typing
        self._loaded[widget] = text
        if self._value(widget) == text:
            return
        if isinstance(widget, QPlainTextEdit):
            widget.setPlainText(text)
        elif isinstance(widget, QComboBox):
            widget.setCurrentText(text)
        else:
            widget.setText(text)  # type: ignore[attr-defined]
            if isinstance(widget, QLineEdit):
                widget.setCursorPosition(0)  # show the start: a long Arabic title's right end

    def _fill_citations(self, citations: list[dict[str, Any]]) -> None:
        row = self.citations.currentRow()
        self.citations.clear()
        for c in citations:
            quote = " ".join(c["quote"].split())
            short = quote if len(quote) <= 110 else quote[:109].rstrip() + "…"
            how = f" ({ANCHOR_LABELS[c['anchor']]})" if c.get("anchor") else ""
            text = (f"[{c['value'] or '?'}{how}] article {c['article_id']} @{c['start']}: "
                    f"“{short}”")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, c)
            item.setToolTip(quote)
            self.citations.addItem(item)
        if self.citations.count():
            self.citations.setCurrentRow(max(0, min(row, self.citations.count() - 1)))

    def _show_color(self, color: str) -> None:
        self.color.setText(color or "Colour…")
        restyle(self.color, f"background: {color};" if color else "")

    # -- committing -----------------------------------------------------------------------------
    def _show_info(self, info: QLabel, text: str, error: bool = False) -> None:
        restyle(info, error_style(self) if error else "color: palette(placeholder-text);")
        info.setText(text)
        info.setToolTip(text)

    def _date_field(self, key: str) -> tuple[bool, dict[str, Any]]:
        """(ok, new values) for 'start' or 'end'; shows the reason when the text is unreadable.

        A range typed in either field gives both "start" and "end"."""
        assert self.current is not None
        edit, info = (self.start, self.start_info) if key == "start" else (self.end, self.end_info)
        text = edit.text().strip()
        if key == "end" and not text:
            self._show_info(info, "no end date")
            return True, {"end": None}
        try:
            first, last = parse_span(text, dayfirst=self.dayfirst, bce=True)
        except ValueError as exc:
            e = self.current
            old = e["human"] if key == "start" else (e["end_human"] or "no end")
            self._show_info(info, f"{exc}. Kept {old}.", error=True)
            return False, {}
        if last is None:
            other = self.current["end"] if key == "start" else self.current["start"]
            clash = other is not None and (first.days()[0] >= other.days()[1] if key == "start"
                                           else first.days()[1] <= other.days()[0])
            if clash:
                side = "starts after its end" if key == "start" else "ends before its start"
                self._show_info(info, f"{first.human()} {side} ({other.human()}): type the "
                                "whole range here, e.g. '3-5 Mar 2020'.", error=True)
                return False, {}
            self._show_info(info, describe(first))
            return True, {key: first}
        self._show_info(self.start_info, describe(first))
        self._show_info(self.end_info, describe(last))
        return True, {"start": first, "end": last}

    def _commit(self, key: str) -> None:
        """Turn one field's change into an edit request, if it really changed."""
        e = self.current
        if e is None:
            return
        before: dict[str, Any] = {}
        after: dict[str, Any] = {}
        if key in ("start", "end"):
            ok, values = self._date_field(key)
            if not ok:
                return
            for name, when in values.items():
                if when != e[name]:
                    before[name], after[name] = e[name], when
        elif key == "title":
            text = self.title.text().strip()
            if not text:
                self.title.setText(e["title"])
                return
            before["title"], after["title"] = e["title"], text
        elif key == "tags":
            names = sorted(dict.fromkeys(t.strip() for t in self.tags.text().split(",")
                                         if t.strip()))
            before["tags"], after["tags"] = e["tags"], names
        elif key == "actors":
            before["actors"], after["actors"] = e["actors"], parse_actors(self.actors.text())
        elif key == "places":
            before["places"], after["places"] = e["places"], parse_places(self.places.text())
        elif key == "lane":
            before["lane"], after["lane"] = e["lane"], self.lane.currentText().strip()
        elif key in ("description", "notes"):
            widget = self.description if key == "description" else self.notes
            before[key], after[key] = e[key], widget.toPlainText()
        if before != after:
            self._committing = self._field(key)
            try:
                self.edit_requested.emit(e["id"], before, after, e["version"])
            finally:
                self._committing = None

    def _field(self, key: str) -> QWidget:
        return {"title": self.title, "start": self.start, "end": self.end, "tags": self.tags,
                "actors": self.actors, "places": self.places,
                "lane": self.lane, "description": self.description, "notes": self.notes}[key]

    def commit_pending(self) -> None:
        """Flush a field still being edited (called before switching events or closing)."""
        focus = self.focusWidget()
        for key, widget in (("title", self.title), ("start", self.start), ("end", self.end),
                            ("tags", self.tags), ("actors", self.actors),
                            ("places", self.places), ("description", self.description),
                            ("notes", self.notes), ("lane", self.lane)):
            if focus is widget or (key == "lane" and focus is self.lane.lineEdit()):
                self._commit(key)

    def _set_color(self, color: str) -> None:
        if self.current is not None and color != self.current["color"]:
            self.edit_requested.emit(self.current["id"], {"color": self.current["color"]},
                                     {"color": color}, self.current["version"])

    def _pick_color(self) -> None:
        if self.current is None:
            return
        start = QColor(self.current["color"] or "#4a90d9")
        color = pick_colour(self, start, "Event colour")
        if color.isValid():
            self._set_color(color.name())

    def _selected_citation(self) -> dict[str, Any] | None:
        item = self.citations.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _jump(self) -> None:
        c = self._selected_citation()
        if c is not None:
            self.jump_requested.emit(c["article_id"], c["start"], c["end"])

    def _remove(self) -> None:
        c = self._selected_citation()
        if c is not None:
            self.remove_citation_requested.emit(c["id"])

    def _status(self, status: str) -> None:
        if self.current is not None:
            self.status_requested.emit([self.current["id"]], status)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.commit_pending()
            self.finished.emit()
            return
        super().keyPressEvent(event)

    def _entered(self) -> None:
        if self.return_on_enter:
            self.return_on_enter = False
            QTimer.singleShot(0, self.finished.emit)  # after the date is committed

    def focus_date(self, *, return_on_enter: bool = False) -> None:
        self.return_on_enter = return_on_enter
        self.start.setFocus()
        self.start.selectAll()

