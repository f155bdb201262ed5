"""Noticing other analysts' commits: PostgreSQL LISTEN/NOTIFY, or polling on SQLite.

A watcher only says "someone may have committed"; the caller then asks the change
log what changed since its revision (``changes_since``), so a missed or duplicated
signal costs nothing but a cheap query. The callback runs on the watcher's thread:
the window forwards it to its own thread with a queued signal.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable

from desktop.store.pgchanges import CHANNEL
from desktop.store.workspace import Workspace

POLL_S = 0.5  # SQLite: how often the data version is read (a few microseconds each)
RETRY_S = 5.0  # PostgreSQL: wait before reconnecting after the server went away


class ChangeWatcher:
    """Calls ``on_change()`` soon after another connection commits to the workspace."""

    def __init__(self, ws: Workspace, on_change: Callable[[], None]) -> None:
        self.ws = ws
        self.on_change = on_change
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _notify(self) -> None:
        """The callback must never kill the thread loudly (a window closed meanwhile)."""
        try:
            self.on_change()
        except Exception:  # noqa: BLE001 - nobody left to tell: stop watching quietly
            self._stop.set()

    def start(self) -> None:
        target = self._listen if self.ws.backend == "postgresql" else self._poll
        self._thread = threading.Thread(target=target, name="chronologue-watch", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def _poll(self) -> None:
        assert self.ws.path is not None
        uri = self.ws.path.resolve().as_uri() + "?mode=ro"
        con: sqlite3.Connection | None = None
        last: int | None = None
        while not self._stop.is_set():
            try:
                if con is None:
                    con = sqlite3.connect(uri, uri=True, timeout=1, check_same_thread=False)
                # data_version changes whenever another connection commits to the file.
                version = con.execute("PRAGMA data_version").fetchone()[0]
                if last is not None and version != last:
                    self._notify()
                last = version
            except sqlite3.Error:
                if con is not None:
                    con.close()
                con, last = None, None
                self._notify()  # something happened to the file: let the caller look
            self._stop.wait(POLL_S)
        if con is not None:
            con.close()

    def _listen(self) -> None:
        import psycopg

        url = self.ws.location.url
        assert url is not None
        params = {k: v for k, v in url.query.items() if isinstance(v, str)}
        while not self._stop.is_set():
            try:
                with psycopg.connect(host=url.host, port=url.port, user=url.username,
                                     dbname=url.database, autocommit=True,
                                     application_name="chronologue-watch",
                                     connect_timeout=10, **params) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self._notify()  # (re)connected: catch up on what was missed
                    while not self._stop.is_set():
                        got = False
                        for _ in conn.notifies(timeout=0.5):
                            got = True
                        if got:
                            self._notify()
            except psycopg.Error:
                self._stop.wait(RETRY_S)
