"""`chronologue --self-test`: proves a bundle or install works end to end, offscreen.

It exercises each layer a user depends on (date parsing, the store, import with
suggestions, PDF export through Qt) in a throwaway folder and prints OK.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import TextIO

_PAGE = (
    "<html><head><title>Essai</title><meta property='og:site_name' content='Le Journal'>"
    "</head><body><nav><a href='/'>Accueil</a></nav><article><h1>Inondations dans la vallée"
    "</h1><p>Publié le 28 mars 2022</p><p>Les pluies torrentielles qui se sont abattues sur la "
    "région depuis jeudi ont provoqué le débordement de la rivière.</p><p>Selon la préfecture, "
    "plus de trois cents habitants ont été évacués dans la nuit de samedi à dimanche.</p><p>Le "
    "maire a annoncé qu'une cellule de crise se réunirait lundi matin à la mairie.</p>"
    "</article><footer>Mentions légales</footer></body></html>"
)


def _check_readers(pdf: Path) -> str | None:
    """The web-page, PDF and language readers with their data files (bundles drop them)."""
    from desktop.ingest import read_bytes, read_path

    page = read_bytes(_PAGE.encode("utf-8"), "selftest.html")
    if page.language != "fr" or page.published != date(2022, 3, 28) or "Mentions" in page.text:
        return (f"web page read as language {page.language}, date {page.published}, "
                f"{len(page.text)} characters")
    if not read_path(pdf).text.strip():
        return "the exported PDF has no text when read back"
    return None


def run(out: TextIO | None = None) -> int:
    out = out or sys.stdout
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    def step(message: str) -> None:
        print(f"self-test: {message}", file=out, flush=True)

    from desktop.extract import tag
    from desktop.temporal import parse_human

    found = [t.value for t in tag("The summit was held on 7 September 2018.", date(2018, 9, 8))]
    if "2018-09-07" not in found:
        step(f"FAILED: date tagging gave {found}")
        return 1
    if parse_human("early Sep 2018").to_timex() != "2018-09":
        step("FAILED: fuzzy date parsing")
        return 1
    step("dates parse")

    from desktop.extract.gazetteer import default_gazetteer

    place = default_gazetteer().locate("Saraqeb")  # the bundled table (package data)
    if place is None or place.best is None or place.best.country != "SY":
        step("FAILED: the gazetteer table (desktop/extract/data) is missing or wrong")
        return 1
    step("gazetteer reads")

    from desktop.export import export_file
    from desktop.services.demo import default_seeds_dir
    from desktop.services.importing import import_paths
    from desktop.services.queries import event_rows
    from desktop.services.review import set_status
    from desktop.store import open_workspace

    with tempfile.TemporaryDirectory() as tmp:
        ws = open_workspace(Path(tmp) / "selftest.chronologue")
        try:
            step("workspace created")
            seeds = default_seeds_dir()
            if seeds is None:
                step("FAILED: the sample articles (seeds/) are missing")
                return 1
            seed = sorted(seeds.glob("*.txt"))[0]
            report = import_paths(ws, [seed])
            if report.count("imported") != 1:
                step(f"FAILED: importing {seed.name}: {report.results[0].message}")
                return 1
            ids = [e["id"] for e in event_rows(ws)]
            set_status(ws, ids, "accepted")
            step(f"imported {seed.name} with {len(ids)} suggested events")
            pdf = Path(tmp) / "selftest.pdf"
            summary = export_file(ws, pdf, "pdf")
            if not pdf.exists() or pdf.stat().st_size < 1000:
                step("FAILED: PDF export wrote nothing")
                return 1
            step(f"exported a {summary.pages}-page PDF ({pdf.stat().st_size // 1024} KB)")
            problem = _check_readers(pdf)
            if problem:
                step(f"FAILED: {problem}")
                return 1
            step("web page, PDF, language and foreign dateline read")
        finally:
            ws.close()
    print("OK", file=out)
    return 0
