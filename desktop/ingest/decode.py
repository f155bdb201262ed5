"""Bytes -> str for text-like files, with clear errors for binary or empty input.

Order of trust: a byte-order mark, then strict UTF-8 (most modern files), then
Windows-1252 (old Windows / Excel exports), where the five bytes cp1252 leaves
undefined fall back to their Latin-1 meaning so that decoding never fails.
"""

from __future__ import annotations

import codecs
import re

from desktop.ingest.draft import IngestError

# Longest BOMs first: the UTF-32 LE mark starts with the UTF-16 LE mark.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_ALLOWED_CONTROLS = frozenset("\t\n\r\f")
_BAD_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
BINARY_MESSAGE = "this looks like a binary file, not text"


def _cp1252_table() -> str:
    chars = []
    for byte in range(256):
        try:
            chars.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            chars.append(chr(byte))  # Latin-1 meaning of the 5 undefined bytes
    return "".join(chars)


_CP1252_TABLE = _cp1252_table()


def sniff_bom(data: bytes) -> tuple[str, int] | None:
    """Return (codec, BOM length) when ``data`` starts with a byte-order mark."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec, len(bom)
    return None


def decode_cp1252(data: bytes) -> str:
    """Decode as Windows-1252; never fails (undefined bytes map to Latin-1)."""
    return codecs.charmap_decode(data, "strict", _CP1252_TABLE)[0]


def _bomless_utf16(data: bytes) -> str | None:
    """Guess UTF-16 without a BOM from the NUL pattern of mostly-ASCII text."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    half = len(sample) // 2
    if odd.count(0) > 0.4 * half and even.count(0) < 0.05 * half:
        return "utf-16-le"
    if even.count(0) > 0.4 * half and odd.count(0) < 0.05 * half:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes) -> str:
    """Decode file bytes to text without losing a character; reject binary data.

    The result is exactly what citation offsets will index into: only the BOM
    is removed, nothing is normalised.
    """
    if not data:
        raise IngestError("the file is empty")
    bom = sniff_bom(data)
    if bom is not None:
        codec, size = bom
        text = data[size:].decode(codec, errors="replace")
    elif b"\x00" in data:
        codec16 = _bomless_utf16(data)
        if codec16 is None:
            raise IngestError(BINARY_MESSAGE)
        try:
            text = data.decode(codec16)
        except UnicodeDecodeError:
            raise IngestError(BINARY_MESSAGE) from None
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = decode_cp1252(data)
    check_text(text)
    return text


def control_share(text: str) -> float:
    """Share of control characters that never occur in real text."""
    if not text:
        return 0.0
    # Category Cc is exactly U+0000-001F and U+007F-009F; a regex counts them at C speed.
    return len(_BAD_CONTROLS.findall(text)) / len(text)


def check_text(text: str) -> None:
    """Raise IngestError when decoded text is empty or looks like binary data."""
    if not text:
        raise IngestError("the file is empty")
    if not text.strip():
        raise IngestError("the file has no text")
    sample = text[:65536]
    bad = round(control_share(sample) * len(sample))
    if "\x00" in sample or bad > 0.05 * len(sample) or (bad > 16 and bad > 0.01 * len(sample)):
        raise IngestError(BINARY_MESSAGE)
