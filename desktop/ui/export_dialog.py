"""File > Export: format, file, page, range, filters and title, with a live preview.

The preview is re-rendered on the window's task runner a moment after the options stop
changing; the export itself runs there too, with a progress bar and Cancel, so the
dialog stays responsive. Choices are remembered in the window's QSettings.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, QStandardPaths, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.export import ExportOptions
from desktop.export.density import Crowding
from desktop.export.pagesize import parse_page
from desktop.store import Workspace
from desktop.ui.export_form import ExportForm
from desktop.ui.export_jobs import Outcome, check_target, export_job, preview_job
from desktop.ui.screen_fit import fit_resize
from desktop.ui.tasks import Task, TaskRunner

if TYPE_CHECKING:
    from desktop.ui.context import WindowContext

PREVIEW_DELAY_MS = 350


def documents_folder() -> Path:
    """The user's Documents folder (home when the desktop has none)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


def default_export_path(settings: QSettings, ws: Workspace) -> Path:
    """The last file exported from this workspace, else its name in the last folder used,
    else in Documents: never inside the hidden folder the workspace may live in."""
    last = str(settings.value("export/last_path", "") or "")
    if last and settings.value("export/last_workspace", "") == _workspace_key(ws):
        return Path(last)
    folder = str(settings.value("export/folder", "") or "")
    return (Path(folder) if folder else documents_folder()) / f"{ws.name}.pdf"


def _workspace_key(ws: Workspace) -> str:
    return str(ws.path) if ws.path else ws.name


