"""The export dialog's option widgets, and the ExportOptions they describe.

Kept apart from the dialog (preview and background export) so each stays readable;
`changed` fires on any edit so the dialog can refresh its preview.
"""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.export import SUFFIXES, ExportOptions
from desktop.export.pagesize import NAMED, parse_page

FORMATS = {"pdf": "PDF document", "png": "PNG image", "svg": "SVG drawing",
           "csv": "CSV table", "json": "Chronologue JSON", "timelinejs": "TimelineJS (JSON)"}
PAGES = ("A4", "A3", "Letter", "Tabloid", "Custom")
RANGES = {"all": "All dates", "visible": "Visible range", "custom": "From – to"}
STATUSES = {"accepted": ("accepted", "manual"), "suggested": ("accepted", "manual", "suggested")}
VISIBLE_TIP = "The range shown in the timeline view (available once the timeline is open)"


def _checklist(names: list[str], checked: bool, name: str, tip: str) -> QListWidget:
    box = QListWidget()
    for text in names:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        box.addItem(item)
    box.setAccessibleName(name)
    box.setToolTip(tip)
    box.setMaximumHeight(92)
    return box


def checked_items(box: QListWidget) -> list[str]:
    return [box.item(i).text() for i in range(box.count())
            if box.item(i).checkState() == Qt.CheckState.Checked]


def _flag(settings: QSettings, key: str, default: bool = True) -> bool:
    return str(settings.value(key, "true" if default else "false")).lower() == "true"


def _row(form: QFormLayout, text: str, field: QWidget | QHBoxLayout, buddy: QWidget) -> None:
    """A form row whose mnemonic (&) focuses `buddy`, also when the field is a layout."""
    label = QLabel(text)
    label.setBuddy(buddy)
    form.addRow(label, field)


def _qdate(when: date) -> QDate:
    return QDate(when.year, when.month, when.day)


