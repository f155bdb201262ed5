"""Which URLs Chronologue keeps: http, https and mailto, nothing else.

Why: an article's URL is written into every TimelineJS slide and HTML-ish export as a
link. A manifest or a saved page could carry `javascript:` (or `data:`, `file:`) URLs,
which would then run in whoever opens the shared timeline. So every URL is checked where
it is stored (the Article model) and again where it is exported (for older workspaces).
"""

from __future__ import annotations

from urllib.parse import urlsplit

SCHEMES = ("http", "https", "mailto")


def safe_url(url: str | None) -> str | None:
    """The URL if its scheme is http(s) (with a host) or mailto, else None."""
    if not url:
        return None
    # Browsers ignore control characters and whitespace inside "java\tscript:"; so do we.
    cleaned = "".join(ch for ch in url.strip() if ch > " " and ch != "\x7f" or ch == " ")
    cleaned = cleaned.strip()
    try:
        parts = urlsplit(cleaned)
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES or (scheme != "mailto" and not parts.netloc):
        return None
    return cleaned
