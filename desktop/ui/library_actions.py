"""The library's edits: delete articles, date one or several (suggestions recomputed on
the task runner, with progress and Cancel), edit details, search their text."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QProgressDialog

from desktop.services.dating import proposals
from desktop.services.search import search_articles
from desktop.ui.actions import WindowActions, on
from desktop.ui.context import WindowContext
from desktop.ui.importer import ImportController
from desktop.ui.library import LibraryPanel
from desktop.ui.library_commands import DeleteArticlesCommand, SetDatesCommand
from desktop.ui.reader import ReaderPanel
from desktop.ui.tasks import Task

SHOW_PROGRESS_MS = 500  # a dating that ends sooner never flashes a progress dialog


class LibraryActions:
    """One per window: the library's and the reader's article requests."""

    def __init__(self, ctx: WindowContext, library: LibraryPanel, reader: ReaderPanel,
                 importer: ImportController, current_article: Callable[[], int | None],
                 article_changed: Callable[[int], None]) -> None:  # fmt: skip
        self.ctx = ctx
        self.library = library
        self.importer = importer  # its date order reads the proposals
        self.current_article = current_article
        self.article_changed = article_changed  # the reader re-reads its marks and dates
        self.delete_dialog: QMessageBox | None = None  # kept while open (open(), not exec())
        self.dates_dialog: QDialog | None = None
        self.date_dialog: QDialog | None = None
        self.article_dialog: QDialog | None = None
        self.progress: QProgressDialog | None = None  # while several dates are set
        self.dating: Task | None = None  # the background dating, while it runs
        library.search_bodies = lambda text: search_articles(self.ctx.ws, text)
        library.delete_requested.connect(self.ask_delete_articles)
        library.dates_requested.connect(self.ask_articles_dates)
        library.set_date_requested.connect(self.ask_article_date)
        library.details_requested.connect(self.edit_article_details)
        reader.set_date_requested.connect(self.ask_article_date)

    def connect(self, acts: WindowActions) -> None:
        on(acts.set_date, self.ask_article_date)
        on(acts.article_details, self.edit_article_details)

    # -- deleting ----------------------------------------------------------------------------
    def ask_delete_articles(self, article_ids: list[int]) -> None:
        rows = [r for r in (self.library.row_for(i) for i in article_ids) if r is not None]
        if not rows:
            return
        accepted = sum(r["accepted"] for r in rows)
        what = f"“{rows[0]['title']}”" if len(rows) == 1 else f"{len(rows)} articles"
        text = (f"Delete {what} and {'its' if len(rows) == 1 else 'their'} suggestions?\n\n"
                + (f"{accepted} accepted event(s) cite {'it' if len(rows) == 1 else 'them'}: "
                   "they keep their other sources; one left without any is tagged "
                   "'source deleted'.\n\n" if accepted else "")
                + "Edit > Undo brings everything back.")  # fmt: skip
        box = QMessageBox(QMessageBox.Icon.Question, "Delete articles", text,
                          QMessageBox.StandardButton.Cancel, self.ctx.host)  # fmt: skip
        box.setObjectName("delete-articles-dialog")
        delete = box.addButton("Delete", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        ids = [r["id"] for r in rows]
        box.buttonClicked.connect(
            lambda button: self.delete_articles(ids) if button is delete else None
        )
        self.delete_dialog = box
        box.open()

    def delete_articles(self, article_ids: list[int]) -> None:
        command = DeleteArticlesCommand(self.ctx.ws, article_ids, self.ctx.report_error)
        if self.ctx.run(command) and command.deletion is not None:
            self.ctx.status(command.deletion.summary + " (Ctrl+Z undoes).", 15000)

    # -- one article's date and details ------------------------------------------------------
    def ask_article_date(self, article_id: int | None = None) -> None:
        from desktop.ui.dialogs import DateDialog

        article_id = article_id or self.current_article()
        row = self.library.row_for(article_id) if article_id else None
        if row is None:
            self.ctx.status("Select an article first.", 5000)
            return
        old = date.fromisoformat(row["published"]) if row["published"] else None
        dialog = DateDialog(row["title"], old, self.ctx.host)
        dialog.setObjectName("date-dialog")
        dialog.accepted.connect(lambda: self.set_article_date(article_id, dialog.value()))
        self.date_dialog = dialog
        dialog.open()

    def set_article_date(self, article_id: int, published: date | None) -> None:
        row = self.library.row_for(article_id)
        old = date.fromisoformat(row["published"]) if row and row["published"] else None
        if published == old:
            return
        from desktop.ui.article_commands import EditArticleCommand

        # The same exact-restore edit as the details dialog: undo puts back the pending
        # suggestions as they were, edits included. Re-extraction runs off the UI thread.
        command = EditArticleCommand(self.ctx.ws, article_id, {"published": published},
                                     self.ctx.report_error)
        self.ctx.status("Recomputing this article's suggestions…", 0)

        def then() -> None:
            command.on_changed = self.article_changed  # undo and redo run on this thread
            self.article_changed(article_id)
            self.ctx.status(f"Publication date set; {command.added} suggestions "
                            "recomputed.", 10000)

        self.ctx.run_in_background(command, then)

    def edit_article_details(self, article_id: int | None = None) -> None:
        from desktop.ui.article_dialog import open_article_dialog

        article_id = article_id or self.current_article() or self.library.current_id()
        self.article_dialog = open_article_dialog(self.ctx, article_id, self.article_changed)

    # -- several articles' dates -------------------------------------------------------------
    def ask_articles_dates(self, article_ids: list[int]) -> None:
        """Proposals are read from the texts on the task runner; the dialog opens after."""
        from desktop.ui.dates_dialog import SetDatesDialog

        ws, dayfirst = self.ctx.ws, self.importer.dayfirst

        def show(rows: list[dict]) -> None:
            self.ctx.host.statusBar().clearMessage()
            if not rows or ws is not self.ctx.ws:
                return
            dialog = SetDatesDialog(rows, self.ctx.host)
            dialog.accepted.connect(lambda: self.set_articles_dates(dialog.values()))
            self.dates_dialog = dialog
            dialog.open()

        self.ctx.status(f"Reading dates from {len(article_ids)} articles…", 0)
        self.ctx.runner.start("propose-dates",
                              lambda _t: proposals(ws, article_ids, dayfirst=dayfirst),
                              on_done=show, on_error=self.ctx.report_error)

    def set_articles_dates(self, dates: dict[int, date | None]) -> Task | None:
        """One undoable command, applied on the task runner: progress, Cancel (nothing
        changes then); the window keeps painting and answering (its progress dialog is
        window-modal: no edit can race the dating)."""
        if not dates:
            self.ctx.status("No date changed.", 5000)
            return None
        if self.dating is not None:
            self.ctx.status("Dates are already being set; wait for them or cancel.", 5000)
            return None
        command = SetDatesCommand(self.ctx.ws, dates, self.ctx.report_error)
        progress = QProgressDialog(f"Recomputing the suggestions of {len(dates)} articles…",
                                   "Cancel", 0, len(dates), self.ctx.host)
        progress.setObjectName("dates-progress")
        progress.setWindowTitle("Set dates")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(SHOW_PROGRESS_MS)
        progress.setAutoReset(False)
        progress.setAutoClose(False)
        progress.setValue(0)
        self.progress = progress

        def moved(done: int, total: int, text: str) -> None:
            progress.setMaximum(total)
            progress.setValue(done)
            progress.setLabelText(text)

        def ended() -> None:
            progress.close()
            self.progress = self.dating = None

        def then() -> None:
            self.ctx.status(f"Dates set on {len(dates)} articles; {command.added} "
                            "suggestions recomputed (Ctrl+Z undoes).", 10000)
            for aid in dates:
                self.article_changed(aid)

        self.dating = self.ctx.run_in_background(command, then, progress=moved,
                                                 finally_=ended)
        if self.dating is None:
            ended()
            return None
        progress.canceled.connect(self.dating.cancel)
        return self.dating
