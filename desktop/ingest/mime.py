"""Saved single-file pages (.mhtml/.mht) and e-mails (.eml) -> the article inside.

Both are MIME documents, read with the standard library's e-mail parser. The page
or message body goes through the same HTML reader as a .html file (its part's
charset is the declared one); a plain-text-only e-mail through the text reader.
The e-mail's own sender and date are the forwarder's, not the article's, so they
are never taken as author or publication date.
"""

from __future__ import annotations

import email
import re
from email import policy
from email.message import EmailMessage, Message

from desktop.ingest.decode import decode_bytes
from desktop.ingest.draft import ArticleDraft, IngestError
from desktop.ingest.html import parse_html
from desktop.ingest.metadata import clean_value, draft_from_text

_FORWARD_PREFIX = re.compile(r"^\s*(?:(?:fwd?|fw|tr|wg|rv|enc|i)\s*:\s*)+", re.IGNORECASE)
_MAX_PARTS = 2000


def _parts(message: Message) -> list[Message]:
    """Every leaf part, depth first, without recursion (nesting can be hostile)."""
    leaves: list[Message] = []
    stack = [message]
    while stack and len(leaves) < _MAX_PARTS:
        part = stack.pop()
        if part.is_multipart():
            payload = part.get_payload()
            stack.extend(reversed(payload if isinstance(payload, list) else []))
        elif part.get_content_type() == "message/rfc822":
            inner = part.get_payload()
            stack.extend(reversed(inner if isinstance(inner, list) else [inner]))
        else:
            leaves.append(part)
    return leaves


def _body(part: Message) -> bytes:
    payload = part.get_payload(decode=True)
    return payload if isinstance(payload, bytes) else b""


def _is_attachment_of_other_kind(part: Message) -> bool:
    return part.get_content_disposition() == "attachment" and part.get_content_type() not in (
        "text/html",
        "text/plain",
    )


def _http(value: str | None) -> str | None:
    value = clean_value(value)
    return value if value and value.lower().startswith(("http://", "https://")) else None


def parse_mime(
    data: bytes, *, source_file: str | None, source_format: str, dayfirst: bool = False
) -> ArticleDraft:
    """The article in an .mhtml/.mht page or an .eml message."""
    message = email.message_from_bytes(data, policy=policy.default)
    if not isinstance(message, EmailMessage) or not message.keys():
        kind = "e-mail" if source_format == "eml" else "saved web page (MHTML)"
        raise IngestError(f"this is not a valid {kind}: it has no MIME headers")
    leaves = [p for p in _parts(message) if not _is_attachment_of_other_kind(p)]
    html = next((p for p in leaves if p.get_content_type() == "text/html" and _body(p)), None)
    plain = next((p for p in leaves if p.get_content_type() == "text/plain" and _body(p)), None)
    if html is not None:
        draft = parse_html(
            _body(html), source_file=source_file, source_format=source_format,
            dayfirst=dayfirst, declared_charset=html.get_content_charset(),
        )  # fmt: skip
        location = html.get("Content-Location")
    elif plain is not None:
        text = decode_bytes(_body(plain), plain.get_content_charset())
        draft = draft_from_text(
            text, source_file=source_file, source_format=source_format, dayfirst=dayfirst
        )
        location = None
    else:
        raise IngestError("the message has no text or HTML part to import")
    draft.url = draft.url or _http(message.get("Snapshot-Content-Location")) or _http(location)
    subject = clean_value(_FORWARD_PREFIX.sub("", str(message.get("Subject") or "")))
    draft.title = draft.title or subject
    return draft
