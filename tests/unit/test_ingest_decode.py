"""Decoding rules: BOM, UTF-8, cp1252 with Latin-1 fallback, and binary rejection."""

from __future__ import annotations

import codecs
import random

import pytest

from desktop.ingest import IngestError, read_bytes
from desktop.ingest.decode import decode_bytes, decode_cp1252


def test_utf8_is_kept_exactly() -> None:
    raw = "  Title\r\n\r\nCafé “quoted”  \n\tend\n"
    assert decode_bytes(raw.encode("utf-8")) == raw


def test_utf8_bom_is_removed_and_nothing_else() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + b"  a\r\nb ") == "  a\r\nb "


def test_latin1_file() -> None:
    text = "Café in Zürich\n"
    assert decode_bytes(text.encode("latin-1")) == text


def test_cp1252_curly_quotes() -> None:
    text = "He said \u201cno\u201d \u2013 it\u2019s over\n"
    assert decode_bytes(text.encode("cp1252")) == text


def test_cp1252_undefined_bytes_fall_back_to_latin1() -> None:
    assert decode_cp1252(b"a\x81b\x9dc") == "a\x81b\x9dc"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_bom_marked_unicode(codec: str) -> None:
    text = "Zürich, 5 September 2018\n"
    data = text.encode(codec)
    if codec == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    assert decode_bytes(data) == text


def test_utf16_without_bom_is_recognised() -> None:
    text = "Plain ASCII article text\n"
    assert decode_bytes(text.encode("utf-16-le")) == text


def test_random_bytes_are_binary() -> None:
    data = random.Random(7).randbytes(4096)
    with pytest.raises(IngestError, match="binary file, not text"):
        read_bytes(data, "notes.txt")


def test_control_characters_without_nul_are_binary() -> None:
    data = bytes(range(1, 9)) * 100 + b"some text"
    with pytest.raises(IngestError, match="binary file, not text"):
        decode_bytes(data)


def test_empty_and_blank() -> None:
    with pytest.raises(IngestError, match="the file is empty"):
        read_bytes(b"", "a.txt")
    with pytest.raises(IngestError, match="the file has no text"):
        read_bytes(b" \r\n\t\n", "a.txt")
