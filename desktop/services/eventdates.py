"""Moving fuzzy dates between the domain type and the event/citation columns."""

from __future__ import annotations

from collections.abc import Collection

from desktop.store import Citation, Event
from desktop.temporal import FuzzyDate, Precision, Qualifier


def set_start(event: Event, when: FuzzyDate) -> None:
    event.start_earliest = when.earliest
    event.start_latest = when.latest
    event.start_precision = str(when.precision)
    event.start_qualifier = str(when.qualifier) if when.qualifier else None
    event.start_cycles = when.cycles
    event.start_key = start_key(when)


def start_key(when: FuzzyDate) -> int:
    """The sort key the store keeps for a start (true minutes since 1970, any era)."""
    return round(when.days()[0] * 1440)


def set_end(event: Event, when: FuzzyDate | None) -> None:
    event.end_earliest = when.earliest if when else None
    event.end_latest = when.latest if when else None
    event.end_precision = str(when.precision) if when else None
    event.end_qualifier = str(when.qualifier) if when and when.qualifier else None
    event.end_cycles = when.cycles if when and when.cycles else None


def fuzzy_of(earliest, latest, precision, qualifier, cycles=None) -> FuzzyDate:
    """A FuzzyDate from the four (five with deep time) columns of a start or an end."""
    return FuzzyDate(earliest=earliest, latest=latest, precision=Precision(precision),
                     qualifier=Qualifier(qualifier) if qualifier else None,
                     cycles=cycles or 0)  # fmt: skip


def start_of(event: Event) -> FuzzyDate:
    return fuzzy_of(event.start_earliest, event.start_latest, event.start_precision,
                    event.start_qualifier, event.start_cycles)  # fmt: skip


def end_of(event: Event) -> FuzzyDate | None:
    if event.end_earliest is None or event.end_latest is None or not event.end_precision:
        return None
    return fuzzy_of(event.end_earliest, event.end_latest, event.end_precision,
                    event.end_qualifier, event.end_cycles)  # fmt: skip


def value_of(event: Event) -> str:
    return start_of(event).to_timex()


def values_conflict(values: list[str], loose: Collection[str] = ()) -> bool:
    """Citations conflict when two of them name dates that cannot both be true.

    Values in `loose` came from an article's date ("on or shortly before"): they stand
    for the day and the two days before it.
    """
    dates = []
    for value in set(values):
        try:
            found = FuzzyDate.from_timex(value)
        except ValueError:
            continue
        if value in loose and found.precision is Precision.DAY:
            found = FuzzyDate.of(Precision.DAY, found.earliest, Qualifier.SHORTLY_BEFORE)
        dates.append(found)
    return any(not a.overlaps(b) for i, a in enumerate(dates) for b in dates[i + 1 :])


def citations_conflict(citations) -> bool:
    """values_conflict over Citation rows, knowing which were dated by their article."""
    return values_conflict(
        [c.value for c in citations], {c.value for c in citations if c.anchor == "publication"}
    )


ANCHOR_LABELS = {
    "phrase": "date phrase",
    "continuation": "text continuation",
    "publication": "article's date",
}
_ANCHOR_ORDER = ("phrase", "continuation", "publication")


def event_anchor(citations: list[Citation]) -> str | None:
    """How the event's date was found: the best way any of its suggested sources had."""
    found = {c.anchor or ("phrase" if c.origin == "suggested" else None) for c in citations}
    return next((a for a in _ANCHOR_ORDER if a in found), None)


def redated_from(start: FuzzyDate, end: FuzzyDate | None, values: list[str]) -> str:
    """What the sources say when the event's date no longer matches any of them, else "".

    An event dragged or typed away from the date its citations state must say so, or a
    reader of the PDF sees "8 Apr 2021 … Date from 'March 4th'" and trusts neither.
    """
    stated = []
    for value in dict.fromkeys(v for v in values if v):
        try:
            stated.append(FuzzyDate.from_timex(value))
        except ValueError:
            continue
    if not stated:
        return ""
    lo, hi = start.days()[0], (end or start).days()[1]
    if any(s.days()[0] < hi and lo < s.days()[1] for s in stated):
        return ""
    return ", ".join(s.human() for s in sorted(stated, key=FuzzyDate.sort_key))
