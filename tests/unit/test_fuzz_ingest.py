"""Fuzzing the readers: whatever the bytes, read_bytes returns a draft or raises IngestError.

One bad file must never abort an import, so any other exception (or a hang) is a bug.
Inputs are random bytes and mutations of valid files of each format, which reach far
deeper into the parsers than random bytes alone. Derandomized, so CI is repeatable.
"""

from __future__ import annotations

import importlib.util
import io
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.ingest import SUPPORTED_EXTENSIONS, ArticleDraft, IngestError, read_bytes

ARTICLE = "IDLIB, Syria, March 7, 2019 - Shelling hit the market on Friday. " * 3
HTML = (f"<html lang='en'><head><title>T</title><meta property='og:title' content='x'>"
        f"<script type='application/ld+json'>{{\"datePublished\": \"2019-03-07\"}}</script>"
        f"</head><body><p>{ARTICLE}</p><pre>a\n b</pre></body></html>").encode()  # fmt: skip


def _docx(xml: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", xml)
        archive.writestr("docProps/core.xml", b"<cp:coreProperties xmlns:cp='x'/>")
    return buffer.getvalue()


DOCX = _docx(
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>" + ARTICLE.encode() + b"</w:t></w:r></w:p></w:body></w:document>"
)
_spec = importlib.util.spec_from_file_location(
    "make_hostile", Path(__file__).resolve().parents[1] / "data" / "make_hostile.py")
_hostile = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_hostile)
PDF = _hostile._pdf()  # a hand-built one-page PDF with a text layer
MHTML = (b"From: <Saved by Blink>\r\nSubject: T\r\nMIME-Version: 1.0\r\n"
         b'Content-Type: multipart/related; type="text/html"; boundary="B"\r\n\r\n'
         b"--B\r\nContent-Type: text/html; charset=utf-8\r\n"
         b"Content-Transfer-Encoding: quoted-printable\r\n\r\n" + HTML.replace(b"=", b"=3D")
         + b"\r\n--B--\r\n")  # fmt: skip
VALID = {"txt": ARTICLE.encode(), "md": ARTICLE.encode(), "html": HTML, "htm": HTML,
         "pdf": PDF, "docx": DOCX, "mhtml": MHTML, "mht": MHTML,
         "eml": MHTML.replace(b"multipart/related", b"multipart/alternative")}  # fmt: skip
EXTENSIONS = [ext.lstrip(".") for ext in SUPPORTED_EXTENSIONS]


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    """A valid file of some format with bytes flipped, cut, repeated or spliced in."""
    ext = draw(st.sampled_from(EXTENSIONS))
    data = bytearray(VALID[ext])
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["flip", "cut", "insert", "repeat"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if kind == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif kind == "cut":
            del data[at:at + draw(st.integers(1, 64))]
        elif kind == "insert":
            data[at:at] = draw(st.binary(max_size=64))
        else:
            data[at:at] = data[at:at + 16] * draw(st.integers(2, 50))
    return ext, bytes(data)


def _check(data: bytes, name: str) -> None:
    try:
        draft = read_bytes(data, name)
    except IngestError as exc:
        assert str(exc).strip() and "\n" not in str(exc)
        return
    assert isinstance(draft, ArticleDraft)
    assert isinstance(draft.text, str) and draft.text.strip()
    assert "\x00" not in draft.text


@settings(max_examples=120, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(EXTENSIONS), st.binary(max_size=4096))
def test_random_bytes_with_each_extension(ext: str, data: bytes) -> None:
    _check(data, f"fuzz.{ext}")


@settings(max_examples=300, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_valid_files(case: tuple[str, bytes]) -> None:
    ext, data = case
    _check(data, f"fuzz.{ext}")


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.text(max_size=2000), st.sampled_from(["txt", "md", "html"]))
def test_any_text_in_any_encoding(text: str, ext: str) -> None:
    for codec in ("utf-8", "utf-16", "cp1252"):
        _check(text.encode(codec, "replace"), f"fuzz.{ext}")


def test_valid_seeds_of_the_mutations_are_read() -> None:
    for ext, data in VALID.items():
        assert "March" in read_bytes(data, f"ok.{ext}").text, ext
