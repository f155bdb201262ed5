"""Datelines: a line that is (mostly) a full date near the top; never prose, never guessed."""

from __future__ import annotations

import random
from datetime import date

import pytest

from desktop.ingest import find_dateline
from desktop.ingest.dateline import parse_iso_date


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("12 Aug, 2021", date(2021, 8, 12)),
        ("Wednesday 05 September 2018 18:38 BST", date(2018, 9, 5)),
        ("September 5, 2018", date(2018, 9, 5)),
        ("2018-09-05", date(2018, 9, 5)),
        ("Updated: 5 Sep 2018 10:00", date(2018, 9, 5)),
        ("Published 12 August 2021", date(2021, 8, 12)),
        ("Sept. 5th, 2018 | 10:00 AM", date(2018, 9, 5)),
        ("Al Jazeera, 5 September 2018", date(2018, 9, 5)),
    ],
)
def test_dateline_forms(line: str, expected: date) -> None:
    text = f"Headline of the story\n\n{line}\n\nBody text follows here.\n"
    found = find_dateline(text)
    assert found is not None
    when, start, end = found
    assert when == expected
    assert text[start:end] in line
    assert any(ch.isdigit() for ch in text[start:end])


@pytest.mark.parametrize(
    "text",
    [
        "On September 7 the forces began shelling.",
        "On September 7, 2018 the forces attacked the town",
        "The war began in 2016 and has not stopped.",
        "Talks began 5 September 2018",
        "5 September",
        "Friday",
        "2018-02-30",
        "",
    ],
)
def test_no_dateline(text: str) -> None:
    assert find_dateline(f"Headline here\n{text}\nMore text.") is None


def test_dateline_far_down_is_ignored() -> None:
    text = "".join(f"Line number {i}\n" for i in range(30)) + "5 September 2018\n"
    assert find_dateline(text) is None


