"""Where to break the time axis: clusters of events separated by long empty stretches.

A timeline of 2011, 2016 and September 2018 drawn linearly squeezes the busy month into
a sliver. Cutting the empty years out (and saying so on the axis) keeps every cluster
readable; the breaks are decided here, from the data, without any drawing.
"""

from __future__ import annotations

from datetime import datetime, timedelta

FIRST = datetime(1, 1, 1)
LAST = datetime(9999, 12, 31, 23, 59)


def widen(start: datetime, end: datetime, pad: timedelta) -> tuple[datetime, datetime]:
    """[start - pad, end + pad] kept inside the calendar datetime can represent."""
    lo = start - pad if start - FIRST > pad else FIRST
    hi = end + pad if LAST - end > pad else LAST
    return lo, hi


def cluster_spans(
    intervals: list[tuple[datetime, datetime]],
    *,
    min_gap_ratio: float = 0.03,
    pad_ratio: float = 0.08,
    min_pad: timedelta = timedelta(hours=12),
    max_spans: int = 8,
) -> list[tuple[tuple[datetime, datetime], int]]:
    """Merge intervals into padded spans with a count of members each.

    Two neighbours stay apart only when the empty time between them is more than
    `min_gap_ratio` of the whole range; at most `max_spans` spans (the smallest gaps
    are closed first).
    """
    if not intervals:
        return []
    ordered = sorted((a, max(a, b)) for a, b in intervals)
    total = max((max(b for _, b in ordered) - ordered[0][0]).total_seconds(), 1.0)
    spans: list[list] = []
    for start, end in ordered:
        if spans and (start - spans[-1][1]).total_seconds() <= min_gap_ratio * total:
            spans[-1][1] = max(spans[-1][1], end)
            spans[-1][2] += 1
        else:
            spans.append([start, end, 1])
    while len(spans) > max_spans:
        gaps = [(spans[i + 1][0] - spans[i][1], i) for i in range(len(spans) - 1)]
        _, i = min(gaps)
        a, b = spans[i], spans.pop(i + 1)
        spans[i] = [a[0], max(a[1], b[1]), a[2] + b[2]]
    out = []
    for start, end, count in spans:
        pad = max((end - start) * pad_ratio, min_pad)
        out.append((widen(start, end, pad), count))
    # padding must not make neighbours overlap
    for i in range(len(out) - 1):
        (a0, a1), n = out[i]
        (b0, b1), m = out[i + 1]
        if a1 >= b0:
            mid = a1 + (b0 - a1) / 2
            out[i], out[i + 1] = ((a0, mid), n), ((mid, b1), m)
    return out
