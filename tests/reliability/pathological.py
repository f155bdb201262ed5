"""Hostile inputs generated at run time (never committed): bombs and pathological shapes.

Each shape is one that an attacker's run found unbounded (issue 14). They are written to
a folder by `write(folder)`; tests/reliability/test_pathological.py imports each within a
budget, and benchmarks/hostile_bench.py times them and reports peak memory.
"""

from __future__ import annotations

import importlib.util
import io
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

MB = 1024 * 1024
_MAKE_HOSTILE = Path(__file__).resolve().parents[1] / "data" / "make_hostile.py"
SENTENCE = "On 7 September 2018 the council of Idlib met again, officials said on Friday. "
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_bomb(megabytes: int, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A .docx whose document.xml is ``megabytes`` MB of real paragraphs with dates."""
    paragraph = f"<w:p><w:r><w:t>{SENTENCE}</w:t></w:r></w:p>".encode()
    block = paragraph * (MB // len(paragraph))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=method) as archive:
        info = zipfile.ZipInfo("word/document.xml", date_time=(2020, 1, 1, 0, 0, 0))
        info.compress_type = method
        with archive.open(info, "w", force_zip64=True) as member:  # streamed, never whole
            member.write(f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>'.encode())
            for _ in range(megabytes):
                member.write(block)
            member.write(b"</w:body></w:document>")
    return buffer.getvalue()


def _pdf(streams: list[bytes]) -> bytes:
    """A PDF with one page per Flate content stream (built by hand, xref included)."""
    count = len(streams)
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(count))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode()]  # fmt: skip
    font = 3 + 2 * count
    for i, stream in enumerate(streams):
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents "
                       f"{4 + 2 * i} 0 R /Resources << /Font << /F1 {font} 0 R >> >> >>"
                       .encode())  # fmt: skip
        objects.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
                       + stream + b"\nendstream")  # fmt: skip
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    return _hostile().pdf_file(objects)


def _hostile():  # noqa: ANN202 - the generator of the committed corpus, loaded by path
    spec = importlib.util.spec_from_file_location("make_hostile", _MAKE_HOSTILE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _flate(chunk: bytes, repeat: int) -> bytes:
    packer = zlib.compressobj(9)
    parts = [packer.compress(chunk) for _ in range(repeat)]
    return b"".join(parts) + packer.flush()


def pdf_text_bomb(megabytes: int) -> bytes:
    """One page whose content stream inflates to ``megabytes`` MB of text operators."""
    line = f"BT /F1 10 Tf 20 700 Td ({SENTENCE}) Tj ET\n".encode()
    return _pdf([_flate(line * (MB // len(line)), megabytes)])


def pdf_many_streams(count: int, megabytes: int) -> bytes:
    """``count`` pages, each content stream inflating to ``megabytes`` MB of spaces."""
    stream = _flate(b" " * MB, megabytes)
    return _pdf([stream] * count)


def single_line_dates(size: int = 19 * MB) -> bytes:
    return (SENTENCE.encode() * (size // len(SENTENCE) + 1))[:size]


def tiny_lines(lines: int = 9_000_000) -> bytes:
    return b"a\n" * (lines - 1) + SENTENCE.encode()


def many_attributes(size: int = 19 * MB) -> bytes:
    attrs = " ".join(f'data-a{i}="v{i}"' for i in range(200))
    tag = f"<span {attrs}>x</span>".encode()
    head = f"<html><body><p>{SENTENCE}</p><div>".encode()
    return head + tag * ((size - len(head)) // len(tag)) + b"</div></body></html>"


def punycode_charset(size: int = 2 * MB) -> bytes:
    name = "xn--" + "a" * 3000
    body = ("<p>" + SENTENCE + "\u00e9</p>") * (size // (len(SENTENCE) + 10))
    return (f'<html><head><meta charset="punycode"><meta name="x" content="{name}">'
            f"</head><body>{body}</body></html>").encode("utf-8", "replace")[:size].replace(
                b"\xc3\xa9", b"\xe9")  # fmt: skip


# name -> (full-size bytes, smaller bytes for the test suite, what the import must say:
# "" = imported, else a part of the message). The small sizes still took minutes when
# the text paths were quadratic; the benchmark runs the full ones.
SHAPES: dict[str, tuple[Callable[[], bytes], Callable[[], bytes], str]] = {
    "deflate_xml_bomb.docx": (lambda: docx_bomb(60), lambda: docx_bomb(60),
                              "word/document.xml expands to more than"),
    "lzma_xml_bomb.docx": (lambda: docx_bomb(60, zipfile.ZIP_LZMA),
                           lambda: docx_bomb(60, zipfile.ZIP_LZMA),
                           "word/document.xml expands to more than"),
    "lzma_ratio_bomb.docx": (lambda: docx_bomb(20, zipfile.ZIP_LZMA),
                             lambda: docx_bomb(20, zipfile.ZIP_LZMA),
                             "times its compressed size"),
    "flate_text_bomb.pdf": (lambda: pdf_text_bomb(70), lambda: pdf_text_bomb(70),
                            "a stream of the PDF expands to more than"),
    "many_flate_streams.pdf": (lambda: pdf_many_streams(40, 30), lambda: pdf_many_streams(40, 30),
                               "a stream of the PDF expands to more than"),
    "single_line_dates.txt": (single_line_dates, lambda: single_line_dates(4 * MB),
                              "only the first 2,000"),
    "tiny_lines.txt": (tiny_lines, lambda: tiny_lines(2_000_000), ""),
    "many_attributes.html": (many_attributes, many_attributes, "read as plain visible text"),
    "punycode_charset.html": (punycode_charset, lambda: punycode_charset(MB), ""),
}  # fmt: skip


def write(folder: Path, *, full: bool = True, names: list[str] | None = None) -> dict[str, str]:
    """Write the shapes into ``folder``; returns file name -> expected message part."""
    folder.mkdir(parents=True, exist_ok=True)
    expected = {}
    for name, (big, small, message) in SHAPES.items():
        if names is None or name in names:
            (folder / name).write_bytes((big if full else small)())
            expected[name] = message
    return expected
