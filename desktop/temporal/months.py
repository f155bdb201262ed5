"""Month and weekday names in every language dateparser knows, for reading datelines.

Built once, lazily, from dateparser's own locale data (no copy of it here). A name
that means different months in different languages ("listopad": November in Polish
and Czech, October in Croatian) is only read when the article's language is known.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

ENGLISH_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
# The Syriac-derived Arabic month series (Levant, Iraq), which dateparser's Arabic lacks.
LEVANTINE_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("كانون الثاني", "كانون الثانى"), 2: ("شباط",), 3: ("آذار", "اذار"),
    4: ("نيسان",), 5: ("أيار", "ايار"), 6: ("حزيران",), 7: ("تموز",), 8: ("آب",),
    9: ("أيلول", "ايلول"), 10: ("تشرين الأول", "تشرين الاول"),
    11: ("تشرين الثاني", "تشرين الثانى"), 12: ("كانون الأول", "كانون الاول"),
}  # fmt: skip
_MONTH_KEYS = (
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
)  # fmt: skip
_WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Publication labels of the commonest news languages (lower case, accents kept).
_LABELS = """publié publiée mis à jour le veröffentlicht aktualisiert am um uhr stand publicado
    publicada actualizado actualizada el de del a las pubblicato aggiornato il alle ore
    gepubliceerd bijgewerkt op om opublikowano zaktualizowano dnia опубликовано обновлено
    дата публикации в г года yayınlanma yayınlandı güncelleme güncellendi tarihi saat
    نشر في بتاريخ تاريخ النشر آخر تحديث تم منشور atualizado em às publicerad uppdaterad
    udgivet opdateret publisert oppdatert julkaistu päivitetty""".split()


def _fold(word: str) -> str:
    return word.casefold().strip(".")


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, dict[int, frozenset[str]]], frozenset[str]]:
    """(name -> {month: languages}, extra words allowed beside a date)."""
    import dateparser.data.date_translation_data as package

    months: dict[str, dict[int, set[str]]] = {}
    extra: set[str] = {_fold(w) for w in _LABELS}
    for info in pkgutil.iter_modules(package.__path__):
        try:
            data = importlib.import_module(f"{package.__name__}.{info.name}").info
        except (ImportError, AttributeError):
            continue
        language = info.name.split("-")[0]
        for number, key in enumerate(_MONTH_KEYS, start=1):
            for name in data.get(key, ()):
                folded = _fold(name)
                if len(folded) >= 3 or not folded.isascii():
                    months.setdefault(folded, {}).setdefault(number, set()).add(language)
        for key in (*_WEEKDAY_KEYS, "skip", "pertain"):
            extra.update(_fold(w) for w in data.get(key, ()) if w.strip(" .,;:/-'"))
    for number, names in LEVANTINE_MONTHS.items():
        for name in names:
            months.setdefault(_fold(name), {}).setdefault(number, set()).add("ar")
    frozen = {
        name: {month: frozenset(langs) for month, langs in by_month.items()}
        for name, by_month in months.items()
    }
    return frozen, frozenset(extra)


def month_number(word: str, language: str | None = None) -> int | None:
    """1-12 for a month name or abbreviation in any language, None when unknown or ambiguous."""
    folded = _fold(word)
    if folded in ENGLISH_MONTHS:
        return ENGLISH_MONTHS[folded]
    if folded.isascii() and len(folded) < 3:
        return None
    by_month = _tables()[0].get(folded)
    if not by_month:
        return None
    if len(by_month) == 1:
        return next(iter(by_month))
    code = (language or "").split("-")[0].lower()
    chosen = [month for month, langs in by_month.items() if code in langs]
    return chosen[0] if len(chosen) == 1 else None


def dateline_words() -> frozenset[str]:
    """Weekday names, filler words and labels of every language, case-folded."""
    return _tables()[1]
