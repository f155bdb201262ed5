"""Write files made to break parsers, each with the outcome the importer must give it.

Why generated: the corpus stays reviewable (this script is the spec) and the big ones
(zip bombs, 100 MB of one line) never enter the repository. The small ones are
committed in tests/data/hostile/ so that they can be tried by hand.

    python tests/data/make_hostile.py [FOLDER] [--big]

writes the files and FOLDER/expected.json: {file: [status, text the message contains]}.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_FOLDER = HERE / "hostile"
ARTICLE = (
    "IDLIB, Syria, March 7, 2019 (Reuters) - Shelling hit the market on Friday, "
    "residents said. The council met again on March 3."
)
FILLER = b"<p>The road to the market stayed open and traders sold bread and fuel.</p>\n"
BINARY = "this looks like a binary file, not text"
DOCX_DAMAGED = "the .docx file is damaged"
PDF_DAMAGED = "the PDF is damaged or unreadable"
Case = tuple[str, Callable[[], bytes], str, str]  # name, content, status, message part


def _random(n: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(n)


def _docx(parts: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            archive.writestr(info, data, compress_type=method, compresslevel=9)
    return buffer.getvalue()


def _document(body: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    ).encode()


def _pdf(text: str = ARTICLE, *, kids: str = "[3 0 R]", xref_ok: bool = True,
         padding: int = 0) -> bytes:  # fmt: skip
    """A one-page PDF with a text layer, built by hand so each part can be broken.

    ``padding`` spaces after the text, Flate-compressed, make a decompression bomb.
    """
    stream = f"BT /F1 10 Tf 20 700 Td ({text}) Tj ET".encode()
    extra = b""
    if padding:
        stream = zlib.compress(stream + b" " * padding, 9)
        extra = b" /Filter /FlateDecode"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids {kids} /Count 1 >>".encode(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d%s >>\nstream\n" % (len(stream), extra) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return pdf_file(objects, xref_ok=xref_ok)


def pdf_file(objects: list[bytes], *, xref_ok: bool = True) -> bytes:
    """Numbered objects (1 is the catalog) with a cross-reference table; a broken one if asked."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % (offset * 7 + 13 if not xref_ok else offset)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref + (0 if xref_ok else 5))  # fmt: skip
    return bytes(out)


def _html_with_remote_things() -> bytes:
    return f"""<!DOCTYPE html><html lang="en"><head>
<meta http-equiv="refresh" content="0; url=http://127.0.0.1:9/refresh">
<link rel="stylesheet" href="http://127.0.0.1:9/style.css">
<script src="http://127.0.0.1:9/tracker.js"></script>
<script>fetch('http://127.0.0.1:9/beacon'); alert('script ran');</script>
<style>body {{ background: url(http://127.0.0.1:9/bg.png) }}</style>
<title>Remote things</title></head>
<body onload="alert('onload ran')">
<iframe src="http://127.0.0.1:9/frame"></iframe>
<img src="http://127.0.0.1:9/pixel.gif" onerror="alert('onerror ran')">
<object data="http://127.0.0.1:9/plugin"></object>
<p>{_a("remote")}</p>
<svg><script>alert('svg script ran')</script></svg>
</body></html>""".encode()


def _bomb(size: int, declared: int | None = None) -> bytes:
    """A .docx whose document.xml inflates to `size` bytes; `declared` makes headers lie."""
    data = bytearray(_docx({"word/document.xml": b" " * size}))
    if declared is not None:  # patch the sizes in the local header and central directory
        for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
            at = data.find(signature)
            data[at + offset:at + offset + 4] = declared.to_bytes(4, "little")
    return bytes(data)


def _a(tag: str) -> str:
    """The sample article, made unique so that no case is a duplicate of another."""
    return f"{ARTICLE} Case {tag}."


