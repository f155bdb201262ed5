"""Moving fuzzy dates between the domain type and the event/citation columns."""

from __future__ import annotations

from collections.abc import Collection

from desktop.store import Citation, Event
from desktop.temporal import FuzzyDate, Precision, Qualifier


def _storable(when: FuzzyDate) -> None:
    if when.cycles:  # the columns hold datetimes only; a shifted one would be a wrong date
        raise ValueError(f"{when.human()} is before year 1: dates BCE cannot be stored yet")


def set_start(event: Event, when: FuzzyDate) -> None:
    _storable(when)
    event.start_earliest = when.earliest
    event.start_latest = when.latest
    event.start_precision = str(when.precision)
    event.start_qualifier = str(when.qualifier) if when.qualifier else None


def set_end(event: Event, when: FuzzyDate | None) -> None:
    if when is not None:
        _storable(when)
    event.end_earliest = when.earliest if when else None
    event.end_latest = when.latest if when else None
    event.end_precision = str(when.precision) if when else None
    event.end_qualifier = str(when.qualifier) if when and when.qualifier else None


def start_of(event: Event) -> FuzzyDate:
    return FuzzyDate(
        earliest=event.start_earliest,
        latest=event.start_latest,
        precision=Precision(event.start_precision),
        qualifier=Qualifier(event.start_qualifier) if event.start_qualifier else None,
    )


def end_of(event: Event) -> FuzzyDate | None:
    if event.end_earliest is None or event.end_latest is None or not event.end_precision:
        return None
    return FuzzyDate(
        earliest=event.end_earliest,
        latest=event.end_latest,
        precision=Precision(event.end_precision),
        qualifier=Qualifier(event.end_qualifier) if event.end_qualifier else None,
    )


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
    lo, hi = start.earliest, (end or start).latest
    if any(s.earliest <= hi and lo <= s.latest for s in stated):
        return ""
    return ", ".join(s.human() for s in sorted(stated, key=lambda s: s.earliest))
