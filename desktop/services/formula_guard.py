"""Spreadsheet formula neutralisation for CSV cells (OWASP's "CSV injection" rule).

A cell that begins with = + - @ tab or carriage return is run as a formula by Excel,
LibreOffice and Google Sheets, so a quoted article sentence like "=HYPERLINK(...)" could
act on the analyst's machine. Such cells get a leading apostrophe, which spreadsheets
show as plain text. The mapping is reversible: a cell that already began with an
apostrophe before one of those characters (or before another apostrophe) gets one more,
so importing the CSV back strips exactly one and every value comes back unchanged.
"""

from __future__ import annotations

TRIGGERS = frozenset("=+-@\t\r")
_QUOTE = "'"


def guard(value: str) -> str:
    """The cell as written to a CSV file: safe to open in a spreadsheet."""
    if value[:1] in TRIGGERS or (value[:1] == _QUOTE and value[1:2] in TRIGGERS | {_QUOTE}):
        return _QUOTE + value
    return value


def unguard(value: str) -> str:
    """The value a guarded cell stands for (``unguard(guard(v)) == v`` for every string)."""
    if value[:1] == _QUOTE and value[1:2] and value[1:2] in TRIGGERS | {_QUOTE}:
        return value[1:]
    return value
