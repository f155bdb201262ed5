"""PDF text extractors compared on PDFs made here: words kept apart, speed.

Measures pypdfium2 (the importer's), pdfminer.six and pypdf when installed, on
three layouts from tests/pdfmaker.py (justified, hand-set lines with hyphenation,
words drawn one by one without space characters). Prints JSON last.
"""

from __future__ import annotations

import io
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # its helpers

from tests.pdfmaker import hand_set_article, justified_article  # noqa: E402
from tests.unit.test_ingest_pdf_layout import BODY  # noqa: E402

WORD = re.compile(r"[\w']+")


def _pdfium(data: bytes) -> str:
    import pypdfium2 as pdfium

    return "\n".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(data))


def _pdfminer(data: bytes) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(data))


def _pypdf(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def main() -> None:
    truth = set(WORD.findall(" ".join(BODY)))
    layouts = {
        "justified": justified_article("Title of the piece", "4 March 2022", BODY, "Header"),
        "hand_set": hand_set_article(BODY, "Header"),
        "word_by_word": hand_set_article(BODY, "Header", per_word=True),
    }
    results: dict[str, dict[str, object]] = {}
    for name, extract in (("pypdfium2", _pdfium), ("pdfminer.six", _pdfminer), ("pypdf", _pypdf)):
        try:
            extract(layouts["justified"])
        except ImportError:
            continue
        for layout, data in layouts.items():
            start = time.perf_counter()
            for _ in range(5):
                text = extract(data)
            seconds = (time.perf_counter() - start) / 5
            words = WORD.findall(text)
            glued = [w for w in words if w not in truth and len(w) > 12]
            results[f"{name}/{layout}"] = {
                "ms_per_document": round(seconds * 1000, 1),
                "words": len(words),
                "glued_words": len(glued),
                "unknown_words": sum(w not in truth for w in words),
            }
    for key, value in results.items():
        print(f"{key:28} {value}")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
