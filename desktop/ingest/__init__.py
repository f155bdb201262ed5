"""ingest layer: files and bytes -> ArticleDraft (pure Python, no Qt, no network)."""

from desktop.ingest.dateline import find_dateline
from desktop.ingest.draft import ArticleDraft, IngestError
from desktop.ingest.manifest import ManifestRow, apply_manifest, read_manifest
from desktop.ingest.metadata import draft_from_text
from desktop.ingest.reader import MAX_BYTES, SUPPORTED_EXTENSIONS, read_bytes, read_path

__all__ = [
    "MAX_BYTES",
    "SUPPORTED_EXTENSIONS",
    "ArticleDraft",
    "IngestError",
    "ManifestRow",
    "apply_manifest",
    "draft_from_text",
    "find_dateline",
    "read_bytes",
    "read_manifest",
    "read_path",
]
