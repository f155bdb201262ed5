"""Bytes -> str for text-like files, with clear errors for binary or empty input.

Order of trust: a byte-order mark; strict UTF-8 (most modern files); UTF-8 with a
handful of bad bytes (those bytes alone become U+FFFD, the page stays UTF-8); the
charset the file declares, when it decodes cleanly; then charset-normalizer's
guess, guarded so that Western text is never turned into something exotic; last,
Windows-1252, which never fails.
"""

from __future__ import annotations

import codecs
import re

from desktop.ingest.draft import IngestError
from desktop.ingest.limits import web_codec

# Longest BOMs first: the UTF-32 LE mark starts with the UTF-16 LE mark.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_NON_ASCII = re.compile("[^\x00-\x7f]")
_BAD_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
BINARY_MESSAGE = "this looks like a binary file, not text"
_DETECT_SAMPLE = 256 * 1024
_LATIN1_NAMES = frozenset(
    {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii"}
)

# Languages whose legacy files are Windows-1252: when charset-normalizer names one of
# them but picks another code page, the code page is wrong ("Muñoz" as "Muńoz").
_WESTERN_LANGUAGES = frozenset(
    """English French German Spanish Portuguese Italian Dutch Danish Swedish Norwegian
    Finnish Icelandic Catalan Basque Galician Indonesian Malay Afrikaans Swahili Irish
    Welsh Scottish""".split()
)
# Code pages a real file of today is plausibly in; anything else (cp1258, mac_*, DOS
# pages, rare ISO parts) is only believed when the text is not mostly ASCII letters.
_COMMON_CODECS = frozenset(
    """cp1250 cp1251 cp1253 cp1254 cp1255 cp1256 cp1257 koi8_r koi8_u iso8859_2 iso8859_4
    iso8859_5 iso8859_6 iso8859_7 iso8859_8 iso8859_9 iso8859_13 iso8859_15 big5 big5hkscs
    gb2312 gbk gb18030 hz euc_jp shift_jis shift_jis_2004 cp932 iso2022_jp euc_kr cp949
    johab tis_620 cp874 mac_cyrillic""".split()
)


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


def codec_name(label: str | None) -> str | None:
    """Python's codec for a declared charset label, or None when unknown or unusable.

    Latin-1 and ASCII labels mean Windows-1252, as in every browser.
    """
    name = (label or "").strip().strip("\"'").lower()
    if not name:
        return None
    if name in _LATIN1_NAMES:
        return "cp1252"
    if not web_codec(name):  # punycode, idna, utf-7, ...: not web charsets, some quadratic
        return None
    codec = codecs.lookup(name).name
    return None if codec.startswith(("utf-16", "utf-32")) else codec


def _utf8_with_few_errors(data: bytes) -> str | None:
    """UTF-8 text with a few stray bytes: replace those bytes only, keep the rest.

    Taken when the valid multi-byte characters far outnumber the bad bytes; a
    Latin-1 file (no valid multi-byte characters at all) never qualifies.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    if bad <= 0:
        return text
    multibyte = len(_NON_ASCII.findall(text)) - bad
    if multibyte >= 4 * bad and bad <= max(8, len(text) // 1000):
        return text
    return None


def _looks_ascii_latin(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isascii() for ch in letters) >= 0.8 * len(letters)


def _detected(data: bytes) -> str:
    """charset-normalizer's reading of ``data``, guarded against exotic misreadings."""
    from charset_normalizer import from_bytes  # lazily: most files are UTF-8

    western = decode_cp1252(data)
    best = from_bytes(data[:_DETECT_SAMPLE]).best()
    if best is None or best.encoding in ("ascii", "utf_8", "cp1252", "latin_1"):
        return western
    codec = best.encoding
    if best.language in _WESTERN_LANGUAGES or not web_codec(codec):
        return western
    if codec not in _COMMON_CODECS and _looks_ascii_latin(western[:_DETECT_SAMPLE]):
        return western
    text = data.decode(codec, errors="replace")
    return western if text == western else text


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode file bytes to text without losing a character; reject binary data.

    ``declared`` is a charset the container names (an HTML <meta>, a MIME part);
    it is trusted only when the bytes are not UTF-8 and decode cleanly with it.
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
        text = _decode_unmarked(data, codec_name(declared))
    check_text(text)
    return text


def _decode_unmarked(data: bytes, declared: str | None) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    nearly = _utf8_with_few_errors(data)
    if nearly is not None:
        return nearly
    check_text(decode_cp1252(data[:65536]))  # binary is refused before any guessing
    if declared and declared != "utf-8":
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    return _detected(data)


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
