"""The date tables of desktop.extract.lang: each error class issue 20 names, one by one."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.extract import suggest, tag

THU = date(2022, 3, 3)  # a Thursday


@pytest.mark.parametrize(("language", "text", "phrase", "value"), [
    ("ar", "سيعقد المجلس جلسة يوم الإثنين.", "يوم الإثنين", "2022-03-07"),  # future سـ
    ("ar", "اجتمع المجلس يوم الإثنين.", "يوم الإثنين", "2022-02-28"),
    ("de", "Der Rat wird am Montag tagen.", "Montag", "2022-03-07"),
    ("fr", "Le conseil se réunira lundi.", "lundi", "2022-03-07"),
    ("fr", "Le conseil s'est réuni lundi.", "lundi", "2022-02-28"),
    ("tr", "Meclis pazartesi günü toplanacak.", "pazartesi günü", "2022-03-07"),
    ("ru", "Совет проведёт заседание в понедельник.", "понедельник", "2022-03-07"),
    ("es", "El consejo se reunirá el lunes.", "lunes", "2022-03-07"),
    ("tr", "Toplantı 1 Mart'ta yapıldı.", "1 Mart'ta", "2022-03-01"),
    ("tr", "Toplantı 5 Mart 2019'da yapıldı.", "5 Mart 2019'da", "2019-03-05"),
    ("ar", "وقع الهجوم في ٢٨ شباط ٢٠٢٢.", "٢٨ شباط ٢٠٢٢", "2022-02-28"),  # Eastern digits
    ("ar", "ستصل البعثة في الثاني والعشرين من أيلول/سبتمبر.", "الثاني والعشرين من أيلول/سبتمبر",
     "2022-09-22"),
    ("ar", "وبآذار الماضي توقفت المحادثات.", "وبآذار الماضي", "2021-03"),
    ("ru", "Встреча прошла двадцать третьего февраля.", "двадцать третьего февраля",
     "2022-02-23"),
    ("ru", "Выборы пройдут в сентябре.", "сентябре", "2022-09"),
    ("fr", "Les combats ont repris fin février.", "fin février", "2022-02"),
    ("de", "Die Kämpfe begannen Anfang Februar.", "Anfang Februar", "2022-02"),
    ("fr", "L'accord a été signé il y a deux jours.", "il y a deux jours", "2022-03-01"),
    ("es", "El acuerdo se firmó hace tres semanas.", "hace tres semanas", "2022-W06"),
    ("de", "Das Abkommen wurde vor zwei Jahren unterzeichnet.", "vor zwei Jahren", "2020"),
    ("ru", "Соглашение подписали два дня назад.", "два дня назад", "2022-03-01"),
    ("tr", "Anlaşma iki gün önce imzalandı.", "iki gün önce", "2022-03-01"),
    ("ar", "وقّع الاتفاق قبل يومين.", "قبل يومين", "2022-03-01"),
    ("de", "Die Wahl fand am 05.02.2022 statt.", "05.02.2022", "2022-02-05"),
    ("fr", "Mis à jour le 2022-02-05.", "2022-02-05", "2022-02-05"),
    ("fr", "Dans la nuit de samedi à dimanche, des frappes ont visé la ville.",
     "samedi à dimanche", "2022-02-27"),  # one night, dated by its morning
    ("ar", "قصفت الطائرات المدينة ليل السبت الأحد.", "السبت الأحد", "2022-02-27"),
    ("ar", "قصفت الطائرات المدينة يوم السبت.", "يوم السبت", "2022-02-26"),  # unmarked: past
    ("de", "Am Montag treffen sich die Minister in Brüssel.", "Montag", "2022-03-07"),  # plan
    ("de", "Am Montag trafen sich die Minister in Brüssel.", "Montag", "2022-02-28"),
    ("ar", "يزور الوزير أنقرة يوم الأحد.", "يوم الأحد", "2022-03-06"),  # imperfect: nearest
    # Arabic perfect verbs and لقد mark the past: a month without a year is the last one
    ("ar", "وصلت البعثة إلى دمشق في نيسان.", "نيسان", "2021-04"),
    ("ar", "لقد انسحبت القوات من المدينة في حزيران.", "حزيران", "2021-06"),
    ("ar", "وأعلنوا الهدنة في أيار.", "أيار", "2021-05"),
    ("ar", "تصل البعثة إلى دمشق في نيسان.", "نيسان", "2022-04"),  # imperfect: nearest
    # Turkish: the verb after the date decides, not the future inside what was said
    ("tr", "Bakan çarşamba günü yaptığı açıklamada sınırın açık kalacağını söyledi.",
     "çarşamba günü", "2022-03-02"),
])  # fmt: skip
def test_one_error_class(language: str, text: str, phrase: str, value: str) -> None:
    found = {t.text: t for t in tag(text, THU, language)}
    assert phrase in found, sorted(found)
    timex = found[phrase]
    assert text[timex.start : timex.end] == phrase
    assert timex.value == value


def test_month_parts_keep_their_part() -> None:
    (timex,) = tag("Les combats ont repris fin février.", THU, "fr")
    assert timex.fuzzy.qualifier.value == "late"
    (timex,) = tag("شهدت المدينة في مطلع آذار موجة برد.", THU, "ar")
    assert timex.fuzzy.qualifier.value == "early"


def test_a_dateline_dates_the_article_and_is_no_event() -> None:
    text = "МОСКВА, 1 марта 2022 (ТАСС) - Делегации встретились вчера в Женеве."
    timexes = tag(text, THU, "ru")
    assert timexes[0].dateline and timexes[0].value == "2022-03-01"
    assert timexes[1].value == "2022-02-28"  # "yesterday" of the dateline, not of THU
    (only,) = suggest(text, THU, "ru")
    assert only.value == "2022-02-28" and only.date_phrase == "вчера"


def test_without_a_reference_only_full_dates_are_placed() -> None:
    timexes = tag("Le conseil se réunira lundi, puis le 7 mars 2022.", None, "fr")
    assert [(t.text, t.value) for t in timexes] == [("lundi", ""), ("7 mars 2022", "2022-03-07")]


def test_an_undated_lead_is_dated_by_the_article() -> None:
    text = ("Séisme en Turquie\nUn séisme de magnitude 6 a frappé la ville de Malatya. "
            "Les secours sont arrivés.")
    (lead,) = suggest(text, THU, "fr")
    assert lead.anchor == "publication" and lead.value == "2022-03-03"
    assert lead.quote.startswith("Un séisme") and lead.fuzzy.qualifier.value == "shortly before"
    assert suggest("Le sommet se tiendra à Paris avec dix pays.", THU, "fr") == []  # future


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "La ville est assiégée depuis mars."),
    ("de", "Die Grenze bleibt bis zum 15. März geschlossen."),
    ("ar", "وتخضع المدينة للحصار منذ آذار."),
    ("tr", "Sınır 15 Mart'a kadar kapalı kalacak."),
    ("es", "La frontera seguirá cerrada hasta el 15 de marzo."),
])  # fmt: skip
def test_a_bound_of_a_period_dates_no_happening(language: str, text: str) -> None:
    assert [t for t in tag(text, THU, language) if t.fuzzy is not None]
    assert suggest(text, THU, language) == []


def test_a_year_beside_a_day_is_background() -> None:
    text = "La guerre, qui a commencé en 2011, a repris le 1er mars à Idleb."
    assert {t.text for t in tag(text, THU, "fr")} == {"2011", "1er mars"}
    (only,) = suggest(text, THU, "fr")
    assert only.value == "2022-03-01"


@pytest.mark.parametrize(("sentence", "lemma"), [
    ("انسحبت القوات من المدينة.", "withdraw"),
    ("Les forces se sont retirées de la ville.", "withdraw"),
    ("Россия вывела войска из города.", "withdraw"),
    ("Sınır kapısı pazartesi açıldı.", "open"),
    ("Граница была закрыта в понедельник.", "close"),
    ("Las milicias atacaron el puesto.", "attack"),
    ("Bakanlar Ankara'da bir araya geldi.", "meet"),
    ("В результате обстрела погибли трое.", "kill"),
])  # fmt: skip
def test_event_verbs_carry_their_english_lemma(sentence: str, lemma: str) -> None:
    from desktop.extract.lang.crossing import verb_of

    assert verb_of(sentence) == lemma


@pytest.mark.parametrize(("sentence", "names"), [
    ("В воскресенье боевики вошли в Хаму.", {"Hama"}),  # Russian accusative
    ("Хамство не новость.", set()),  # not a case form of Хама
    ("وصل الوفد إلى العراق ولبنان والأردن.", {"Iraq", "Lebanon", "Jordan"}),  # clitic و
    ("Rusya ve İran heyetleri Astana'da bir araya geldi.", {"Russia", "Iran", "Astana"}),
    ("Des frappes ont visé le Liban et Lattaquié.", {"Lebanon", "Latakia"}),
    ("Die Konferenz in Brüssel sammelte Geld für Gaza.", {"Brussels", "Gaza"}),
])  # fmt: skip
def test_places_carry_their_english_names(sentence: str, names: set[str]) -> None:
    from desktop.extract.lang.crossing import names_of

    assert set(names_of(sentence)) == names


@pytest.mark.parametrize(("language", "text", "value"), [
    ("fr", "Des frappes ont visé Idlib le 1er mars. Les forces se sont retirées de la ville.",
     "2022-03-01"),
    ("ar", "قصفت الطائرات الحربية أحياء المدينة الشرقية بعشرات الغارات يوم الثلاثاء."
     " وانسحبت القوات الحكومية من المدينة بعد ساعات من القصف.",
     "2022-03-01"),
    ("ru", "Бои на окраинах города начались первого марта, сообщили местные жители. Россия вывела"
     " войска из города.", "2022-03-01"),
    ("tr", "Kentin doğusundaki çatışmalar yerel kaynaklara göre 1 Mart'ta başladı. Sınır kapısı"
     " yetkililerin kararıyla aynı gün kapatıldı.", "2022-03-01"),
])  # fmt: skip
def test_a_date_carries_to_a_later_event_verb(language: str, text: str, value: str) -> None:
    second = text.index(". ") + 2
    items = suggest(text, THU, language)
    (carried,) = [s for s in items if s.start == second]
    assert carried.value == value and carried.anchor == "continuation"


def test_a_past_verb_does_not_continue_a_date_to_come() -> None:
    text = "Le conseil se réunira le 10 mars. Les forces se sont retirées de la ville."
    assert [s.value for s in suggest(text, THU, "fr")] == ["2022-03-10"]
