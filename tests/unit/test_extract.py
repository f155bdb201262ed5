"""Focused tests of the tagger, the suggestions and the command line, plus properties."""

from __future__ import annotations

import io
import json
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.extract import suggest, tag
from desktop.extract.__main__ import main
from desktop.extract.sentences import split_sentences
from desktop.temporal import Precision, Qualifier

REF = date(2018, 9, 14)  # a Friday


def pairs(text: str, reference: date | None = REF) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag(text, reference)]


def test_spans_follow_timex3_conventions() -> None:
    found = tag("Clashes erupted on Friday's eve and in October.", REF)
    assert [t.text for t in found] == ["Friday", "October"]
    assert all(t.type == "DATE" for t in found)


def test_weekdays_follow_tense() -> None:
    assert pairs("The summit will be held on Monday.") == [("Monday", "2018-09-17")]
    assert pairs("The summit was held on Monday.") == [("Monday", "2018-09-10")]
    assert pairs("Talks are set to resume on Wednesday.") == [("Wednesday", "2018-09-19")]


def test_early_september_keeps_its_qualifier() -> None:
    (timex,) = tag("In early September, shelling began.", REF)
    assert timex.value == "2018-09"
    assert timex.fuzzy.qualifier is Qualifier.EARLY
    assert timex.fuzzy.precision is Precision.MONTH


def test_vague_phrases_are_not_placeable() -> None:
    found = tag("Fighting has eased in recent weeks and is now calm.", REF)
    assert [(t.value, t.fuzzy) for t in found] == [("PAST_REF", None), ("PRESENT_REF", None)]


def test_relative_dates_need_a_reference() -> None:
    found = tag("On Friday, rebels attacked. In 2016 they lost the town.", None)
    assert [(t.value, t.needs_reference) for t in found] == [("", True), ("2016", False)]


def test_dateline_sets_the_reference() -> None:
    text = "Title\nWednesday 05 September 2018 18:38 BST\nOn Tuesday the planes joined in."
    found = tag(text, None)
    assert found[0].dateline and found[0].type == "TIME"
    assert (found[1].text, found[1].value) == ("Tuesday", "2018-09-04")


def test_french_is_read_with_its_own_table() -> None:
    text = "Le sommet a eu lieu le 7 septembre 2018 à Téhéran."
    (timex,) = tag(text, REF, language="fr")
    assert timex.value == "2018-09-07"
    assert text[timex.start : timex.end] == timex.text


def test_sentences_keep_exact_offsets() -> None:
    text = 'Mr. Smith arrived in the U.S. on Friday.\n"We left," he said. Then: silence!'
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "Mr. Smith arrived in the U.S. on Friday.",
        '"We left," he said.',
        "Then: silence!",
    ]


def test_suggestion_title_drops_attribution_and_date_phrase() -> None:
    text = "Activists told Al Jazeera that on Friday protesters burned tyres in Idlib."
    (item,) = suggest(text, REF)
    assert item.title == "Protesters burned tyres in Idlib"
    assert item.value == "2018-09-14" and item.date_phrase == "Friday"
    assert 0 < item.confidence < 1


def test_suggest_never_dates_by_vague_durations_or_far_future() -> None:
    text = "Fighting lasted three years. It has eased recently. A vote is planned for 2031."
    found = suggest(text, REF)
    assert all(item.anchor != "phrase" and item.date_phrase == "" for item in found)
    assert all(item.value == "2018-09-14" for item in found)  # at most the article's date


