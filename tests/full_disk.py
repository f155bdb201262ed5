"""A full disk for tests: a tiny tmpfs filled to the last byte, or a file-size limit.

tmpfs gives the real ENOSPC ("No space left on device") but needs the right to mount
(root, as in CI); RLIMIT_FSIZE gives EFBIG ("File too large") to anyone. Tests of
export safety run both, so the check works without root too.
"""

from __future__ import annotations

import contextlib
import errno
import os
import resource
import subprocess
from collections.abc import Iterator
from pathlib import Path

ENOSPC_TEXT = os.strerror(errno.ENOSPC)
EFBIG_TEXT = os.strerror(errno.EFBIG)


def mount_tmpfs(folder: Path, size: str = "32m") -> str:
    """Mount a tmpfs of `size` on `folder`; "" on success, else why it cannot."""
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                          capture_output=True, text=True)  # fmt: skip
    return "" if done.returncode == 0 else (done.stderr.strip() or "mount failed")


def unmount(folder: Path) -> None:
    subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def fill(folder: Path) -> None:
    """Write a filler file until the file system holding `folder` has no byte left."""
    block = b"\0" * 4096
    with open(folder / ".filler", "wb", buffering=0) as stream:
        with contextlib.suppress(OSError):
            while True:
                stream.write(block)
        with contextlib.suppress(OSError):
            while True:
                stream.write(b"\0")
    assert os.statvfs(folder).f_bavail == 0


def fsize_limit(size: int):
    """A preexec_fn for subprocess: writes past `size` bytes in any file fail with EFBIG."""

    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, resource.RLIM_INFINITY))

    return apply


@contextlib.contextmanager
def limited_file_size(size: int) -> Iterator[None]:
    """The same limit in this process for a while (Python ignores SIGXFSZ)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
