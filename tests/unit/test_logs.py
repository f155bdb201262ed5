"""The log file: where it goes, what it keeps (never article text), and the crash hook."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import logs

REPO = Path(__file__).resolve().parents[2]
SECRET = "Zanzibar-unique-article-sentence-7f3a"


@pytest.fixture
def isolated_logger():
    """The 'chronologue' logger without handlers from other tests, restored afterwards."""
    saved = logs.logger.handlers[:]
    logs.logger.handlers.clear()
    yield logs.logger
    for handler in logs.logger.handlers:
        handler.close()
    logs.logger.handlers[:] = saved


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["CHRONOLOGUE_LOG_DIR"] = str(tmp_path / "logs")
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("CHRONOLOGUE_WORKSPACE", None)
    return env


def test_default_folder_is_the_user_log_folder() -> None:
    assert logs.log_dir({}).parts[-2:] in (("Chronologue", "log"), ("Chronologue", "Logs"))
    assert logs.log_dir({"CHRONOLOGUE_LOG_DIR": "/x/y"}) == Path("/x/y")


def test_rotating_file_clips_long_messages(tmp_path: Path, isolated_logger) -> None:
    env = {"CHRONOLOGUE_LOG_DIR": str(tmp_path)}
    path = logs.setup_logging("test", env)
    assert path == tmp_path / "chronologue.log"
    assert logs.setup_logging("test", env) == path and len(isolated_logger.handlers) == 1
    handler = isolated_logger.handlers[0]
    assert (handler.maxBytes, handler.backupCount) == (logs.MAX_BYTES, logs.BACKUPS)
    logging.getLogger("chronologue.x").warning("reason: %s", "y" * 10_000)
    try:
        raise ValueError("z" * 10_000)
    except ValueError:
        logging.getLogger("chronologue.x").exception("failed")
    handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "start test" in text and "reason: yyy" in text and "Traceback" in text
    assert "y" * (logs.MAX_MESSAGE + 1) not in text and "z" * (logs.MAX_MESSAGE + 1) not in text


def test_cli_import_logs_names_and_reasons_but_no_text(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(f"7 September 2018 - Talks began. {SECRET}.\n")
    (folder / "empty.txt").write_text("")
    ws = tmp_path / "w.chronologue"
    done = subprocess.run([sys.executable, "-m", "desktop", "import", "-w", str(ws), str(folder)],
                          capture_output=True, text=True, env=_env(tmp_path), timeout=120)
    assert done.returncode == 1, done.stderr  # the empty file failed
    text = (tmp_path / "logs" / "chronologue.log").read_text(encoding="utf-8")
    assert "not imported: empty.txt: the file is empty" in text
    assert "1 imported, 0 duplicates, 1 failed" in text
    assert SECRET not in text


def test_uncaught_cli_error_is_logged_and_explained(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "import desktop.__main__ as m\n"
        "def boom(argv):\n"
        "    raise RuntimeError('simulated bug')\n"
        "m.cli.main = boom\n"
        "sys.exit(m.main(['articles']))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=_env(tmp_path), timeout=60)  # fmt: skip
    log = tmp_path / "logs" / "chronologue.log"
    assert done.returncode == 1
    assert "unexpected error (RuntimeError: simulated bug)" in done.stderr
    assert str(log) in done.stderr
    assert "Traceback" not in done.stderr  # the traceback is in the log, not on screen
    text = log.read_text(encoding="utf-8")
    assert "uncaught exception" in text and "RuntimeError: simulated bug" in text
    assert "in boom" in text


def test_a_log_that_cannot_be_written_goes_quiet(isolated_logger, tmp_path: Path, capsys) -> None:
    """Past a file-size limit or on a full disk the log must not print logging's tracebacks."""
    path = logs.setup_logging("test", {"CHRONOLOGUE_LOG_DIR": str(tmp_path)})
    assert path is not None and isolated_logger.handlers

    class Full:
        def write(self, _text: str) -> None:
            raise OSError(27, "File too large")

        def flush(self) -> None:
            pass

        def close(self) -> None:
            pass

    isolated_logger.handlers[0].stream = Full()
    isolated_logger.info("this write fails")
    isolated_logger.info("and so would this one")
    captured = capsys.readouterr()
    assert "Logging error" not in captured.err and "Traceback" not in captured.err
    assert not isolated_logger.handlers  # the broken handler removed itself
