"""Narrative continuation and who-did-what titles in the languages with date tables."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.extract import suggest
from desktop.extract.anchoring import CONTINUATION, PHRASE
from desktop.extract.lang import TABLES, compiled
from desktop.extract.lang.engine import direction
from desktop.extract.lang.narration import past_event, who_did_what

CASES = {
    "fr": ("Mardi 14 mars, l'armée est entrée dans Saraqeb. Les soldats ont ensuite pris le pont.",
           "Les soldats"),
    "es": ("El martes 14 de marzo, el ejército entró en Saraqeb. Las tropas tomaron el puente.",
           "Las tropas"),
    "de": ("Am 14. März besetzte die Armee die Stadt Sarakib. Die Soldaten eroberten die Brücke.",
           "Die Soldaten"),
    "ru": ("14 марта армия вошла в город Серакаб. Затем военные захватили мост на трассе.",
           "Затем"),
    "tr": ("Ordu 14 Mart'ta Serakib kentine girdi. Askerler ardından otoyoldaki köprüyü ele "
           "geçirdi.", "Askerler"),
    "ar": ("دخل الجيش مدينة سراقب في ١٤ آذار. ثم سيطر الجنود على الجسر.", "ثم سيطر"),
}


@pytest.mark.parametrize("code", sorted(CASES))
def test_a_past_event_sentence_continues_the_date_before_it(code: str) -> None:
    text, second = CASES[code]
    items = suggest(text, date(2023, 3, 16), code)
    carried = [s for s in items if s.quote.startswith(second)]
    assert [s.anchor for s in items if s not in carried] == [PHRASE]
    assert len(carried) == 1 and carried[0].anchor == CONTINUATION
    assert carried[0].value == "2023-03-14" and carried[0].timex_start is None


@pytest.mark.parametrize("code", sorted(CASES))
def test_a_sentence_without_an_event_verb_is_not_carried(code: str) -> None:
    text, second = CASES[code]
    first = text[: text.index(second)]
    plain = {"fr": "Le temps était doux ce jour-là dans toute la région.",
             "es": "El tiempo era suave en toda la región aquel día.",
             "de": "Das Wetter war mild in der ganzen Region an diesem Tag.",
             "ru": "Погода в тот день была тёплой во всём регионе.",
             "tr": "Hava o gün bütün bölgede ılık ve güneşliydi.",
             "ar": "الطقس معتدل في كل أنحاء المنطقة ذلك اليوم."}[code]
    items = suggest(first + plain, date(2023, 3, 16), code)
    assert [s.anchor for s in items] == [PHRASE]


def test_a_future_date_is_not_carried_to_a_past_sentence() -> None:
    text = "Le 20 mars, les ministres se réuniront à Genève. L'armée est entrée dans Saraqeb."
    items = suggest(text, date(2023, 3, 16), "fr")
    assert all(s.anchor != CONTINUATION for s in items)


def test_a_continuation_does_not_cross_a_paragraph_for_an_old_date() -> None:
    text = "En mars 2011, l'armée est entrée dans Deraa.\n\nLes soldats ont ensuite pris le pont."
    items = suggest(text, date(2023, 3, 16), "fr")
    assert all(s.anchor != CONTINUATION for s in items)


def test_titles_are_cut_to_who_did_what() -> None:
    sentence = ("Les soldats ont ensuite pris le pont sur la route M5, selon une source militaire "
                "qui a demandé à ne pas être nommée, après des combats.")
    title = who_did_what(sentence, past_event("fr", sentence))
    assert title == "Les soldats ont ensuite pris le pont sur la route M5"
    assert len(who_did_what(sentence * 2, None)) <= 70
    lead = "GENÈVE, 3 mars 2023 (AFP) - L'armée est entrée dans Saraqeb, selon l'OSDH."
    assert who_did_what(lead, past_event("fr", lead)) == "L'armée est entrée dans Saraqeb"


@pytest.mark.parametrize("sentence", [
    "أعلنت الوزارة الخبر في نيسان.",  # perfective
    "لقد وصل الوفد في نيسان.",  # لقد + perfect
    "وقد انسحبت القوات في نيسان.",  # وقد + perfect
    "كان الجيش يحاصر المدينة في نيسان.",  # كان + imperfect
    "اقتحمت القوات البلدة في نيسان.",  # perfective form VIII not in the old list
    "تسلّم الجيش المواقع في نيسان.",  # form V
])
def test_arabic_past_is_read(sentence: str) -> None:
    c = compiled(TABLES["ar"])
    at = sentence.index("نيسان")
    assert direction(c, sentence, at, at + 5) == "past"


@pytest.mark.parametrize("sentence", [
    "سيصل الوفد في نيسان.",
    "يزور الوزير أنقرة في نيسان.",
    "قد يزور الوزير أنقرة في نيسان.",  # قد + imperfect: "may"
    "قد تستأنف المحادثات في نيسان.",
    "الاستقرار والانسحاب في نيسان.",  # verbal nouns of forms X and VII
])
def test_arabic_future_and_present_are_not_past(sentence: str) -> None:
    c = compiled(TABLES["ar"])
    at = sentence.index("نيسان")
    assert direction(c, sentence, at, at + 5) != "past"
