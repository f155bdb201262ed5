"""Library edits as undoable commands: deleting articles, dating several at once.

Each is one transaction and one undo step; undo and redo put back the exact rows
(see services.deletion and services.dating).
"""

from __future__ import annotations

from datetime import date

from desktop.services.articles import ArticleEdit
from desktop.services.dating import restore_dates, set_dates
from desktop.services.deletion import ArticleDeletion, delete_articles, restore_deletion
from desktop.store import Workspace
from desktop.ui.commands import EditCancelled, ErrorSink, StoreCommand


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


class DeleteArticlesCommand(StoreCommand):
    def __init__(self, ws: Workspace, article_ids: list[int],
                 on_error: ErrorSink | None = None) -> None:
        super().__init__(ws, f"Delete {_plural(len(article_ids), 'article')}", on_error)
        self.article_ids = sorted(article_ids)
        self.deletion: ArticleDeletion | None = None

    def _redo(self) -> None:
        if self.deletion is None:
            self.deletion = delete_articles(self.db, self.article_ids)
        else:
            restore_deletion(self.db, self.deletion, undo=False)

    def _undo(self) -> None:
        assert self.deletion is not None
        restore_deletion(self.db, self.deletion, undo=True)


class SetDatesCommand(StoreCommand):
    """Several publication dates (None: undated) set at once, suggestions recomputed."""

    def __init__(self, ws: Workspace, dates: dict[int, date | None],
                 on_error: ErrorSink | None = None) -> None:
        super().__init__(ws, f"Set the date of {_plural(len(dates), 'article')}", on_error)
        self.dates = dict(dates)
        self.edits: list[ArticleEdit] | None = None

    @property
    def added(self) -> int:
        return sum(edit.added for edit in self.edits or [])

    def _step(self, done: int, total: int) -> None:
        """Before each article: report progress, stop (rolling back) if cancelled."""
        if self.task is None:
            return
        if self.task.cancelled:
            raise EditCancelled(self.text())
        self.task.progress(done, total, f"Recomputing suggestions: {done} of {total} articles")

    def _redo(self) -> None:
        if self.edits is None:
            self.edits = set_dates(self.db, self.dates, self._step)
        else:
            restore_dates(self.db, self.edits, undo=False)

    def _undo(self) -> None:
        assert self.edits is not None
        restore_dates(self.db, self.edits, undo=True)
