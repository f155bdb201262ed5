"""`chronologue check` for a shared workspace: schema revision and constraints.

A PostgreSQL server guards its own pages (checksums, WAL); what can go wrong from
Chronologue's side is a schema that is older or newer than the program, or tables,
keys or indexes that an administrator dropped or left unvalidated (after a partial
restore, say). Backups are the server's job: `BACKUP_ADVICE` says how.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect, text

from desktop.store.location import Location
from desktop.store.models import Base

BACKUP_ADVICE = (
    "Chronologue keeps no backups of a shared workspace: the database server does. "
    "Back it up with `pg_dump --format=custom --file=timeline.dump {db}` (daily, e.g. from "
    "cron) and restore with `pg_restore --clean --if-exists --dbname={db} timeline.dump` "
    "while nobody has it open"
)


@dataclass
class SchemaReport:
    revision: str | None
    head: str
    problems: list[str] = field(default_factory=list)
    checked: int = 0  # constraints and indexes found in place

    @property
    def ok(self) -> bool:
        return not self.problems


def backup_advice(location: Location) -> str:
    return BACKUP_ADVICE.format(db=f"'{location}'")


def check_schema(engine: Engine, script: ScriptDirectory) -> SchemaReport:
    """Compare the database with the models: revision, tables, keys, uniques, indexes."""
    with engine.connect() as conn:
        revision = _revision(conn)
        report = SchemaReport(revision, script.get_current_head() or "")
        if revision is None:
            report.problems.append("the database holds no Chronologue workspace (no schema "
                                   "revision); opening it with an editor role creates one")
            return report
        known = {s.revision for s in script.walk_revisions()}
        if revision not in known:
            report.problems.append(f"schema revision {revision} comes from a newer "
                                   "Chronologue: update Chronologue to open it")
            return report
        if revision != report.head:
            report.problems.append(f"schema revision {revision} is older than this "
                                   f"Chronologue's {report.head}: open the workspace once with "
                                   "the owner's role to upgrade it")
        _compare(conn, report)
        return report


def _revision(conn: Connection) -> str | None:
    if not conn.scalar(text("SELECT to_regclass('alembic_version') IS NOT NULL")):
        return None
    return conn.scalar(text("SELECT version_num FROM alembic_version"))


def _compare(conn: Connection, report: SchemaReport) -> None:
    inspector = inspect(conn)
    tables = set(inspector.get_table_names())
    for table in Base.metadata.sorted_tables:
        if table.name not in tables:
            report.problems.append(f"table {table.name} is missing")
            continue
        columns = {c["name"]: c for c in inspector.get_columns(table.name)}
        for column in table.columns:
            found = columns.get(column.name)
            if found is None:
                report.problems.append(f"column {table.name}.{column.name} is missing")
            elif not column.nullable and found["nullable"]:
                report.problems.append(f"{table.name}.{column.name} lost its NOT NULL")
        pk = inspector.get_pk_constraint(table.name)["constrained_columns"]
        _expect(report, sorted(pk) == sorted(c.name for c in table.primary_key),
                f"{table.name} lost its primary key")
        fks = {(tuple(fk["constrained_columns"]), fk["referred_table"])
               for fk in inspector.get_foreign_keys(table.name)}
        for fk in table.foreign_key_constraints:
            want = (tuple(c.name for c in fk.columns), fk.referred_table.name)
            _expect(report, want in fks,
                    f"{table.name}: the foreign key {want[0]} -> {want[1]} is missing")
        uniques = {tuple(u["column_names"]) for u in inspector.get_unique_constraints(table.name)}
        uniques |= {tuple(i["column_names"]) for i in inspector.get_indexes(table.name)
                    if i.get("unique")}
        for column in table.columns:
            if column.unique:
                _expect(report, (column.name,) in uniques,
                        f"{table.name}.{column.name} is no longer unique")
        names = {i["name"] for i in inspector.get_indexes(table.name)}
        for index in table.indexes:
            _expect(report, index.name in names, f"index {index.name} is missing")
    _expect(report, bool(conn.scalar(text(
        "SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_articles_search'"))),
        "the search index ix_articles_search is missing (search would be slow)")
    _expect(report, bool(conn.scalar(text(
        "SELECT count(*) FROM pg_trigger WHERE tgname = 'articles_search_trigger'"))),
        "the trigger that keeps search up to date is missing (new articles are unsearchable)")
    for name, table in conn.execute(text(
            "SELECT conname, conrelid::regclass::text FROM pg_constraint "
            "WHERE NOT convalidated AND connamespace = current_schema()::regnamespace")):
        report.problems.append(f"constraint {name} on {table} is not validated "
                               f"(ALTER TABLE {table} VALIDATE CONSTRAINT {name})")


def _expect(report: SchemaReport, condition: bool, problem: str) -> None:
    if condition:
        report.checked += 1
    else:
        report.problems.append(problem)
