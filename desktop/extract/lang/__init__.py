"""Languages with their own date tables: Arabic, French, Russian, Turkish, Spanish, German.

Each module holds one language's words (`TABLE`); `engine` finds and resolves the spans.
Other non-English languages still go through dateparser (desktop.extract.foreign).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from desktop.extract.lang import ar, de, es, fr, ru, tr
from desktop.extract.lang.engine import LangTable, compiled, find_spans, resolve
from desktop.extract.model import Timex
from desktop.temporal.dateline import find_datelines

TABLES: dict[str, LangTable] = {m.TABLE.code: m.TABLE for m in (ar, de, es, fr, ru, tr)}
_DATELINE_ZONE = 1500


def table_for(language: str | None) -> LangTable | None:
    """The date table for an article's language code ('fr', 'ar-SY'), or None."""
    return TABLES.get((language or "").lower().replace("_", "-").split("-")[0])


def tag_language(text: str, reference: date | None, table: LangTable) -> list[Timex]:
    """Date mentions in `text`; a dateline near the top dates the rest and is marked
    (temporal.dateline finds it, as for the importer and the English tagger)."""
    c = compiled(table)
    spans = find_spans(text, c)
    lines = find_datelines(text[: _DATELINE_ZONE * 2], language=table.code)
    first = [resolve(s, c, text, None) for s in spans if s.start <= _DATELINE_ZONE]
    head = next((t for t in first if t is not None and any(
        t.start < d.end and d.start < t.end for d in lines)), None)  # fmt: skip
    if head is not None and head.fuzzy is not None:
        reference = head.fuzzy.earliest.date()
    out: list[Timex] = []
    for span in spans:
        try:
            timex = resolve(span, c, text, reference)
        except (ValueError, OverflowError):  # out of the calendar's range
            continue
        if timex is None:
            continue
        if head is not None and (timex.start, timex.end) == (head.start, head.end):
            timex = replace(timex, dateline=True)
        out.append(timex)
    return out
