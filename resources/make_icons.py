"""Render the app icon (chronologue.svg) to the PNG sizes desktops and installers want.

Run after changing the SVG and commit the outputs (they are small):
    python resources/make_icons.py
Writes resources/icons/hicolor/<n>x<n>/apps/chronologue.png for each size in SIZES.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "chronologue.svg"
SIZES = (16, 32, 48, 64, 128, 256)


def render(source: Path = SOURCE, out: Path = HERE / "icons" / "hicolor",
           sizes: tuple[int, ...] = SIZES) -> list[Path]:
    """One PNG per size, drawn from the SVG with QtSvg (no display needed)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - kept alive
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"{source} is not a valid SVG")
    written = []
    for n in sizes:
        image = QImage(n, n, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, n, n))
        painter.end()
        target = out / f"{n}x{n}" / "apps" / "chronologue.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target), "PNG"):
            raise SystemExit(f"cannot write {target}")
        written.append(target)
    return written


if __name__ == "__main__":
    for path in render():
        print(path.relative_to(HERE.parent))