def test_cli_json(monkeypatch, capsys) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("On Friday, talks began."))
    assert main(["--json", "--reference-date", "2018-09-08"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out == [{"start": 3, "end": 9, "text": "Friday", "type": "DATE", "value": "2018-09-07"}]


def test_cli_jsonl_keeps_order(monkeypatch, capsys) -> None:
    lines = [
        {"doc_id": "a", "text": "Yesterday it rained.", "dct": "2018-09-08"},
        {"doc_id": "b", "text": "No dates here.", "dct": None},
        {"doc_id": "c", "text": "In 2016 it snowed.", "dct": None},
    ]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(json.dumps(x) for x in lines)))
    assert main(["--jsonl"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [[t["value"] for t in row] for row in rows] == [["2018-09-07"], [], ["2016"]]


_PIECES = [
    *"0123456789 ,.-/:'’\n",
    "May",
    "March",
    "Friday",
    "the",
    "last",
    "week",
    "ago",
    "early",
    "2018",
    "İ",
    "ß",
    "😀",
    "١٢",
    "x",
    "on ",
    "in ",
    "of ",
    "a.m.",
    "12 Aug, 2021\n",
]
weird_text = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=200), weird_text), st.sampled_from([REF, None]))
def test_tag_never_raises_and_spans_are_exact(text: str, reference: date | None) -> None:
    for timex in tag(text, reference):
        assert 0 <= timex.start < timex.end <= len(text)
        assert text[timex.start : timex.end] == timex.text
        assert timex.type in ("DATE", "TIME", "DURATION", "SET")


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_suggest_never_raises_and_quotes_are_exact(text: str) -> None:
    for item in suggest(text, REF):
        assert text[item.start : item.end] == item.description == item.quote
        assert text[item.timex_start : item.timex_end] == item.date_phrase


def test_huge_numbers_and_odd_dates() -> None:
    text = "On 31 February 2018, in 99999999999999999999, on 2018-13-45 and 00/00/0000."
    assert all(t.value != "" or t.needs_reference for t in tag(text, REF))


def test_weekday_resolution_rules() -> None:
    from desktop.extract.resolve import weekday_date

    saturday = date(2018, 9, 8)
    assert weekday_date(saturday, 4, "past") == date(2018, 9, 7)
    assert weekday_date(saturday, 4, "future") == date(2018, 9, 14)
    assert weekday_date(saturday, 5, "past") == date(2018, 9, 8)
    assert weekday_date(saturday, 0, None) == date(2018, 9, 10)
    assert weekday_date(saturday, 3, None) == date(2018, 9, 6)
    assert weekday_date(saturday, 0, "present") == date(2018, 9, 10)
    assert weekday_date(saturday, 5, "past", rel="last") == date(2018, 9, 1)


def test_tense_of_clause() -> None:
    from desktop.extract.tense import tense_at

    def tense(sentence: str, word: str) -> str | None:
        at = sentence.index(word)
        return tense_at(sentence, at, at + len(word))

    assert tense("A summit meeting to be held in Tehran on Friday.", "Friday") == "future"
    assert tense("He announced on Friday that Erdogan will visit.", "Friday") == "past"
    assert tense("He announced that Erdogan will visit on Monday.", "Monday") == "future"
    assert tense("On Tuesday Russian planes joined the raids.", "Tuesday") == "past"


def test_one_suggestion_per_happening_and_confidence_order() -> None:
    text = "The blast happened at 10 a.m. on 3 June 2019. Talks resume next month."
    found = suggest(text, date(2019, 6, 5))
    assert [s.value for s in found] == ["2019-06-03T10:00", "2019-07"]
    assert found[0].confidence > found[1].confidence


def test_foreign_fallback_always_names_the_language(monkeypatch) -> None:
    import dateparser.search

    calls: list[dict] = []

    def fake_search_dates(text, languages=None, settings=None):
        calls.append({"languages": languages, "settings": settings})
        return [("7 settembre 2018", __import__("datetime").datetime(2018, 9, 7))]

    monkeypatch.setattr(dateparser.search, "search_dates", fake_search_dates)
    text = "Il vertice si è tenuto il 7 settembre 2018 a Teheran."  # Italian: no date table
    (timex,) = tag(text, REF, language="it")
    assert calls and calls[0]["languages"] == ["it"]
    assert calls[0]["settings"]["RETURN_AS_TIMEZONE_AWARE"] is False
    assert timex.text == "7 settembre 2018" and timex.value == "2018-09-07"


def test_languages_with_tables_never_call_dateparser(monkeypatch) -> None:
    import dateparser.search

    monkeypatch.setattr(dateparser.search, "search_dates", lambda *a, **k: 1 / 0)
    (timex,) = tag("La cumbre fue el 7 de septiembre de 2018 en Teherán.", REF, language="es")
    assert timex.text == "7 de septiembre de 2018" and timex.value == "2018-09-07"
