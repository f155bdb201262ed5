"""What a reader hands to the importer: one article, not yet stored."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


class IngestError(Exception):
    """A file cannot become an article; the message is shown to the user as is."""


@dataclass
class ArticleDraft:
    """Decoded text plus whatever metadata the reader could find.

    ``text`` is what citation offsets index into, so readers must never
    normalise it after detection (plain text is stored exactly as decoded).
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