def small_cases() -> list[Case]:
    """Files small enough to commit (a few KB each)."""
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
              b"<w:document>&lol2;</w:document>")  # fmt: skip
    return [
        ("random.txt", lambda: _random(4096, 1), "failed", BINARY),
        ("random.md", lambda: _random(4096, 2), "failed", BINARY),
        ("random.html", lambda: _random(4096, 3), "failed", BINARY),
        ("random.pdf", lambda: _random(4096, 4), "failed", "does not start like a PDF"),
        ("random.docx", lambda: _random(4096, 5), "failed", "not a valid Word document"),
        ("nul_bytes.txt", lambda: (ARTICLE.encode() + b"\x00\x00") * 20, "failed", BINARY),
        ("escape_codes.md", lambda: b"\x1b[31mred\x1b[0m \x07\x08" * 200, "failed", BINARY),
        ("empty.txt", lambda: b"", "failed", "the file is empty"),
        ("blank.md", lambda: b" \n\t\r\n" * 50, "failed", "the file has no text"),
        ("mixed_encodings.txt",
         lambda: _a("mixed").encode() + " Caf\u00e9 \u2014 ".encode() + b"d\xe9j\xe0 \x93vu\x94",
         "imported", ""),
        ("utf16_without_bom.txt", lambda: _a("utf16").encode("utf-16-le"), "imported", ""),
        ("remote_and_scripts.html", _html_with_remote_things, "imported", ""),
        ("unclosed_everything.html",
         lambda: f"<html><body><p>{_a('unclosed')}<b><i><!-- never closed <![CDATA[ <".encode(),
         "imported", ""),
        ("bogus_charset.html",
         lambda: b'<meta charset="x-no-such-codec"><p>' + _a("charset").encode() + b"</p>",
         "imported", ""),
        ("tags_only.html", lambda: b"<div><span></span></div>" * 100, "failed",
         "the web page has no readable text"),
        ("broken_xref.pdf", lambda: _pdf(_a("xref"), xref_ok=False), "imported", ""),
        ("truncated.pdf", lambda: _pdf()[:300], "failed", PDF_DAMAGED),
        ("cyclic_pages.pdf", lambda: _pdf(kids="[2 0 R]"), "failed", "the PDF"),
        ("pdf_named.txt", lambda: _pdf(_a("named")), "imported", ""),
        ("not_a_zip.docx", lambda: ARTICLE.encode(), "failed", "not a valid Word document"),
        ("no_document.docx", lambda: _docx({"docProps/core.xml": b"<x/>"}), "failed",
         "word/document.xml is missing"),
        ("billion_laughs.docx", lambda: _docx({"word/document.xml": laughs}), "failed",
         "DOCTYPE"),
        ("bad_xml.docx", lambda: _docx({"word/document.xml": b"<w:document><w:p>"}), "failed",
         "not valid XML"),
        ("lying_sizes.docx", lambda: _bomb(2_000_000, declared=1000), "failed", DOCX_DAMAGED),
        ("odd_numbers.txt",
         lambda: (b"In 99999999999999999999, on 31/31/31, on the 0th of Smarch and in year "
                  b"10000000 nothing happened. On Friday, 29 February 2019, neither."),
         "imported", ""),  # fmt: skip
    ]


def big_cases() -> list[Case]:
    """Generated at test time only: large, or compressible into a bomb."""
    deep = b"<div>" * 100_000 + _a("deep").encode() + b"</div>" * 100_000
    nested = _document("<w:p>" * 100_000 + f"<w:r><w:t>{_a('nested')}</w:t></w:r>"
                       + "</w:p>" * 100_000)  # fmt: skip
    return [
        ("zip_bomb.docx", lambda: _bomb(80_000_000), "failed",
         "word/document.xml expands to more than 32 MB"),
        ("lying_zip_bomb.docx", lambda: _bomb(80_000_000, declared=4096), "failed",
         DOCX_DAMAGED),
        # 100,000 nested paragraphs inflate 1,000-fold: refused by the expansion-ratio cap.
        ("deeply_nested.docx", lambda: _docx({"word/document.xml": nested}), "failed",
         "more than 200 times its compressed size"),
        ("deeply_nested.html", lambda: deep, "imported", ""),
        ("gigantic.html", lambda: FILLER * 60_000 + _a("gigantic").encode(), "imported", ""),
        ("deep_json_ld.html", lambda: (b'<script type="application/ld+json">'
                                       + b"[" * 500_000 + b"]" * 500_000 + b"</script><p>"
                                       + _a("json").encode() + b"</p>"), "imported", ""),
        ("one_line_100mb.txt", lambda: b"a" * 100_000_000, "failed", "larger than the 20 MB"),
        ("one_line_5mb.txt", lambda: b"word " * 1_000_000, "imported", ""),
        ("many_lines.txt", lambda: b"On Friday.\n" * 50_000, "imported", ""),
        ("flate_bomb.pdf", lambda: _pdf(padding=100_000_000), "failed",
         "a stream of the PDF expands to more than"),
    ]


def build(folder: Path, *, big: bool = False) -> dict[str, list[str]]:
    """Write the corpus into `folder` (and expected.json); returns file -> [status, message]."""
    folder.mkdir(parents=True, exist_ok=True)
    expected: dict[str, list[str]] = {}
    for name, content, status, message in small_cases() + (big_cases() if big else []):
        (folder / name).write_bytes(content())
        expected[name] = [status, message]
    (folder / "expected.json").write_text(json.dumps(expected, indent=1) + "\n")
    return expected


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--big", action="store_true", help="also the big files (~120 MB)")
    args = parser.parse_args()
    print(f"{len(build(args.folder, big=args.big))} files in {args.folder}")
