"""Axis ticks: which calendar unit to label at a given zoom, and where its ticks fall.

As in pyqtgraph's DateAxisItem, the level follows from pixels per second: the finest
calendar step whose labels still fit between ticks wins. Ticks sit on calendar
boundaries (1 Jan, the 1st of a month, midnight), never at arbitrary fractions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from desktop.layout.scale import Segment, TimeScale

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
DAY = 86400.0
Measure = Callable[[str], float]


def approx_width(text: str) -> float:
    """A font-free guess at a label's width (about 6 px per character at 10 px type)."""
    return 6.0 * len(text)


@dataclass(frozen=True)
class TickLevel:
    """A calendar step: `step` units of `unit` (year, month, day, hour, minute)."""

    unit: str
    step: int

    @property
    def seconds(self) -> float:
        unit = {"year": 365.25 * DAY, "month": 30.44 * DAY, "day": DAY, "hour": 3600.0,
                "minute": 60.0}[self.unit]  # fmt: skip
        return unit * self.step

    def sample(self) -> str:
        """The widest label this level prints, to test whether labels fit."""
        return {"year": "2018", "month": "Sep", "day": "28", "hour": "23:00",
                "minute": "23:45"}[self.unit]  # fmt: skip


LEVELS: tuple[TickLevel, ...] = tuple(
    TickLevel(u, s)
    for u, s in (
        ("year", 1000), ("year", 500), ("year", 100), ("year", 50), ("year", 20), ("year", 10),
        ("year", 5), ("year", 2), ("year", 1), ("month", 6), ("month", 3), ("month", 1),
        ("day", 10), ("day", 5), ("day", 2), ("day", 1), ("hour", 12), ("hour", 6),
        ("hour", 3), ("hour", 1), ("minute", 30), ("minute", 15), ("minute", 5),
        ("minute", 1),
    )
)  # fmt: skip
CONTEXT_UNIT = {"month": "year", "day": "month", "hour": "day", "minute": "day"}


@dataclass(frozen=True)
class Tick:
    at: datetime
    x: float
    label: str = ""


@dataclass(frozen=True)
class AxisTicks:
    """Labelled major ticks, unlabelled minor ticks, and coarser context labels
    (the year under month ticks, "Sep 2018" under day ticks)."""

    major: list[Tick]
    minor: list[Tick]
    context: list[Tick]
    levels: list[TickLevel]


def choose_level(
    px_per_second: float, *, measure: Measure = approx_width, padding: float = 8.0
) -> TickLevel:
    """The finest level whose labels fit side by side."""
    best = LEVELS[0]
    for level in LEVELS:
        if level.seconds * px_per_second >= measure(level.sample()) + padding:
            best = level
        else:
            break
    return best


def _minor_level(major: TickLevel, px_per_second: float, min_px: float) -> TickLevel | None:
    i = LEVELS.index(major)
    for level in LEVELS[i + 1 :]:
        if level.seconds * px_per_second < min_px:
            break
        base = level.seconds / major.seconds
        if base < 1 and (major.unit != level.unit or major.step % level.step == 0):
            return level
    return None


def _floor(level: TickLevel, when: datetime) -> datetime:
    if level.unit == "year":
        return datetime(max(when.year - when.year % level.step, 1), 1, 1)
    if level.unit == "month":
        return datetime(when.year, when.month - (when.month - 1) % level.step, 1)
    if level.unit == "day":
        return datetime(when.year, when.month, 1)
    if level.unit == "hour":
        return datetime(when.year, when.month, when.day)
    return when.replace(minute=0, second=0, microsecond=0)


def iter_ticks(level: TickLevel, start: datetime, end: datetime) -> Iterator[datetime]:
    """Calendar-aligned moments of `level` in [start, end]."""
    t = _floor(level, start)
    while t <= end:
        if t >= start:
            yield t
        t = _next(level, t)
        if t is None:
            return


