"""Creating and dropping test databases on the throw-away server (see pgcluster.py).

Migrating a new database takes a few hundred milliseconds, so it is done once into a
template and every test's database is a copy of it (CREATE DATABASE ... TEMPLATE). Names
carry the process id: parallel pytest workers share one server.
"""

from __future__ import annotations

import itertools
import os

import psycopg
from sqlalchemy.engine import make_url


class Databases:
    def __init__(self, server_url: str) -> None:
        self.server = make_url(server_url)
        self.admin = psycopg.connect(self._conninfo("postgres"), autocommit=True)
        self._names = (f"chronologue_t{os.getpid()}_{n}" for n in itertools.count())
        self._template_ready = False
        self.template = f"chronologue_template_{os.getpid()}"

    def _conninfo(self, database: str) -> str:
        url = self.server.set(database=database)
        return f"host={url.host} port={url.port} user={url.username} dbname={database}"

    def url(self, database: str, user: str | None = None) -> str:
        url = self.server.set(drivername="postgresql", database=database,
                              username=user or self.server.username)
        return url.render_as_string(hide_password=False)

    def execute(self, sql: str, database: str = "postgres") -> None:
        if database == "postgres":
            self.admin.execute(sql)
            return
        with psycopg.connect(self._conninfo(database), autocommit=True) as conn:
            conn.execute(sql)

    def _template(self) -> None:
        if self._template_ready:
            return
        from desktop.store import open_workspace

        self.admin.execute(f"DROP DATABASE IF EXISTS {self.template}")
        self.admin.execute(f"CREATE DATABASE {self.template}")
        open_workspace(self.url(self.template)).close()
        self._template_ready = True

    def create(self, *, template: bool) -> str:
        name = next(self._names)
        if template:
            self._template()
            self.admin.execute(f"CREATE DATABASE {name} TEMPLATE {self.template}")
        else:
            self.admin.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def drop(self, url: str) -> None:
        name = make_url(url).database
        self.admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def close(self) -> None:
        if self._template_ready:
            self.admin.execute(f"DROP DATABASE IF EXISTS {self.template} WITH (FORCE)")
        self.admin.close()


def ensure_role(databases: Databases, name: str, password: str | None = None) -> None:
    """A login role (cluster-wide, so created once per server and reused)."""
    exists = databases.admin.execute("SELECT 1 FROM pg_roles WHERE rolname = %s",
                                     (name,)).fetchone()
    if not exists:
        try:
            databases.admin.execute(f"CREATE ROLE {name} LOGIN")
        except psycopg.errors.DuplicateObject:
            pass  # a parallel test process created it first
    if password is not None:
        databases.admin.execute(f"ALTER ROLE {name} PASSWORD '{password}'")


def grant_read_only(databases: Databases, database: str, role: str) -> None:
    """What README's team setup grants a reader: connect, and SELECT on everything."""
    databases.execute(f"GRANT CONNECT ON DATABASE {database} TO {role}")
    databases.execute(f"GRANT USAGE ON SCHEMA public TO {role}; "
                      f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}", database)


def grant_editor(databases: Databases, database: str, role: str) -> None:
    """What README's team setup grants an analyst: read and write rows, not the schema."""
    databases.execute(f"GRANT CONNECT ON DATABASE {database} TO {role}")
    databases.execute(
        f"GRANT USAGE ON SCHEMA public TO {role}; "
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}; "
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}", database)
