"""Refuse PDF decompression bombs before PDFium unpacks them.

PDFium inflates content streams without a limit: a 1 MB file whose Flate stream
unpacks to 1 GB costs 2 GB of memory. Each non-image Flate stream is inflated here
in bounded chunks (images are never decoded for text), and the file is refused as
soon as their total passes the cap; nothing is kept, so memory stays flat.
"""

from __future__ import annotations

import base64
import re
import zlib

MAX_UNPACKED = 64 * 1024 * 1024
_STREAM = re.compile(rb"(?<!end)stream\r?\n")
_CHUNK = 1 << 20
_DICT_LOOKBACK = 2048
_WHITESPACE = re.compile(rb"\s+")


def _encoded(data: bytes, start: int, head: bytes) -> bytes | memoryview:
    """The stream's Flate bytes, undoing an ASCII85 or ASCIIHex stage in front of Flate."""
    if b"ASCII85" in head or b"/A85" in head:
        end = data.find(b"~>", start)
        try:
            return base64.a85decode(_WHITESPACE.sub(b"", data[start : end if end >= 0 else None]))
        except ValueError:
            return b""
    if b"ASCIIHex" in head or b"/AHx" in head:
        end = data.find(b">", start)
        try:
            digits = _WHITESPACE.sub(b"", data[start : end if end >= 0 else None])
            return bytes.fromhex(digits.decode())
        except (ValueError, UnicodeDecodeError):
            return b""
    return memoryview(data)[start:]


def unpacked_size_exceeds(data: bytes, limit: int = MAX_UNPACKED) -> bool:
    """True when the non-image Flate streams of ``data`` unpack to more than ``limit``."""
    total = 0
    for match in _STREAM.finditer(data):
        head = data[max(0, match.start() - _DICT_LOOKBACK) : match.start()]
        head = head[head.rfind(b"obj") + 1 :] if b"obj" in head else head
        if (b"Flate" not in head and b"/Fl" not in head) or b"/Image" in head:
            continue
        encoded = _encoded(data, match.end(), head)
        inflater = zlib.decompressobj()
        position = 0
        while position < len(encoded) and not inflater.eof:
            try:
                out = inflater.decompress(encoded[position : position + _CHUNK], limit - total + 1)
                total += len(out)
                while inflater.unconsumed_tail and total <= limit:
                    out = inflater.decompress(inflater.unconsumed_tail, limit - total + 1)
                    total += len(out)
            except zlib.error:
                break  # a damaged stream: PDFium will say so, or skip it
            if total > limit:
                return True
            position += _CHUNK
    return False
