"""Only http, https and mailto URLs are stored or exported: a `javascript:` URL in a
manifest or an events file used to become `<a href="javascript:...">` in every TimelineJS
slide citing that article."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from _reliability import article_text, cli, run

from desktop.store.urls import safe_url

HOSTILE = ["javascript:alert(document.cookie)", "JaVaScRiPt:alert(1)", " java\tscript:alert(1)",
           "\x01javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "file:///etc/passwd",
           "vbscript:msgbox", "//evil.example/x", "http://", "news.example.org/a"]  # fmt: skip


@pytest.mark.parametrize("url", HOSTILE)
def test_only_web_and_mail_links_are_kept(url: str) -> None:
    assert safe_url(url) is None


def test_good_links_are_kept_as_written() -> None:
    for url in ("https://news.example.org/a?b=1#c", "http://x.example", "mailto:desk@example.org",
                "HTTPS://Example.org/Path"):  # fmt: skip
        assert safe_url(url) == url


def _scan(path: Path) -> None:
    text = path.read_text(encoding="utf-8").lower()
    for bad in ("javascript", "data:text", "file://", "vbscript"):
        assert bad not in text, (path.name, bad)


def test_hostile_urls_never_reach_an_export(tmp_path: Path) -> None:
    folder = tmp_path / "bundle"
    folder.mkdir()
    rows = ["file,title,outlet,url,published"]
    for i, url in enumerate(HOSTILE[:4]):
        (folder / f"a{i}.txt").write_text(article_text(i))
        rows.append(f'a{i}.txt,Article {i},Outlet,"{url}",2019-05-0{i + 1}')
    (folder / "a9.txt").write_text(article_text(9))
    rows.append("a9.txt,Good,Outlet,https://news.example.org/9,2019-05-09")
    (folder / "articles.csv").write_text("\n".join(rows) + "\n")
    ws = tmp_path / "w.chronologue"
    assert run(cli("import", str(folder), "-w", str(ws))).returncode == 0

    con = sqlite3.connect(ws)  # an older workspace may already hold one
    con.execute("UPDATE articles SET url = 'javascript:alert(2)' WHERE title = 'Article 3'")
    con.commit()
    con.close()
    stored = dict(sqlite3.connect(ws).execute("SELECT title, url FROM articles"))
    assert stored["Good"] == "https://news.example.org/9"
    assert stored["Article 0"] is None and stored["Article 1"] is None

    for fmt, name in (("timelinejs", "t.json"), ("json", "d.json"), ("csv", "d.csv"),
                      ("svg", "d.svg")):  # fmt: skip
        out = tmp_path / name
        done = run(cli("export", "-w", str(ws), "--all-statuses", "-f", fmt, "-o", str(out)))
        assert done.returncode == 0, done.stderr
        _scan(out)
    assert "https://news.example.org/9" in (tmp_path / "t.json").read_text()

    doc = json.loads((tmp_path / "d.json").read_text())
    doc["articles"][0]["url"] = "javascript:alert(3)"  # an events file from elsewhere
    (tmp_path / "in.json").write_text(json.dumps(doc))
    other = tmp_path / "other.chronologue"
    assert run(cli("import-events", str(tmp_path / "in.json"), "-w", str(other))).returncode == 0
    urls = [u for (u,) in sqlite3.connect(other).execute("SELECT url FROM articles")]
    assert urls and not any(u and "javascript" in u for u in urls)
