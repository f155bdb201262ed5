"""Which language an article is written in, offline (py3langid's small n-gram model).

The tagger reads English with its own rules and other languages through dateparser in
that language, so a wrong "en" on a Russian article silently loses every date. Short
or mixed texts are left undecided (None): the page's declared language or the
user's default then applies.
"""

from __future__ import annotations

import re
from functools import lru_cache

SAMPLE_CHARS = 1500
MIN_LETTERS = 40
MIN_CONFIDENCE = 0.80
_URLS = re.compile(r"\S+://\S+|www\.\S+")


@lru_cache(maxsize=1)
def _identifier():  # noqa: ANN202 - py3langid has no type hints
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)


def _sample(text: str) -> str:
    """The body, not the headline block: skip the first short lines when there is more."""
    body = text[:SAMPLE_CHARS * 3]
    lines = [line for line in body.splitlines() if len(line) > 60]
    sample = " ".join(lines) if sum(map(len, lines)) >= 300 else body
    return _URLS.sub(" ", sample)[:SAMPLE_CHARS]


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language, or None when unsure."""
    sample = _sample(text)
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    code, confidence = _identifier().classify(sample)
    return code if confidence >= MIN_CONFIDENCE else None


def declared_language(lang: str | None) -> str | None:
    """'en-GB' / 'pt_BR' -> 'en' / 'pt'; junk -> None."""
    code = (lang or "").strip().split("-")[0].split("_")[0].lower()
    return code if code.isalpha() and 2 <= len(code) <= 3 else None
