"""Dates in metadata (ISO strings, PDF dates); datelines in text come from temporal.

There is one dateline detector, `desktop.temporal.dateline`: the importer and the
tagger must agree on which line is the dateline.
"""

from __future__ import annotations

import re
from datetime import date

from desktop.temporal.dateline import find_dateline, make_date

__all__ = ["find_dateline", "make_date", "parse_iso_date"]

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_COMPACT = re.compile(r"^\s*(?:D:)?(\d{4})(\d{2})(\d{2})")


def parse_iso_date(value: str | None) -> date | None:
    """Parse an ISO-like date with a year ("2018-09-05T10:00Z"); anything else -> None."""
    if not value:
        return None
    match = _ISO.match(value) or _COMPACT.match(value)
    if match is None:
        return None
    return make_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
