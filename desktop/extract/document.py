"""A whole document: datelines reset the reference date, mentions resolve in order.

A dateline ("12 Aug, 2021" on its own line, "BEIRUT, March 28, 2022 (Reuters) - ...",
found by temporal.dateline, the importer's detector too) sets the reference date for
the text after it (and for the headline above it when it stands near the top), and is
never an event. A second dateline further down starts a second article pasted into
the same file.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from desktop.extract.candidate import Candidate
from desktop.extract.candidates import find_candidates
from desktop.extract.deep_dates import find_bce, with_bce
from desktop.extract.model import Timex
from desktop.extract.narrative import is_narrative
from desktop.extract.tagger import Resolver
from desktop.temporal import FuzzyDate, Precision
from desktop.temporal.dateline import Dateline, find_datelines

_DATELINE_ZONE = 1500


def on_dateline(cand: Candidate, datelines: list[Dateline]) -> Dateline | None:
    """The dateline whose date this candidate is (one detector: temporal.dateline)."""
    for line in datelines:
        if cand.start < line.end and line.start < cand.end and cand.kind == "date":
            return line
    return None


class _DatelineCursor:
    """on_dateline for candidates taken in text order, without going back over the
    datelines already behind them (an article pasted 5,000 times has 5,000 datelines)."""

    def __init__(self, datelines: list[Dateline]) -> None:
        self.datelines = datelines
        pairs = zip(datelines, datelines[1:], strict=False)
        self.ordered = all(a.start <= b.start for a, b in pairs)
        self.first = 0

    def at(self, cand: Candidate) -> Dateline | None:
        if cand.kind != "date":
            return None
        if not self.ordered:
            return on_dateline(cand, self.datelines)
        lines = self.datelines
        while self.first < len(lines) and lines[self.first].end <= cand.start:
            self.first += 1  # ends before this candidate, so before every later one
        for k in range(self.first, len(lines)):
            line = lines[k]
            if line.start >= cand.end:
                return None  # this and every later dateline start after the candidate
            if cand.start < line.end:
                return line
        return None


def tag_english(text: str, reference: date | None, dayfirst: bool = False) -> list[Timex]:
    """Tag English text (see `tag`).

    A text read as a narrative (desktop.extract.narrative) is resolved a second time with
    the story's own year for its bare months, days and seasons.
    """
    candidates = find_candidates(text, dayfirst)
    datelines = find_datelines(text, dayfirst=dayfirst, language="en")
    pairs, resolver = _resolve(text, reference, candidates, datelines, narrative=False)
    if not datelines and is_narrative(pairs, text, reference):
        pairs, resolver = _resolve(text, reference, candidates, datelines, narrative=True)
    out = [timex for _, timex in pairs]
    if resolver.floating_times:
        _date_times_from_later_dates(text, out, set(resolver.floating_times))
    return with_bce(out, find_bce(text))


def _resolve(
    text: str,
    reference: date | None,
    candidates: list[Candidate],
    datelines: list[Dateline],
    narrative: bool,
) -> tuple[list[tuple[Candidate, Timex]], Resolver]:
    resolver = Resolver(text, reference, narrative)
    if datelines and datelines[0].start <= _DATELINE_ZONE:
        resolver.reference = datelines[0].when
    out: list[tuple[Candidate, Timex]] = []
    cursor = _DatelineCursor(datelines)
    for cand in candidates:
        line = cursor.at(cand)
        if line is not None:
            resolver.reference = line.when
            resolver.history.clear()
        try:
            timex = resolver.resolve(cand, dateline=line is not None)
        except (ValueError, OverflowError):  # an impossible date ("31 February") is no date
            continue
        if timex is not None:
            out.append((cand, timex))
    return out, resolver


def _date_times_from_later_dates(text: str, out: list[Timex], floating: set[int]) -> None:
    """ "at 10 a.m. on 3 June": a clock time takes the day named after it in its sentence."""
    for i, timex in enumerate(out):
        if timex.start not in floating or timex.type != "TIME" or timex.fuzzy is None:
            continue
        for later in out[i + 1 :]:
            gap = text[timex.end : later.start]
            if any(ch in gap for ch in "!?\n") or ". " in gap:
                break
            fuzzy = later.fuzzy
            if fuzzy is not None and fuzzy.precision in (Precision.DAY,) and later.type == "DATE":
                day = fuzzy.earliest
                moment = timex.fuzzy.earliest.replace(year=day.year, month=day.month, day=day.day)
                out[i] = replace(
                    timex,
                    value=moment.strftime("%Y-%m-%dT%H:%M"),
                    fuzzy=FuzzyDate.minute(moment),
                    needs_reference=later.needs_reference,
                )
                break
