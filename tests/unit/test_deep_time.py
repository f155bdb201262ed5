"""Dates before year 1: FuzzyDate on a calendar shifted by whole 400-year cycles.

Before: "44 BC" raised "dates BCE cannot be stored yet"; no FuzzyDate could hold a year
before 1 (issue 14).
"""

from __future__ import annotations

import pytest

from desktop.layout.calendar import days_from_civil
from desktop.temporal import FuzzyDate, Precision, Qualifier, parse_human


def bce(text: str) -> FuzzyDate:
    return parse_human(text, bce=True)


@pytest.mark.parametrize(("text", "human", "timex", "first", "last"), [
    ("44 BC", "44 BCE", "-0043", (-43, 1, 1), (-43, 12, 31)),
    ("15 Mar 44 B.C.", "15 Mar 44 BCE", "-0043-03-15", (-43, 3, 15), (-43, 3, 15)),
    ("March 44 BCE", "Mar 44 BCE", "-0043-03", (-43, 3, 1), (-43, 3, 31)),
    ("c. 3000 BCE", "c. 3000 BCE", "-2999", (-3000, 1, 1), (-2998, 12, 31)),
    ("10000 BCE", "10000 BCE", "-9999", (-9999, 1, 1), (-9999, 12, 31)),
    ("1 BC", "1 BCE", "0000", (0, 1, 1), (0, 12, 31)),
    ("c. 1 BCE", "c. 1 BCE", "0000", (-1, 1, 1), (1, 12, 31)),  # across the era line
    ("29 Feb 45 BC", "29 Feb 45 BCE", "-0044-02-29", (-44, 2, 29), (-44, 2, 29)),
    ("early 44 BC", "early 44 BCE", "-0043", (-43, 1, 1), (-43, 4, 30)),
    ("Q1 44 BC", "Q1 44 BCE", "-0043-Q1", (-43, 1, 1), (-43, 3, 31)),
    ("winter 1 BC", "winter 1 BCE", "0000-WI", (0, 12, 1), (1, 2, 28)),
    ("-0043-03-15", "15 Mar 44 BCE", "-0043-03-15", (-43, 3, 15), (-43, 3, 15)),
])  # fmt: skip
def test_bce_dates_read_print_and_place(text, human, timex, first, last) -> None:
    found = bce(text)
    assert found.human() == human and found.to_timex() == timex
    lo, hi = found.days()
    assert lo == days_from_civil(*first) and hi == days_from_civil(*last) + 1
    assert bce(found.human()) == found  # what it prints reads back as the same date
    if found.qualifier is None:
        assert FuzzyDate.from_timex(timex) == found
    iso_lo, iso_hi = found.iso_bounds()
    y, m, d = first
    assert iso_lo == (f"-{-y:04d}" if y < 0 else f"{y:04d}") + f"-{m:02d}-{d:02d}T00:00"
    assert iso_hi.endswith("T23:59")


def test_open_bounds_reach_the_ends_of_the_axis() -> None:
    before, after = bce("before 44 BC"), bce("after 44 BC")
    assert before.days() == (days_from_civil(-9999, 1, 1), days_from_civil(-43, 1, 1))
    assert before.iso_bounds() == ("-9999-01-01T00:00", "-0044-12-31T23:59")
    assert after.days() == (days_from_civil(-42, 1, 1), days_from_civil(10000, 1, 1))
    assert before.qualifier is Qualifier.BEFORE and before.human() == "before 44 BCE"


def test_impossible_and_out_of_range_dates_are_refused_with_a_reason() -> None:
    for text, reason in (("29 Feb 44 BC", "day is out of range"), ("0 BC", "no year 0"),
                         ("10001 BCE", "outside 10000 BCE to 9999"),
                         ("c. 10000 BCE", "before 10000 BCE"),
                         ("week 3, 44 BC", "week BCE cannot")):  # fmt: skip
        with pytest.raises(ValueError, match=reason):
            bce(text)