def test_span_indexes_the_original_text() -> None:
    text = "Title\r\n\r\n  Updated: 5 Sep 2018 10:00\r\nBody."
    when, start, end = find_dateline(text)
    assert when == date(2018, 9, 5)
    assert text[start:end] == "5 Sep 2018"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2018-09-05T18:38:00+01:00", date(2018, 9, 5)),
        ("2018-09-05", date(2018, 9, 5)),
        ("D:20180905183800Z", date(2018, 9, 5)),
        ("September 5", None),
        ("2018-13-40", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_iso_date(value: str | None, expected: date | None) -> None:
    assert parse_iso_date(value) == expected


WIRE_AND_LABELS = [
    ("ARIHA, Syria (AP) — 4 March 2022", date(2022, 3, 4)),
    ("ARIHA, Syria (AP) — 4 March 2022 — Airstrikes hit the town overnight.", date(2022, 3, 4)),
    ("BEIRUT, March 28, 2022 (Reuters) - Syrian forces shelled the town on Sunday.",
     date(2022, 3, 28)),
    ("GENEVA, 12 August 2021 (AFP) – Talks resumed.", date(2021, 8, 12)),
    ("KYIV, Ukraine, March 28, 2022 — The mayor said", date(2022, 3, 28)),
    ("Published: 28/03/2022", date(2022, 3, 28)),
    ("Posted on March 28, 2022 by Jane Roe", date(2022, 3, 28)),
    ("Updated 28.03.2022 14:05", date(2022, 3, 28)),
    ("Publié le 28 mars 2022 à 10h15", date(2022, 3, 28)),
    ("Veröffentlicht am 28. März 2022, 10:15 Uhr", date(2022, 3, 28)),
    ("Опубликовано: 28 марта 2022", date(2022, 3, 28)),
    ("Publicado el 28 de marzo de 2022", date(2022, 3, 28)),
    ("نشر في 28 مارس 2022", date(2022, 3, 28)),
    ("28 Mart 2022 Pazartesi", date(2022, 3, 28)),
    ("2022年3月28日", date(2022, 3, 28)),
]


@pytest.mark.parametrize(("line", "expected"), WIRE_AND_LABELS)
def test_wire_label_and_foreign_datelines(line: str, expected: date) -> None:
    text = f"Headline of the story\n\n{line}\n\nBody text follows here.\n"
    found = find_dateline(text)
    assert found is not None, line
    assert found[0] == expected
    assert text[found[1] : found[2]] in line


@pytest.mark.parametrize(
    ("dayfirst", "expected"),
    [(True, date(2018, 9, 5)), (False, date(2018, 5, 9)), (None, None)],
)
def test_numeric_dateline_follows_the_users_order(dayfirst: bool | None, expected: date) -> None:
    found = find_dateline("Title\nPublished: 05/09/2018\nBody.", dayfirst=dayfirst)
    assert (found[0] if found else None) == expected


def test_published_beats_updated_whichever_comes_first() -> None:
    text = "Title\nUpdated: 30/03/2022 09:00\nPublished: 28/03/2022\nBody."
    assert find_dateline(text)[0] == date(2022, 3, 28)
    assert find_dateline("Title\nUpdated: 30/03/2022\nBody.")[0] == date(2022, 3, 30)


@pytest.mark.parametrize(
    "line",
    [
        "BEIRUT, March 28 (Reuters) - Syrian forces shelled the town.",  # no year: no guess
        "Officials in Beirut, March 28, 2022 - said the talks failed",
        "The army said on 4 March 2022 that it had withdrawn from the town of Ariha.",
    ],
)
def test_not_wire_datelines(line: str) -> None:
    assert find_dateline(f"Headline here\n{line}\nMore text.") is None


def test_the_tagger_uses_the_same_detector_and_never_makes_a_dateline_an_event() -> None:
    from desktop.extract import suggest, tag

    text = (
        "Shelling resumes\n\nBEIRUT, March 28, 2022 (Reuters) - Government forces shelled the "
        "town of Ariha on Friday, rescuers said.\n"
    )
    timexes = tag(text, None)
    dateline = next(t for t in timexes if t.text == "March 28, 2022")
    assert dateline.dateline
    friday = next(t for t in timexes if "Friday" in t.text)
    assert friday.value == "2022-03-25"  # counted from the dateline
    found = suggest(text, None)
    assert found, "the shelling is an event"
    assert all(s.timex_start != dateline.start for s in found)
    assert found[0].value == "2022-03-25"



_PIECES = ("BEIRUT", "ARIHA", "Syria", "al-Bab", "de", "The", "northern", "town", "officials",
           "said", ",", ", ", " — ", " - ", ": ", "(AP)", "(Reuters)", "(", ")", "  ", " ",
           "4 March 2022", "March 28, 2022", "28/03/2022", "2022-03-28", "28 mars 2022",
           "in 2005", "x" * 70, "\u2028", "Jisr al-Shughur")
_PLACES = ("BEIRUT", "ARIHA", "Syria", "Jisr", "al-Shughur", "de", "la", "Paz", "NEW", "YORK",
           "Idlib", "town", "Dar es", "Salaam", "x" * 30)
_SEPARATORS = (",", " —", "—", " –", " -", ":", " - ", ", ", " —  ", "")
_AGENCIES = ("", "", " (AP)", "(Reuters) ", " (AFP)", " (a)")
_DATES = ("4 March 2022", "March 28, 2022", "28/03/2022", "2022-03-28", "28 mars 2022",
          "Sept. 5th, 2018", "no date")


def _wire_like(rng: random.Random) -> str:
    """A wire lead, or something close to one, at the head of a long line."""
    place = " ".join(rng.choice(_PLACES) for _ in range(rng.randint(1, 4)))
    if rng.random() < 0.4:
        place += ", " + rng.choice(_PLACES)
    head = (rng.choice(("", " ", "\t")) + place + rng.choice(_AGENCIES) + rng.choice(_SEPARATORS)
            + rng.choice(("", " ", "  ")) + rng.choice(_DATES) + rng.choice(_AGENCIES)
            + rng.choice(_SEPARATORS) + " ")
    return head + "Syrian forces shelled the town on Friday, residents said. " * 3


def test_a_long_line_skipped_unsearched_holds_no_dateline(monkeypatch) -> None:
    """The shortcut for long lines (no wire-lead place: no date search) changes no result:
    every line, with and without it, gives the same datelines."""
    from desktop.temporal import dateline

    rng = random.Random(7)
    lines = [" ".join(rng.choice(_PIECES) for _ in range(rng.randint(3, 40)))
             + " and the story went on for a while longer than any dateline would." * 2
             for _ in range(2000)] + [_wire_like(rng) for _ in range(3000)]
    fast = [dateline.find_datelines(line) for line in lines]
    skipped = sum(not dateline._may_be_wire(line) for line in lines)
    monkeypatch.setattr(dateline, "_may_be_wire", lambda line: True)
    assert fast == [dateline.find_datelines(line) for line in lines]
    assert sum(map(bool, fast)) > 500 and skipped > 1500  # it finds leads and skips prose


# Wire leads and datelines in other scripts: one detector (temporal.dateline) for the
# importer, the English tagger and the language tables' tagger.
SCRIPTS = [
    ("ar", "دمشق - 3 آذار 2022 (سانا) - دخلت قافلة مساعدات إلى إدلب يوم الثلاثاء.",
     date(2022, 3, 3), "3 آذار 2022"),
    ("ar", "بيروت - الإثنين 5 كانون الأول 2022", date(2022, 12, 5), "5 كانون الأول 2022"),
    ("ar", "حلب - 7 تشرين الثاني 2021", date(2021, 11, 7), "7 تشرين الثاني 2021"),
    ("ru", "МОСКВА, 3 марта 2022 (ТАСС) - Делегации встретились во вторник в Женеве.",
     date(2022, 3, 3), "3 марта 2022"),
    ("de", "BERLIN, 3. März 2022 (dpa) - Die Regierung beschloss am Dienstag ein Paket.",
     date(2022, 3, 3), "3. März 2022"),
    ("fr", "PARIS, 28 mars 2022 (AFP) - Le gouvernement a annoncé lundi un plan.",
     date(2022, 3, 28), "28 mars 2022"),
]


@pytest.mark.parametrize(("language", "line", "expected", "phrase"), SCRIPTS)
def test_the_importer_reads_datelines_in_other_scripts(
        language: str, line: str, expected: date, phrase: str) -> None:
    text = f"Headline\n\n{line}\n\nMore of the story.\n"
    for given in (language, None):  # the language helps, but none is needed
        found = find_dateline(text, language=given)
        assert found is not None and found[0] == expected, (line, given)
        assert text[found[1]:found[2]] == phrase


@pytest.mark.parametrize(("language", "line", "expected", "phrase"), SCRIPTS)
def test_the_language_tagger_marks_the_same_dateline_and_never_makes_it_an_event(
        language: str, line: str, expected: date, phrase: str) -> None:
    from desktop.extract import suggest, tag

    text = f"Headline\n\n{line}\n\nMore of the story.\n"
    marked = [t for t in tag(text, None, language) if t.dateline]
    assert [t.value for t in marked] == [expected.isoformat()]
    assert phrase in text[marked[0].start:marked[0].end]  # (with a weekday, if it has one)
    assert all(s.timex_start != marked[0].start for s in suggest(text, None, language))


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("ar", "في 5 آذار 2022 وصل الوفد إلى دمشق."),  # a date in a sentence: no dateline
        ("ar", "قال المسؤول 5 آذار 2022"),
        ("ru", "Делегации встретились 3 марта 2022 в Женеве и договорились."),
        ("de", "Die Regierung beschloss am 3. März 2022 ein Paket."),
    ],
)
def test_dates_in_sentences_of_other_scripts_are_no_datelines(language: str, line: str) -> None:
    from desktop.extract import tag

    text = f"Headline\n\n{line}\n\nMore of the story.\n"
    assert find_dateline(text, language=language) is None
    assert not any(t.dateline for t in tag(text, None, language))


def test_a_dateline_sets_the_reference_for_the_language_tagger() -> None:
    from desktop.extract import tag

    text = "Headline\n\nدمشق - 3 آذار 2022 (سانا) - دخلت القافلة أمس.\n"
    values = {t.text: t.value for t in tag(text, None, "ar")}
    assert values.get("أمس") == "2022-03-02"  # yesterday, counted from the dateline
