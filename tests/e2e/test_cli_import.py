"""The import verbs as a user runs them: real files, real workspace, exit codes, messages."""

from __future__ import annotations

import io
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import __version__, cli


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def articles(ws: Path | str) -> list[dict]:
    code, out, _ = run("articles", "--json", "--workspace", str(ws))
    assert code == 0
    return json.loads(out)


def test_seed_files_one_by_one_find_only_real_datelines(seeds_dir: Path, workspace_location: str):
    files = sorted(seeds_dir.glob("*.txt"))
    code, _, err = run("import", *map(str, files), "--workspace", str(workspace_location))
    assert code == 0, err
    published = {a["source_file"][:3]: a["published"] for a in articles(workspace_location)}
    assert published == {
        "000": None, "001": "2021-08-12", "002": None, "003": None, "004": "2018-09-05",
    }


def test_seed_folder_uses_manifest_and_reimport_stores_nothing(seeds_dir: Path, workspace_location):
    code, out, err = run("import", str(seeds_dir), "--workspace", str(workspace_location))
    assert code == 0, err
    rows = articles(workspace_location)
    assert {r["source_file"][:3]: r["published"] for r in rows} == {
        "000": "2018-09-14", "001": "2021-08-12", "002": "2021-03-25",
        "003": "2018-09-08", "004": "2018-09-05",
    }
    assert {r["outlet"] for r in rows} == {
        "Al Jazeera", "Al Mayadeen English", "Syrian Observatory for Human Rights",
        "The Independent",
    }
    for row in rows:  # stored text is the file, unchanged
        assert (seeds_dir / row["source_file"]).read_text(encoding="utf-8") == json.loads(
            run("show", str(row["id"]), "--json", "--workspace", str(workspace_location))[1]
        )["text"]

    code, out, err = run("import", str(seeds_dir), "--workspace", str(workspace_location), "--json")
    assert code == 0
    assert [r["status"] for r in json.loads(out)] == ["duplicate"] * 5
    assert len(articles(workspace_location)) == 5


def test_mixed_batch_reports_bad_files_and_keeps_good_ones(tmp_path: Path, workspace_location: str):
    batch = tmp_path / "batch"
    batch.mkdir()
    rng = random.Random(7)
    (batch / "noise.txt").write_bytes(bytes(rng.randrange(256) for _ in range(4096)))
    (batch / "empty.txt").write_bytes(b"")
    (batch / "latin.txt").write_bytes(
        "Report from Zürich\n\nThe Café Odeon meeting was held on 7 September 2018.\n".encode(
            "latin-1"
        )
    )
    (batch / "page.html").write_text(
        "<html><head><title>Broken page</title></head><body><p>First paragraph"
        "<p>Second <b>bold text<div>In a div</body>",
        encoding="utf-8",
    )
    code, out, err = run("import", str(batch), "--workspace", str(workspace_location))
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 2
    assert any("noise.txt" in line and "binary" in line for line in lines), err
    assert any("empty.txt" in line and "empty" in line for line in lines), err

    rows = {r["source_file"]: r for r in articles(workspace_location)}
    assert set(rows) == {"latin.txt", "page.html"}
    texts = {
        name: json.loads(run("show", str(r["id"]), "--json", "-w", workspace_location)[1])["text"]
        for name, r in rows.items()
    }
    assert "Café Odeon" in texts["latin.txt"] and "Zürich" in texts["latin.txt"]
    html_text = texts["page.html"]
    assert "First paragraph" in html_text and "bold text" in html_text and "In a div" in html_text
    assert "<" not in html_text
    assert rows["page.html"]["title"] == "Broken page"


def test_missing_path_and_usage_errors(tmp_path: Path, workspace_location: str):
    code, _, err = run("import", str(tmp_path / "nope.txt"), "-w", str(workspace_location))
    assert code == 1 and "nope.txt" in err and "no such file" in err
    with pytest.raises(SystemExit) as exit_info:
        run("import")
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit) as exit_info:
        run("set-date", "1", "14/09/2018")
    assert exit_info.value.code == 2
    code, _, err = run("show", "42", "-w", str(workspace_location))
    assert code == 1 and "no article with id 42" in err


def test_real_process_import_and_version(seeds_dir: Path, tmp_path: Path):
    env = dict(os.environ, CHRONOLOGUE_WORKSPACE=str(tmp_path / "env.chronologue"))
    version = subprocess.run(
        [sys.executable, "-m", "desktop", "--version"], capture_output=True, text=True, env=env
    )
    assert version.returncode == 0 and __version__ in version.stdout
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "import", str(seeds_dir / "004_ef325f0aac841b1b.txt")],
        capture_output=True, text=True, env=env,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "env.chronologue").exists()  # the environment variable chose the file
    listed = subprocess.run(
        [sys.executable, "-m", "desktop", "articles", "--json"],
        capture_output=True, text=True, env=env,
    )
    assert [a["published"] for a in json.loads(listed.stdout)] == ["2018-09-05"]
