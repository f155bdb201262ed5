"""The graphic exports, checked with poppler: text is really there, fonts are embedded,
page sizes and tiling give the expected pages, cancel leaves nothing behind."""

from __future__ import annotations

import json
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from desktop.export import ExportOptions, export_file
from desktop.export.pdf import ExportCancelled, export_pdf
from desktop.services.demo import seed_reference
from desktop.services.editing import create_event
from desktop.store import open_workspace
from desktop.temporal import FuzzyDate, Qualifier

GOLD = Path(__file__).resolve().parents[1] / "data" / "seed_events.json"
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def squash(text: str) -> str:
    """Text without spaces or hyphens: pdftotext rejoins "Christian-\nmajority" unhyphenated."""
    return "".join(unicodedata.normalize("NFKC", text).replace("-", "").split())


def pdftext(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip


def pdfinfo(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


@pytest.fixture(autouse=True)
def _qapp(qapp):
    """A QApplication before any export makes a QGuiApplication: the window tests that
    run later in this process need the widgets kind, and Qt allows one per process."""
    return qapp


@pytest.fixture
def ref_ws(tmp_path: Path, seeds_dir: Path):
    ws = open_workspace(tmp_path / "ref.chronologue")
    seed_reference(ws, seeds_dir, json.loads(GOLD.read_text(encoding="utf-8")))
    yield ws
    ws.close()


def test_pdf_carries_every_event_quote_outlet_and_embedded_fonts(ref_ws, tmp_path):
    out = tmp_path / "t.pdf"
    result = export_pdf(ref_ws, out, ExportOptions(title="Idlib test", author="Tester",
                                                   landscape=True))  # fmt: skip
    assert result.timeline_pages == 1 and result.source_pages >= 1
    text = squash(pdftext(out))
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    for article in gold["articles"]:
        for ev in article["events"]:
            assert squash(ev["quote"]) in text, ev["quote"]
    for outlet in ("Al Jazeera", "Al Mayadeen English", "Syrian Observatory for Human Rights",
                   "The Independent"):  # fmt: skip
        assert squash(outlet) in text
    assert "Page1of" in text and "Sources" in text
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]  # fmt: skip
    assert fonts and all(line.split()[-5] == "yes" for line in fonts)  # the "emb" column
    assert any("DejaVuSans" in line for line in fonts)
    info = pdfinfo(out)
    assert info["Title"] == "Idlib test" and info["Author"] == "Tester"
    assert info["Creator"].startswith("Chronologue")
    assert info["Pages"] == str(result.pages)
    assert info["Page size"].startswith("842 x 595")


@pytest.mark.parametrize(
    ("page", "landscape", "size"),
    [("A3", False, "842 x 1191"), ("Letter", True, "792 x 612"), ("Tabloid", False, "792 x 1224"),
     ("900x600mm", False, "2551 x 1701")],
)  # fmt: skip
def test_page_sizes_and_orientation(ref_ws, tmp_path, page, landscape, size):
    out = tmp_path / "p.pdf"
    export_pdf(ref_ws, out, ExportOptions(page=page, landscape=landscape, sources=False))
    assert pdfinfo(out)["Page size"].startswith(size)


def test_tiled_export_has_one_page_per_tile_with_repeated_axis(ref_ws, tmp_path):
    out = tmp_path / "tiled.pdf"
    result = export_pdf(ref_ws, out, ExportOptions(tiles=3, sources=False, landscape=True))
    assert result.timeline_pages == 3 and result.pages == 3
    assert pdfinfo(out)["Pages"] == "3"
    pages = pdftext(out).split("\f")
    for n, page in enumerate(pages[:3], start=1):
        assert f"Page {n} of 3" in page
    assert "p.2▸" in squash(pages[0]) and "◂p.1" in squash(pages[1])
    assert "p.3▸" in squash(pages[1]) and "◂p.2" in squash(pages[2])
    assert "part 2 of 3" in pages[1]
    with_sources = export_pdf(ref_ws, tmp_path / "t2.pdf", ExportOptions(tiles=2, landscape=True))
    assert with_sources.pages == 2 + with_sources.source_pages


def test_progress_is_reported_and_cancel_keeps_the_old_file(ref_ws, tmp_path):
    out = tmp_path / "c.pdf"
    seen: list[tuple[int, int]] = []
    export_pdf(ref_ws, out, ExportOptions(), progress=lambda d, t: seen.append((d, t)))
    assert seen[-1][0] == seen[-1][1] and len(seen) >= 2
    before = out.read_bytes()
    with pytest.raises(ExportCancelled):
        export_pdf(ref_ws, out, ExportOptions(title="other"), should_cancel=lambda: True)
    assert out.read_bytes() == before
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_empty_and_open_ended_timelines_still_render(tmp_path):
    ws = open_workspace(tmp_path / "e.chronologue")
    out = tmp_path / "empty.pdf"
    export_pdf(ws, out, ExportOptions(title="Nothing yet"))
    assert "No events match" in pdftext(out)
    create_event(ws, "Before the war", FuzzyDate.year(2011, Qualifier.BEFORE))
    create_event(ws, "After the deal", FuzzyDate.year(2020, Qualifier.AFTER))
    create_event(ws, "Late 2016 offensive", FuzzyDate.year(2016, Qualifier.LATE),
                 end=FuzzyDate.month(2017, 3))  # fmt: skip
    export_pdf(ws, out, ExportOptions(title="Open ends", breaks=False))
    text = pdftext(out)
    assert "before 2011" in text and "after 2020" in text and "late 2016 – Mar 2017" in text
    assert "Hand-made event" in text
    ws.close()


def test_png_and_svg_show_the_same_timeline(ref_ws, tmp_path):
    png = tmp_path / "t.png"
    export_file(ref_ws, png, "png", ExportOptions(title="Idlib", image_width=1600))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    from PySide6.QtGui import QImage

    image = QImage(str(png))
    assert image.width() == 1600 and image.height() > 300
    svg = tmp_path / "t.svg"
    export_file(ref_ws, svg, "svg", ExportOptions(title="Idlib"))
    text = svg.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text
    assert "DejaVu Sans" in text and "Protests" in text and "Idlib" in text


def test_sources_give_urls_and_ranges_can_be_exact_moments(ref_ws, tmp_path):
    from datetime import datetime

    from desktop.store import Article

    url = "https://www.aljazeera.com/news/2018/9/14/syrians-in-idlib-rally-against-government-offensive"
    with ref_ws.session() as s:
        s.get(Article, 1).url = url
    out = tmp_path / "u.pdf"
    export_pdf(ref_ws, out, ExportOptions(landscape=True))
    assert squash(url) in squash(pdftext(out))
    window = ExportOptions(date_from=datetime(2018, 9, 7, 6), date_to=datetime(2018, 9, 7, 18))
    export_pdf(ref_ws, out, window)
    text = pdftext(out)
    assert "Range 7 Sep 2018 06:00 – 7 Sep 2018 18:00" in text
    assert "17 Sep 2018" not in text and "Erdogan" not in text  # outside the window
    assert "early Sep 2018" in text and "7 Sep 2018 —" in text  # inside, or overlapping it


def test_extreme_dates_do_not_break_the_axis(tmp_path):
    ws = open_workspace(tmp_path / "x.chronologue")
    create_event(ws, "First century", FuzzyDate.century(0))
    create_event(ws, "Far future", FuzzyDate.year(9990, Qualifier.AFTER))
    create_event(ws, "A minute in 2018", FuzzyDate.minute(__import__("datetime").datetime(
        2018, 9, 7, 14, 30)))  # fmt: skip
    for breaks in (True, False):
        out = tmp_path / f"x{breaks}.pdf"
        export_pdf(ws, out, ExportOptions(breaks=breaks))
        text = pdftext(out)
        assert "First century" in text and "Far future" in text and "14:30" in text
    ws.close()
