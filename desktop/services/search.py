"""Full-text search over article bodies and titles, safe for whatever the user types,
the same on both backends.

The library's filter box is not a query language: every word the user types must
appear (the last one as a prefix, so results follow the typing), "quoted words" must
appear together, and nothing typed can be read as query syntax (AND, NEAR, col:, *, &,
unbalanced quotes). SQLite answers from its FTS5 index (articles_fts), PostgreSQL from
the ``search`` tsvector column and its GIN index (migration 0002); both tokenise without
stemming and lower-case. Without an index (another database), a LIKE scan answers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, or_, select, text
from sqlalchemy.exc import OperationalError

from desktop.store import Article, Workspace

MAX_TERMS = 16
SNIPPET_CHARS = 160
_TERM = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Hit:
    article_id: int
    title: str
    snippet: str


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


def _prefix_last(query: str, found: list[tuple[str, bool]], index: int) -> bool:
    return index == len(found) - 1 and not found[index][1] and not query.rstrip().endswith('"')


def fts_query(query: str) -> str | None:
    """An FTS5 MATCH expression that means exactly 'all these words', or None if empty."""
    found = terms(query)
    if not found:
        return None
    parts = []
    for index, (phrase, _quoted) in enumerate(found):
        literal = '"' + phrase.replace('"', '""') + '"'
        parts.append(literal + ("*" if _prefix_last(query, found, index) else ""))
    return " AND ".join(parts)


def ts_query(query: str) -> str | None:
    """The same meaning as a PostgreSQL tsquery: words are \\w+ only, so never syntax."""
    found = terms(query)
    if not found:
        return None
    parts = []
    for index, (phrase, _quoted) in enumerate(found):
        words = [w.lower() for w in phrase.split()]
        if _prefix_last(query, found, index):
            words[-1] += ":*"
        parts.append("(" + " <-> ".join(words) + ")" if len(words) > 1 else words[0])
    return " & ".join(parts)


def search_articles(ws: Workspace, query: str, limit: int = 5000) -> list[int]:
    """Ids of the articles whose title or text holds every word of ``query``, best first."""
    if not terms(query):
        return []
    with ws.session() as session:
        dialect = session.bind.dialect.name if session.bind is not None else ""
        try:
            if dialect == "sqlite":
                rows = session.execute(
                    text("SELECT rowid FROM articles_fts WHERE articles_fts MATCH :q "
                         "ORDER BY rank LIMIT :n"), {"q": fts_query(query), "n": limit})
                return [row[0] for row in rows]
            if dialect == "postgresql":
                rows = session.execute(text(
                    "SELECT id FROM articles, to_tsquery('simple', :q) AS q WHERE search @@ q "
                    "ORDER BY ts_rank(search, q) DESC, id LIMIT :n"),
                    {"q": ts_query(query), "n": limit})
                return [row[0] for row in rows]
        except OperationalError:  # no index in this database: fall back to a scan
            session.rollback()
        conditions = [
            or_(Article.text.ilike(f"%{_escape(phrase)}%", escape="\\"),
                Article.title.ilike(f"%{_escape(phrase)}%", escape="\\"))
            for phrase, _ in terms(query)
        ]  # fmt: skip
        return list(session.scalars(select(Article.id).where(*conditions).limit(limit)))


def search_hits(ws: Workspace, query: str, limit: int = 200) -> list[Hit]:
    """Like search_articles, with each article's title and the passage that matched."""
    ids = search_articles(ws, query, limit)
    if not ids:
        return []
    words = [w.lower() for phrase, _ in terms(query) for w in phrase.split()]
    with ws.session() as session:
        rows = {r[0]: r for r in session.execute(
            select(Article.id, Article.title, Article.source_file,
                   func.substr(Article.text, 1, 100_000)).where(Article.id.in_(ids)))}
    return [Hit(i, rows[i][1] or rows[i][2] or "", snippet(rows[i][3], words))
            for i in ids if i in rows]


def snippet(body: str, words: list[str]) -> str:
    """The passage around the first occurrence of a query word, on one line."""
    low = body.lower()
    found = [m.start() for m in (re.search(rf"(?<!\w){re.escape(w)}", low) for w in words) if m]
    at = min(found) if found else 0
    start = max(0, at - SNIPPET_CHARS // 3)
    piece = " ".join(body[start:start + SNIPPET_CHARS].split())
    return ("…" if start else "") + piece + ("…" if start + SNIPPET_CHARS < len(body) else "")


def _escape(phrase: str) -> str:
    return phrase.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
