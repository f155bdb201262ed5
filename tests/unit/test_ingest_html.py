"""HTML: browser-like recovery from broken markup, metadata, charsets, hostile input."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.ingest import IngestError, read_bytes

BROKEN = """<!doctype html>
<html lang="en-GB"><head>
<meta charset="utf-8">
<title>Idlib rebels regroup - Example News</title>
<meta property="og:title" content="Idlib rebels regroup">
<meta property="og:site_name" content="Example News">
<meta property="og:url" content="https://news.example/idlib">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2018-09-05T18:38:00+01:00">
<style>p { color: red }</style>
<script>var x = "<p>not text</p>";</script>
</head><body>
<nav><ul><li>Home<li>World</ul></nav>
<h1>Idlib   rebels
regroup</h1>
<p>First paragraph with <b>bold text and &amp; entities &eacute;
<p>Second paragraph<br>with a break
<div>Unclosed div <i>italic
<noscript>Enable JavaScript</noscript>
<svg><text>svg label</text></svg>
<iframe src="https://ads.example">ad text</iframe>
<template><p>template text</p></template>
<p>Last paragraph</span></em></p></div>
"""


def test_broken_markup_is_recovered() -> None:
    draft = read_bytes(BROKEN.encode("utf-8"), "story.html")
    lines = draft.text.split("\n\n")
    assert "Idlib rebels regroup" in lines
    assert "First paragraph with bold text and & entities é" in lines
    assert "Second paragraph\nwith a break" in lines
    assert "Unclosed div italic" in lines
    assert lines[-1] == "Last paragraph"
    for hidden in ("not text", "color", "JavaScript", "svg label", "ad text", "template"):
        assert hidden not in draft.text
    assert draft.source_format == "html"
    assert draft.language == "en"


def test_metadata() -> None:
    draft = read_bytes(BROKEN.encode("utf-8"), "story.htm")
    assert draft.title == "Idlib rebels regroup"
    assert draft.outlet == "Example News"
    assert draft.url == "https://news.example/idlib"
    assert draft.author == "Jane Doe"
    assert draft.published == date(2018, 9, 5)
    assert draft.source_format == "htm"


def test_json_ld_canonical_and_title_fallback() -> None:
    page = b"""<html><head><title>Plain title</title>
    <link rel="canonical" href="https://x.example/a">
    <script type="application/ld+json">{"@graph": [{"@type": "NewsArticle",
      "datePublished": "2021-08-12T10:00:00Z", "author": [{"name": "Al Mayadeen"}],
      "publisher": {"name": "Mayadeen"}}]}</script>
    </head><body><p>Body</p></body></html>"""
    draft = read_bytes(page, "a.html")
    assert draft.title == "Plain title"
    assert draft.url == "https://x.example/a"
    assert draft.published == date(2021, 8, 12)
    assert draft.author == "Al Mayadeen"
    assert draft.outlet == "Mayadeen"
    assert draft.text == "Body"


def test_bad_dates_mean_no_date() -> None:
    page = b"""<meta name="date" content="yesterday"><time datetime="soon">x</time>
    <script type="application/ld+json">{not json</script><p>Text only</p>"""
    assert read_bytes(page, "a.html").published is None


def test_time_element_and_dateline_fallback() -> None:
    page = b'<p>Story</p><time datetime="2019-01-02">2 Jan</time>'
    assert read_bytes(page, "a.html").published == date(2019, 1, 2)
    page = b"<h1>Headline</h1><p>12 Aug, 2021</p><p>Text.</p>"
    assert read_bytes(page, "a.html").published == date(2021, 8, 12)


def test_meta_charset_and_cp1252_fallback() -> None:
    page = '<meta charset="iso-8859-1"><p>Café \u201cZürich\u201d</p>'.encode("cp1252")
    assert read_bytes(page, "a.html").text == "Café \u201cZürich\u201d"
    page = "<p>Caf\u00e9</p>".encode("latin-1")  # no declaration, not UTF-8
    assert read_bytes(page, "a.html").text == "Café"
    page = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
    page += "<p>Идлиб</p>"
    assert read_bytes(page.encode("cp1251"), "a.html").text == "Идлиб"


def test_utf16_bom_html() -> None:
    page = "<p>Zürich</p>".encode("utf-16")
    assert read_bytes(page, "a.html").text == "Zürich"


def test_pre_keeps_whitespace() -> None:
    page = b"<p>a   b</p><pre>  x   y\n  z</pre>"
    assert read_bytes(page, "a.html").text == "a b\n\n  x   y\n  z"


def test_deeply_nested_and_large_markup() -> None:
    page = b"<div>" * 200_000 + b"<p>deep</p>" + b"<b>" * 50_000
    assert read_bytes(page, "a.html").text == "deep"


def test_page_without_text() -> None:
    with pytest.raises(IngestError, match="no readable text"):
        read_bytes(b"<html><script>x()</script></html>", "a.html")
    with pytest.raises(IngestError, match="binary"):
        read_bytes(b"<html>\x00\x01\x02" * 100, "a.html")


def test_lone_angle_brackets_are_text() -> None:
    page = b"<p>3 < 4 and 5 <= 6</p><p>tail <b"
    assert read_bytes(page, "a.html").text == "3 < 4 and 5 <= 6\n\ntail <b"


@pytest.mark.parametrize(
    "page",
    [
        b"<p>x</p>" + b"</" * 200_000,
        b"<p>x</p>" + b"<!--" * 100_000,
        b"<p>x</p>" + b"<![CDATA[" * 50_000,
        b"<p>x</p>" + b"<!" * 200_000,
        b"<p>x</p>" + b"<a " * 200_000,
    ],
)
def test_unclosed_constructs_stay_linear(page: bytes) -> None:
    # Python 3.11's parser is quadratic on these without defuse(): minutes, not milliseconds.
    assert read_bytes(page, "a.html").text.startswith("x")
