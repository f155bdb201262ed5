"""The editor's actor and place fields: comma-separated names completed from the workspace.

Actors are written "Turkey (subject), HTS (object)": the part in brackets is optional
and only "subject" or "object" are read as a part; anything else stays in the name.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QWidget

_ROLE = re.compile(r"^(?P<name>.*?)\s*\((?P<role>subject|object)\)\s*$", re.IGNORECASE)


def format_actors(actors: list[tuple[str, str]]) -> str:
    return ", ".join(f"{name} ({role})" if role else name for name, role in actors)


def parse_actors(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for piece in text.split(","):
        piece = " ".join(piece.split())
        if not piece:
            continue
        match = _ROLE.match(piece)
        name, role = (match["name"], match["role"].lower()) if match else (piece, "")
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            out.append((name, role))
    return out


def parse_places(text: str) -> list[str]:
    return [name for name, _ in parse_actors(text.replace("(", "").replace(")", ""))]


class ListCompleter(QCompleter):
    """Completes the name after the last comma, keeping what comes before it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.names = QStringListModel()
        super().__init__(self.names, parent)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)

    def set_names(self, names: list[str]) -> None:
        self.names.setStringList(names)

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 - Qt override
        return [path.split(",")[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:  # noqa: N802
        widget = self.widget()
        head = widget.text().rsplit(",", 1)[0] + ", " if widget and "," in widget.text() else ""
        return head + str(index.data())
