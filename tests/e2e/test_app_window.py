"""The real window as a user starts it: `python -m desktop --workspace W` under Xvfb.

Skipped only when the Xvfb binary is missing (`make sysdeps` installs it).
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TITLE = "Chronologue"


@pytest.fixture
def xvfb() -> str:
    yield from _xvfb("1600x1000")


@pytest.fixture
def small_xvfb() -> str:
    yield from _xvfb("1280x720")


def _xvfb(size: str):
    """Xvfb picks a free display itself (-displayfd) and says which: two test runs at
    once never race for the same number, as a scan of /tmp/.X*-lock did."""
    binary = shutil.which("Xvfb")
    if binary is None:
        pytest.skip("Xvfb is not installed (make sysdeps installs it)")
    read_end, write_end = os.pipe()
    proc = subprocess.Popen([binary, "-displayfd", str(write_end), "-screen", "0", f"{size}x24",
                             "-nolisten", "tcp"], pass_fds=(write_end,),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    os.close(write_end)
    said = b""
    deadline = time.monotonic() + 15
    while not said.endswith(b"\n"):
        ready, _, _ = select.select([read_end], [], [], max(deadline - time.monotonic(), 0))
        chunk = os.read(read_end, 16) if ready else b""
        if not chunk:
            os.close(read_end)
            proc.kill()
            pytest.fail("Xvfb did not start")
        said += chunk
    os.close(read_end)
    yield f":{said.decode().strip()}"
    proc.terminate()
    proc.wait(10)


def window_titles(env: dict[str, str]) -> str:
    if shutil.which("xwininfo") is None:
        return ""
    out = subprocess.run(["xwininfo", "-root", "-tree"], env=env, capture_output=True,
                         text=True, timeout=10)
    return out.stdout


def test_the_window_opens_on_a_seeded_workspace(xvfb: str, tmp_path: Path):
    ws = tmp_path / "demo.chronologue"
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.update(DISPLAY=xvfb, CHRONOLOGUE_SETTINGS=str(tmp_path / "settings.ini"),
               CHRONOLOGUE_SCREENSHOT=str(tmp_path / "window.png"),
               CHRONOLOGUE_SCREENSHOT_STAY="1", PYTHONPATH=str(REPO))
    env.pop("CHRONOLOGUE_WORKSPACE", None)
    imported = subprocess.run([sys.executable, "-m", "desktop", "import", str(REPO / "seeds"),
                               "--workspace", str(ws)], env=env, capture_output=True, text=True,
                              timeout=120)
    assert imported.returncode == 0, imported.stderr
    app = subprocess.Popen([sys.executable, "-m", "desktop", "--workspace", str(ws)], env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        shot = tmp_path / "window.png"
        deadline = time.monotonic() + 60
        titles = ""
        while time.monotonic() < deadline and not (shot.exists() and TITLE in titles):
            assert app.poll() is None, app.communicate()[1]
            titles = window_titles(env) or TITLE
            time.sleep(0.2)
        assert shot.exists(), "the window never saved its screenshot"
        assert f"{TITLE} — demo" in titles or shutil.which("xwininfo") is None
        root = tmp_path / "screen.png"
        if shutil.which("import"):  # ImageMagick: what a user would see on the screen
            subprocess.run(["import", "-window", "root", str(root)], env=env, timeout=30,
                           check=False)
    finally:
        app.terminate()
        app.wait(15)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QImage

    image = QImage(str(shot))
    assert image.width() >= 1000 and image.height() >= 600
    colours = {image.pixel(x, y) for x in range(0, image.width(), 5)
               for y in range(0, image.height(), 5)}
    assert len(colours) > 50, "the window looks blank (fonts missing?)"
    target = os.environ.get("CHRONOLOGUE_KEEP_SCREENSHOT")
    if target:
        shutil.copy(shot, target)


def test_a_first_run_on_a_small_screen_opens_a_window_that_fits(small_xvfb: str, tmp_path: Path):
    """Before: the first window was 1600x980 whatever the screen, so at 1280x720 (without
    a window manager that shrinks it) the reader and the editor were off its right edge."""
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    shot = tmp_path / "window.png"
    env.update(DISPLAY=small_xvfb, CHRONOLOGUE_SETTINGS=str(tmp_path / "settings.ini"),
               CHRONOLOGUE_SCREENSHOT=str(shot), PYTHONPATH=str(REPO))
    env.pop("CHRONOLOGUE_WORKSPACE", None)
    done = subprocess.run([sys.executable, "-m", "desktop", "--workspace",
                           str(tmp_path / "w.chronologue")], env=env, capture_output=True,
                          text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0 and shot.exists(), done.stderr
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QImage

    image = QImage(str(shot))  # the window's own grab: its size
    assert 0 < image.width() <= 1280 and 0 < image.height() <= 720, image.size()
