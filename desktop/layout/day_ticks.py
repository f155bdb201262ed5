"""Two-tier axis ticks on the float day axis, from 1000-year steps to minutes, BCE included.

The level choice is the export's (`ticks.choose_level`, from pixels per second); only
the calendar walking is redone on day numbers, so the screen axis runs past year 1:
year ticks sit on multiples of the step counted from 1 BCE / 1 CE ("500 BCE", "1 CE"
does not exist as a tick), and labels say "BCE"/"CE" whenever BCE is in view.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

from desktop.layout.calendar import civil_from_days, days_from_civil, describe, year_label
from desktop.layout.ticks import (
    CONTEXT_UNIT,
    LEVELS,
    MONTHS,
    Measure,
    TickLevel,
    _minor_level,
    approx_width,
    choose_level,
)

FIRST_CE = float(days_from_civil(1, 1, 1))
MAX_TICKS = 4000  # a safety net against a caller asking for an absurd range


@dataclass(frozen=True)
class DayTick:
    days: float
    x: float
    label: str = ""


@dataclass(frozen=True)
class DayAxis:
    """Major (labelled) and minor ticks, and the context tier ("Sep 2018" over "7 8 9")."""

    level: TickLevel
    major: list[DayTick]
    minor: list[DayTick]
    context: list[DayTick]


def iter_level(level: TickLevel, lo: float, hi: float) -> Iterator[float]:
    """Calendar-aligned day numbers of `level` within [lo, hi]."""
    count = 0
    for t in _walk(level, lo, hi):
        if t > hi or count > MAX_TICKS:
            return
        if t >= lo:
            count += 1
            yield t


def _walk(level: TickLevel, lo: float, hi: float) -> Iterator[float]:
    step = level.step
    if level.unit in ("hour", "minute"):
        per_day = 24 * 60 // (step * (60 if level.unit == "hour" else 1))
        k = math.floor(lo * per_day)
        while True:
            yield k / per_day
            k += 1
    y0, m0, _ = civil_from_days(math.floor(lo))
    if level.unit == "year":
        yield from _years(step, y0)
    elif level.unit == "month":
        index = y0 * 12 + (m0 - 1) // step * step
        while True:
            yield float(days_from_civil(index // 12, index % 12 + 1, 1))
            index += step
    else:  # day: restart at each month's 1st, dropping a stub before it
        y, m = y0, m0
        while True:
            first = days_from_civil(y, m, 1)
            ny, nm = (y + 1, 1) if m == 12 else (y, m + 1)
            nxt = days_from_civil(ny, nm, 1)
            d = first
            while d < nxt:
                if step > 1 and d > first and nxt - d < step:  # a stub: too close
                    break
                yield float(d)
                d += step
            y, m = ny, nm


def _years(step: int, start_year: int) -> Iterator[float]:
    """1 Jan of years whose printed number is a multiple of `step` (BCE counted back)."""
    if step == 1:
        y = start_year
        while True:
            yield float(days_from_civil(y, 1, 1))
            y += 1
    if start_year <= 0:  # BCE: printed n = 1 - y, multiples of step, counting down to 0
        n = (1 - start_year) // step * step
        while n >= step:
            yield float(days_from_civil(1 - n, 1, 1))
            n -= step
        start_year = 1
    y = max(math.ceil(start_year / step) * step, step)
    while True:
        yield float(days_from_civil(y, 1, 1))
        y += step


def _coarser(step: int) -> int:
    """1000 -> 2000 -> 5000 -> 10000 -> 20000 ..."""
    lead = int(str(step)[0])
    return step * 5 // 2 if lead == 2 else step * 2


def tick_label(level: TickLevel, days: float, *, era: bool = False) -> str:
    y, m, d = civil_from_days(math.floor(days))
    if level.unit == "year":
        return year_label(y, era=era)
    if level.unit == "month":
        return MONTHS[m - 1]
    if level.unit == "day":
        return str(d)
    minutes = int(round((days - math.floor(days)) * 1440)) % 1440
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def day_axis(
    left: float,
    px_per_day: float,
    width: float,
    *,
    measure: Measure = approx_width,
    padding: float = 10.0,
    min_minor_px: float = 5.0,
) -> DayAxis:
    """Ticks for the window [left, left + width / px_per_day] drawn from x = 0."""
    right = left + width / px_per_day
    bce = era = left < FIRST_CE  # with BCE in view, CE years say so too

    def sized(text: str) -> float:
        return measure(text) + (measure(" BCE") if bce else 0.0)

    level = choose_level(px_per_day / 86400.0, measure=sized, padding=padding)
    # beyond the export's coarsest level (1000 years): 2000, 5000, 10000 ...
    while (level.unit == "year" and level.step < 10_000_000
           and level.seconds * px_per_day / 86400.0 < sized(level.sample()) + padding):
        level = TickLevel("year", _coarser(level.step))  # fmt: skip

    def x(t: float) -> float:
        return (t - left) * px_per_day

    major = [DayTick(t, x(t), tick_label(level, t, era=era))
             for t in iter_level(level, left, right)]  # fmt: skip
    minor: list[DayTick] = []
    minor_level = None
    if level in LEVELS:  # the coarser-than-1000-year steps go without minor ticks
        minor_level = _minor_level(level, px_per_day / 86400.0, min_minor_px)
    if minor_level is not None:
        majors = {t.days for t in major}
        minor = [DayTick(t, x(t)) for t in iter_level(minor_level, left, right) if t not in majors]
    context: list[DayTick] = []
    unit = CONTEXT_UNIT.get(level.unit)
    if unit is not None:
        ctx = TickLevel(unit, 1)
        context = [DayTick(t, x(t), describe(t, unit, era=era))
                   for t in iter_level(ctx, left, right)]  # fmt: skip
        # the context of the left edge sticks there until the next boundary pushes it off
        sticky = describe(left, unit, era=era)
        first_x = context[0].x if context else math.inf
        if first_x > measure(sticky) + padding:
            context.insert(0, DayTick(left, 0.0, sticky))
    return DayAxis(level, major, minor, context)
