"""Optional ``articles.csv`` beside imported files: metadata the analyst typed.

What a person wrote down beats what a heuristic detected, so non-empty
manifest values override the draft. A malformed manifest is an error that
names the line, instead of silently importing half of it.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop.ingest.dateline import make_date
from desktop.ingest.decode import decode_bytes
from desktop.ingest.draft import ArticleDraft, IngestError

MANIFEST_NAME = "articles.csv"
MAX_MANIFEST_BYTES = 10 * 1024 * 1024
_FIELDS = ("file", "title", "outlet", "url", "published", "author", "language")


@dataclass(frozen=True)
class ManifestRow:
    """One line of articles.csv; empty cells are None."""

    file: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    author: str | None = None
    language: str | None = None


def _error(line: int, reason: str) -> IngestError:
    return IngestError(f"{MANIFEST_NAME}, line {line}: {reason}")


def _parse_published(value: str, line: int) -> date | None:
    if not value:
        return None
    parts = value.split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts) and len(parts[0]) == 4:
        parsed = make_date(int(parts[0]), int(parts[1]), int(parts[2]))
        if parsed is not None:
            return parsed
    raise _error(line, f"the published date '{value}' is not a real date written as YYYY-MM-DD")


def _read_text(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_MANIFEST_BYTES:
            raise IngestError(f"{MANIFEST_NAME} is too large (over 10 MB)")
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"{MANIFEST_NAME} cannot be read: {exc.strerror or exc}") from None
    if not data.strip():
        return ""
    try:
        return decode_bytes(data)
    except IngestError as exc:
        raise IngestError(f"{MANIFEST_NAME}: {exc}") from None


def parse_manifest(text: str) -> dict[str, ManifestRow]:
    """Parse manifest text (header required) into rows keyed by file name."""
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: dict[str, ManifestRow] = {}
    try:
        header = next(reader, None)
        if header is None:
            return rows
        columns = [name.strip().lower() for name in header]
        if "file" not in columns:
            raise _error(1, "the first line must name the columns: file,title,outlet,url,published")
        for cells in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) > len(columns):
                raise _error(line, f"{len(cells)} values for {len(columns)} columns")
            values = {name: cell.strip() for name, cell in zip(columns, cells, strict=False)}
            name = values.get("file", "")
            if not name:
                raise _error(line, "the file name is empty")
            if name in rows:
                raise _error(line, f"'{name}' is listed twice")
            known = {key: values.get(key) or None for key in _FIELDS[1:] if key != "published"}
            published = _parse_published(values.get("published", ""), line)
            rows[name] = ManifestRow(file=name, published=published, **known)
    except csv.Error as exc:
        raise _error(reader.line_num, f"the line is not valid CSV ({exc})") from None
    return rows


def read_manifest(folder: Path) -> dict[str, ManifestRow]:
    """Rows of ``folder/articles.csv`` keyed by file name; {} when there is none."""
    path = Path(folder) / MANIFEST_NAME
    if not path.is_file():
        return {}
    return parse_manifest(_read_text(path))


def apply_manifest(draft: ArticleDraft, row: ManifestRow) -> ArticleDraft:
    """A copy of ``draft`` where the row's non-empty values replace detected ones."""
    changes = {key: getattr(row, key) for key in _FIELDS[1:] if getattr(row, key) not in (None, "")}
    return dataclasses.replace(draft, **changes)
