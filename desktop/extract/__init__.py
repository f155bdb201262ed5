"""extract layer: article text -> timex mentions -> event suggestions (no Qt, no DB)."""

from desktop.extract.model import Suggestion, Timex
from desktop.extract.suggest import suggest
from desktop.extract.tag import tag

__all__ = ["Suggestion", "Timex", "suggest", "tag"]