def test_callers_that_cannot_store_bce_still_refuse_it() -> None:
    with pytest.raises(ValueError, match="before year 1"):
        parse_human("44 BC")


def test_order_and_overlap_across_eras() -> None:
    dates = [FuzzyDate.year(2018), bce("44 BC"), bce("c. 3000 BCE"), FuzzyDate.year(1),
             bce("1 BC"), bce("10000 BCE")]  # fmt: skip
    ordered = [d.human() for d in sorted(dates, key=FuzzyDate.sort_key)]
    assert ordered == ["10000 BCE", "c. 3000 BCE", "44 BCE", "1 BCE", "1", "2018"]
    assert bce("c. 1 BCE").overlaps(FuzzyDate.year(1))
    assert not bce("44 BC").overlaps(bce("45 BC"))
    assert bce("15 Mar 44 BC").overlaps(bce("44 BC"))
    assert not bce("44 BC").overlaps(FuzzyDate.year(357))  # the shifted calendar is not real


def test_stepping_crosses_the_era_line() -> None:
    assert bce("1 BC").shifted(1).human() == "1"
    assert FuzzyDate.year(1).shifted(-1).human() == "1 BCE"
    assert bce("44 BC").shifted(-10).human() == "54 BCE"
    assert FuzzyDate.at_year(Precision.DAY, -43, 3, 15).shifted(1).human() == "16 Mar 44 BCE"


def test_ce_dates_are_what_they_always_were() -> None:
    assert FuzzyDate.at_year(Precision.YEAR, 2018) == FuzzyDate.year(2018)
    assert FuzzyDate.year(2018).cycles == 0 and FuzzyDate.year(2018).astro_year() == 2018
    assert bce("44 BC").astro_year() == -43


def test_decades_and_centuries_bce_count_back_from_year_1() -> None:
    """Before: "the 40s BC" and "5th century BCE" were refused ("cannot be stored yet")."""
    cases = (("the 40s BC", "40s BCE", (-48, -39)), ("0s BC", "0s BCE", (-8, 0)),
             ("1st century BC", "1st century BCE", (-99, 0)),
             ("5th century BCE", "5th century BCE", (-499, -400)),
             ("early 40s BC", "early 40s BCE", (-48, -45)),
             ("late 5th century B.C.", "late 5th century BCE", (-432, -400)),
             ("c. 40s BC", "c. 40s BCE", (-58, -29)),
             ("100th century BCE", "100th century BCE", (-9999, -9900)))  # fmt: skip
    for text, human, (first, last) in cases:
        when = bce(text)
        lo, hi = when.days()
        assert (lo, hi) == (days_from_civil(first, 1, 1), days_from_civil(last + 1, 1, 1)), text
        assert when.human() == human and bce(human) == when
        # an events file's value and precision column read back as the same period
        assert FuzzyDate.from_timex(when.to_timex()).requalified(
            when.precision, when.qualifier) == when


def test_decades_and_centuries_step_across_the_era_line() -> None:
    forties = bce("the 40s BC")
    assert [forties.shifted(n).human() for n in (-1, 1, 4, 5)] == [
        "50s BCE", "30s BCE", "0s BCE", "0s"]
    first = bce("1st century BC")
    assert [first.shifted(n).human() for n in (-1, 1)] == ["2nd century BCE", "1st century"]
    assert FuzzyDate.decade(1990).shifted(1).human() == "2000s"  # CE as before


def test_a_dragged_bce_date_stays_bce() -> None:
    """Before: the drag rebuilt the date without its cycles, so 15 Mar 44 BCE moved by
    three days landed on 18 Mar 1157, its stand-in on the shifted calendar."""
    from desktop.layout.snapping import moved, snap_delta

    ides = bce("15 Mar 44 BC")
    assert moved(ides, 3).human() == "18 Mar 44 BCE" and snap_delta(ides, 3) == 3.0
    assert moved(bce("the 40s BC"), 3700).human() == "30s BCE"
    late = bce("1 Dec 1 BC")
    assert moved(late, 45).human() == "15 Jan 1" and moved(late, 45).cycles == 0
