"""Tick levels: which calendar unit to label at a given zoom.

The level follows from pixels per second: the finest calendar step whose labels still
fit between ticks wins. Where the ticks fall on the day-number axis is `day_ticks`'s.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

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
