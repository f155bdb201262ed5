"""Saved web pages -> the article's text and metadata, strictly offline.

trafilatura finds the main text (menus, cookie banners, related links and footers
dropped; paragraphs and headings kept) and the title, author and site name; htmldate
finds the original publication date. Both get a parsed tree, never a string: a
string that looks like a URL would make them download it. When they find no article
(a very short page, or one built by JavaScript) the stdlib reader in html_plain keeps
whatever visible text and metadata the page has, and the draft says why.
"""

from __future__ import annotations

import logging
import re
from datetime import date

from desktop.ingest import limits
from desktop.ingest.dateline import find_dateline, parse_iso_date
from desktop.ingest.decode import decode_bytes, sniff_bom
from desktop.ingest.draft import ArticleDraft, IngestError
from desktop.ingest.html_plain import PlainPage, read_plain
from desktop.ingest.html_text import body_text
from desktop.ingest.language import declared_language, detect_language
from desktop.ingest.metadata import clean_value, detect_metadata

_META_CHARSET = re.compile(rb"<meta[^>]{0,300}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:\-]+)", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>", re.I)
_PUBLISHED_KEYS = (
    "article:published_time", "og:published_time", "datepublished", "date", "pubdate",
    "publishdate", "publish-date", "dc.date", "dc.date.issued", "dcterms.issued",
    "sailthru.date", "parsely-pub-date",
)  # fmt: skip
_MIN_ARTICLE_CHARS = 200
JS_NOTE = (
    "the page seems to be built by JavaScript, which is never run here: only {what} "
    "could be read; save the page from a browser as 'Web page, complete' or as PDF"
)
BIG_PAGE_NOTE = (
    "the page is larger than {size}, so it was read as plain visible text: menus and "
    "footers may be part of the article"
)
GUESSED_DATE_NOTE = (
    "the publication date {when} was taken from a date in the page's text, not from its "
    "metadata or dateline: check it (Set date…)"
)
for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)  # their per-page chatter is not ours


def decode_html(data: bytes, declared: str | None = None) -> str:
    """Text of a page: BOM, UTF-8, then the charset its container or <meta> declares."""
    if sniff_bom(data) is None and declared is None:
        match = _META_CHARSET.search(data[:4096])
        if match:
            declared = match.group(1).decode("ascii", "ignore")
    return decode_bytes(data, declared)


def _tree(markup: str):  # noqa: ANN202 - lxml has no type hints
    from lxml import etree, html

    parser = html.HTMLParser(
        remove_comments=True, remove_pis=True, no_network=True, collect_ids=False
    )
    try:
        tree = html.document_fromstring(_XML_DECLARATION.sub("", markup, count=1), parser)
    except (etree.ParserError, ValueError):
        return None
    return tree


def _main_text(tree):  # noqa: ANN001, ANN202
    """trafilatura's article text and metadata (date from markup only), or (None, None)."""
    from trafilatura import bare_extraction

    try:
        doc = bare_extraction(
            tree,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (ValueError, RecursionError, AttributeError, TypeError):
        return None, None
    if doc is None or doc.body is None:
        return None, doc
    return body_text(doc.body), doc


def _extensive_date(markup: str) -> date | None:
    """htmldate's search of the whole page; a bare year ("© 2023" -> 1 January) is no date."""
    from htmldate import find_date

    tree = _tree(markup)
    if tree is None:
        return None
    try:
        found = parse_iso_date(find_date(tree, extensive_search=True, original_date=True))
    except (ValueError, RecursionError, TypeError):
        return None
    if found is not None and (found.month, found.day) == (1, 1):
        written = (f"{found.year}-01-01", f"01/01/{found.year}", f"1 January {found.year}",
                   f"January 1, {found.year}", f"01.01.{found.year}")  # fmt: skip
        if not any(form in markup for form in written):
            return None
    return found


def _markup_date(plain: PlainPage) -> date | None:
    for candidate in (
        *(plain.meta.get(key) for key in _PUBLISHED_KEYS),
        plain.json_ld.get("published"),
        plain.time_datetime,
    ):
        found = parse_iso_date(candidate)
        if found:
            return found
    return None


def _http(value: str | None) -> str | None:
    value = clean_value(value)
    return value if value and value.lower().startswith(("http://", "https://")) else None


def _not_url(value: str | None) -> str | None:
    value = clean_value(value)
    return None if value is None or "://" in value else value


def parse_html(
    data: bytes,
    *,
    source_file: str | None,
    source_format: str,
    dayfirst: bool = False,
    declared_charset: str | None = None,
) -> ArticleDraft:
    """Extract the article and its metadata from an HTML document's bytes."""
    markup = decode_html(data, declared_charset)
    plain = read_plain(markup)
    notes: list[str] = []
    small = len(markup) <= limits.MAX_TREE_CHARS  # trafilatura's memory grows ~80x the page
    if not small:
        notes.append(BIG_PAGE_NOTE.format(size=limits.size(limits.MAX_TREE_CHARS)))
    tree = _tree(markup) if small else None
    text, doc = _main_text(tree) if tree is not None else (None, None)
    if not text or len(text) < _MIN_ARTICLE_CHARS:
        text = plain.text  # no article found: all visible text rather than nothing
    meta = plain.meta
    title = (
        clean_value(meta.get("og:title") or meta.get("twitter:title"))
        or clean_value(doc.title if doc else None)
        or plain.title
    )
    description = clean_value(meta.get("og:description") or meta.get("description"))
    if len(text.strip()) < _MIN_ARTICLE_CHARS and plain.scripts:
        if not text.strip():
            text = "\n\n".join(part for part in (title, description) if part)
            what = "its title and description"
        else:
            what = f"{len(text.strip())} characters of text"
        if text.strip():
            notes.append(JS_NOTE.format(what=what))
    if not text.strip():
        raise IngestError("the web page has no readable text")
    published = parse_iso_date(doc.date if doc else None) or _markup_date(plain)
    if published is None:
        dateline = find_dateline(text, dayfirst=dayfirst)
        published = dateline[0] if dateline else None
    if published is None and small:
        published = _extensive_date(markup)
        if published is not None:
            notes.append(GUESSED_DATE_NOTE.format(when=published.isoformat()))
    found = detect_metadata(text)
    draft = ArticleDraft(
        text=text,
        title=title,
        outlet=clean_value(meta.get("og:site_name"))
        or _not_url(plain.json_ld.get("outlet"))
        or clean_value(doc.sitename if doc else None),
        url=_http(meta.get("og:url")) or _http(plain.canonical) or _http(doc.url if doc else None),
        author=_not_url(meta.get("author"))
        or _not_url(meta.get("article:author"))
        or _not_url(plain.json_ld.get("author"))
        or _not_url(doc.author if doc else None)
        or found.author
        or detect_metadata(plain.text).author,  # a byline the extractor left out
        published=published,
        source_file=source_file,
        source_format=source_format,
        notes=notes,
    )
    draft.language = detect_language(draft.text) or declared_language(plain.lang)
    return draft
