"""Readers for the pool's tests that misbehave on purpose; module-level, so a spawned
worker can unpickle them. A file's name says what its reader does."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

from desktop.services.import_prepare import PreparedFile, prepare_file


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def misbehaving(path: Path, row, options, stored) -> PreparedFile:  # noqa: ANN001
    """``poison``: kills its worker every time; ``flaky``: the first time only (a marker
    file remembers); ``huge``: a 64 MB result, its worker killed while sending it;
    ``slow``: never finishes."""
    name = path.name
    if "poison" in name:
        _die()
    if "flaky" in name:
        marker = path.with_name(path.name + ".died")
        if not marker.exists():
            marker.write_text("once", encoding="utf-8")
            _die()
    if "slow" in name:
        time.sleep(600)
    prepared = prepare_file(path, row, options, stored)
    if "huge" in name:
        threading.Timer(0.02, _die).start()
        return PreparedFile(path, error="x" * (64 << 20))
    return prepared
