"""The public entry point of the tagger."""

from __future__ import annotations

from datetime import date

from desktop.extract.model import Timex


def tag(text: str, reference: date | None, language: str = "en", dayfirst: bool = False
        ) -> list[Timex]:
    """Temporal expressions in `text`, resolved against `reference` (the publication date).

    English gets the rule-based tagger; other languages fall back to dateparser.
    Never raises on odd input: a tagging failure must not cost the user the article.
    """
    if not isinstance(text, str) or not text:
        return []
    if isinstance(reference, date) and not isinstance(reference, type(None)):
        reference = date(reference.year, reference.month, reference.day)
    lang = (language or "en").lower()
    if lang.startswith("en"):
        from desktop.extract.tagger import tag_english

        return tag_english(text, reference, dayfirst)
    from desktop.extract.foreign import tag_foreign

    return tag_foreign(text, reference, lang)
