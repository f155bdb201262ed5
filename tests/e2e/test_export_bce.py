"""Drawn exports of a workspace reaching back before year 1 (issue 14): the chart lays
out on true day numbers, so 44 BCE and 3000 BCE sit at their places and say so."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest

from desktop import cli
from desktop.services.editing import create_event
from desktop.store import open_workspace
from desktop.temporal import FuzzyDate, parse_human

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")


def _export(ws_path: Path, out: Path, fmt: str) -> None:
    o, err = io.StringIO(), io.StringIO()
    code = cli.main(["export", "--format", fmt, "-o", str(out), "-w", str(ws_path),
                     "--all-statuses"], out=o, err=err)  # fmt: skip
    assert code == 0, err.getvalue()


@pytest.fixture
def deep_path(tmp_path: Path, qapp) -> Path:
    path = tmp_path / "deep.chronologue"
    ws = open_workspace(path, backups=False)
    try:
        create_event(ws, "Caesar is killed in Rome", parse_human("15 Mar 44 BC", bce=True))
        create_event(ws, "Bronze Age town is founded", parse_human("c. 3000 BCE", bce=True))
        create_event(ws, "Moon landing", FuzzyDate.day(1969, 7, 20))
        create_event(ws, "Storm floods the valley", FuzzyDate.day(2021, 7, 14))
        create_event(ws, "Bridge reopens", FuzzyDate.day(2021, 9, 2))
    finally:
        ws.close()
    return path


@needs_poppler
def test_a_pdf_draws_and_lists_bce_events(tmp_path: Path, deep_path: Path) -> None:
    out = tmp_path / "deep.pdf"
    _export(deep_path, out, "pdf")
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    for wanted in ("15 Mar 44 BCE", "c. 3000 BCE", "Caesar is killed", "Moon landing"):
        assert wanted in text, wanted
    axis = text.split("Unassigned")[1]  # above the lanes: the axis labels (after the key)
    assert "3000 BCE" in axis and "Mar 44 BCE" in axis and "2010" in axis, axis


def test_png_and_svg_of_bce_events_are_written(tmp_path: Path, deep_path: Path) -> None:
    for fmt in ("png", "svg"):
        out = tmp_path / f"deep.{fmt}"
        _export(deep_path, out, fmt)
        assert out.stat().st_size > 1000
    assert "BCE" in (tmp_path / "deep.svg").read_text(encoding="utf-8")
