"""The shipped resources are well formed: SVG icons, PNG app icons, .desktop file, QSS."""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
ACTIONS = ("import", "export", "accept", "reject", "merge", "undo", "redo", "new-event",
           "zoom-in", "zoom-out", "fit")
PNG_SIZES = (16, 32, 48, 64, 128, 256)
SVG_NS = "{http://www.w3.org/2000/svg}"


def svg_files() -> list[Path]:
    return sorted(RESOURCES.rglob("*.svg"))


def test_every_action_has_an_icon() -> None:
    folder = RESOURCES / "icons" / "actions"
    assert {p.stem for p in folder.glob("*.svg")} >= set(ACTIONS)


@pytest.mark.parametrize("path", svg_files(), ids=lambda p: p.name)
def test_icon_parses_as_svg(path: Path) -> None:
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG_NS}svg"
    assert len(root.get("viewBox", "").split()) == 4
    drawn = [e for e in root.iter() if e.tag.removeprefix(SVG_NS) in
             ("path", "rect", "circle", "line", "polyline", "polygon", "ellipse")]
    assert drawn, f"{path.name} draws nothing"


def test_action_icons_share_one_style() -> None:
    """Same grid and stroke, tinted by the app: currentColor, never a fixed colour."""
    for stem in ACTIONS:
        root = ET.parse(RESOURCES / "icons" / "actions" / f"{stem}.svg").getroot()
        assert root.get("viewBox") == "0 0 24 24"
        assert root.get("stroke") == "currentColor" and root.get("fill") == "none"
        assert "#" not in (RESOURCES / "icons" / "actions" / f"{stem}.svg").read_text()


@pytest.mark.parametrize("n", PNG_SIZES)
def test_app_icon_pngs_have_their_size(n: int) -> None:
    data = (RESOURCES / "icons" / "hicolor" / f"{n}x{n}" / "apps" / "chronologue.png")\
        .read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    assert struct.unpack(">II", data[16:24]) == (n, n)


def read_desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign] - keys are case-sensitive
    parser.read_string((RESOURCES / "chronologue.desktop").read_text(encoding="utf-8"))
    assert parser.sections() == ["Desktop Entry"]
    return parser["Desktop Entry"]


def test_desktop_file_has_the_required_keys() -> None:
    entry = read_desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Chronologue"
    assert entry["Exec"] == "chronologue %F"
    assert entry["Icon"] == "chronologue"
    categories = entry["Categories"]
    assert categories.endswith(";") and "Office" in categories.split(";")
    mimes = entry["MimeType"]
    assert mimes.endswith(";")
    assert set(mimes.rstrip(";").split(";")) >= {
        "text/plain", "text/html", "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
    for key in entry:  # the spec: keys are A-Za-z0-9- (locale suffixes aside)
        assert key.replace("-", "").isalnum(), key


def test_stylesheet_is_balanced_and_uses_palette_colours() -> None:
    text = (RESOURCES / "style.qss").read_text(encoding="utf-8")
    assert text.count("{") == text.count("}") > 5
    assert "#" not in text.replace("QToolBar#", "").replace("QLabel#", "")


def test_desktop_file_passes_the_validator_when_installed() -> None:
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-utils is not installed")
    run = subprocess.run([validator, str(RESOURCES / "chronologue.desktop")],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
