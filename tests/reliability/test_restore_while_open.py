"""`restore` while another process has the workspace open: refused (naming it), or with
--force the window notices the replaced file and reopens it, so later edits land in the
restored workspace. Before: all edits another process made after the restore went into
the moved-aside file, with no error.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from _reliability import child_env, cli, filled_workspace, run

from desktop.store import open_workspace
from desktop.store.users import other_users, users_folder

HOLDER = """
import sys, time
from desktop.store import open_workspace
ws = open_workspace(sys.argv[1], backups=False)
print("open", flush=True)
time.sleep(120)
"""


def _workspace(tmp_path: Path) -> Path:
    return filled_workspace(tmp_path, 3, backup=True)


def _holder(path: Path) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], env=child_env(),
                            stdout=subprocess.PIPE, text=True)  # fmt: skip
    assert proc.stdout.readline().strip() == "open"
    return proc


def test_restore_refuses_while_another_process_has_it_open(tmp_path: Path) -> None:
    path = _workspace(tmp_path)
    before = path.read_bytes()
    holder = _holder(path)
    try:
        assert [u.pid for u in other_users(path)] == [holder.pid]
        refused = run(cli("restore", "--latest", "-w", str(path)))
        assert refused.returncode == 1
        assert f"process {holder.pid}" in refused.stderr and "Close them first" in refused.stderr
        assert path.read_bytes() == before and not list(tmp_path.glob("*.replaced-*"))
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    # a crashed holder's entry is recognised as stale: the restore goes ahead
    assert other_users(path) == []
    done = run(cli("restore", "--latest", "-w", str(path)))
    assert done.returncode == 0, done.stderr


def test_an_entry_is_removed_on_close(tmp_path: Path) -> None:
    path = _workspace(tmp_path)
    ws = open_workspace(path)
    assert ws.presence is not None and ws.presence.exists()
    ws.close()
    assert not users_folder(path).exists()