class ExportForm(QWidget):
    """Format, file, page, content filters and title block, pre-filled from settings."""

    changed = Signal()

    def __init__(self, settings: QSettings, default_path: Path, *, page: str = "A4",
                 lanes: list[str] | None = None, tags: list[str] | None = None,
                 extent: tuple[date, date] | None = None,
                 visible_range: tuple[date, date] | None = None,
                 placeholder_title: str = "", entity: tuple[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        s = settings
        self.entity = entity  # ("actor" | "place", name): the timeline of one actor or place
        self.visible_range = visible_range
        self.format = QComboBox()
        for key, label in FORMATS.items():
            self.format.addItem(label, key)
        self.format.setCurrentIndex(max(0, self.format.findData(s.value("export/format", "pdf"))))
        self.format.setAccessibleName("Export format")
        self.path = QLineEdit(str(default_path.with_suffix(SUFFIXES[self.fmt])))
        self.path.setAccessibleName("Export file")
        self.path.setToolTip("Where the export is written")
        choose = QPushButton("Choose…")
        choose.setToolTip("Pick the file to write")
        choose.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(choose)

        self.page = QComboBox()
        self.page.addItems(PAGES)
        self.page.setAccessibleName("Page size")
        self.page_w, self.page_h = QDoubleSpinBox(), QDoubleSpinBox()
        for spin, value, name in ((self.page_w, 900.0, "Custom page width"),
                                  (self.page_h, 600.0, "Custom page height")):
            spin.setRange(50.0, 5080.0)
            spin.setDecimals(0)
            spin.setSuffix(" mm")
            spin.setValue(value)
            spin.setAccessibleName(name)
        self.times = QLabel("×")
        self.set_page(page)
        page_row = QHBoxLayout()
        for widget, stretch in ((self.page, 1), (self.page_w, 0), (self.times, 0),
                                (self.page_h, 0)):
            page_row.addWidget(widget, stretch)
        self.orientation = QComboBox()
        self.orientation.addItem("Landscape", True)
        self.orientation.addItem("Portrait", False)
        self.orientation.setCurrentIndex(0 if _flag(s, "export/landscape") else 1)
        self.orientation.setAccessibleName("Orientation")
        self.tiles = QSpinBox()
        self.tiles.setRange(1, 20)
        self.tiles.setValue(int(s.value("export/tiles", 1)))
        self.tiles.setSuffix(" page(s) across")
        self.tiles.setAccessibleName("Pages across")
        self.tiles.setToolTip("Spread the time axis over several pages to tape side by side")

        self.range = QComboBox()
        for key, label in RANGES.items():
            self.range.addItem(label, key)
        if visible_range is None:
            self.range.model().item(1).setEnabled(False)  # type: ignore[attr-defined]
            self.range.setItemData(1, VISIBLE_TIP, Qt.ItemDataRole.ToolTipRole)
        self.range.setAccessibleName("Date range")
        lo, hi = extent or (date.today(), date.today())
        self.date_from, self.date_to = QDateEdit(_qdate(lo)), QDateEdit(_qdate(hi))
        range_row = QHBoxLayout()
        range_row.addWidget(self.range, 1)
        for edit, name in ((self.date_from, "From date"), (self.date_to, "To date")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
            edit.setEnabled(False)
            range_row.addWidget(edit)
        self.statuses = QComboBox()
        self.statuses.addItem("Accepted and manual events", "accepted")
        self.statuses.addItem("Also suggested (not yet reviewed)", "suggested")
        self.statuses.setAccessibleName("Which events")
        self.lanes = _checklist(lanes or [], True, "Lanes", "Export only the checked lanes")
        self.tags = _checklist(tags or [], False, "Tags",
                               "Export only events with a checked tag (none checked: all)")

        self.title = QLineEdit(placeholderText=placeholder_title)
        self.subtitle = QLineEdit(placeholderText="Optional")
        self.author = QLineEdit(str(s.value("export/author", "")))
        for edit, name in ((self.title, "Title"), (self.subtitle, "Subtitle"),
                           (self.author, "Author")):
            edit.setAccessibleName(name)
            edit.setToolTip(f"{name} printed at the top of the export")
        self.legend = QCheckBox("Legend")
        self.legend.setChecked(_flag(s, "export/legend"))
        self.legend.setToolTip("Lane colours and what the symbols mean")
        self.sources = QCheckBox("Numbered sources")
        self.sources.setChecked(_flag(s, "export/sources"))
        self.sources.setToolTip("A sources section quoting each event's articles (PDF)")
        toggles = QHBoxLayout()
        toggles.addWidget(self.legend)
        toggles.addWidget(self.sources)
        toggles.addStretch(1)

        self.page_box = QGroupBox("Page")
        page_form = QFormLayout(self.page_box)
        _row(page_form, "&Size:", page_row, self.page)
        page_form.addRow("&Orientation:", self.orientation)
        page_form.addRow("&Tiles:", self.tiles)
        content_box = QGroupBox("Content")
        content = QFormLayout(content_box)
        _row(content, "&Dates:", range_row, self.range)
        content.addRow("&Events:", self.statuses)
        content.addRow("&Lanes:", self.lanes)
        content.addRow("Ta&gs:", self.tags)
        content.setRowVisible(self.tags, bool(tags))  # no tags yet: no empty box
        if entity is not None:
            where = "naming the actor" if entity[0] == "actor" else "at the place"
            only = QLabel(f"Only the events {where} <b>{html.escape(entity[1])}</b>")
            only.setAccessibleName("Export limited to one actor or place")
            content.addRow("Only:", only)
        heading_box = QGroupBox("Title block")
        heading = QFormLayout(heading_box)
        heading.addRow("Tit&le:", self.title)
        heading.addRow("S&ubtitle:", self.subtitle)
        heading.addRow("&Author:", self.author)
        heading.addRow("", toggles)
        output = QFormLayout()
        output.addRow("&Format:", self.format)
        _row(output, "F&ile:", file_row, self.path)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(output)
        for box in (self.page_box, content_box, heading_box):
            layout.addWidget(box)
        layout.addStretch(1)
        self._watch()
        self._update_enabled()

    def _watch(self) -> None:
        for combo in (self.format, self.page, self.orientation, self.range, self.statuses):
            combo.currentIndexChanged.connect(self._changed)
        self.format.currentIndexChanged.connect(self._format_changed)
        for spin in (self.page_w, self.page_h, self.tiles):
            spin.valueChanged.connect(self._changed)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self._changed)
        for box in (self.lanes, self.tags):
            box.itemChanged.connect(self._changed)
        for line in (self.title, self.subtitle, self.author):
            line.textChanged.connect(self._changed)
        for check in (self.legend, self.sources):
            check.toggled.connect(self._changed)

    @property
    def fmt(self) -> str:
        return self.format.currentData()

    def set_page(self, page: str) -> None:
        """A named size, or WxHmm (shown as Custom with its two sides)."""
        name = next((p for p in PAGES if p.upper() == page.strip().upper()), None)
        if name is None or name == "Custom":
            try:
                w, h = parse_page(page)
            except ValueError:
                w, h = NAMED["A4"]
            self.page_w.setValue(w)
            self.page_h.setValue(h)
            name = "Custom"
        self.page.setCurrentText(name)

    def page_text(self) -> str:
        if self.page.currentText() == "Custom":
            return f"{self.page_w.value():g}x{self.page_h.value():g}mm"
        return self.page.currentText()

    def options(self) -> ExportOptions:
        """The ExportOptions the widgets describe."""
        lanes = checked_items(self.lanes)
        date_from = date_to = None
        if self.range.currentData() == "custom":
            date_from = self.date_from.date().toPython()
            date_to = self.date_to.date().toPython()
        elif self.range.currentData() == "visible" and self.visible_range:
            date_from, date_to = self.visible_range
        return ExportOptions(
            title=self.title.text().strip(), subtitle=self.subtitle.text().strip(),
            author=self.author.text().strip(), page=self.page_text(),
            landscape=bool(self.orientation.currentData()),
            date_from=date_from, date_to=date_to,  # type: ignore[arg-type]
            statuses=STATUSES[self.statuses.currentData()],
            lanes=None if len(lanes) == self.lanes.count() else lanes,
            tags=checked_items(self.tags) or None, tiles=self.tiles.value(),
            legend=self.legend.isChecked(), sources=self.sources.isChecked(),
            actor=self.entity[1] if self.entity and self.entity[0] == "actor" else None,
            place=self.entity[1] if self.entity and self.entity[0] == "place" else None)

    def _format_changed(self) -> None:
        text = self.path.text().strip()
        if text and Path(text).suffix.lower() in set(SUFFIXES.values()):
            self.path.setText(str(Path(text).with_suffix(SUFFIXES[self.fmt])))

    def _update_enabled(self) -> None:
        fmt = self.fmt
        self.page_box.setEnabled(fmt == "pdf")
        self.sources.setEnabled(fmt == "pdf")
        self.legend.setEnabled(fmt in ("pdf", "png", "svg"))
        custom = self.page.currentText() == "Custom"
        for widget in (self.page_w, self.times, self.page_h):
            widget.setVisible(custom)
        dated = self.range.currentData() == "custom"
        self.date_from.setEnabled(dated)
        self.date_to.setEnabled(dated)

    def _changed(self, *_args: Any) -> None:
        self._update_enabled()
        self.changed.emit()

    def choose_file(self) -> None:
        fmt = self.fmt
        pattern = f"{FORMATS[fmt]} (*{SUFFIXES[fmt]});;All files (*)"
        name, _ = QFileDialog.getSaveFileName(self, "Export to", self.path.text(), pattern)
        if name:
            path = Path(name)
            self.path.setText(str(path if path.suffix else path.with_suffix(SUFFIXES[fmt])))

    def remember(self, settings: QSettings, path: Path, options: ExportOptions) -> None:
        """Keep the choices a user expects to find again next time."""
        s = settings
        s.setValue("export/folder", str(path.parent))
        s.setValue("export/format", self.fmt)
        s.setValue("export/landscape", "true" if options.landscape else "false")
        s.setValue("export/tiles", options.tiles)
        s.setValue("export/author", options.author)
        s.setValue("export/legend", "true" if options.legend else "false")
        s.setValue("export/sources", "true" if options.sources else "false")
