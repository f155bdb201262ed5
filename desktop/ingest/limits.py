"""Every size limit the readers apply, in one place, with the messages users see.

A 20 MB file must import (or be refused) in bounded time and memory whatever it holds,
so compressed content is measured while it is inflated, in chunks, and refused the
moment it passes a limit: a zip member or PDF stream never reaches memory whole.
Each message names the part and the limit, so the user knows what to do.
"""

from __future__ import annotations

import codecs
import re
import zlib
from typing import IO

from desktop.ingest.draft import IngestError

MB = 1024 * 1024
MAX_FILE_BYTES = 20 * MB  # any file, before reading
MAX_TEXT_CHARS = 20 * MB  # an article's text, whatever the format made of it
MAX_MEMBER_BYTES = 32 * MB  # one part of a .docx, inflated
MAX_ARCHIVE_BYTES = 48 * MB  # all parts read from one .docx, inflated
MAX_STREAM_BYTES = 32 * MB  # one PDF stream, inflated
MAX_STREAMS_BYTES = 128 * MB  # all of a PDF's streams, inflated
MAX_TREE_CHARS = 4 * MB  # web pages larger than this skip trafilatura (memory ~80x the page)
MAX_RATIO = 200  # inflated / compressed, once past RATIO_FLOOR; real files stay under 30
RATIO_FLOOR = MB
CHUNK = 256 * 1024

# Charsets a web page may declare and we decode with; Python's other codecs (punycode,
# idna, unicode_escape, utf-7, ...) are not web encodings and some are quadratic.
WEB_CODECS = frozenset(
    """utf_8 cp1252 cp1250 cp1251 cp1253 cp1254 cp1255 cp1256 cp1257 cp1258 cp874 koi8_r koi8_u
    iso8859_2 iso8859_3 iso8859_4 iso8859_5 iso8859_6 iso8859_7 iso8859_8 iso8859_9 iso8859_10
    iso8859_13 iso8859_14 iso8859_15 iso8859_16 mac_roman mac_cyrillic big5 big5hkscs gb2312
    gbk gb18030 euc_jp shift_jis cp932 iso2022_jp euc_kr cp949 tis_620 latin_1 ascii""".split()
)


class LimitExceeded(IngestError):
    """Content past a size limit; the message names the part and the limit."""


def size(n: int) -> str:
    return f"{n / MB:,.0f} MB" if n >= MB else f"{n // 1024:,} KB"


def text_too_long(chars: int) -> LimitExceeded:
    return LimitExceeded(
        f"its text is over {chars / MB:,.1f} million characters, more than the "
        f"{MAX_TEXT_CHARS / MB:,.0f} million an article may have; split it into smaller files"
    )


def check_text(text: str) -> str:
    """The text as is, or LimitExceeded when no article should be that long."""
    if len(text) > MAX_TEXT_CHARS:
        raise text_too_long(len(text))
    return text


def web_codec(name: str | None) -> bool:
    """True for a charset a page may use (the caller has already resolved the label)."""
    if not name or len(name) > 40:
        return False
    try:
        return codecs.lookup(name).name.replace("-", "_") in WEB_CODECS
    except LookupError:
        return False


class CappedStream:
    """Reads a decompressing stream, refusing it once it passes a size or ratio limit."""

    def __init__(self, stream: IO[bytes], what: str, compressed: int, budget: list[int]) -> None:
        self.stream, self.what, self.compressed = stream, what, max(compressed, 1)
        self.budget = budget  # shared across the parts of one file: [bytes still allowed]
        self.seen = 0

    def read(self, n: int = -1) -> bytes:
        data = self.stream.read(CHUNK if n is None or n < 0 else min(n, CHUNK))
        self.seen += len(data)
        self.budget[0] -= len(data)
        if self.seen > MAX_MEMBER_BYTES:
            raise LimitExceeded(f"{self.what} expands to more than {size(MAX_MEMBER_BYTES)}, "
                                "the limit for one part of a document")  # fmt: skip
        if self.seen > RATIO_FLOOR and self.seen > MAX_RATIO * self.compressed:
            raise LimitExceeded(
                f"{self.what} expands to more than {MAX_RATIO} times its compressed size "
                f"({size(self.compressed)} to over {size(self.seen)}): a decompression bomb?"
            )
        if self.budget[0] < 0:
            raise LimitExceeded(f"its parts expand to more than {size(MAX_ARCHIVE_BYTES)}, "
                                "the limit for one document")  # fmt: skip
        return data


_STREAM = re.compile(rb"stream\r?\n")
_FLATE = re.compile(rb"/(?:FlateDecode|Fl)\b")
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")


def check_pdf_streams(data: bytes) -> None:
    """Inflate every Flate stream of a PDF in chunks, refusing it past the limits.

    Runs before any PDF library sees the file, so the caps hold whatever extractor is
    used. Image streams are skipped: text extraction never decodes them.
    """
    total = 0
    for match in _STREAM.finditer(data):
        start = match.end()
        head = data[max(0, match.start() - 512) : match.start()]
        if not head.rstrip().endswith(b">>"):
            continue  # the word "stream" inside content, not a stream keyword
        dictionary = head[head.rfind(b"<<") :] if b"<<" in head else head
        if not _FLATE.search(dictionary) or _IMAGE.search(dictionary):
            continue
        end = data.find(b"endstream", start)
        raw = memoryview(data)[start : end if end >= 0 else len(data)]
        total += _inflated_size(raw, total)


def _inflated_size(raw: memoryview, before: int) -> int:
    inflater = zlib.decompressobj()
    out = 0
    for at in range(0, len(raw), CHUNK):
        piece = raw[at : at + CHUNK]
        try:
            while piece:
                chunk = inflater.decompress(piece, CHUNK)
                out += len(chunk)
                _check_stream(out, len(raw), before + out)
                piece = inflater.unconsumed_tail
        except zlib.error:
            return out  # damaged or encrypted: the PDF reader decides what it is worth
        if inflater.eof:
            break
    return out


def _check_stream(out: int, compressed: int, total: int) -> None:
    if out > MAX_STREAM_BYTES:
        raise LimitExceeded(f"a stream of the PDF expands to more than {size(MAX_STREAM_BYTES)}, "
                            "the limit for one stream: a decompression bomb?")  # fmt: skip
    if out > RATIO_FLOOR and out > MAX_RATIO * max(compressed, 1):
        raise LimitExceeded(
            f"a stream of the PDF expands to more than {MAX_RATIO} times its compressed size "
            f"({size(compressed)} to over {size(out)}): a decompression bomb?"
        )
    if total > MAX_STREAMS_BYTES:
        raise LimitExceeded(f"the PDF's streams expand to more than {size(MAX_STREAMS_BYTES)}, "
                            "the limit for one file")  # fmt: skip
