"""The PyInstaller bundle builds and passes its own self-test (slow: ~1 minute; run by
`make bundle-test`, which CI runs after `make test`)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_bundle_builds_and_passes_self_test(tmp_path: Path) -> None:
    pyinstaller = shutil.which("pyinstaller", path=str(Path(sys.executable).parent))
    if pyinstaller is None:
        pytest.fail("PyInstaller is not installed (pip install -e '.[test]' brings it)")
    build = subprocess.run(
        [pyinstaller, str(REPO / "build.spec"), "--noconfirm",
         "--distpath", str(tmp_path / "dist"), "--workpath", str(tmp_path / "work")],
        cwd=REPO, capture_output=True, text=True, timeout=900,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    exe = tmp_path / "dist" / "chronologue" / "chronologue"
    assert exe.exists()
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["HOME"] = str(tmp_path / "home")  # nothing of the user's is read or written
    done = subprocess.run([str(exe), "--self-test"], capture_output=True, text=True,
                          timeout=300, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip().endswith("OK")
    assert "exported a" in done.stdout
    assert "gazetteer reads" in done.stdout  # the bundled place table came along
    # the bundle carries the sample articles and the schema migrations
    internal = exe.parent / "_internal"
    assert len(list((internal / "seeds").glob("*.txt"))) == 5
    assert (internal / "desktop" / "store" / "migrations" / "versions").is_dir()