def _next(level: TickLevel, t: datetime) -> datetime | None:
    try:
        if level.unit == "year":
            return datetime(t.year + level.step, 1, 1)
        if level.unit == "month":
            index = t.year * 12 + t.month - 1 + level.step
            return datetime(index // 12, index % 12 + 1, 1)
        if level.unit == "day":
            # restart at the 1st of each month; drop a stub (the 31st) before it
            nxt = t + timedelta(days=level.step)
            month_end = datetime(t.year + t.month // 12, t.month % 12 + 1, 1)
            stub = level.step > 1 and (month_end - nxt).days < level.step // 2 + 1
            if nxt.month != t.month or stub:
                return month_end
            return nxt
        if level.unit == "hour":
            return t + timedelta(hours=level.step)
        return t + timedelta(minutes=level.step)
    except (ValueError, OverflowError):
        return None


def label(level: TickLevel, when: datetime) -> str:
    if level.unit == "year":
        return str(when.year)
    if level.unit == "month":
        return MONTHS[when.month - 1]
    if level.unit == "day":
        return str(when.day)
    return f"{when:%H:%M}"


def context_label(unit: str, when: datetime) -> str:
    if unit == "year":
        return str(when.year)
    if unit == "month":
        return f"{MONTHS[when.month - 1]} {when.year}"
    return f"{when.day} {MONTHS[when.month - 1]} {when.year}"


def _segment_ticks(
    seg: Segment, measure: Measure, padding: float, min_minor_px: float, wide: Measure
) -> tuple[list[Tick], list[Tick], list[Tick], TickLevel]:
    level = choose_level(seg.px_per_second, measure=measure, padding=padding)
    major = [Tick(t, seg.x(t), label(level, t)) for t in iter_ticks(level, seg.start, seg.end)]
    minor_level = _minor_level(level, seg.px_per_second, min_minor_px)
    minor = []
    if minor_level is not None:
        majors = {t.at for t in major}
        minor = [Tick(t, seg.x(t)) for t in iter_ticks(minor_level, seg.start, seg.end)
                 if t not in majors]  # fmt: skip
    context = []
    unit = CONTEXT_UNIT.get(level.unit)
    if unit is not None:
        ctx_level = TickLevel(unit, 1)
        moments = [seg.start, *iter_ticks(ctx_level, seg.start, seg.end)]
        for t in moments:
            shown = _floor(ctx_level, t) if t == seg.start else t
            context.append(Tick(t, seg.x(t), context_label(unit, shown)))
        # the label at the segment start gives way to a boundary close after it
        if len(context) > 1 and context[1].x - context[0].x < wide(context[0].label) + padding:
            context.pop(0)
    # a label that would run past its segment's end (into a break) is left off
    major = [t if t.x + measure(t.label) + padding / 2 <= seg.x1 else Tick(t.at, t.x)
             for t in major]  # fmt: skip
    context = [t for t in context if t.x + wide(t.label) + padding / 2 <= seg.x1]
    return major, minor, context, level


def axis_ticks(
    scale: TimeScale,
    *,
    measure: Measure = approx_width,
    padding: float = 8.0,
    min_minor_px: float = 4.0,
    x_range: tuple[float, float] | None = None,
    measure_context: Measure | None = None,
) -> AxisTicks:
    """Ticks for every segment of `scale`, optionally only those inside `x_range`.

    `measure_context` measures the context labels when they use a wider font.
    """
    major: list[Tick] = []
    minor: list[Tick] = []
    context: list[Tick] = []
    levels: list[TickLevel] = []
    for seg in scale.segments:
        if x_range is not None and (seg.x1 < x_range[0] or seg.x0 > x_range[1]):
            continue
        a, b, c, level = _segment_ticks(seg, measure, padding, min_minor_px,
                                        measure_context or measure)  # fmt: skip
        major += a
        minor += b
        context += c
        levels.append(level)
    if x_range is not None:
        lo, hi = x_range
        major = [t for t in major if lo <= t.x <= hi]
        minor = [t for t in minor if lo <= t.x <= hi]
        context = [t for t in context if t.x <= hi]
    return AxisTicks(major, minor, context, levels)
