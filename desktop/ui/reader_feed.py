"""Which article is current, and what the reader shows of it: its text, its event marks,
and its date mentions (tagged on the task runner, remembered per article and date)."""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop.services import library as lib
from desktop.services.queries import article_detail
from desktop.ui.context import WindowContext
from desktop.ui.library import LibraryPanel
from desktop.ui.reader import ReaderPanel
from desktop.ui.workers import tag_job

MentionKey = tuple[int, str | None]  # (article id, its publication date as text)


class ReaderFeed:
    """One per window: the current article and the reader's date mentions."""

    def __init__(self, ctx: WindowContext, reader: ReaderPanel, library: LibraryPanel) -> None:
        self.ctx = ctx
        self.reader = reader
        self.library = library
        self.current_article: int | None = None
        self.mentions: dict[MentionKey, list[Any]] = {}
        library.article_selected.connect(self.show_article)

    def clear(self) -> None:
        """Another workspace: nothing is current, nothing remembered."""
        self.mentions.clear()
        self.clear_current()

    def show_article(self, article_id: int) -> None:
        if article_id != self.current_article:
            self.current_article = article_id
            self.reshow(article_id)
            self.library.select(article_id, emit=False)

    def jump_to(self, article_id: int, start: int, end: int) -> None:
        self.show_article(article_id)
        self.reader.reveal(start, end)

    def reshow(self, article_id: int) -> None:
        """Read the article again (one row) and show it with its marks and mentions."""
        ws = self.ctx.ws
        detail = article_detail(ws, article_id)
        if detail is None:
            self.current_article = None
        self.reader.show_article(detail, lib.article_marks(ws, article_id) if detail else [])
        if detail is None:
            return
        key = (article_id, detail["published"])
        if key in self.mentions:
            self.reader.set_mentions(article_id, self.mentions[key])
            return
        published = date.fromisoformat(detail["published"]) if detail["published"] else None
        job = tag_job(key, detail["text"], published, detail["language"])
        self.ctx.runner.start("tag", lambda _task: job(None, None), on_done=self._tagged)

    def show_marks(self, article_id: int) -> None:
        """The reader's event marks after its article's events changed (text stays)."""
        if self.reader.article is not None and self.reader.article["id"] == article_id:
            self.reader.show_article(self.reader.article,
                                     lib.article_marks(self.ctx.ws, article_id))

    def article_changed(self, article_id: int) -> None:
        """Its date or language changed: its date mentions are read again."""
        for key in [k for k in self.mentions if k[0] == article_id]:
            del self.mentions[key]
        if article_id == self.current_article:
            self.reshow(article_id)

    def articles_removed(self, removed: set[int]) -> None:
        if self.current_article in removed:
            self.clear_current()

    def clear_current(self) -> None:
        self.current_article = None
        self.reader.show_article(None, [])

    def _tagged(self, result: tuple[MentionKey, list[Any]]) -> None:
        key, found = result
        self.mentions[key] = found
        self.reader.set_mentions(key[0], found)
