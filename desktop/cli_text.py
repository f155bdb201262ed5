"""How the CLI prints names it did not choose: file names may hold anything.

A file name on Linux is bytes: it may not be UTF-8 (Python keeps those bytes as lone
surrogates, which crash a UTF-8 stdout after the import already committed), and it may
hold newlines that would forge extra report lines. `shown` makes every name one line of
printable text: undecodable bytes as \\xNN, control characters as \\n, \\t, \\x1b...
"""

from __future__ import annotations

import os

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\"}


def shown(name: object) -> str:
    """One printable line for a path or a name, reversible by eye."""
    text = os.fspath(name) if isinstance(name, os.PathLike) else str(name)
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    out = []
    for ch in text:
        if ch in _NAMED and ch != "\\":
            out.append(_NAMED[ch])
        elif ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 or ch in "\u2028\u2029":
            out.append(f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "".join(out)
