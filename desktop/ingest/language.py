"""Which language an article is written in, offline (py3langid's small n-gram model).

The tagger reads English with its own rules and other languages through dateparser in
that language, so a wrong "en" on a Russian article silently loses every date. Short
or mixed texts are left undecided (None): the page's declared language or the
user's default then applies.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

SAMPLE_CHARS = 600  # enough for news prose; the n-gram scan is linear in it
MIN_LETTERS = 40
MIN_CONFIDENCE = 0.80
_URLS = re.compile(r"\S+://\S+|www\.\S+")
_LETTER = re.compile(r"[^\W\d_]")
_ASCII_WORD = re.compile(r"[a-z]+")
# Words frequent in English prose and (almost) absent from other languages' prose: a text
# full of them is English without running the model (most articles; half the import time).
_ENGLISH = frozenset(
    """the of and to was said for that with by from has have were are after which this its
    his their been would will they had who when than what about also near into while
    where there these other more during against between them could should being before
    up out but""".split()
)
# News prose dense in names (places, units, agencies) has few function words: 0.12 still
# reads it; the other languages' texts of tests/data/languages score at most 0.06.
ENGLISH_SHARE = 0.12


_LOADING = threading.Lock()  # one load, whichever thread asks first


def _identifier():  # noqa: ANN202 - py3langid has no type hints
    """The model, loaded at the first text that needs it, on the thread that asks (an
    import's worker: 0.7 s, mostly LZMA); plainly English text never needs it. A load
    that fails (py3langid unpacks it through a temporary file: a full disk) is not
    cached, so the next text tries again and says why."""
    with _LOADING:
        return _load_identifier()


@lru_cache(maxsize=1)
def _load_identifier():  # noqa: ANN202
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
    letters = len(_LETTER.findall(sample))
    if letters < MIN_LETTERS:
        return None
    words = _ASCII_WORD.findall(sample.lower())
    if (
        len(words) >= 30
        and sum(map(_ENGLISH.__contains__, words)) >= ENGLISH_SHARE * len(words)
        and sum(map(len, words)) >= 0.95 * letters
    ):
        return "en"
    code, confidence = _identifier().classify(sample)
    return code if confidence >= MIN_CONFIDENCE else None


def declared_language(lang: str | None) -> str | None:
    """'en-GB' / 'pt_BR' -> 'en' / 'pt'; junk -> None."""
    code = (lang or "").strip().split("-")[0].split("_")[0].lower()
    return code if code.isalpha() and 2 <= len(code) <= 3 else None
