"""The view's float day axis without Qt: calendar maths, BCE, ticks at every scale, viewport."""

from __future__ import annotations

import random
from datetime import datetime

import pytest

from desktop.layout.calendar import (
    FIRST_CE_DAYS,
    civil_from_days,
    days_from_civil,
    describe,
    from_days,
    to_days,
    year_label,
)
from desktop.layout.day_ticks import day_axis, iter_level
from desktop.layout.ticks import LEVELS, TickLevel, approx_width
from desktop.layout.viewport import MAX_PX_PER_DAY, Viewport, fit


def test_day_numbers_round_trip_over_ten_thousand_years_including_bce():
    rng = random.Random(3)
    for _ in range(5000):
        d = rng.randrange(-3_000_000, 3_000_000)
        assert days_from_civil(*civil_from_days(d)) == d
    assert days_from_civil(1970, 1, 1) == 0
    assert days_from_civil(2000, 3, 1) - days_from_civil(2000, 2, 28) == 2  # leap year
    assert days_from_civil(1900, 3, 1) - days_from_civil(1900, 2, 28) == 1  # not leap


def test_datetimes_map_to_days_and_back_and_bce_has_no_datetime():
    for when in (datetime(1, 1, 1), datetime(2018, 9, 7, 13, 45), datetime(9999, 12, 31, 23, 59)):
        assert from_days(to_days(when)) == when
    assert from_days(days_from_civil(-43, 3, 15)) is None


def test_bce_years_are_labelled_the_historians_way():
    assert year_label(-43) == "44 BCE"
    assert year_label(0) == "1 BCE"
    assert year_label(1) == "1"
    assert year_label(1, era=True) == "1 CE"
    assert describe(days_from_civil(-43, 3, 15), "day") == "15 Mar 44 BCE"


def _px_per_day_for(level: TickLevel, bce: bool) -> float:
    """A scale at which `level` should just win: its labels fit, the next finer ones not."""
    need = approx_width(level.sample()) + (approx_width(" BCE") if bce else 0) + 10.0
    return need / (level.seconds / 86400.0) * 1.05


@pytest.mark.parametrize("level", LEVELS, ids=lambda lv: f"{lv.step}-{lv.unit}")
def test_every_tick_level_is_chosen_at_its_scale_and_labels_fit(level):
    bce = level.unit == "year" and level.step >= 500  # so wide a view reaches back past year 1
    ppd = _px_per_day_for(level, bce)
    left = days_from_civil(2018, 9, 7) + 0.3 - 800 / ppd / 2
    assert (left < FIRST_CE_DAYS) == bce
    axis = day_axis(left, ppd, 1600.0)
    assert axis.level == level
    assert len(axis.major) >= 2
    xs = [t.x for t in axis.major]
    assert xs == sorted(xs) and all(0 <= x <= 1600 for x in xs)
    # labels never run into the next one
    for a, b in zip(axis.major, axis.major[1:], strict=False):
        assert b.x - a.x >= approx_width(a.label) + 2, (a, b)
    # two tiers below years: the context names the larger unit
    if level.unit != "year":
        assert axis.context, "a context tier (year / month / day) is shown"
        assert axis.context[0].x <= 1600


def test_context_tier_reads_year_over_months_and_month_over_days():
    months = day_axis(to_days(datetime(2018, 1, 1)), 1600 / 730, 1600.0)
    assert months.level.unit == "month"
    assert {"2018", "2019"} <= {t.label for t in months.context}
    days = day_axis(to_days(datetime(2018, 9, 3)), 1600 / 40, 1600.0)
    assert days.level.unit == "day"
    assert "7" in [t.label for t in days.major]
    assert any(t.label == "Sep 2018" for t in days.context)
    minutes = day_axis(to_days(datetime(2018, 9, 7, 13, 0)), 1600 / (1 / 24), 1600.0)
    assert minutes.level.unit == "minute"
    assert any(t.label == "7 Sep 2018" for t in minutes.context)


def test_ticks_fall_on_calendar_boundaries():
    lvl = TickLevel("month", 3)
    days = list(iter_level(lvl, days_from_civil(2017, 11, 15), days_from_civil(2019, 1, 2)))
    assert [civil_from_days(int(d))[1:] for d in days] == [(1, 1), (4, 1), (7, 1), (10, 1),
                                                           (1, 1)]  # fmt: skip
    hours = list(iter_level(TickLevel("hour", 6), 100.1, 101.0))
    assert hours == [100.25, 100.5, 100.75, 101.0]


def test_bce_axis_counts_years_back_and_marks_the_era():
    left = days_from_civil(-2999, 1, 1)  # 3000 BCE
    ppd = 1600 / (4500 * 365.25)  # 3000 BCE to 1500 CE
    axis = day_axis(left, ppd, 1600.0)
    labels = [t.label for t in axis.major]
    assert any(label.endswith("BCE") for label in labels)
    assert any(label.endswith(" CE") for label in labels)
    assert "1000 BCE" in labels or "500 BCE" in labels
    xs = [t.x for t in axis.major]
    assert xs == sorted(xs)
    # month level in BCE territory works too (proleptic Gregorian)
    axis = day_axis(days_from_civil(-43, 1, 1), 1600 / 400, 1600.0)
    assert axis.level.unit == "month"
    assert any("44 BCE" in t.label for t in axis.context)


def test_zoom_keeps_the_moment_under_the_cursor_and_pan_moves_by_pixels():
    vp = Viewport(17000.0, 2.0, 1200.0)
    at = vp.days_at(300.0)
    z = vp.zoomed(3.0, 300.0)
    assert z.days_at(300.0) == pytest.approx(at)
    assert z.px_per_day == pytest.approx(6.0)
    assert vp.panned(100).left == pytest.approx(vp.left - 50)
    assert vp.zoomed(1e12).px_per_day == MAX_PX_PER_DAY


def test_widest_zoom_out_still_gives_labels_room():
    axis = day_axis(days_from_civil(-20000, 1, 1), 1e-5, 1600.0)
    assert axis.level.step > 1000
    for a, b in zip(axis.major, axis.major[1:], strict=False):
        assert b.x - a.x >= approx_width(a.label)


def test_fit_shows_the_whole_range_with_room_for_labels():
    vp = fit(100.0, 200.0, 1000.0, margin=0.02, pad_px=(10, 180))
    assert vp.x(100.0) >= 10
    assert vp.x(200.0) <= 1000 - 180 + 1e-6
    assert vp.band <= __import__("math").log2(vp.px_per_day) < vp.band + 1
