"""The window's library edits: delete articles, date several, search their text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QMessageBox

from desktop.services.dating import proposals
from desktop.services.search import search_articles
from desktop.ui.library_commands import DeleteArticlesCommand, SetDatesCommand

if TYPE_CHECKING:
    from datetime import date

    from desktop.ui.commands import StoreCommand
    from desktop.ui.main_window import MainWindow


class LibraryActions:
    delete_dialog: QMessageBox | None = None  # kept while open (opened with open(), not exec())
    dates_dialog: QDialog | None = None

    def connect_library(self: MainWindow) -> None:
        self.library.search_bodies = lambda text: search_articles(self.ws, text)
        self.library.delete_requested.connect(self.ask_delete_articles)
        self.library.dates_requested.connect(self.ask_articles_dates)

    def run_busy(self: MainWindow, command: StoreCommand) -> bool:
        """`run` under a wait cursor, for edits that recompute suggestions."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return self.run(command)
        finally:
            QGuiApplication.restoreOverrideCursor()

    def ask_delete_articles(self: MainWindow, article_ids: list[int]) -> None:
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
                          QMessageBox.StandardButton.Cancel, self)  # fmt: skip
        box.setObjectName("delete-articles-dialog")
        delete = box.addButton("Delete", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        ids = [r["id"] for r in rows]
        box.buttonClicked.connect(
            lambda button: self.delete_articles(ids) if button is delete else None
        )
        self.delete_dialog = box
        box.open()

    def delete_articles(self: MainWindow, article_ids: list[int]) -> None:
        command = DeleteArticlesCommand(self.ws, article_ids, self.report_error)
        if article_ids and self.current_article in article_ids:
            self.current_article = None
        if self.run(command) and command.deletion is not None:
            self.statusBar().showMessage(command.deletion.summary + " (Ctrl+Z undoes).", 15000)

    def ask_articles_dates(self: MainWindow, article_ids: list[int]) -> None:
        from desktop.ui.dates_dialog import SetDatesDialog

        rows = proposals(self.ws, article_ids, dayfirst=self.importer.dayfirst)
        if not rows:
            return
        dialog = SetDatesDialog(rows, self)
        dialog.accepted.connect(lambda: self.set_articles_dates(dialog.values()))
        self.dates_dialog = dialog
        dialog.open()

    def set_articles_dates(self: MainWindow, dates: dict[int, date | None]) -> None:
        if not dates:
            self.statusBar().showMessage("No date changed.", 5000)
            return
        command = SetDatesCommand(self.ws, dates, self.report_error)
        if self.run_busy(command):
            self.statusBar().showMessage(
                f"Dates set on {len(dates)} articles; {command.added} suggestions recomputed.",
                10000)
