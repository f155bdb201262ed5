"""Library verbs from the command line: delete articles, search their text."""

from __future__ import annotations

import io
import json
from pathlib import Path

from desktop import cli


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_delete_articles_and_search(tmp_path: Path, seeds_dir: Path) -> None:
    ws = str(tmp_path / "w.chronologue")
    assert run("import", str(seeds_dir), "--workspace", ws)[0] == 0
    code, out, _ = run("articles", "--json", "--workspace", ws)
    ids = [a["id"] for a in json.loads(out)]
    code, out, _ = run("search", "Idlib", "--json", "--workspace", ws)
    assert code == 0 and {h["id"] for h in json.loads(out)} <= set(ids)
    code, out, _ = run("delete-articles", str(ids[0]), str(ids[1]), "--workspace", ws)
    assert code == 0 and out.startswith("Deleted 2 articles")
    code, out, _ = run("articles", "--json", "--workspace", ws)
    assert [a["id"] for a in json.loads(out)] == ids[2:]
    code, _, err = run("delete-articles", "9999", "--workspace", ws)
    assert code == 1 and "no article with id 9999; nothing was deleted" in err
