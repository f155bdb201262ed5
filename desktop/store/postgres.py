"""A workspace on a PostgreSQL server: connecting, privileges, schema upgrades, messages.

libpq does the connecting: it finds the password (``~/.pgpass``, ``PGPASSWORD``, a
service file) and negotiates SSL as its environment and the URL's ``sslmode`` say.
A role that may only read (SELECT on the tables, or a hot standby) opens the workspace
read-only: every connection then runs read-only transactions, so a write that slips
through fails in the server instead of changing anything.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError, OperationalError, ProgrammingError

from desktop.store.location import Location

CONNECT_TIMEOUT_S = 10
MIGRATION_LOCK = 7_211_305  # pg_advisory_xact_lock key: one process upgrades at a time
WRITE_TABLES = ("articles", "events", "citations")


class PostgresOpenError(Exception):
    """Connecting failed; the message says what to check. Raised before any schema work."""


def make_engine(location: Location, *, read_only: bool = False) -> Engine:
    assert location.url is not None
    args: dict[str, object] = {"application_name": "chronologue"}
    if "connect_timeout" not in location.url.query:
        args["connect_timeout"] = CONNECT_TIMEOUT_S
    engine = create_engine(location.url, pool_pre_ping=True, pool_size=3, max_overflow=5,
                           connect_args=args)
    if read_only:
        @event.listens_for(engine, "connect")
        def _read_only(dbapi_conn, _record) -> None:  # noqa: ANN001
            with dbapi_conn.cursor() as cur:
                cur.execute("SET default_transaction_read_only = on")
            dbapi_conn.commit()
    return engine


def probe(engine: Engine, location: Location) -> tuple[str, bool]:
    """(role name, may write) for this connection; PostgresOpenError when it fails."""
    try:
        with engine.connect() as conn:
            user = conn.scalar(text("SELECT current_user"))
            standby = conn.scalar(text("SELECT pg_is_in_recovery()"))
            writable = not standby and all(
                _may(conn, table) for table in WRITE_TABLES if _exists(conn, table))
            if not _exists(conn, "alembic_version"):
                writable = writable and bool(conn.scalar(text(
                    "SELECT has_schema_privilege(current_schema(), 'CREATE')")))
            return str(user), writable
    except OperationalError as exc:
        raise PostgresOpenError(connect_message(location, exc)) from exc


def _exists(conn: Connection, table: str) -> bool:
    return conn.scalar(text("SELECT to_regclass(:t) IS NOT NULL"), {"t": table})


def _may(conn: Connection, table: str) -> bool:
    return all(conn.scalar(text("SELECT has_table_privilege(:t, :p)"), {"t": table, "p": p})
               for p in ("INSERT", "UPDATE", "DELETE"))


def lock_for_migration(conn: Connection) -> None:
    """Two analysts opening a new shared workspace at once must not both create it."""
    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK})


def connect_message(location: Location, exc: BaseException) -> str:
    """libpq's reason plus what a user can do about it."""
    reason = _first_line(exc)
    low = reason.lower()
    where = f"the shared workspace {location}"
    if "password authentication failed" in low or "no password supplied" in low:
        hint = ("the server wants a password for this user: put it in ~/.pgpass "
                "(host:port:database:user:password, chmod 600) or in PGPASSWORD")
    elif "does not exist" in low and "database" in low:
        hint = "ask the database administrator to create it (README: Team workspace)"
    elif "role" in low and "does not exist" in low:
        hint = "check the user name, or ask the administrator to create that role"
    elif "connection refused" in low or "could not connect" in low or "timeout" in low:
        hint = "check the host and port, that the server is running and reachable"
    elif "ssl" in low:
        hint = "the server and this computer disagree on SSL: check sslmode in the URL"
    elif "no pg_hba.conf entry" in low:
        hint = "the server does not accept connections from here for this user and database"
    else:
        hint = "check the URL and the server"
    return f"cannot open {where}: {reason} ({hint})"


def migration_message(location: Location, user: str, exc: BaseException) -> str:
    reason = _first_line(exc)
    if isinstance(exc, ProgrammingError | DBAPIError) and (
            "permission denied" in reason.lower() or "must be owner" in reason.lower()):
        return (f"cannot set up or upgrade the shared workspace {location}: the role {user!r} "
                f"may not change its tables ({reason}). Open it once as the role that owns "
                "the database (README: Team workspace); then everyone else can work in it")
    return f"cannot set up the shared workspace {location}: {reason}"


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    lines = [line.strip() for line in str(orig).splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__