class CrowdedBar(QFrame):
    """Shown when the PDF would be an unreadable blob: says so and offers the remedies."""

    def __init__(self, dialog: ExportDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.setObjectName("export-crowded")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setAccessibleName("Too many events warning")
        self.tile_button = QPushButton("Tile across pages", self)
        self.tile_button.setToolTip("Spread the time axis over several pages to tape together")
        self.tile_button.clicked.connect(self._tile)
        self.poster_button = QPushButton("Poster size (A0)", self)
        self.poster_button.setToolTip("One large landscape page, for a plotter or print shop")
        self.poster_button.clicked.connect(self._poster)
        self.filter_button = QPushButton("Filter…", self)
        self.filter_button.setToolTip("Export fewer events: a date range, some lanes or a tag")
        self.filter_button.clicked.connect(lambda: self.dialog.form.range.setFocus())
        buttons = QHBoxLayout()
        for b in (self.tile_button, self.poster_button, self.filter_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.addWidget(self.text)
        box.addLayout(buttons)
        self.tiles = 2
        self.hide()

    def show_crowding(self, crowd: Crowding | None, page: str) -> None:
        if crowd is None:
            self.hide()
            return
        self.tiles = min(crowd.tiles, self.dialog.form.tiles.maximum())
        self.text.setText("⚠ " + crowd.message(page))
        self.tile_button.setText(f"Tile across {self.tiles} pages")
        self.show()

    def _tile(self) -> None:
        self.dialog.form.tiles.setValue(self.tiles)

    def _poster(self) -> None:
        form = self.dialog.form
        form.set_page("A0")
        form.orientation.setCurrentIndex(form.orientation.findData(True))


class ExportDialog(QDialog):
    """Choose what to export and where; preview it; write it in the background."""

    def __init__(self, ws: Workspace, settings: QSettings, runner: TaskRunner, *,
                 page: str = "A4", lanes: list[str] | None = None,
                 tags: list[str] | None = None, extent: tuple[date, date] | None = None,
                 visible_range: tuple[date, date] | None = None,
                 entity: tuple[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.settings, self.runner = ws, settings, runner
        self.setWindowTitle(f"Export the timeline of {entity[1]}" if entity else "Export timeline")
        self.setObjectName("export-dialog")
        self.worker: Task | None = None  # the running export
        self._previews: set[Task] = set()
        self._generation = 0
        self._image: QImage | None = None
        self.result_box: QMessageBox | None = None
        self.outcome: Outcome | None = None
        path = default_export_path(settings, ws)
        if entity:  # the timeline of one actor gets its own file beside the usual one
            path = path.with_name(f"{_file_stem(entity[1])}.pdf")
        self.form = ExportForm(settings, path, page=page, lanes=lanes,
                               tags=tags, extent=extent, visible_range=visible_range,
                               placeholder_title=f"Timeline of {entity[1]}" if entity
                               else f"Timeline: {ws.name}", entity=entity)
        self._build()
        self._timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.update_preview)
        self.form.changed.connect(self._timer.start)
        fit_resize(self, 1180, 780)
        self.update_preview()

    # -- building --------------------------------------------------------------------------
    def _build(self) -> None:
        self.preview = QLabel("Preparing the preview…")
        self.preview.setObjectName("export-preview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(300, 220)  # small screens: the form keeps its width
        self.preview.setAccessibleName("Export preview")
        self.preview.setToolTip("The first page as it will be exported")
        self.caption = QLabel()
        self.caption.setProperty("role", "note")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.crowded = CrowdedBar(self)
        right = QVBoxLayout()
        right.addWidget(self.preview, 1)
        right.addWidget(self.caption)
        right.addWidget(self.crowded)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Export progress")
        self.progress.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Export status")
        self.export_button = QPushButton("Export")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.close_button = QPushButton("Close")
        self.close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.close_button)
        columns = QHBoxLayout()
        columns.addWidget(self.form, 5)
        columns.addLayout(right, 6)
        outer = QVBoxLayout(self)
        outer.addLayout(columns, 1)
        outer.addLayout(bottom)

    @property
    def fmt(self) -> str:
        return self.form.fmt

    def options(self) -> ExportOptions:
        return self.form.options()

    # -- background work -----------------------------------------------------------------------
    def _start(self, name: str, job: Any, finished: Any, failed: Any,
               progress: Any = None) -> Task:  # fmt: skip
        def run(task: Task) -> Any:
            return job(lambda done, total, _path: task.progress(done, total),
                       lambda: task.cancelled)

        return self.runner.start(name, run, on_done=finished, on_error=failed,
                                 on_progress=progress)

    def update_preview(self) -> None:
        """Render the preview for the options on the task runner (stale ones are dropped)."""
        self._generation += 1
        for task in self._previews:
            task.cancel()
        try:
            options = self.options()
            parse_page(options.page, options.landscape)
        except ValueError as exc:
            self.caption.setText(str(exc))
            return
        self.caption.setText("Updating the preview…")
        holder: list[Task] = []
        task = self._start("preview", preview_job(self.ws, self.fmt, options, self._generation),
                           lambda result: self._preview_ready(result, holder[0]),
                           lambda reason: self._preview_failed(reason, holder[0]))
        holder.append(task)
        self._previews.add(task)

    def _preview_ready(self, result: tuple[int, QImage, str], task: Task) -> None:
        self._previews.discard(task)
        generation, image, caption, *crowd = result
        if generation == self._generation:
            self._image = image
            self._show_image()
            self.caption.setText(caption)
            self.crowded.show_crowding(crowd[0] if crowd else None, self.form.page_text())

    def _preview_failed(self, reason: str, task: Task) -> None:
        self._previews.discard(task)
        if not self._previews and "Cancelled" not in reason:
            self.caption.setText(f"No preview: {reason}")

    def _show_image(self) -> None:
        if self._image is None:
            return
        ratio = self.devicePixelRatioF()
        size = self.preview.contentsRect().size() * ratio
        pixmap = QPixmap.fromImage(self._image.scaled(
            size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        pixmap.setDevicePixelRatio(ratio)
        self.preview.setPixmap(pixmap)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._show_image()

    def start_export(self) -> bool:
        """Check the target, then write the export on the task runner with progress and Cancel."""
        if self.worker is not None:
            return False
        path = Path(self.form.path.text().strip()).expanduser()
        problem = check_target(path, self.ws.path)
        if not problem:
            try:
                options = self.options()
                parse_page(options.page, options.landscape)
            except ValueError as exc:
                problem = str(exc)
        if problem:
            self.message.setText(problem)
            self._box(QMessageBox.Icon.Warning, "Cannot export", problem)
            return False
        self.form.remember(self.settings, path, options)
        self.settings.setValue("export/last_path", str(path))
        self.settings.setValue("export/last_workspace", _workspace_key(self.ws))
        self.progress.setRange(0, 0)
        self.progress.show()
        self.export_button.setEnabled(False)
        self.close_button.setText("Cancel")
        self.message.setText(f"Exporting to {path.name}…")
        self.worker = self._start("export", export_job(self.ws, path, self.fmt, options),
                                  self._export_done, self._export_failed, self._progress)
        return True

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.message.setText("Cancelling…")

    def reject(self) -> None:
        """Close, or while an export runs, cancel it (the dialog stays to say so)."""
        if self.worker is not None:
            self.cancel()
            return
        super().reject()

    def _progress(self, done: int, total: int, _name: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _finish(self) -> None:
        self.worker = None
        self.progress.hide()
        self.export_button.setEnabled(True)
        self.close_button.setText("Close")

    def _export_failed(self, reason: str) -> None:
        self._finish()
        self.outcome = Outcome("failed", Path(self.form.path.text()), message=reason)
        self.message.setText(f"Export failed: {reason}")
        self._box(QMessageBox.Icon.Critical, "Export failed", f"The export failed: {reason}")

    def _export_done(self, outcome: Outcome) -> None:
        self._finish()
        self.outcome = outcome
        if outcome.kind == "cancelled":
            self.message.setText(outcome.message)
            return
        if outcome.kind == "failed":
            self.message.setText(outcome.message)
            self._box(QMessageBox.Icon.Critical, "Export failed", outcome.message)
            return
        summary = outcome.summary
        n = summary.events if summary else 0
        pages = f", {summary.pages} pages" if summary and summary.pages else ""
        text = f"Exported {n} event{'s' if n != 1 else ''}{pages} to {outcome.path.name}."
        self.message.setText(text)
        warnings = summary.warnings if summary else []
        box = self._box(QMessageBox.Icon.Warning if warnings else QMessageBox.Icon.Information,
                        "Export finished", text, "\n\n".join([str(outcome.path), *warnings]))
        folder = box.addButton("Open folder", QMessageBox.ButtonRole.ActionRole)
        folder.clicked.connect(lambda: QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(outcome.path.parent))))

    def _box(self, icon: QMessageBox.Icon, title: str, text: str, info: str = "") -> QMessageBox:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("export-result")
        if info:
            box.setInformativeText(info)
            box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_box = box
        box.open()
        return box


def _file_stem(name: str) -> str:
    """ "Hay'at Tahrir al-Sham" -> "Hay'at Tahrir al-Sham" minus characters files refuse."""
    return "".join(c for c in name if c not in '/\\:*?"<>|').strip() or "timeline"


def open_export_dialog(ctx: WindowContext,
                       visible_range: tuple[date, date] | None = None,
                       entity: tuple[str, str] | None = None) -> ExportDialog:
    """File > Export, pre-filled from the window's workspace model and preferences.

    `visible_range` (the timeline view's visible_range()) enables "Visible range".
    """
    from desktop.export.selection import UNASSIGNED

    lanes = ctx.model.lane_names()
    events = ctx.model.events.values()
    if any(e.lane is None for e in events):
        lanes.append(UNASSIGNED)
    shown = [e for e in events if e.status != "rejected" and e.start is not None]
    extent = None
    if shown:
        extent = (min(e.start.earliest for e in shown).date(),
                  max(e.start.latest for e in shown).date())
    dialog = ExportDialog(ctx.ws, ctx.settings, ctx.runner,
                          page=ctx.preferences.page if ctx.preferences else "A4", lanes=lanes,
                          tags=ctx.model.tag_names(), extent=extent,
                          visible_range=visible_range, entity=entity, parent=ctx.host)
    dialog.open()
    return dialog
