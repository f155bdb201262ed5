"""FuzzyDate: constructors, TIMEX3 and human round trips, overlaps."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.temporal import FuzzyDate, Precision, Qualifier, parse_human, parse_span


def test_day_bounds_are_inclusive() -> None:
    day = FuzzyDate.day(2018, 9, 14)
    assert day.earliest == datetime(2018, 9, 14, 0, 0)
    assert day.latest == datetime(2018, 9, 14, 23, 59)
    assert day.precision is Precision.DAY
    assert day.to_timex() == "2018-09-14"
    assert day.human() == "14 Sep 2018"


def test_month_thirds_keep_month_precision() -> None:
    early = FuzzyDate.month(2018, 9, Qualifier.EARLY)
    assert (early.earliest.day, early.latest.day) == (1, 10)
    assert FuzzyDate.month(2018, 9, Qualifier.MID).earliest.day == 11
    assert FuzzyDate.month(2018, 2, Qualifier.LATE).latest.day == 28
    assert early.precision is Precision.MONTH
    assert early.to_timex() == "2018-09"
    assert early.human() == "early Sep 2018"


def test_year_thirds_and_circa_and_before() -> None:
    late = FuzzyDate.year(2017, Qualifier.LATE)
    assert (late.earliest.month, late.latest.month) == (9, 12)
    assert FuzzyDate.year(2016, Qualifier.MID).earliest.month == 5
    circa = FuzzyDate.year(2016, Qualifier.CIRCA)
    assert circa.human() == "c. 2016" and circa.to_timex() == "2016"
    assert circa.earliest.year < 2016 < circa.latest.year
    before = FuzzyDate.year(2016, Qualifier.BEFORE)
    assert before.human() == "before 2016" and before.latest == datetime(2015, 12, 31, 23, 59)


def test_week_minute_decade() -> None:
    week = FuzzyDate.week(2018, 37)
    assert week.to_timex() == "2018-W37" and week.human() == "week 37, 2018"
    assert week.earliest == datetime(2018, 9, 10)
    minute = FuzzyDate.minute(datetime(2018, 9, 14, 10, 30, 45))
    assert minute.to_timex() == "2018-09-14T10:30"
    assert FuzzyDate.from_timex("201").human() == "2010s"
    assert FuzzyDate.from_timex("2018-Q3").human() == "Q3 2018"


@pytest.mark.parametrize("value", ["PRESENT_REF", "PAST_REF", "P3D", "XXXX-WXX-5", "", "20189"])
def test_from_timex_refuses_unplaceable(value: str) -> None:
    with pytest.raises(ValueError):
        FuzzyDate.from_timex(value)


def test_overlaps() -> None:
    assert FuzzyDate.month(2018, 9).overlaps(FuzzyDate.day(2018, 9, 7))
    assert not FuzzyDate.month(2018, 9, Qualifier.EARLY).overlaps(FuzzyDate.day(2018, 9, 14))
    assert FuzzyDate.year(2016, Qualifier.CIRCA).overlaps(FuzzyDate.year(2015))


@pytest.mark.parametrize(
    ("text", "human"),
    [
        ("early Sep 2018", "early Sep 2018"),
        ("c. 2016", "c. 2016"),
        ("2018-09-07", "7 Sep 2018"),
        ("7 September 2018", "7 Sep 2018"),
        ("September 7, 2018", "7 Sep 2018"),
        ("late 2017", "late 2017"),
        ("mid-2016", "mid 2016"),
        ("week 37, 2018", "week 37, 2018"),
        ("before 2016", "before 2016"),
        ("the 1990s", "1990s"),
    ],
)
def test_parse_human_free_text(text: str, human: str) -> None:
    assert parse_human(text).human() == human


@pytest.mark.parametrize("text", ["", "soon", "31 Feb 2018", "early 14 Sep 2018", "Sep"])
def test_parse_human_explains_errors(text: str) -> None:
    with pytest.raises(ValueError, match=r"\w"):
        parse_human(text)


moments = st.datetimes(min_value=datetime(1000, 2, 1), max_value=datetime(9000, 12, 1))
fuzzy_dates = st.builds(
    lambda p, when, q: _make(p, when, q),
    st.sampled_from(list(Precision)),
    moments,
    st.sampled_from([None, *Qualifier]),
)


def _make(precision: Precision, when: datetime, qualifier: Qualifier | None) -> FuzzyDate:
    try:
        return FuzzyDate.of(precision, when, qualifier)
    except ValueError:
        return FuzzyDate.of(precision, when)


@given(st.sampled_from(list(Precision)), moments)
def test_timex_round_trip(precision: Precision, when: datetime) -> None:
    fuzzy = FuzzyDate.of(precision, when)
    assert FuzzyDate.from_timex(fuzzy.to_timex()) == fuzzy
    assert fuzzy.earliest <= when.replace(second=0, microsecond=0) <= fuzzy.latest


@given(fuzzy_dates)
def test_human_round_trip(fuzzy: FuzzyDate) -> None:
    assert parse_human(fuzzy.human()) == fuzzy
    assert fuzzy.earliest <= fuzzy.latest


@pytest.mark.parametrize(("text", "dayfirst", "timex"), [
    ("07/09/2018", True, "2018-09-07"), ("07/09/2018", False, "2018-07-09"),
    ("7.9.2018", True, "2018-09-07"), ("25/12/2018", False, "2018-12-25"),
    ("2018/09/07", False, "2018-09-07"), ("09/2018", True, "2018-09"),
])
def test_numeric_dates_follow_the_order(text: str, dayfirst: bool, timex: str) -> None:
    assert parse_human(text, dayfirst=dayfirst).to_timex() == timex


@pytest.mark.parametrize("text", ["7/9/18", "13/13/2018", "00/01/2018"])
def test_bad_numeric_dates_say_why(text: str) -> None:
    with pytest.raises(ValueError, match="year in full|no month|day is out of range|not a valid"):
        parse_human(text, dayfirst=True)


@pytest.mark.parametrize(("text", "start", "end"), [
    ("3-5 March 2020", "2020-03-03", "2020-03-05"),
    ("between 3 and 5 March 2020", "2020-03-03", "2020-03-05"),
    ("from 3 to 5 March 2020", "2020-03-03", "2020-03-05"),
    ("March–April 2019", "2019-03", "2019-04"),
    ("March 3-5, 2020", "2020-03-03", "2020-03-05"),
    ("3 March - 5 April 2020", "2020-03-03", "2020-04-05"),
    ("early March to late April 2019", "2019-03", "2019-04"),
    ("2018-09-14 to 2018-09-20", "2018-09-14", "2018-09-20"),
    ("between 2011 and 2016", "2011", "2016"),
    ("2018–19", "2018", "2019"),
])
def test_parse_span_reads_ranges(text: str, start: str, end: str) -> None:
    first, last = parse_span(text)
    assert (first.to_timex(), last.to_timex()) == (start, end)


def test_parse_span_single_dates_and_errors() -> None:
    assert parse_span("2018-09-14") == (FuzzyDate.day(2018, 9, 14), None)
    with pytest.raises(ValueError, match="before it starts"):
        parse_span("5-3 March 2020")
    with pytest.raises(ValueError, match="cannot read"):
        parse_span("3 and 5 March 2020")  # "and" makes a range only after "between"


def test_date_near_prefers_the_selection_then_the_visible_range() -> None:
    from desktop.temporal.near import date_near

    sept = (datetime(2018, 9, 1), datetime(2018, 9, 30))
    chosen = FuzzyDate.month(2018, 9, Qualifier.EARLY)
    assert date_near(chosen, sept) == FuzzyDate.month(2018, 9)
    # a selection scrolled out of view: the new event goes where the analyst looks
    assert date_near(FuzzyDate.year(2011), sept).to_timex() == "2018-09-15"
    assert date_near(None, (datetime(2016, 1, 1), datetime(2017, 12, 31))).to_timex() == "2016-12"
    assert date_near(None, (datetime(1900, 1, 1), datetime(2000, 1, 1))).to_timex() == "1950"
    assert date_near(None, None, today=date(2026, 1, 2)) == FuzzyDate.day(2026, 1, 2)


@pytest.mark.parametrize("text", ["44 BC", "c. 3000 BCE", "15 March 44 B.C.", "-0043"])
def test_bce_dates_are_refused_with_a_reason(text: str) -> None:
    with pytest.raises(ValueError, match="before year 1: dates BCE cannot be stored yet"):
        parse_human(text)


@pytest.mark.parametrize(("precision", "year", "qualifier"),
                         [("year", 9999, "after"), ("year", 1, "before"), ("day", 1, "before")])
def test_periods_past_the_storable_years_raise_value_error(precision, year, qualifier) -> None:
    with pytest.raises(ValueError, match="outside the years 1 to 9999"):
        FuzzyDate.of(Precision(precision), datetime(year, 1, 1), Qualifier(qualifier))
