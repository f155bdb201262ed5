"""The public entry point of the tagger."""

from __future__ import annotations

from datetime import date

from desktop.extract.model import Timex


def tag(
    text: str, reference: date | None, language: str = "en", dayfirst: bool = False
) -> list[Timex]:
    """Temporal expressions in `text`, resolved against `reference` (the publication date).

    English gets the rule-based tagger; the languages in desktop.extract.lang their
    tables; other languages fall back to dateparser. A
    datetime reference counts as its date; anything else as no reference. Odd input
    (any unicode, huge numbers, impossible dates) is tagged or skipped, never raised on:
    the property tests hold it to that.
    """
    if not isinstance(text, str) or not text:
        return []
    reference = (
        date(reference.year, reference.month, reference.day)
        if isinstance(reference, date)
        else None
    )
    lang = (language or "en").lower()
    if lang.startswith("en"):
        from desktop.extract.document import tag_english

        return tag_english(text, reference, dayfirst)
    from desktop.extract.lang import table_for, tag_language

    table = table_for(lang)
    if table is not None:
        return tag_language(text, reference, table)
    from desktop.extract.foreign import tag_foreign

    return tag_foreign(text, reference, lang, dayfirst)
