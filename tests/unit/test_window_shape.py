"""The window's shape in one place: helpers in ui/ get the window's context and panes,
never the window, and the window's own attributes are all declared in its __init__."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "desktop" / "ui"
COMPOSITION_ROOT = {"app.py"}  # builds the window; nothing else may know it


def imports_of(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module if node.level == 0 else "." * node.level + node.module)
    return found


def modules_importing_main_window() -> list[str]:
    bad = []
    for path in sorted(UI.rglob("*.py")):
        rel = path.relative_to(UI).as_posix()
        if rel in COMPOSITION_ROOT or rel == "main_window.py":
            continue
        if any(name.endswith("main_window") for name in imports_of(path)):
            bad.append(rel)  # TYPE_CHECKING imports count: they are the same coupling
    return bad


def test_nothing_in_ui_imports_the_main_window() -> None:
    assert modules_importing_main_window() == []


def test_the_check_sees_a_type_checking_import(tmp_path: Path) -> None:
    bad = tmp_path / "helper.py"
    bad.write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                   "    from desktop.ui.main_window import MainWindow\n")
    assert "desktop.ui.main_window" in imports_of(bad)


def attributes_set_outside_init(path: Path, class_name: str) -> set[str]:
    """`self.x = …` in the class's methods for an x its __init__ does not set."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == class_name)

    def assigned(fn: ast.AST) -> set[str]:
        names = set()
        for node in ast.walk(fn):
            targets = node.targets if isinstance(node, ast.Assign) else \
                [node.target] if isinstance(node, ast.AnnAssign) else []
            for t in targets:
                for el in t.elts if isinstance(t, ast.Tuple) else [t]:
                    if isinstance(el, ast.Attribute) and isinstance(el.value, ast.Name) \
                            and el.value.id == "self":
                        names.add(el.attr)
        return names

    methods = [n for n in cls.body if isinstance(n, ast.FunctionDef)]
    init = next(m for m in methods if m.name == "__init__")
    later = set().union(*(assigned(m) for m in methods if m is not init))
    return later - assigned(init)


def test_main_window_declares_its_state_in_init() -> None:
    assert attributes_set_outside_init(UI / "main_window.py", "MainWindow") == set()


def test_no_helper_hangs_attributes_on_the_window() -> None:
    """The old mixins and chrome set `window.x = …` from outside; none may now."""
    bad = []
    for path in sorted(UI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign):
                for t in node.targets:
                    if isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name) \
                            and t.value.id in ("window", "w"):
                        bad.append(f"{path.name}:{node.lineno} {t.value.id}.{t.attr}")
    assert bad == []
