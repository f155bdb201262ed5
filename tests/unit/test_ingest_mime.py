"""Single-file saved pages (.mhtml/.mht) and forwarded articles (.eml), made here."""

from __future__ import annotations

from datetime import date
from email.charset import QP, Charset
from email.message import EmailMessage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

import pytest

from desktop.ingest import SUPPORTED_EXTENSIONS, IngestError, read_bytes

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"


def mhtml(page: bytes, charset: str = "utf-8") -> bytes:
    """What a browser's 'save as single file' writes: multipart/related, quoted-printable."""
    root = MIMEMultipart("related", type="text/html")
    root["From"] = "<Saved by Blink>"
    root["Snapshot-Content-Location"] = "https://valleycourier.example/world/shelling-market"
    root["Subject"] = "Shelling hits market in northern town | The Valley Courier"
    root["Date"] = "Sat, 9 Apr 2022 10:00:00 -0000"  # when it was saved: not the article's date
    quoted = Charset(charset)
    quoted.body_encoding = QP
    html = MIMEText(page.decode(charset), "html", quoted)  # type: ignore[arg-type]
    html["Content-Location"] = "https://valleycourier.example/world/shelling-market"
    root.attach(html)
    image = MIMEText("R0lGODlhAQABAAAAACw=", "plain")
    image.replace_header("Content-Type", "image/gif")
    image["Content-Location"] = "https://valleycourier.example/logo.gif"
    root.attach(image)
    return root.as_bytes()


@pytest.mark.parametrize("ext", [".mhtml", ".mht"])
def test_mhtml_page_goes_through_the_html_reader(ext: str) -> None:
    data = mhtml((PAGES / "news_courier.html").read_bytes())
    assert b"quoted-printable" in data
    draft = read_bytes(data, f"saved{ext}")
    assert ext in SUPPORTED_EXTENSIONS
    assert draft.text.startswith("Shelling hits market in northern town\n\nArtillery shells")
    assert "cookies" not in draft.text and "Most read" not in draft.text
    assert draft.published == date(2022, 3, 4)
    assert draft.outlet == "The Valley Courier"
    assert draft.url == "https://valleycourier.example/world/shelling-market"
    assert draft.source_format == ext[1:]


def test_mhtml_part_charset_is_the_declared_one() -> None:
    page = (
        "<html><body><article><h1>Мост закрыт</h1><p>Опубликовано: 28 марта 2022</p>"
        + "<p>Во вторник вечером власти города сообщили, что мост через реку будет закрыт на "
        "ремонт до конца месяца. Жители выразили недовольство тем, что объезд займёт больше "
        "часа.</p>" * 3 + "</article></body></html>"
    ).encode("koi8-r")
    draft = read_bytes(mhtml(page, "koi8-r"), "ru.mhtml")
    assert "Во вторник вечером власти города" in draft.text
    assert draft.language == "ru"
    assert draft.published == date(2022, 3, 28)


def forwarded(html: str | None, plain: str) -> bytes:
    message = EmailMessage()
    message["From"] = "Colleague <colleague@example.org>"
    message["To"] = "analyst@example.org"
    message["Subject"] = "Fwd: Strikes hit Ariha as offensive widens"
    message["Date"] = "Mon, 11 Apr 2022 08:00:00 +0000"
    message.set_content(plain)
    if html is not None:
        message.add_alternative(html, subtype="html")
    return message.as_bytes()


PLAIN = (
    "Worth a look.\n\n---------- Forwarded message ---------\n\n"
    "ARIHA, Syria (AP) — 4 March 2022 — Airstrikes hit the northwestern town of Ariha "
    "overnight, killing at least six civilians, a rescue group said.\n\n"
    "The strikes came a day after the town council appealed for humanitarian corridors.\n"
)


def test_eml_html_part_is_read_like_a_page() -> None:
    page = (PAGES / "wire_ap.html").read_text(encoding="utf-8")
    draft = read_bytes(forwarded(page, PLAIN), "forward.eml")
    assert "ARIHA, Syria (AP) — 4 March 2022 — Airstrikes" in draft.text
    assert "Related coverage" not in draft.text
    assert draft.published == date(2022, 3, 4)  # the dateline, not the e-mail's date
    assert draft.title == "Strikes hit Ariha as offensive widens"
    assert draft.author is None  # the sender forwarded it; they did not write it


def test_plain_text_eml_uses_the_text_reader_and_the_subject() -> None:
    draft = read_bytes(forwarded(None, PLAIN), "forward.eml")
    assert draft.text == PLAIN
    assert draft.published == date(2022, 3, 4)
    assert draft.title == "Strikes hit Ariha as offensive widens"  # "Fwd:" dropped


def test_not_a_message() -> None:
    with pytest.raises(IngestError, match="not a valid e-mail"):
        read_bytes(b"just some words without headers\n", "x.eml")
    message = EmailMessage()
    message["Subject"] = "Only a picture"
    message.set_content(b"\x89PNG....", maintype="image", subtype="png")
    with pytest.raises(IngestError, match="no text or HTML part"):
        read_bytes(message.as_bytes(), "pic.eml")
