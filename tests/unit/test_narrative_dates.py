"""Histories date bare months, days and seasons by the story's year; news does not."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.extract import suggest, tag
from desktop.extract.anchoring import PUBLICATION

REF = date(2024, 3, 1)


def _values(text: str, reference: date = REF) -> dict[str, str]:
    return {t.text: t.value for t in tag(text, reference)}


def test_a_history_dates_bare_months_days_and_seasons_by_its_story() -> None:
    text = ("The reform was proposed in January 1832. It passed the lower house in March. "
            "A second reform followed in 1867, after riots on 15 July. The nobility fled "
            "in the autumn. Today the law is taught in schools.")  # fmt: skip
    found = _values(text)
    assert found["March"] == "1832-03"
    assert found["15 July"] == "1867-07-15"
    assert found["the autumn"] == "1867-FA"
    assert found["Today"] == "PRESENT_REF"


def test_news_with_old_years_keeps_dating_from_its_own_day() -> None:
    text = ("The company was founded in 1854 and went public in 1923. Yesterday it said "
            "profits rose in March.")  # fmt: skip
    found = _values(text)
    assert found["March"].startswith(("2024", "2023"))
    assert found["Yesterday"] == "2024-02-29"


def test_one_old_year_is_not_yet_a_history() -> None:
    assert _values("The 1998 law was amended in March.")["March"].startswith(("2024", "2023"))


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The plague came in the summer of 1348. By that autumn half had died.",
         "that autumn", "1348-FA"),
        ("They landed in 1453. The following spring a second army came.",
         "The following spring", "1454-SP"),
        ("They landed in February 1453. The following spring a second army came.",
         "The following spring", "1453-SP"),
        ("He flew in May 1963. The previous winter he had trained.",
         "The previous winter", "1962-WI"),
        ("She wrote it in 1926. The next year she moved to Paris.", "The next year", "1927"),
        ("Next spring the park will reopen.", "Next spring", "2025-SP"),  # 1 March: this one began
    ],
)  # fmt: skip
def test_seasons_and_years_counted_from_the_last_date(text: str, phrase: str, value: str) -> None:
    assert _values(text)[phrase] == value


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [("first settled around 900 AD.", "900 AD", "0900"), ("in AD 79 the town", "AD 79", "0079"),
     ("Rome fell in 476 CE.", "476 CE", "0476"), ("in 1066 AD", "1066 AD", "1066")],
)  # fmt: skip
def test_years_marked_ad_or_ce(text: str, phrase: str, value: str) -> None:
    assert _values(text)[phrase] == value


@pytest.mark.parametrize("text", ["AD 2,000 units were sold.", "The CEO spoke.", "HEAD 900"])
def test_ad_and_ce_inside_other_words_or_counts_are_no_years(text: str) -> None:
    assert not tag(text, REF)


def test_a_widened_period_takes_in_the_part_before_it() -> None:
    found = tag("He reigned in the second half of the 13th century.", REF)
    assert [(t.text, t.value) for t in found] == [("the second half of the 13th century", "12")]


def test_a_history_dates_no_happening_by_the_publication_day() -> None:
    text = ("The first bridge was built in 1820. It was rebuilt in 1867 and in 1901. "
            "The town grew around it.")  # fmt: skip
    assert not [s for s in suggest(text, REF) if s.anchor == PUBLICATION]


def test_a_news_lead_before_two_old_years_is_still_todays_news() -> None:
    text = ("The former mayor was sentenced to six years in prison for fraud. A court found "
            "him guilty of taking bribes between 2011 and 2016.")  # fmt: skip
    lead = suggest(text, date(2020, 9, 15))[0]
    assert lead.anchor == PUBLICATION and lead.value.startswith("2020-09-15")


def test_a_story_moves_forward_into_the_next_year() -> None:
    text = ("The siege began on 17 September 1870. That winter was cold, and by January the "
            "city was starving. The bombardment started on 5 January. It fell on 28 January "
            "1871.")  # fmt: skip
    found = _values(text)
    assert (found["That winter"], found["January"], found["5 January"]) == (
        "1870-WI", "1871-01", "1871-01-05")


def test_a_story_dates_a_bare_day_by_its_month_and_a_same_month_by_its_year() -> None:
    text = ("The probe was launched on 12 March 1978. In November 1980 it sent pictures. "
            "Contact was lost on the 30th. The firm failed in 1890, and in the same month "
            "it sold the design. It was founded in 1862.")  # fmt: skip
    found = _values(text)
    assert (found["the 30th"], found["the same month"]) == ("1980-11-30", "1890")


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [("He was commissioned in 1892. In the spring of that year he sailed.",
      "the spring of that year", "1892-SP"),
     ("It opened in May 1990. In the summer of the following year it closed.",
      "the summer of the following year", "1991-SU"),
     ("Prices rose in the spring of last year.", "the spring of last year", "2023-SP")],
)  # fmt: skip
def test_a_season_of_a_year_named_by_reference(text: str, phrase: str, value: str) -> None:
    assert _values(text)[phrase] == value


@pytest.mark.parametrize(
    ("text", "reference", "phrase", "value"),
    [("heavy shelling near the bridge last nite", date(2024, 3, 14), "last nite",
      "2024-03-13TNI"),
     ("Convoy expected to cross tmrw", date(2024, 3, 14), "tmrw", "2024-03-15"),
     ("results announced tonite", date(2025, 4, 22), "tonite", "2025-04-22TNI"),
     ("Power back on since tues.", date(2024, 6, 7), "tues", "2024-06-04"),
     ("protest planned for sat at the town hall", date(2024, 11, 20), "sat", "2024-11-23"),
     ("Army says it took the hill on Wed.", date(2025, 5, 2), "Wed", "2025-04-30"),
     ("Fuel prices doubled this wknd.", date(2025, 2, 3), "this wknd", "2025-W05-WE"),
     ("no flights until after xmas", date(2024, 12, 20), "xmas", "2024-12-25"),
     ("See u all at the square on NYE!!", date(2024, 12, 30), "NYE", "2024-12-31"),
     ("schools reopen on the 8th they say", date(2025, 9, 1), "the 8th", "2025-09-08"),
     ("checkpoint reopened yday", date(2025, 3, 6), "yday", "2025-03-05"),
     ("more trucks coming 2moro", date(2025, 3, 6), "2moro", "2025-03-07"),
     ("rockets mon nite?", date(2025, 3, 10), "mon nite", "2025-03-10TNI"),
     ("at the hospital last wk", date(2025, 3, 10), "last wk", "2025-W10"),
     ("the vote is nxt week", date(2025, 5, 15), "nxt week", "2025-W21"),
     ("water cut this mornin", date(2025, 6, 30), "this mornin", "2025-06-30TMO"),
     ("convoy left 2 wks ago", date(2025, 10, 20), "2 wks ago", "2025-W41"),
     ("Ferry back from Sun 10th", date(2025, 8, 1), "Sun 10th", "2025-08-10"),
     ("meeting on dec 15 at 6", date(2025, 12, 12), "dec 15", "2025-12-15"),
     ("elections pushed back to mid march", date(2025, 10, 20), "mid march", "2026-03"),
     ("exams moved to the 3rd", date(2025, 6, 30), "the 3rd", "2025-07-03")],
)  # fmt: skip
def test_informal_spellings(text: str, reference: date, phrase: str, value: str) -> None:
    assert _values(text, reference)[phrase] == value


@pytest.mark.parametrize(
    "text",
    ["He sat on the bench.", "The Sun reported it.", "The couple were newly wed.",
     "Bill Nye explained it.", "It was the 8th floor of the tower.",
     "It may 15 times.", "Then sun 10th place."],
)  # fmt: skip
def test_short_weekday_words_that_are_no_days(text: str) -> None:
    assert not tag(text, REF)


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [("The minister agreed to meet union leaders on Wednesday.", "Wednesday", "2025-11-05"),
     ("He vowed to return in March.", "March", "2026-03"),
     ("Rebels agreed to a ceasefire on Sunday.", "Sunday", "2025-11-02")],
)  # fmt: skip
def test_what_was_agreed_to_be_done_is_ahead(text: str, phrase: str, value: str) -> None:
    assert _values(text, date(2025, 11, 3))[phrase] == value
