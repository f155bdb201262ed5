"""DOCX: paragraphs and runs from word/document.xml, core properties, damaged archives."""

from __future__ import annotations

import io
import random
import zipfile

import pytest

from desktop.ingest import IngestError, limits, read_bytes

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"

BODY = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W}" xmlns:mc="{MC}"><w:body>
<w:p><w:r><w:t>Rebels regroup </w:t></w:r><w:r><w:t>in Idlib</w:t></w:r></w:p>
<w:p><w:r><w:t>By Jane Doe</w:t></w:r></w:p>
<w:p><w:r><w:t>Wednesday 05 September 2018</w:t></w:r></w:p>
<w:p/>
<w:p><w:r><w:t>Col A</w:t><w:tab/><w:t>Col B</w:t><w:br/>
<w:t xml:space="preserve">  next line</w:t></w:r></w:p>
<w:p><w:r><mc:AlternateContent><mc:Choice><w:t>chosen</w:t></mc:Choice>
<mc:Fallback><w:p><w:r><w:t>fallback copy</w:t></w:r></w:p></mc:Fallback>
</mc:AlternateContent></w:r></w:p>
<w:p><w:r><w:delText>deleted</w:delText><w:instrText>PAGE</w:instrText></w:r></w:p>
</w:body></w:document>"""

CORE = """<?xml version="1.0" encoding="UTF-8"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>Core title</dc:title><dc:creator>Core Author</dc:creator>
<dcterms:created xsi:type="dcterms:W3CDTF">2024-01-01T00:00:00Z</dcterms:created>
</cp:coreProperties>"""


def make_docx(parts: dict[str, str | bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_paragraphs_runs_tabs_breaks() -> None:
    draft = read_bytes(make_docx({"word/document.xml": BODY}), "story.docx")
    assert draft.text == (
        "Rebels regroup in Idlib\nBy Jane Doe\nWednesday 05 September 2018\n\n"
        "Col A\tCol B\n  next line\nchosen\n"
    ).rstrip("\n")
    assert draft.title == "Rebels regroup in Idlib"
    assert draft.author == "Jane Doe"
    assert str(draft.published) == "2018-09-05"
    assert draft.source_format == "docx"


def test_core_properties_win_and_created_is_ignored() -> None:
    minimal = f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>Only text.</w:t></w:r></w:p>'
    minimal += "</w:body></w:document>"
    data = make_docx({"word/document.xml": minimal, "docProps/core.xml": CORE})
    draft = read_bytes(data, "a.docx")
    assert (draft.title, draft.author, draft.published) == ("Core title", "Core Author", None)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"PK\x03\x04 not really a zip", "not a valid Word document"),
        (b"plain text renamed to docx", "not a valid Word document"),
        (make_docx({"other.xml": "<x/>"}), "word/document.xml is missing"),
        (make_docx({"word/document.xml": "<w:document><w:p>"}), "not valid XML"),
    ],
)
def test_damaged_docx(data: bytes, reason: str) -> None:
    with pytest.raises(IngestError, match=f"the .docx file is damaged: .*{reason}"):
        read_bytes(data, "bad.docx")


def test_truncated_docx() -> None:
    data = make_docx({"word/document.xml": BODY * 3})
    with pytest.raises(IngestError, match="the .docx file is damaged"):
        read_bytes(data[: len(data) - 30], "cut.docx")


def test_zip_bomb_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_MEMBER_BYTES", 10_000)
    huge = f'<w:document xmlns:w="{W}"><w:body>' + "<w:p/>" * 100_000 + "</w:body></w:document>"
    data = make_docx({"word/document.xml": huge})
    assert len(data) < 10_000  # compresses extremely well
    with pytest.raises(limits.LimitExceeded, match="word/document.xml expands to more than"):
        read_bytes(data, "bomb.docx")


def test_lying_declared_size_is_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_MEMBER_BYTES", 10_000)
    huge = "<w:p/>" * 100_000
    data = bytearray(make_docx({"word/document.xml": huge}))
    # Patch the central directory's uncompressed size (offset 24 in the record) to lie.
    central = data.rfind(b"PK\x01\x02")
    data[central + 24 : central + 28] = (100).to_bytes(4, "little")
    with pytest.raises(IngestError, match="the .docx file is damaged"):  # read stops at 100
        read_bytes(bytes(data), "liar.docx")


@pytest.mark.parametrize("method", [zipfile.ZIP_DEFLATED, zipfile.ZIP_LZMA])
def test_expansion_ratio_is_capped(monkeypatch: pytest.MonkeyPatch, method: int) -> None:
    body = f"<w:p><w:r><w:t>{'On 7 May 2019 talks began. ' * 40}</w:t></w:r></w:p>" * 5000
    data = make_docx({"word/document.xml": _W_DOC.format(body)}, method)
    with pytest.raises(limits.LimitExceeded, match="more than 200 times its compressed size"):
        read_bytes(data, "ratio.docx")
    rng = random.Random(7)
    words = [f"{w}{n}" for w in ("talks", "council", "convoy", "market") for n in range(50)]
    readable = "".join(f"<w:p><w:r><w:t>{' '.join(rng.choices(words, k=12))}.</w:t></w:r></w:p>"
                       for _ in range(9000))  # real prose compresses far less than a bomb
    assert len(readable) > limits.RATIO_FLOOR
    draft = read_bytes(make_docx({"word/document.xml": _W_DOC.format(readable)}, method), "ok.docx")
    assert draft.text.count("\n") == 8999


_W_DOC = f'<w:document xmlns:w="{W}"><w:body>{{}}</w:body></w:document>'


def test_doctype_is_refused() -> None:
    evil = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><w:document/>'
    with pytest.raises(IngestError, match="DOCTYPE"):
        read_bytes(make_docx({"word/document.xml": evil}), "evil.docx")


def test_empty_document() -> None:
    empty = f'<w:document xmlns:w="{W}"><w:body><w:p/></w:body></w:document>'
    with pytest.raises(IngestError, match="no text"):
        read_bytes(make_docx({"word/document.xml": empty}), "empty.docx")
