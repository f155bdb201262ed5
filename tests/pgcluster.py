"""A throw-away PostgreSQL cluster for the tests: initdb + pg_ctl in a temporary folder.

Used two ways. `make test` wraps the whole run::

    python tests/pgcluster.py run -- pytest ...

which starts a cluster, exports its URL as CHRONOLOGUE_TEST_PG, runs the command and
stops the cluster afterwards whatever happens (failing tests, Ctrl+C, SIGTERM). Run
directly, pytest starts its own through the `pg_server` fixture (tests/conftest.py).

The cluster listens on a free loopback port and a socket folder inside its temporary
folder (never the system's /var/run/postgresql), runs as user ``postgres`` when we are
root (initdb refuses root), and trades durability for speed (fsync off): it holds
nothing worth keeping.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

ENV = "CHRONOLOGUE_TEST_PG"
REQUIRE_ENV = "CHRONOLOGUE_REQUIRE_PG"
PASSWORD_ROLE = "chronologue_pw"  # the one role that must give a password (pg_hba below)

_HBA = f"""\
local all all trust
host all {PASSWORD_ROLE} 127.0.0.1/32 scram-sha-256
host all all 127.0.0.1/32 trust
host all all ::1/128 trust
"""


def bin_dir() -> Path | None:
    """Debian keeps initdb and pg_ctl out of PATH, under /usr/lib/postgresql/N/bin."""
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                      key=lambda p: int(Path(p).parts[4]) if Path(p).parts[4].isdigit() else 0)
    return Path(versions[-1]).parent if versions else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """One temporary cluster; `start()` returns the superuser's URL."""

    def __init__(self) -> None:
        self.bin = bin_dir()
        self.root: Path | None = None
        self.port = 0
        self.started = False
        self.user = "postgres"
        self._run_as: list[str] = []

    @property
    def url(self) -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/postgres"

    def _cmd(self, name: str, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        assert self.bin is not None
        return subprocess.run([*self._run_as, str(self.bin / name), *args], check=check,
                              capture_output=True, text=True, timeout=120)

    def start(self) -> str:
        if self.bin is None:
            raise RuntimeError("PostgreSQL is not installed (no initdb found); on Debian: "
                               "apt-get install postgresql")
        self.root = Path(tempfile.mkdtemp(prefix="chronologue-pg-"))
        if os.geteuid() == 0:
            pw = pwd.getpwnam("postgres")
            os.chown(self.root, pw.pw_uid, pw.pw_gid)
            self._run_as = ["runuser", "-u", "postgres", "--"]
        else:
            self.user = pwd.getpwuid(os.geteuid()).pw_name
        data, sock = self.root / "data", self.root / "sock"
        self._cmd("initdb", "-D", str(data), "-U", self.user, "-E", "UTF8",
                  "--locale=C.UTF-8", "--auth=trust")
        (data / "pg_hba.conf").write_text(_HBA)
        if self._run_as:
            subprocess.run(["runuser", "-u", "postgres", "--", "mkdir", str(sock)], check=True)
        else:
            sock.mkdir()
        self.port = _free_port()
        options = (f"-p {self.port} -k {sock} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                   "-c shared_buffers=32MB -c max_connections=80")
        self._cmd("pg_ctl", "-D", str(data), "-l", str(self.root / "server.log"), "-w",
                  "-t", "60", "-o", options, "start")
        self.started = True
        return self.url

    def log_tail(self, lines: int = 30) -> str:
        if self.root is None:
            return ""
        with contextlib.suppress(OSError):
            return "\n".join((self.root / "server.log").read_text().splitlines()[-lines:])
        return ""

    def stop(self) -> None:
        if self.root is None:
            return
        if self.started:
            self._cmd("pg_ctl", "-D", str(self.root / "data"), "-m", "fast", "-w", "-t", "30",
                      "stop", check=False)
            self.started = False
        shutil.rmtree(self.root, ignore_errors=True)
        self.root = None


def _raise_exit(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


def run(command: list[str]) -> int:
    """Start a cluster, run `command` with CHRONOLOGUE_TEST_PG set, always stop it."""
    cluster = Cluster()
    child: subprocess.Popen | None = None
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, _raise_exit)
    try:
        url = cluster.start()
        print(f"pgcluster: throw-away PostgreSQL at {url} (data in {cluster.root})", flush=True)
        env = {**os.environ, ENV: url, REQUIRE_ENV: "1"}
        child = subprocess.Popen(command, env=env)
        return child.wait()
    except (KeyboardInterrupt, SystemExit):
        if child is not None and child.poll() is None:
            child.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                child.wait(timeout=20)
        return 130
    except subprocess.CalledProcessError as exc:
        print(f"pgcluster: could not start PostgreSQL: {exc.stderr or exc}\n{cluster.log_tail()}",
              file=sys.stderr)
        return 1
    finally:
        cluster.stop()
        print("pgcluster: stopped and removed", flush=True)


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "run" and argv[1] == "--" and argv[2:]:
        return run(argv[2:])
    print("usage: python tests/pgcluster.py run -- COMMAND...", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
