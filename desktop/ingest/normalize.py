"""The one normalisation stored text gets: NFC, no soft hyphens, no stray zero-width marks.

Done once, before anything is stored, so that citation offsets, the search index and
the reader all see the same characters. ZWJ/ZWNJ stay where they shape a script
(Persian, Indic, emoji sequences: both neighbours non-ASCII) and go where they only
break a word ("Id\u200blib").
"""

from __future__ import annotations

import re
import unicodedata

_ALWAYS = re.compile("[\u00ad\u200b\u2060\ufeff\u180e]")
_JOINERS = re.compile("[\u200c\u200d]")
_SHAPING_JOINER = re.compile(r"(?<=[^\x00-\x7f\s])[\u200c\u200d]+(?=[^\x00-\x7f\s])")


def normalize_text(text: str) -> str:
    """NFC text without soft hyphens, zero-width spaces and word-breaking joiners."""
    if not text.isascii():
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        text = _ALWAYS.sub("", text)
        if _JOINERS.search(text):
            text = _drop_stray_joiners(text)
    return text


def _drop_stray_joiners(text: str) -> str:
    out: list[str] = []
    last = 0
    for match in _SHAPING_JOINER.finditer(text):
        out.append(_JOINERS.sub("", text[last : match.start()]))
        out.append(match.group())
        last = match.end()
    out.append(_JOINERS.sub("", text[last:]))
    return "".join(out)
