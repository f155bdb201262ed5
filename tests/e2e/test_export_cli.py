"""The export verbs as a user runs them: the demo end to end, every format, exit codes."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from desktop import cli
from desktop.services.demo import seed_reference
from desktop.store import open_workspace

GOLD = Path(__file__).resolve().parents[1] / "data" / "seed_events.json"
REPO = Path(__file__).resolve().parents[2]
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")


def run(*argv: str) -> tuple[int, str, str]:
    """Through desktop.cli once the lead has wired the verbs in, else standalone."""
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def squash(text: str) -> str:
    """Text without spaces or hyphens: pdftotext rejoins "Christian-\nmajority" unhyphenated."""
    return "".join(unicodedata.normalize("NFKC", text).replace("-", "").split())


def pdftext(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip


@pytest.fixture(autouse=True)
def _qapp(qapp):
    """A QApplication before any export makes a QGuiApplication: the window tests that
    run later in this process need the widgets kind, and Qt allows one per process."""
    return qapp


@pytest.fixture
def ref_path(tmp_path: Path, seeds_dir: Path, monkeypatch) -> Path:
    monkeypatch.delenv("CHRONOLOGUE_WORKSPACE", raising=False)
    path = tmp_path / "ref.chronologue"
    ws = open_workspace(path)
    seed_reference(ws, seeds_dir, json.loads(GOLD.read_text(encoding="utf-8")))
    ws.close()
    return path


@needs_poppler
def test_demo_pdf_has_every_event_title_outlet_and_quote(tmp_path, workspace_path):
    out = tmp_path / "demo.pdf"
    code, stdout, err = run("demo", "-o", str(out), "--workspace", str(workspace_path))
    assert code == 0, err
    assert "wrote" in stdout and out.exists()
    ws = open_workspace(workspace_path)
    from desktop.services.queries import event_rows

    rows = event_rows(ws, "accepted")
    ws.close()
    assert len(rows) >= 15
    text = squash(pdftext(out))
    for row in rows:
        assert squash(row["title"]) in text, row["title"]
        for c in row["citations"]:
            assert squash(c["quote"]) in text, c["quote"]
    for outlet in ("Al Jazeera", "Al Mayadeen English", "Syrian Observatory for Human Rights",
                   "The Independent"):  # fmt: skip
        assert squash(outlet) in text
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]  # fmt: skip
    assert fonts and all(line.split()[-5] == "yes" for line in fonts)  # embedded
    assert all("DejaVuSans" in line for line in fonts)


def test_demo_without_workspace_uses_a_fresh_temporary_one(tmp_path, monkeypatch):
    monkeypatch.setenv("CHRONOLOGUE_WORKSPACE", str(tmp_path / "must-not-exist.chronologue"))
    out = tmp_path / "demo.pdf"
    err = io.StringIO()
    code = cli.main(["demo", "-o", str(out), "--portrait"], io.StringIO(), err)
    assert code == 0, err.getvalue()
    assert out.read_bytes()[:5] == b"%PDF-"
    assert not (tmp_path / "must-not-exist.chronologue").exists()


@pytest.mark.parametrize("fmt", ["pdf", "png", "svg", "csv", "json", "timelinejs"])
def test_export_every_format(ref_path, tmp_path, fmt):
    suffix = {"timelinejs": ".tl.json"}.get(fmt, f".{fmt}")
    out = tmp_path / f"out{suffix}"
    code, stdout, err = run("export", "--format", fmt, "-o", str(out), "-w", str(ref_path),
                            "--title", "Idlib", "--landscape")  # fmt: skip
    assert code == 0, err
    assert f"({fmt}, 30 events" in stdout
    data = out.read_bytes()
    assert data
    if fmt == "csv":
        assert len(list(csv.DictReader(io.StringIO(data.decode("utf-8"))))) == 30
    elif fmt in ("json", "timelinejs"):
        assert len(json.loads(data)["events"]) == 30


def test_export_filters_and_usage_errors(ref_path, tmp_path):
    out = tmp_path / "sep.csv"
    code, _, err = run("export", "-o", str(out), "-w", str(ref_path), "--from", "2018-09-01",
                       "--to", "2018-09-30", "--lane", "Diplomacy")  # fmt: skip
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows and {r["lane"] for r in rows} == {"Diplomacy"}
    assert all(r["start"].startswith("2018-09") for r in rows)
    code, stdout, _ = run("export", "-o", str(out), "-w", str(ref_path), "--status", "suggested")
    assert code == 0 and "0 events" in stdout
    code, _, err = run("export", "-o", str(tmp_path / "x.docx"), "-w", str(ref_path))
    assert code == 2 and "--format" in err
    code, _, err = run("export", "-o", str(tmp_path / "no" / "x.pdf"), "-w", str(ref_path))
    assert code == 1 and "does not exist" in err
    code, _, err = run("export", "-o", str(out), "-w", str(ref_path), "--timeline", "Nope")
    assert code == 1 and "no timeline" in err
    code, _, err = run("export", "-o", str(out), "-w", str(ref_path), "--from", "2019-01-01",
                       "--to", "2018-01-01")  # fmt: skip
    assert code == 2 and "--from is after --to" in err
    with pytest.raises(SystemExit) as exc:
        run("export", "-o", str(out), "-w", str(ref_path), "--page", "B9")
    assert exc.value.code == 2


def test_json_export_import_export_round_trip_via_cli(ref_path, tmp_path):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    assert run("export", "-o", str(first), "-w", str(ref_path), "--all-statuses")[0] == 0
    fresh = tmp_path / "fresh.chronologue"
    code, stdout, err = run("import-events", str(first), "-w", str(fresh))
    assert code == 0, err
    assert "30 events and 5 articles imported" in stdout
    assert run("export", "-o", str(second), "-w", str(fresh), "--all-statuses")[0] == 0
    assert first.read_bytes() == second.read_bytes()


def test_import_events_from_csv_and_timelinejs(ref_path, tmp_path):
    csv_out, tl_out = tmp_path / "e.csv", tmp_path / "e.tl.json"
    run("export", "-o", str(csv_out), "-w", str(ref_path))
    run("export", "--format", "timelinejs", "-o", str(tl_out), "-w", str(ref_path))
    for source in (csv_out, tl_out):
        target = tmp_path / f"{source.stem}.chronologue"
        code, stdout, err = run("import-events", str(source), "-w", str(target))
        assert code == 0, err
        assert stdout.startswith("30 events and 0 articles")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    code, _, err = run("import-events", str(bad), "-w", str(tmp_path / "x.chronologue"))
    assert code == 1 and "not valid JSON" in err


def test_cli_runs_headless_in_a_subprocess(ref_path, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY",
                                                            "QT_QPA_PLATFORM")}  # fmt: skip
    out = tmp_path / "sub.pdf"
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "export", "-o", str(out), "-w",
         str(ref_path)], capture_output=True, text=True, env=env, cwd=REPO, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes()[:5] == b"%PDF-"
