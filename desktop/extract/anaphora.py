"""Dates mentioned so far, so that "the previous day" can count from the last one."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from desktop.temporal import FuzzyDate, Precision

_FINE_ENOUGH = {
    "day": {Precision.DAY, Precision.MINUTE},
    "week": {Precision.DAY, Precision.MINUTE, Precision.WEEK},
    "weekend": {Precision.DAY, Precision.MINUTE, Precision.WEEK},
    "month": {Precision.DAY, Precision.MINUTE, Precision.WEEK, Precision.MONTH},
    "quarter": {
        Precision.DAY,
        Precision.MINUTE,
        Precision.WEEK,
        Precision.MONTH,
        Precision.QUARTER,
    },
    "year": {
        Precision.DAY,
        Precision.MINUTE,
        Precision.WEEK,
        Precision.MONTH,
        Precision.QUARTER,
        Precision.SEASON,
        Precision.YEAR,
    },
}


@dataclass
class History:
    """Resolved mentions in text order: (end offset, period, kind)."""

    entries: list[tuple[int, FuzzyDate, str]] = field(default_factory=list)
    last_needs: bool = False

    def add(self, end: int, fuzzy: FuzzyDate, kind: str) -> None:
        self.entries.append((end, fuzzy, kind))
        self.last_needs = kind not in ("date", "year", "month")

    def clear(self) -> None:
        self.entries.clear()

    def anchor_for(self, unit: str, position: int) -> date | None:
        """The last mention before `position` precise enough to count `unit`s from."""
        allowed = _FINE_ENOUGH.get(unit)
        for end, fuzzy, _kind in reversed(self.entries):
            if end > position:
                continue
            if allowed is None or fuzzy.precision in allowed:
                return fuzzy.anchor().date()
        return None

    def last_fuzzy(self, unit: str, position: int) -> FuzzyDate | None:
        """As anchor_for, the mention itself (its precision too)."""
        allowed = _FINE_ENOUGH.get(unit)
        for end, fuzzy, _kind in reversed(self.entries):
            if end <= position and (allowed is None or fuzzy.precision in allowed):
                return fuzzy
        return None

    def last_with(self, precision: Precision, position: int) -> date | None:
        """The start of the last mention before `position` of exactly this precision."""
        for end, fuzzy, _kind in reversed(self.entries):
            if end <= position and fuzzy.precision == precision:
                return fuzzy.anchor().date()
        return None

    def any_since(self, position: int) -> bool:
        """Whether a date was mentioned at or after `position` (in this sentence)."""
        return bool(self.entries) and self.entries[-1][0] >= position

    def day_since(self, position: int) -> date | None:
        """The last day-precise mention ending at or after `position` (same sentence)."""
        for end, fuzzy, _kind in reversed(self.entries):
            if end < position:
                return None
            if fuzzy.precision in (Precision.DAY, Precision.MINUTE):
                return fuzzy.anchor().date()
        return None
