"""Full-text search over article bodies and titles, safe for whatever the user types.

The library's filter box is not a query language: every word the user types must
appear (the last one as a prefix, so results follow the typing), "quoted words" must
appear together, and nothing typed can be read as FTS5 syntax (AND, NEAR, col:, *,
unbalanced quotes). Without the FTS5 index (another database), a LIKE scan answers.
"""

from __future__ import annotations

import re

from sqlalchemy import or_, select, text
from sqlalchemy.exc import OperationalError

from desktop.store import Article, Workspace

MAX_TERMS = 16
_TERM = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+", re.UNICODE)


def terms(query: str) -> list[tuple[str, bool]]:
    """(phrase, is_quoted) pairs of the user's words, punctuation inside words kept apart."""
    out: list[tuple[str, bool]] = []
    for quoted, bare in _TERM.findall(query):
        if quoted:
            words = _WORD.findall(quoted)
            if words:
                out.append((" ".join(words), True))
        else:
            out.extend((word, False) for word in _WORD.findall(bare))
    return out[:MAX_TERMS]


def fts_query(query: str) -> str | None:
    """An FTS5 MATCH expression that means exactly 'all these words', or None if empty."""
    found = terms(query)
    if not found:
        return None
    parts = []
    for index, (phrase, quoted) in enumerate(found):
        literal = '"' + phrase.replace('"', '""') + '"'
        prefix = index == len(found) - 1 and not quoted and not query.rstrip().endswith('"')
        parts.append(literal + ("*" if prefix else ""))
    return " AND ".join(parts)


def search_articles(ws: Workspace, query: str, limit: int = 5000) -> list[int]:
    """Ids of the articles whose title or text holds every word of ``query``, best first."""
    match = fts_query(query)
    if match is None:
        return []
    with ws.session() as session:
        if session.bind is not None and session.bind.dialect.name == "sqlite":
            try:
                rows = session.execute(
                    text("SELECT rowid FROM articles_fts WHERE articles_fts MATCH :q "
                         "ORDER BY rank LIMIT :n"), {"q": match, "n": limit})  # fmt: skip
                return [row[0] for row in rows]
            except OperationalError:  # no index in this file: fall back to a scan
                session.rollback()
        conditions = [
            or_(Article.text.ilike(f"%{_escape(phrase)}%", escape="\\"),
                Article.title.ilike(f"%{_escape(phrase)}%", escape="\\"))
            for phrase, _ in terms(query)
        ]  # fmt: skip
        return list(session.scalars(select(Article.id).where(*conditions).limit(limit)))


def _escape(phrase: str) -> str:
    return phrase.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
