"""PDF: text layer via pypdf from a hand-written file; damaged and image-only PDFs."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.ingest import IngestError, read_bytes


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(pages: list[list[str]], info: dict[str, str] | None = None) -> bytes:
    """A minimal valid PDF: one Helvetica text object per page, correct xref offsets."""
    objects: list[bytes] = []
    page_ids = [4 + 2 * i for i in range(len(pages))]
    kids = " ".join(f"{pid} 0 R" for pid in page_ids)
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for i, lines in enumerate(pages):
        ops = ["BT", "/F1 12 Tf", "14 TL", "72 720 Td"]
        ops += [f"({_escape(line)}) Tj T*" for line in lines]
        ops.append("ET")
        stream = "\n".join(ops).encode("latin-1")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {page_ids[i] + 1} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    info_ref = ""
    if info:
        entries = " ".join(f"/{key} ({_escape(value)})" for key, value in info.items())
        objects.append(f"<< {entries} >>".encode("latin-1"))
        info_ref = f" /Info {len(objects)} 0 R"
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R{info_ref} >>\n".encode()
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def test_text_of_all_pages() -> None:
    data = make_pdf([["Rebels regroup in Idlib", "12 Aug, 2021"], ["Second page text"]])
    draft = read_bytes(data, "story.pdf")
    assert "Rebels regroup in Idlib" in draft.text
    assert "Second page text" in draft.text
    assert "\n\n" in draft.text
    assert draft.published == date(2021, 8, 12)
    assert draft.title == "Rebels regroup in Idlib"
    assert draft.source_format == "pdf"
    assert draft.source_file == "story.pdf"


def test_info_dictionary() -> None:
    info = {"Title": "Official title", "Author": "Jane Doe", "CreationDate": "D:20180905120000Z"}
    draft = read_bytes(make_pdf([["Some body text"]], info), "story.pdf")
    assert draft.title == "Official title"
    assert draft.author == "Jane Doe"
    assert draft.published == date(2018, 9, 5)


def test_no_text_layer() -> None:
    with pytest.raises(IngestError, match="no text layer"):
        read_bytes(make_pdf([[]]), "scan.pdf")


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\ngarbage",
        b"%PDF-1.7\n" + bytes(range(256)) * 4,
        b"this is not a pdf at all",
    ],
)
def test_broken_pdf(data: bytes) -> None:
    with pytest.raises(IngestError, match="the PDF is damaged or unreadable: "):
        read_bytes(data, "broken.pdf")


def test_truncated_pdf() -> None:
    data = make_pdf([["Some body text"]])
    with pytest.raises(IngestError, match="PDF"):
        read_bytes(data[: len(data) // 3], "cut.pdf")
