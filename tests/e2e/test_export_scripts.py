"""Quotes in Arabic, Hebrew, CJK, Hangul and emoji: drawn in the PDF and in its text layer.

Before: Arabic inside the italic quotes of the sources section came out as empty boxes
(DejaVu's oblique face has no Arabic) and was missing from pdftotext; Hangul and emoji
were boxes everywhere, with no warning. Needs Debian's fonts-noto-core, fonts-noto-cjk
and fonts-symbola (Makefile APT_PKGS).
"""

from __future__ import annotations

import io
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from desktop import cli

FONTS = ("Noto Sans Arabic", "Noto Sans Hebrew", "Noto Sans CJK SC", "Symbola")


def _installed() -> set[str]:
    if shutil.which("fc-list") is None:
        return set()
    listed = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True).stdout
    return {name.strip() for line in listed.splitlines() for name in line.split(",")}


pytestmark = [
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils"),
    pytest.mark.skipif(not set(FONTS) <= _installed(),
                       reason="needs fonts-noto-core, -cjk and fonts-symbola (make sysdeps)"),
]  # fmt: skip

ARTICLE = """Scripts in the square

IDLIB, Syria, September 14, 2018 (Reuters) - Thousands of protesters gathered on Friday in \
Idlib and chanted "الشعب يريد إسقاط النظام" as the offensive loomed.

On September 10, 2018, a delegation arrived in Tel Aviv and its spokesman said "שלום עכשיו" \
to reporters.

On September 11, 2018, envoys in Beijing issued a statement titled "和平谈判继续进行" after \
the talks.

On September 12, 2018, the Seoul office published a note headed "평화 회담이 재개되었다" for \
its readers.

On September 13, 2018, volunteers posted "✌ peace ☮ now 🕊" on banners across the city.
"""
WORDS = ("الشعب", "النظام", "שלום", "עכשיו", "和平谈判继续进行", "평화", "재개되었다", "✌", "☮")


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return cli.main(list(argv), out, err), out.getvalue(), err.getvalue()


@pytest.fixture
def scripts_ws(tmp_path: Path, qapp) -> Path:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "scripts.txt").write_text(ARTICLE, encoding="utf-8")
    path = tmp_path / "w.chronologue"
    assert _run("import", str(tmp_path / "src"), "-w", str(path))[0] == 0
    return path


def test_every_script_is_drawn_and_searchable(scripts_ws: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "scripts.pdf"
    code, out, err = _run("export", "--all-statuses", "-w", str(scripts_ws), "-o", str(pdf))
    assert code == 0, err
    assert "warning" not in err  # every character had a font
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip
    flat = unicodedata.normalize("NFKC", text)  # Arabic comes out in presentation forms
    for word in WORDS:
        assert word in flat, word
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    for embedded in ("NotoSansArabic", "NotoSansCJK", "Symbola"):
        assert embedded in fonts, fonts  # the quotes' glyphs come from these, embedded
    # the emoji outside the BMP is drawn (Symbola), though Qt's PDF writer gives it no
    # text-layer mapping; everything else above is searchable


def test_a_character_without_any_font_is_warned_about(scripts_ws: Path, tmp_path: Path):
    import sqlite3

    con = sqlite3.connect(scripts_ws)
    con.execute("UPDATE events SET title = title || ' \U000F0001' WHERE id = 1")
    con.commit()
    con.close()
    code, _out, err = _run("export", "--all-statuses", "-w", str(scripts_ws),
                           "-o", str(tmp_path / "x.pdf"))  # fmt: skip
    assert code == 0  # still written
    assert "warning: 1 characters have no installed font" in err and "U+F0001" in err
