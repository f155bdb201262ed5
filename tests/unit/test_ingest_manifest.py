"""articles.csv: rows keyed by file name, errors that name the line, overrides."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.ingest import ArticleDraft, IngestError, ManifestRow, apply_manifest, read_manifest


def _write(folder: Path, content: str, encoding: str = "utf-8") -> None:
    (folder / "articles.csv").write_bytes(content.encode(encoding))


def test_no_manifest(tmp_path: Path) -> None:
    assert read_manifest(tmp_path) == {}


def test_rows(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "file,title,outlet,url,published,author,language,notes\r\n"
        '001.txt,"Protests, again",Al Mayadeen,https://x.example/1,2021-08-12,Staff,en,ok\r\n'
        "\r\n"
        "004.txt,,,,,,,\r\n",
    )
    rows = read_manifest(tmp_path)
    assert rows["001.txt"] == ManifestRow(
        file="001.txt",
        title="Protests, again",
        outlet="Al Mayadeen",
        url="https://x.example/1",
        published=date(2021, 8, 12),
        author="Staff",
        language="en",
    )
    assert rows["004.txt"] == ManifestRow(file="004.txt")


def test_minimal_columns_and_cp1252(tmp_path: Path) -> None:
    _write(tmp_path, "File,Title\n\u00e9t\u00e9.txt,\u201cQuoted\u201d\n", encoding="cp1252")
    rows = read_manifest(tmp_path)
    assert rows["été.txt"].title == "\u201cQuoted\u201d"
    assert rows["été.txt"].published is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("001.txt,Title\n", "line 1: the first line must name the columns"),
        ("file,published\na.txt,5/9/2018\n", "line 2: the published date '5/9/2018'"),
        ("file,published\na.txt,2018-02-30\n", "line 2: .*not a real date"),
        ("file,title\na.txt,x\nb.txt,y,extra\n", "line 3: 3 values for 2 columns"),
        ("file,title\n,x\n", "line 2: the file name is empty"),
        ("file\na.txt\na.txt\n", "line 3: 'a.txt' is listed twice"),
        ('file,title\na.txt,"unclosed\x00\n', "articles.csv"),
        ("file,title\na.txt," + "x" * 200_000 + "\n", "line 2: the line is not valid CSV"),
    ],
)
def test_malformed(tmp_path: Path, content: str, message: str) -> None:
    _write(tmp_path, content)
    with pytest.raises(IngestError, match=message):
        read_manifest(tmp_path)


def test_apply_manifest_overrides_non_empty_values() -> None:
    draft = ArticleDraft(text="t", title="Detected", outlet=None, published=date(2020, 1, 1))
    row = ManifestRow(
        file="a.txt",
        title="Typed",
        outlet="",
        url="https://x.example",
        published=None,
        language="fr",
    )
    result = apply_manifest(draft, row)
    assert result.title == "Typed"
    assert result.outlet is None
    assert result.url == "https://x.example"
    assert result.published == date(2020, 1, 1)
    assert result.language == "fr"
    assert draft.title == "Detected"  # the original draft is untouched
