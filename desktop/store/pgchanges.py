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


def _sources(conn: Connection) -> list[tuple[str, str, str, str]]:
    """SQLite's list of logged tables (desktop.store.changes), those that exist here."""
    from desktop.store.changes import _SOURCES

    present = {r[0] for r in conn.exec_driver_sql(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")}
    return [(t, k, c, f or "") for t, k, c, f in _SOURCES if t in present]


def install(conn: Connection) -> None:
    """Create the log, its functions and triggers (a migration step: it needs the owner).

    Re-run by a later migration that adds a logged table; every statement replaces."""
    conn.exec_driver_sql(_TABLE)
    sources = _sources(conn)
    for sql in (_ORDER, _NOTIFY, *(_log_function(c) for c in sorted({s[2] for s in sources}))):
        conn.exec_driver_sql(sql)
    triggers: list[tuple[str, str, str]] = []
    for table in dict.fromkeys(s[0] for s in sources):
        triggers += [
            (table, f"changes_{table}_order",
             f"BEFORE INSERT OR UPDATE OR DELETE ON {table} FOR EACH STATEMENT "
             "EXECUTE FUNCTION chronologue_order_writes()"),
            (table, f"changes_{table}_notify",
             f"AFTER INSERT OR UPDATE OR DELETE ON {table} FOR EACH STATEMENT "
             "EXECUTE FUNCTION chronologue_notify()"),
        ]
    for table, kind, column, fixed in sources:
        triggers.append((table, f"changes_{table}_{kind}_log",
                         f"AFTER INSERT OR UPDATE OR DELETE ON {table} FOR EACH ROW "
                         f"EXECUTE FUNCTION chronologue_log_by_{column}('{kind}', '{fixed}')"))
    for table, name, sql in triggers:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        conn.exec_driver_sql(f"CREATE TRIGGER {name} {sql}")


def uninstall(conn: Connection) -> None:
    for table, name in conn.exec_driver_sql(
            "SELECT DISTINCT event_object_table, trigger_name FROM information_schema.triggers "
            "WHERE starts_with(trigger_name, 'changes_')").all():
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON {table}")
    for name in conn.exec_driver_sql(
            "SELECT proname FROM pg_proc WHERE starts_with(proname, 'chronologue_') "
            "AND proname <> 'chronologue_event_history'").scalars().all():
        conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS {name}()")
    conn.exec_driver_sql("DROP TABLE IF EXISTS changes")
