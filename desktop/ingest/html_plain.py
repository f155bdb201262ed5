"""The fallback web-page reader: all visible text and the page's metadata, without a DOM.

Used when the main-text extractor finds no article (very short or script-built pages)
and for the metadata the extractor does not read (JSON-LD, <time>). The stdlib parser
is a flat, iterative tokenizer: there is no tree to build, so broken markup (unclosed
<p>, <b>, stray end tags) cannot derail it and deep nesting cannot overflow a stack.
Block elements end a line, like a browser would render them; nothing is ever fetched.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from desktop.ingest.metadata import clean_value

_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "object"})
_BLOCKS = frozenset(
    """address article aside blockquote body caption dd details div dl dt fieldset figcaption
    figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section summary
    table tbody td tfoot th thead tr ul""".split()
)
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_MAX_JSON_LD = 1_000_000


class _Extractor(HTMLParser):
    """Collects visible text as lines, plus <title>, <meta>, <link>, <time> and JSON-LD."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._current: list[str] = []
        self._skip: list[str] = []
        self._pre = 0
        self._in_title = False
        self._title: list[str] = []
        self._json_ld: list[str] | None = None
        self.json_ld: list[str] = []
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        self.time_datetime: str | None = None
        self.lang: str | None = None
        self.scripts = 0

    @property
    def title(self) -> str | None:
        return clean_value("".join(self._title))

    def _flush(self) -> None:
        if not self._current:
            return
        raw = "".join(self._current)
        self._current = []
        if self._pre:
            text = raw.replace("\x00", "\n").strip("\n")
        else:
            text = "\n".join(_HTML_SPACE.sub(" ", part).strip() for part in raw.split("\x00"))
            text = text.strip("\n ")
        if text.strip():
            self.blocks.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): value or "" for name, value in attrs}
        if tag == "script" and values.get("type", "").lower() == "application/ld+json":
            self._json_ld = []
        if tag in _SKIP:
            self.scripts += tag == "script"
            self._skip.append(tag)
            return
        if tag == "meta":
            key = values.get("property") or values.get("name") or values.get("itemprop", "")
            if key and values.get("content") and key.lower() not in self.meta:
                self.meta[key.lower()] = values["content"]
        elif tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self.canonical = self.canonical or values.get("href")
        elif tag == "time" and values.get("datetime") and self.time_datetime is None:
            self.time_datetime = values["datetime"]
        elif tag == "html" and self.lang is None:
            self.lang = values.get("lang")
        elif tag == "title" and not self._skip:
            self._in_title = True
        if self._skip:
            return
        if tag == "br":
            self._current.append("\x00")  # a line break inside the block, kept by _flush
        elif tag in _BLOCKS:
            self._in_title = False  # an unclosed <title> ends where the page starts
            self._flush()
            if tag == "pre":
                self._pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            return  # <svg/> has no content to skip
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._skip:
            while self._skip and self._skip.pop() != tag:
                pass
            if tag == "script" and self._json_ld is not None:
                self.json_ld.append("".join(self._json_ld))
                self._json_ld = None
            return
        if self._skip:
            return
        if tag == "title":
            self._in_title = False
        elif tag in _BLOCKS:
            self._flush()
            if tag == "pre" and self._pre:
                self._pre -= 1

    def handle_data(self, data: str) -> None:
        if self._skip:
            if self._json_ld is not None and sum(map(len, self._json_ld)) < _MAX_JSON_LD:
                self._json_ld.append(data)
            return
        if self._in_title:
            self._title.append(data)
            return
        self._current.append(data.replace("\x00", ""))

    def close(self) -> None:
        super().close()
        self._flush()


_LONE_LT = re.compile(r"<(?![A-Za-z/!?])")
_CDATA_OPEN = re.compile(r"<!\[(?=\s*(?:cdata|temp|ignore|include|rcdata)\b)", re.IGNORECASE)


def _escape_after_last(text: str, opener: re.Pattern[str] | str, terminator: str) -> str:
    cut = text.rfind(terminator)
    start = 0 if cut < 0 else cut + len(terminator)
    if isinstance(opener, str):
        opener = re.compile(re.escape(opener))
    head, tail = text[:start], text[start:]
    return head + opener.sub(lambda m: "&lt;" + m.group()[1:], tail)


def defuse(markup: str) -> str:
    """Turn constructs that can never be closed into text, as a browser shows them.

    Python 3.11's HTMLParser rescans to the end of the input for each unclosed
    "<", "<!--" or "<![", which is quadratic: a hostile 4 MB page of "</" runs
    for minutes. A "<" that cannot open a tag is text in every browser anyway.
    """
    markup = _LONE_LT.sub("&lt;", markup)
    markup = _escape_after_last(markup, "<", ">")
    markup = _escape_after_last(markup, "<!--", "-->")
    markup = _escape_after_last(markup, _CDATA_OPEN, "]]>")
    return _escape_after_last(markup, "<![", "]>")


def _walk_json_ld(blobs: list[str]) -> dict[str, str]:
    """First datePublished / author / publisher names in JSON-LD, walked without recursion."""
    found: dict[str, str] = {}
    stack: list[object] = []
    for blob in blobs:
        try:
            stack.append(json.loads(blob))
        except (ValueError, RecursionError):
            continue
    visited = 0
    while stack and visited < 100_000:
        visited += 1
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(reversed(node))
            continue
        if not isinstance(node, dict):
            continue
        if isinstance(node.get("datePublished"), str):
            found.setdefault("published", node["datePublished"])
        for key, slot in (("author", "author"), ("publisher", "outlet")):
            value = node.get(key)
            if isinstance(value, list) and value:
                value = value[0]
            if isinstance(value, dict):
                value = value.get("name")
            if isinstance(value, str) and value.strip():
                found.setdefault(slot, value)
        stack.extend(reversed([v for v in node.values() if isinstance(v, dict | list)]))
    return found


@dataclass
class PlainPage:
    """What the stdlib pass found: visible text blocks and the page's own metadata."""

    text: str
    title: str | None
    meta: dict[str, str]
    json_ld: dict[str, str]
    canonical: str | None
    time_datetime: str | None
    lang: str | None
    scripts: int


def read_plain(markup: str) -> PlainPage:
    """Visible text (blocks separated by blank lines) and metadata of a decoded page."""
    parser = _Extractor()
    parser.feed(defuse(markup))
    parser.close()
    return PlainPage(
        text="\n\n".join(parser.blocks),
        title=parser.title,
        meta=parser.meta,
        json_ld=_walk_json_ld(parser.json_ld),
        canonical=parser.canonical,
        time_datetime=parser.time_datetime,
        lang=parser.lang,
        scripts=parser.scripts,
    )
