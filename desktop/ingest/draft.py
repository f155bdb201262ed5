"""What a reader hands to the importer: one article, not yet stored."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from desktop.ingest.normalize import normalize_text


class IngestError(Exception):
    """A file cannot become an article; the message is shown to the user as is."""


@dataclass
class ArticleDraft:
    """Decoded text plus whatever metadata the reader could find.

    ``text`` is what citation offsets index into: it is normalised once, here
    (NFC, no soft hyphens or stray zero-width marks), and never changed after.
    ``notes`` are warnings for the user that do not stop the import.
    """

    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    published: date | None = None
    language: str | None = None  # None: not detected; the importer applies the default
    source_file: str | None = None
    source_format: str = "txt"
    notes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.text = normalize_text(self.text)
