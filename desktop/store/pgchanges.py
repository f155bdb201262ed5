"""The change log on PostgreSQL: the same ``changes`` rows as SQLite's triggers write,
in commit order, with a NOTIFY at each commit.

Order matters: ``changes_since(n)`` must never skip a row. With several writers a
sequence hands out numbers in the order transactions *ask*, not the order they commit,
so a reader could see 11 committed while 10 is still in flight and never look back.
So every write statement on a logged table first takes one transaction-level advisory
lock (a BEFORE STATEMENT trigger): writers hold it from their first write to their
commit, numbers are drawn under it, and a committed ``seq`` means every lower one is
settled. Taken before any row lock, it cannot deadlock with them. Writes are short
transactions (imports extract outside them), so analysts queue for milliseconds.
"""

from __future__ import annotations

from sqlalchemy import Connection

CHANNEL = "chronologue_changes"
ORDER_LOCK = 7_211_306

# (table, kind, id column, fixed op): as desktop.store.changes._SOURCES.
SOURCES = (
    ("events", "event", "id", ""),
    ("lanes", "lane", "id", ""),
    ("tags", "tag", "id", ""),
    ("articles", "article", "id", ""),
    ("timelines", "timeline", "id", ""),
    ("citations", "event", "event_id", "update"),
    ("event_tags", "event", "event_id", "update"),
)

_TABLE = (
    "CREATE TABLE IF NOT EXISTS changes ("
    "seq BIGSERIAL PRIMARY KEY, kind VARCHAR(16) NOT NULL, "
    "entity_id INTEGER NOT NULL, op VARCHAR(8) NOT NULL)"
)

_ORDER = f"""
CREATE OR REPLACE FUNCTION chronologue_order_writes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock({ORDER_LOCK});
    RETURN NULL;
END $$
"""

_NOTIFY = f"""
CREATE OR REPLACE FUNCTION chronologue_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('{CHANNEL}', '');
    RETURN NULL;
END $$
"""


def _log_function(column: str) -> str:
    # One function per id column: reading NEW.<column> directly is much cheaper than
    # going through to_jsonb(NEW), which would copy an article's whole text.
    return f"""
CREATE OR REPLACE FUNCTION chronologue_log_by_{column}() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    kind text := TG_ARGV[0];
    fixed text := nullif(TG_ARGV[1], '');
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO changes(kind, entity_id, op) VALUES (kind, NEW.{column},
                                                         coalesce(fixed, 'insert'));
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO changes(kind, entity_id, op) VALUES (kind, OLD.{column},
                                                         coalesce(fixed, 'delete'));
    ELSE
        INSERT INTO changes(kind, entity_id, op) VALUES (kind, OLD.{column}, 'update');
        IF NEW.{column} IS DISTINCT FROM OLD.{column} THEN
            INSERT INTO changes(kind, entity_id, op) VALUES (kind, NEW.{column}, 'update');
        END IF;
    END IF;
    RETURN NULL;
END $$
"""


def install(conn: Connection) -> None:
    """Create the log, its functions and triggers (a migration step: it needs the owner)."""
    conn.exec_driver_sql(_TABLE)
    for sql in (_ORDER, _NOTIFY, _log_function("id"), _log_function("event_id")):
        conn.exec_driver_sql(sql)
    for table, kind, column, fixed in SOURCES:
        for name, sql in (
            (f"changes_{table}_order",
             f"BEFORE INSERT OR UPDATE OR DELETE ON {table} FOR EACH STATEMENT "
             "EXECUTE FUNCTION chronologue_order_writes()"),
            (f"changes_{table}_log",
             f"AFTER INSERT OR UPDATE OR DELETE ON {table} FOR EACH ROW "
             f"EXECUTE FUNCTION chronologue_log_by_{column}('{kind}', '{fixed}')"),
            (f"changes_{table}_notify",
             f"AFTER INSERT OR UPDATE OR DELETE ON {table} FOR EACH STATEMENT "
             "EXECUTE FUNCTION chronologue_notify()"),
        ):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            conn.exec_driver_sql(f"CREATE TRIGGER {name} {sql}")


def uninstall(conn: Connection) -> None:
    for table, *_ in SOURCES:
        for suffix in ("order", "log", "notify"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS changes_{table}_{suffix} ON {table}")
    for name in ("chronologue_order_writes", "chronologue_notify", "chronologue_log_by_id",
                 "chronologue_log_by_event_id"):
        conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS {name}()")
    conn.exec_driver_sql("DROP TABLE IF EXISTS changes")
