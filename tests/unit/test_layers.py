"""Layers only look down: no Qt below ui/ and export/, no upward imports."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PKG = Path(__file__).resolve().parents[2] / "desktop"
ALLOWED = {
    "temporal": {"temporal"},
    "extract": {"temporal", "extract"},
    "ingest": {"ingest", "temporal"},
    "store": {"store", "temporal"},
    "layout": {"layout", "temporal"},
    "services": {"services", "store", "extract", "ingest", "temporal", "layout"},
    "export": {"export", "services", "store", "extract", "ingest", "temporal", "layout"},
}
QT_FREE = ("temporal", "extract", "ingest", "store", "layout", "services")


def imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def violations() -> list[str]:
    found = []
    for layer, allowed in ALLOWED.items():
        for path in sorted((PKG / layer).rglob("*.py")):
            for name in imported_modules(path):
                top = name.split(".")
                if top[0] == "PySide6" and (layer in QT_FREE or "QtWidgets" in name):
                    found.append(f"{path.relative_to(PKG)} imports {name}")
                if top[0] == "desktop" and len(top) > 1 and top[1] not in allowed:
                    if top[1] not in ("__init__",):
                        found.append(f"{path.relative_to(PKG)} imports {name}")
    return found


def test_no_layer_imports_upward_or_qt_below_ui() -> None:
    assert violations() == []


def test_checker_catches_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6 import QtCore\nimport desktop.ui.window\n")
    assert imported_modules(bad) == ["PySide6", "desktop.ui.window"]


def test_core_layers_import_without_qt() -> None:
    code = (
        "import sys\n"
        + "".join(f"import desktop.{layer}\n" for layer in QT_FREE)
        + "import desktop.cli, desktop.services.importing, desktop.services.suggesting\n"
        + "bad = [m for m in sys.modules if m.startswith('PySide6')]\n"
        + "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
