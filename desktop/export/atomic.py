"""Writing export files safely: a temporary file beside the target, checked, then a rename.

A crash, a full disk or a cancelled export must never leave a half-written file where the
analyst's previous export was, nor report success for a file that did not fit. So every
byte goes through `Sink.write` (plain `os.write`, which raises the OS reason: "No space
left on device", "File too large"), then the file is fsynced, its size on disk compared
with what was written, the format's own check run (`verify`), and only then renamed over
the target and the folder fsynced. Qt's file devices swallow write errors, which is why
the painters paint into memory (desktop.export.device) and the bytes go through a Sink.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

Verify = Callable[[Path], str]  # "" when the written file is sound, else what is wrong
_CHUNK = 1 << 20


class WriteFailed(OSError):
    """The export could not be written; whatever was at the path before is unchanged."""

    def __init__(self, target: Path, reason: str, code: int = errno.EIO) -> None:
        super().__init__(code, reason, str(target))
        self.target = target

    def __str__(self) -> str:
        kept = "the file already there is unchanged" if self.target.exists() else \
            "nothing was written"  # fmt: skip
        return f"{self.strerror} ({kept})"


class Sink:
    """An open temporary file that raises the OS error of the first write that fails."""

    def __init__(self, fd: int, path: Path, target: Path) -> None:
        self.fd, self.path, self.target = fd, path, target
        self.written = 0
        self._buffer = bytearray()

    def write(self, data: bytes | bytearray | memoryview) -> int:
        self._buffer += data
        if len(self._buffer) >= _CHUNK:
            self.flush()
        return len(data)

    def flush(self) -> None:
        view = memoryview(self._buffer)
        try:
            while view:
                n = os.write(self.fd, view)
                view = view[n:]
                self.written += n
        except OSError as exc:
            raise WriteFailed(self.target, exc.strerror or str(exc), exc.errno or errno.EIO) \
                from exc
        finally:
            view.release()
        self._buffer.clear()


@contextlib.contextmanager
def atomic_stream(path: Path | str, verify: Verify | None = None) -> Iterator[Sink]:
    """Yield a Sink; on success its file replaces `path`, on any error it is removed.

    Raises WriteFailed (an OSError) with the OS's reason when the bytes did not all reach
    the disk, or when `verify` finds the written file unsound.
    """
    target = Path(path)
    if not target.parent.is_dir():
        raise FileNotFoundError(f"the folder {target.parent} does not exist")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise WriteFailed(target, exc.strerror or str(exc), exc.errno or errno.EIO) from exc
    tmp = Path(name)
    sink = Sink(fd, tmp, target)
    closed = False
    try:
        yield sink
        try:
            sink.flush()
            os.fsync(fd)
            os.close(fd)
            closed = True
            size = os.stat(tmp).st_size
        except OSError as exc:
            raise WriteFailed(target, exc.strerror or str(exc), exc.errno or errno.EIO) from exc
        if size != sink.written:
            raise WriteFailed(target, f"only {size} of {sink.written} bytes reached the disk")
        problem = verify(tmp) if verify is not None else ""
        if problem:
            raise WriteFailed(target, f"the written file failed its check: {problem}")
        os.chmod(tmp, _mode_for(target))
        _still_replaceable(target)
        os.replace(tmp, target)
        _fsync_folder(target.parent)
    except BaseException:
        if not closed:
            with contextlib.suppress(OSError):
                os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _still_replaceable(target: Path) -> None:
    """The rename replaces whatever is there: only ever a regular file (checked again here,
    because the target may have changed since desktop.export.targets looked at it)."""
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISREG(mode):
        raise WriteFailed(target, "it is no longer a regular file (a link, pipe or device is "
                          "never replaced)")


def write_bytes(path: Path | str, data: bytes, verify: Verify | None = None) -> None:
    with atomic_stream(path, verify) as sink:
        sink.write(data)


def write_text(path: Path | str, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (best effort: not every platform can)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _mode_for(target: Path) -> int:
    """The permissions a plain write would have given: mkstemp's 0600 is for secrets."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    try:  # read without changing it: os.umask() would race with other threads
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022
