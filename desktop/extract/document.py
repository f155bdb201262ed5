"""A whole document: datelines reset the reference date, mentions resolve in order.

A line holding nothing but a full date ("12 Aug, 2021", "Wednesday 05 September 2018
18:38 BST") is a dateline: it sets the reference date for the text after it (and for the
headline above it when it stands near the top). A second dateline further down starts a
second article pasted into the same file.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from desktop.extract.candidate import Candidate
from desktop.extract.candidates import find_candidates
from desktop.extract.model import Timex
from desktop.extract.tagger import Resolver, safe_date
from desktop.temporal import FuzzyDate, Precision

_DATELINE_WORDS = frozenset(
    """published publish posted updated update last modified first date dateline created
    on at by am pm gmt bst utc cet cest est edt pst pdt ist msk eet eest ast
    mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday
    saturday sunday local time""".split()
)
_WORDS = re.compile(r"[^\W\d_]+", re.UNICODE)
_DATELINE_ZONE = 1500


def is_dateline(text: str, cand: Candidate) -> bool:
    """A short line that holds nothing but this full date (plus labels and a time)."""
    if cand.kind != "date" or cand.data.get("y") is None:
        return False
    line_start = text.rfind("\n", 0, cand.start) + 1
    line_end = text.find("\n", cand.end)
    line_end = len(text) if line_end < 0 else line_end
    if line_end - line_start > 90:
        return False
    rest = text[line_start : cand.start] + " " + text[cand.end : line_end]
    words = [w for w in _WORDS.findall(rest.lower()) if w not in _DATELINE_WORDS]
    return len(words) <= 2


def tag_english(text: str, reference: date | None, dayfirst: bool = False) -> list[Timex]:
    """Tag English text (see `tag`)."""
    candidates = find_candidates(text, dayfirst)
    datelines = [c for c in candidates if is_dateline(text, c)]
    resolver = Resolver(text, reference)
    if datelines and datelines[0].start <= _DATELINE_ZONE:
        first = datelines[0]
        resolver.reference = safe_date(first.data["y"], first.data["m"], first.data["d"]) or (
            reference
        )
    dateline_ids = {id(c) for c in datelines}
    out: list[Timex] = []
    for cand in candidates:
        on_dateline = id(cand) in dateline_ids
        if on_dateline:
            found = safe_date(cand.data["y"], cand.data["m"], cand.data["d"])
            if found is not None:
                resolver.reference = found
                resolver.history.clear()
        try:
            timex = resolver.resolve(cand, dateline=on_dateline)
        except (ValueError, OverflowError):  # an impossible date ("31 February") is no date
            continue
        if timex is not None:
            out.append(timex)
    if resolver.floating_times:
        _date_times_from_later_dates(text, out, set(resolver.floating_times))
    return out


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
