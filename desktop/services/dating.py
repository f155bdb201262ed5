"""Dating several articles at once: a proposal read from each text, one undoable edit.

The proposal is the article's dateline when it has one, else the latest full date its
text mentions that is not in the future (a report is written after what it reports),
never today: a wrong "today" silently misplaces every relative date in the article.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.services.articles import ArticleEdit, edit_article, restore
from desktop.store import Article, Workspace
from desktop.store.changes import unit
from desktop.temporal.dateline import find_dateline, full_dates

SCAN_CHARS = 20_000


def proposed_date(
    text: str, *, dayfirst: bool = False, language: str | None = None, today: date | None = None
) -> date | None:
    """The date an undated article was most likely published, from its own text."""
    found = find_dateline(text, dayfirst=dayfirst, language=language)
    if found is not None:
        return found[0]
    limit = today or date.today()
    past = [d for d in full_dates(text[:SCAN_CHARS], dayfirst=dayfirst, language=language)
            if d <= limit]  # fmt: skip
    return max(past) if past else None


def proposals(
    ws: Workspace, article_ids: list[int], *, dayfirst: bool = False
) -> list[dict[str, object]]:
    """For each article: id, title, current date and the proposed one (read-only)."""
    with ws.session() as session:
        rows = session.execute(
            select(Article.id, Article.title, Article.source_file, Article.published,
                   Article.text, Article.language)
            .where(Article.id.in_(article_ids)).order_by(Article.id)
        )  # fmt: skip
        return [
            {"id": aid, "title": title or source or f"article {aid}", "published": published,
             "proposed": proposed_date(text, dayfirst=dayfirst, language=language)}
            for aid, title, source, published, text, language in rows
        ]  # fmt: skip


def set_dates(target: Workspace | Session, dates: dict[int, date | None],
              step: Callable[[int, int], None] | None = None) -> list[ArticleEdit]:
    """Set several publication dates (suggestions recomputed) as one unit of work.

    `step(done, total)` runs before each article: a progress bar's hook; if it raises
    (the user cancelled), the unit rolls back and nothing is left behind."""
    edits = []
    with unit(target) as session:
        todo = sorted(dates.items())
        for done, (aid, when) in enumerate(todo):
            if step is not None:
                step(done, len(todo))
            edits.append(edit_article(session, aid, published=when))
    return edits


def restore_dates(target: Workspace | Session, edits: list[ArticleEdit], *, undo: bool) -> None:
    """Undo (in reverse order) or redo (in order) a `set_dates`, in one unit of work."""
    with unit(target) as session:
        for edit in reversed(edits) if undo else edits:
            restore(session, edit, undo=undo)
