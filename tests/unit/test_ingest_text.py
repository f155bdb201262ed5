"""Plain text and the read_path/read_bytes entry points: seeds, metadata, errors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.ingest import IngestError, draft_from_text, read_bytes, read_path

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _seed(prefix: str) -> Path:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path


@pytest.mark.parametrize(
    ("prefix", "published"),
    [
        ("000", None),
        ("001", date(2021, 8, 12)),
        ("002", None),
        ("003", None),
        ("004", date(2018, 9, 5)),
    ],
)
def test_seed_datelines(prefix: str, published: date | None) -> None:
    path = _seed(prefix)
    draft = read_path(path)
    assert draft.published == published
    assert draft.text == path.read_bytes().decode("utf-8")
    assert draft.source_file == path.name
    assert draft.source_format == "txt"


def test_seed_metadata() -> None:
    first = read_path(_seed("001"))
    assert first.title == "Supporters of armed groups attack Turkish checkpoints in Idlib, Aleppo"
    assert first.author == "Al Mayadeen English"
    assert read_path(_seed("000")).title is None  # starts with a paragraph, not a headline
    independent = read_path(_seed("004"))
    assert independent.title is not None
    assert independent.title.startswith("Syrian rebels hope Turkey")


def test_pasted_text_metadata() -> None:
    text = "# Rebels regroup\n\nhttps://example.org/story\nBy Jane Doe\nMarch 3, 2020\n\nBody."
    draft = draft_from_text(text)
    assert draft.text == text
    assert draft.title == "Rebels regroup"
    assert draft.url == "https://example.org/story"
    assert draft.author == "Jane Doe"
    assert draft.published == date(2020, 3, 3)
    assert draft.source_file is None


def test_pasted_text_without_metadata() -> None:
    draft = draft_from_text("This is one sentence. It was on Friday.")
    assert (draft.title, draft.url, draft.author, draft.published) == (None, None, None, None)
    with pytest.raises(IngestError):
        draft_from_text("   \n")


def test_markdown_kept_exactly(tmp_path: Path) -> None:
    raw = "# Heading\r\n\r\n*Body*  \r\n"
    path = tmp_path / "note.MD"
    path.write_bytes(raw.encode("utf-8"))
    draft = read_path(path)
    assert draft.text == raw
    assert draft.source_format == "md"
    assert draft.source_file == "note.MD"


def test_latin1_file_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "cafe.txt"
    path.write_bytes("Café in Zürich\n\nSome text.".encode("latin-1"))
    assert read_path(path).text == "Café in Zürich\n\nSome text."


def test_unknown_extension(tmp_path: Path) -> None:
    path = tmp_path / "sheet.xlsx"
    path.write_bytes(b"whatever")
    with pytest.raises(IngestError, match="'.xlsx' files cannot be imported"):
        read_path(path)
    with pytest.raises(IngestError, match="without an extension"):
        read_bytes(b"text", "README")


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 3000)
    with pytest.raises(IngestError, match=r"the file is 2\.9 KB, larger than the 1000 bytes limit"):
        read_path(path, max_bytes=1000)
    with pytest.raises(IngestError, match="larger than the 20 MB limit"):
        read_bytes(b"a" * (20 * 1024 * 1024 + 1), "big.txt")


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="does not exist"):
        read_path(tmp_path / "gone.txt")
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(IngestError, match="folder"):
        read_path(folder)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(IngestError, match="the file is empty"):
        read_path(path)


def test_binary_with_txt_extension(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(IngestError, match="binary file, not text"):
        read_path(path)


def test_reader_bugs_become_ingest_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.ingest import reader

    def boom(data: bytes, **_: object) -> None:
        raise KeyError("unexpected")

    monkeypatch.setitem(reader.READERS, "txt", boom)
    with pytest.raises(IngestError, match="could not be read"):
        read_bytes(b"text", "a.txt")

    def interrupted(data: bytes, **_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setitem(reader.READERS, "txt", interrupted)
    with pytest.raises(KeyboardInterrupt):
        read_bytes(b"text", "a.txt")


def test_pipe_is_refused(tmp_path: Path) -> None:
    import os

    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this platform")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(IngestError, match="not a regular file"):
        read_path(fifo)


def test_invalid_path() -> None:
    with pytest.raises(IngestError, match="not valid"):
        read_path(Path("bad\x00name.txt"))


def test_a_dated_byline_is_looked_for_only_where_it_can_start() -> None:
    """The byline search skips a long line's head (a byline ends its line): same matches."""
    import random

    from desktop.ingest.metadata import _DATED_BYLINE, _dated_byline

    rng = random.Random(5)
    pieces = ["Posted on", "June 14, 2021", "by", "By", "Tomas Reyes", "shells fired", " ",
              "\t", " " * 45, "x" * 50, "Ana-Lucía O’Neil", ".", ",", "\n", "2018", "aby"]
    lines = ["".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(1, 30)))
             for _ in range(4000)]
    lines += ["x" * 200 + " by" + " " * gap + ("Ana Maria Lopez " * 4)[:name] + " " * end
              + newline for gap in (1, 39) for name in (2, 61) for end in (0, 38, 80)
              for newline in ("", "\n")]  # the farthest a byline can start from the end
    lines += ["The convoy was hit " + "by shells and " * 20 + "by Tomas Reyes",
              "x" * 200 + " by" + " " * 60 + "Tomas Reyes"]
    same = [(_dated_byline(line) or None) and _dated_byline(line).span() for line in lines]
    assert same == [(_DATED_BYLINE.search(line) or None) and _DATED_BYLINE.search(line).span()
                    for line in lines]
    assert sum(span is not None for span in same) > 200 and same[-1] and same[-2]
