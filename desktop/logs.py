"""A trace of what went wrong: a rotating log file in the user log folder, and a last-resort
exception hook that writes the traceback there and tells the user where it is.

What is logged is what a bug report needs (versions, verbs, file names, counts, reasons,
tracebacks), never what the analyst works on: no article text, no quotes. Records are
clipped, so even a message that carries text by mistake leaves at most a line of it.
"""

from __future__ import annotations

import logging
import os
import platform
import sys
import threading
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from platformdirs import user_log_path

LOG_DIR_ENV = "CHRONOLOGUE_LOG_DIR"
LOG_NAME = "chronologue.log"
MAX_BYTES = 1024 * 1024
BACKUPS = 5
MAX_MESSAGE = 300  # characters of one message (and of each exception line) kept
logger = logging.getLogger("chronologue")

Report = Callable[[str, Path | None], None]


def log_dir(environ: dict[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    if env.get(LOG_DIR_ENV):
        return Path(env[LOG_DIR_ENV]).expanduser()
    return user_log_path("Chronologue", appauthor=False)


def _clip(text: str) -> str:
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 1] + "…"


class _Clipped(logging.Formatter):
    """Clips each message and the text of exceptions; traceback frames stay whole."""

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 (logging API)
        record.message = _clip(record.message)
        return super().formatMessage(record)

    def formatException(self, ei) -> str:  # noqa: N802 (logging API)
        lines = super().formatException(ei).splitlines()
        return "\n".join(line if line.startswith("  ") else _clip(line) for line in lines)


class _QuietFile(RotatingFileHandler):
    """A log that cannot be written (disk full, file-size limit) goes quiet: the user's
    terminal must not fill with logging's own tracebacks while the real error is reported."""

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging API)
        logger.removeHandler(self)
        self.close()


def setup_logging(kind: str, environ: dict[str, str] | None = None) -> Path | None:
    """Log to ``chronologue.log`` (1 MB, 5 old copies); returns its path, None if unwritable.

    Calling it again is harmless: the handler is added once per file.
    """
    path = log_dir(environ) / LOG_NAME
    for handler in logger.handlers:
        if isinstance(handler, RotatingFileHandler) and Path(handler.baseFilename) == path:
            return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = _QuietFile(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                      encoding="utf-8", delay=False)  # fmt: skip
    except OSError as exc:  # a read-only home must not stop the program
        print(f"chronologue: cannot write the log file {path}: {exc.strerror}", file=sys.stderr)
        return None
    handler.setFormatter(_Clipped("%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    from desktop import __version__

    logger.info("start %s %s, Python %s on %s", kind, __version__, platform.python_version(),
                platform.platform())  # fmt: skip
    return path


def log_path() -> Path | None:
    """The file this process logs to, if any."""
    for handler in logger.handlers:
        if isinstance(handler, RotatingFileHandler):
            return Path(handler.baseFilename)
    return None


def crash_text(exc: BaseException, path: Path | None) -> str:
    """What the user reads after an unexpected error."""
    where = (f"The details were written to {path}; please attach that file when you report "
             "the problem." if path else "No log file could be written.")  # fmt: skip
    return (f"Chronologue hit an unexpected error ({type(exc).__name__}: "
            f"{_clip(str(exc))}). Everything already saved is safe. {where}")  # fmt: skip


def install_excepthook(report: Report) -> None:
    """Uncaught exceptions (main thread and others) are logged, then ``report``ed once."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        logger.critical("uncaught exception", exc_info=(kind, exc, tb))
        try:
            report(crash_text(exc, log_path()), log_path())
        except Exception:  # the report itself failing must not hide the original error
            logger.exception("could not report the error")
            sys.__excepthook__(kind, exc, tb)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            hook(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook


def report_on_stderr(text: str, _path: Path | None) -> None:
    print(f"chronologue: {text}", file=sys.stderr)
