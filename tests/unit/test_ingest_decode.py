"""Decoding rules: BOM, UTF-8, cp1252 with Latin-1 fallback, and binary rejection."""

from __future__ import annotations

import codecs
import random

import pytest

from desktop.ingest import IngestError, read_bytes
from desktop.ingest.decode import decode_bytes, decode_cp1252


def test_utf8_is_kept_exactly() -> None:
    raw = "  Title\r\n\r\nCafé “quoted”  \n\tend\n"
    assert decode_bytes(raw.encode("utf-8")) == raw


def test_utf8_bom_is_removed_and_nothing_else() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + b"  a\r\nb ") == "  a\r\nb "


def test_latin1_file() -> None:
    text = "Café in Zürich\n"
    assert decode_bytes(text.encode("latin-1")) == text


def test_cp1252_curly_quotes() -> None:
    text = "He said \u201cno\u201d \u2013 it\u2019s over\n"
    assert decode_bytes(text.encode("cp1252")) == text


def test_cp1252_undefined_bytes_fall_back_to_latin1() -> None:
    assert decode_cp1252(b"a\x81b\x9dc") == "a\x81b\x9dc"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_bom_marked_unicode(codec: str) -> None:
    text = "Zürich, 5 September 2018\n"
    data = text.encode(codec)
    if codec == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    assert decode_bytes(data) == text


def test_utf16_without_bom_is_recognised() -> None:
    text = "Plain ASCII article text\n"
    assert decode_bytes(text.encode("utf-16-le")) == text


def test_random_bytes_are_binary() -> None:
    data = random.Random(7).randbytes(4096)
    with pytest.raises(IngestError, match="binary file, not text"):
        read_bytes(data, "notes.txt")


def test_control_characters_without_nul_are_binary() -> None:
    data = bytes(range(1, 9)) * 100 + b"some text"
    with pytest.raises(IngestError, match="binary file, not text"):
        decode_bytes(data)


def test_empty_and_blank() -> None:
    with pytest.raises(IngestError, match="the file is empty"):
        read_bytes(b"", "a.txt")
    with pytest.raises(IngestError, match="the file has no text"):
        read_bytes(b" \r\n\t\n", "a.txt")


LEGACY = {
    "cp1251": "Во вторник вечером власти города сообщили, что мост через реку будет закрыт на "
    "ремонт до конца месяца. Жители выразили недовольство тем, что объезд займёт больше часа.",
    "koi8-r": "Во вторник вечером власти города сообщили, что мост через реку будет закрыт на "
    "ремонт до конца месяца. Жители выразили недовольство тем, что объезд займёт больше часа.",
    "cp1256": "أعلنت السلطات المحلية يوم الثلاثاء أن الجسر الرئيسي سيغلق للصيانة حتى نهاية "
    "الشهر، وقال السكان إن الطريق البديل يستغرق أكثر من ساعة.",
    "cp1254": "Belediye başkanı perşembe günü yaptığı açıklamada, köprünün onarım nedeniyle ay "
    "sonuna kadar kapalı kalacağını söyledi. Şehir sakinleri yolun çok uzun olduğunu belirtti.",
    "cp1250": "Starosta města ve čtvrtek oznámil, že most přes řeku bude kvůli opravám uzavřen "
    "až do konce měsíce. Obyvatelé si stěžují, že objížďka trvá více než hodinu.",
    "cp1253": "Ο δήμαρχος ανακοίνωσε την Πέμπτη ότι η γέφυρα θα παραμείνει κλειστή για "
    "επισκευές μέχρι το τέλος του μήνα. Οι κάτοικοι διαμαρτυρήθηκαν για την παράκαμψη.",
}
WESTERN = {  # charset-normalizer alone reads these as cp1250 ("Muńoz") and cp1258
    "es": "El alcalde anunció el jueves que el puente permanecerá cerrado por reparaciones "
    "hasta finales de mes. Los vecinos se quejaron; la señora Muñoz pidió información.",
    "it": "Il sindaco ha annunciato giovedì che il ponte resterà chiuso per lavori fino alla "
    "fine del mese. I cittadini si sono lamentati perché la deviazione è lunga più di un'ora.",
    "en": "The minister’s statement on Tuesday — issued after talks in Zürich — said the café "
    "owners would be compensated. Critics called it “too little, too late”.",
}


@pytest.mark.parametrize("codec", sorted(LEGACY))
def test_legacy_code_pages_without_declaration(codec: str) -> None:
    text = LEGACY[codec] + "\n"
    assert decode_bytes(text.encode(codec)) == text
    assert read_bytes(text.encode(codec), "story.txt").text == text


@pytest.mark.parametrize("language", sorted(WESTERN))
def test_western_text_is_not_mistaken_for_an_exotic_code_page(language: str) -> None:
    text = WESTERN[language] + "\n"
    assert decode_bytes(text.encode("cp1252")) == text


def test_declared_charset_is_used_when_it_decodes_cleanly() -> None:
    body = "<p>" + LEGACY["cp1251"] + "</p>"
    page = '<meta charset="windows-1251">' + body
    assert read_bytes(page.encode("cp1251"), "a.html").text == LEGACY["cp1251"]
    # A wrong declaration that does not decode cleanly is ignored, not trusted.
    page = '<meta charset="utf-16">' + body
    assert read_bytes(page.encode("cp1251"), "b.html").text == LEGACY["cp1251"]


def test_a_few_bad_bytes_in_utf8_replace_only_those_bytes() -> None:
    good = "Zürich — Genève — Kraków — “quoted” — Ελλάδα\n" * 3
    data = good.encode("utf-8") + b"broken \x96 dash and \xe9 accent\n"
    text = decode_bytes(data)
    assert text == good + "broken \ufffd dash and \ufffd accent\n"


def test_stored_text_is_nfc_without_soft_hyphens_or_zero_width_spaces() -> None:
    raw = "Cafe\u0301 in Id\u200blib, a long-\u00adawaited\u2060 talk.\n"
    draft = read_bytes(raw.encode("utf-8"), "a.txt")
    assert draft.text == "Café in Idlib, a long-awaited talk.\n"
    persian = "می\u200cخواهم که امروز به شهر بروم و با دوستانم در بازار قدم بزنم\n"
    assert read_bytes(persian.encode("utf-8"), "fa.txt").text == persian  # ZWNJ shapes words
