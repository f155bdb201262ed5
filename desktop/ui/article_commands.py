"""The article-details edit as one undoable command (see desktop/ui/commands.py).

All the dialog's changes, date included, are one transaction and one undo step; undo
and redo put back the exact rows the edit replaced, recomputed suggestions included.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop.services import articles
from desktop.services.articles import ArticleEdit
from desktop.store import Workspace
from desktop.ui.commands import ErrorSink, StoreCommand


class EditArticleCommand(StoreCommand):
    """changes: any of title, outlet, url, author, language, published (see services.articles).

    `on_changed(article_id)` runs after every apply, undo and redo, so the window can forget
    what it cached for the old language or date.
    """

    def __init__(self, ws: Workspace, article_id: int, changes: dict[str, Any],
                 on_error: ErrorSink | None = None,
                 on_changed: Callable[[int], None] | None = None) -> None:
        what = ", ".join(n if n != "published" else "date" for n in changes) or "details"
        super().__init__(ws, f"Edit article {what}", on_error)
        self.article_id, self.changes = article_id, dict(changes)
        self.on_changed = on_changed
        self.edit: ArticleEdit | None = None

    @property
    def added(self) -> int:
        """Suggestions recomputed by the first application (0 for a metadata-only edit)."""
        return self.edit.added if self.edit is not None else 0

    def _redo(self) -> None:
        if self.edit is None:
            self.edit = articles.edit_article(self.db, self.article_id, **self.changes)
        else:
            articles.restore(self.db, self.edit, undo=False)
        self._changed()

    def _undo(self) -> None:
        assert self.edit is not None
        articles.restore(self.db, self.edit, undo=True)
        self._changed()

    def _changed(self) -> None:
        if self.on_changed is not None:
            self.on_changed(self.article_id)
