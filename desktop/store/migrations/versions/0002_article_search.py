"""full-text search over articles

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


# PostgreSQL: a tsvector column kept by a trigger, with a GIN index. 'simple' (no
# stemming) matches FTS5's unicode61 tokenizer. A tsvector has a 1 MB limit, which a
# huge article can pass: it is then indexed on its first 100,000 characters instead
# of failing the import.
_PG_FUNCTION = """
CREATE FUNCTION articles_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    BEGIN
        NEW.search := to_tsvector('simple', coalesce(NEW.title, '') || ' ' || NEW.text);
    EXCEPTION WHEN program_limit_exceeded THEN
        NEW.search := to_tsvector('simple', coalesce(NEW.title, '') || ' '
                                  || left(NEW.text, 100000));
    END;
    RETURN NEW;
END $$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE articles ADD COLUMN search tsvector")
        op.execute(_PG_FUNCTION)
        op.execute("CREATE TRIGGER articles_search_trigger BEFORE INSERT OR UPDATE OF title, "
                   "text ON articles FOR EACH ROW EXECUTE FUNCTION articles_search_update()")
        op.execute("UPDATE articles SET text = text")
        op.execute("CREATE INDEX ix_articles_search ON articles USING gin (search)")
        return
    # External-content FTS5 index kept in step with triggers, so search never
    # sees a half-imported article and costs no second copy of the text.
    op.execute(
        "CREATE VIRTUAL TABLE articles_fts USING fts5("
        "title, text, content='articles', content_rowid='id', tokenize='unicode61')"
    )
    op.execute(
        "CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN "
        "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END"
    )
    op.execute(
        "CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN "
        "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
        "VALUES ('delete', old.id, old.title, old.text); END"
    )
    op.execute(
        "CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN "
        "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
        "VALUES ('delete', old.id, old.title, old.text); "
        "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END"
    )
    op.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS articles_search_trigger ON articles")
        op.execute("DROP FUNCTION IF EXISTS articles_search_update()")
        op.execute("DROP INDEX IF EXISTS ix_articles_search")
        op.execute("ALTER TABLE articles DROP COLUMN IF EXISTS search")
        return
    for trigger in ("articles_fts_ai", "articles_fts_ad", "articles_fts_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS articles_fts")
