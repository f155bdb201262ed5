"""A folder import never follows a symlink out of the folder (a shared bundle can carry one).

`story.txt -> ~/.env` used to be imported, stored and written into every JSON export.
"""

from __future__ import annotations

import json
from pathlib import Path

from _reliability import article_text, cli, run


def test_a_symlink_out_of_the_folder_is_refused_per_file(tmp_path: Path) -> None:
    secret = tmp_path / "home" / ".env"
    secret.parent.mkdir()
    secret.write_text("API_TOKEN=do-not-share\nPASSWORD=hunter2\n")
    bundle = tmp_path / "bundle"
    (bundle / "sub").mkdir(parents=True)
    (bundle / "a.txt").write_text(article_text(1))
    (bundle / "story.txt").symlink_to(secret)
    (bundle / "sub" / "deep.txt").symlink_to(secret)
    (bundle / "inside.txt").symlink_to(bundle / "a.txt")  # stays in the folder: fine
    (bundle / "linked-dir").symlink_to(secret.parent, target_is_directory=True)
    (bundle / "articles.csv").symlink_to(secret)  # a manifest from outside is refused too
    ws = tmp_path / "w.chronologue"

    done = run(cli("import", str(bundle), "-w", str(ws), "--json"))
    assert done.returncode == 1, done.stderr
    results = {Path(r["file"]).name: r for r in json.loads(done.stdout)}
    for name in ("story.txt", "deep.txt", "articles.csv"):
        assert results[name]["status"] == "failed"
        assert "outside the imported folder" in results[name]["message"]
        assert str(secret) in results[name]["message"]
    assert results["a.txt"]["status"] == "imported"
    assert results["inside.txt"]["status"] == "duplicate"
    assert "Traceback" not in done.stderr

    exported = tmp_path / "all.json"
    out = run(cli("export", "-w", str(ws), "--all-statuses", "-o", str(exported)))
    assert out.returncode == 0, out.stderr
    assert "do-not-share" not in exported.read_text() and "hunter2" not in exported.read_text()

    explicit = run(cli("import", str(bundle / "story.txt"), "-w", str(ws), "--json"))
    assert json.loads(explicit.stdout)[0]["status"] == "imported"  # named by the user: allowed
