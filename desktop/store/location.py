"""Where a workspace lives: a local SQLite file, or a PostgreSQL database for a team.

A location is written the way users type it: a file path, or a URL
``postgresql://user@host:port/dbname`` (libpq options such as ``sslmode`` or
``service`` may follow as ``?key=value``). The password never appears in a location:
libpq finds it itself (``~/.pgpass``, ``PGPASSWORD``, a service file), so nothing
Chronologue remembers (recent list, settings, messages) can leak it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

Backend = Literal["sqlite", "postgresql"]
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_POSTGRES_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")
DRIVER = "postgresql+psycopg"


class LocationError(ValueError):
    """The text is not a workspace location Chronologue can open; the message says why."""


@dataclass(frozen=True)
class Location:
    """A parsed workspace location: exactly one of ``path`` and ``url`` is set."""

    backend: Backend
    path: Path | None = None
    url: URL | None = None

    @property
    def is_shared(self) -> bool:
        return self.backend == "postgresql"

    @property
    def name(self) -> str:
        """A short name for titles: the file's stem or the database's name."""
        if self.path is not None:
            return self.path.stem
        assert self.url is not None
        return self.url.database or self.url.query.get("service", "postgresql")  # type: ignore[return-value]

    def __str__(self) -> str:
        """How the location is shown, remembered and typed back in (never a password)."""
        if self.path is not None:
            return str(self.path)
        assert self.url is not None
        return self.url.set(drivername="postgresql").render_as_string(hide_password=True)

    def sqlalchemy_url(self) -> URL | str:
        if self.path is not None:
            return f"sqlite:///{self.path}"
        assert self.url is not None
        return self.url

    def same_as(self, other: Location) -> bool:
        if self.path is not None and other.path is not None:
            return self.path.resolve() == other.path.resolve()
        return str(self) == str(other)


def looks_like_url(text: str) -> bool:
    """A ``scheme://`` prefix, or a bare ``postgresql:`` (not a Windows drive letter)."""
    match = _SCHEME.match(text.strip())
    if match is None or len(match.group(1)) == 1:
        return False
    return text.strip()[match.end():].startswith("//") or match.group(1).lower() in (
        *_POSTGRES_SCHEMES, "sqlite")


def parse_location(value: str | os.PathLike[str] | Location) -> Location:
    """A Location from what the user typed; LocationError names what is wrong."""
    if isinstance(value, Location):
        return value
    if isinstance(value, os.PathLike):
        return Location("sqlite", path=Path(value).expanduser())
    text = str(value).strip()
    if not text:
        raise LocationError("the workspace location is empty: give a file path or a "
                            "postgresql://user@host:port/database URL")
    if not looks_like_url(text):
        return Location("sqlite", path=Path(text).expanduser())
    scheme = _SCHEME.match(text).group(1).lower()  # type: ignore[union-attr]
    if scheme == "sqlite":
        rest = text[len("sqlite:"):]
        if not rest.startswith("///") or len(rest) <= 3:
            raise LocationError(f"{text!r}: write an SQLite workspace as a plain file path "
                                "(or sqlite:///path/to/file.chronologue)")
        return Location("sqlite", path=Path(rest[3:]).expanduser())
    if scheme not in _POSTGRES_SCHEMES:
        raise LocationError(
            f"cannot open {_hide_secret(text)!r}: Chronologue workspaces are a file path "
            f"(SQLite) or a postgresql://user@host:port/database URL, not {scheme}://")
    return Location("postgresql", url=_postgres_url(text))


def _hide_secret(text: str) -> str:
    return re.sub(r"(//[^/:@]*:)[^@/]*@", r"\1***@", text)


def _postgres_url(text: str) -> URL:
    try:
        url = make_url(text)
    except ArgumentError as exc:
        raise LocationError(f"{_hide_secret(text)!r} is not a valid PostgreSQL URL ({exc}); "
                            "the form is postgresql://user@host:port/database") from None
    if url.password is not None:
        raise LocationError(
            f"{_hide_secret(text)!r} contains a password. Chronologue never takes passwords "
            "in a workspace URL (they end up in shell history, process lists and the recent "
            "list): remove it and put it in ~/.pgpass (host:port:database:user:password, "
            "chmod 600) or in the PGPASSWORD environment variable")
    try:
        port = url.port
    except ValueError:
        raise LocationError(f"{text!r}: the port must be a number") from None
    if port is not None and not 0 < port < 65536:
        raise LocationError(f"{text!r}: the port must be between 1 and 65535")
    if not url.database and "service" not in url.query and "dbname" not in url.query:
        raise LocationError(f"{text!r} names no database: add it after the host, as in "
                            "postgresql://user@host:5432/timeline")
    return url.set(drivername=DRIVER)


def postgres_location(host: str, port: int | None, database: str, user: str,
                      options: dict[str, str] | None = None) -> Location:
    """The location the Open shared workspace dialog builds from its fields."""
    for label, value in (("database", database), ("user name", user)):
        if not value.strip():
            raise LocationError(f"the {label} is empty")
    url = URL.create(DRIVER, username=user.strip(), host=host.strip() or None, port=port,
                     database=database.strip(), query=options or {})
    return Location("postgresql", url=url)
