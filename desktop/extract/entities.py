"""Actors and places of a happening, found in its sentence (no Qt, no database)."""

from __future__ import annotations

import re

_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'", "-": " ", "‐": " "})


def entity_key(name: str) -> str:
    """The loose form two spellings of one name share: case, spacing, a leading "the",
    curly apostrophes and hyphens do not matter ("Hay’at Tahrir al-Sham")."""
    text = " ".join(str(name).translate(_APOSTROPHES).split())
    return _LEADING_THE.sub("", text).casefold()
