"""A lane index patched for a few moved events answers like one built from scratch."""

import random
from itertools import accumulate

from desktop.layout.event_index import LaneIndex, Span


def _spans(rng: random.Random, n: int, first_key: int = 0) -> list[Span]:
    out = []
    for k in range(first_key, first_key + n):
        t0 = rng.uniform(0, 10_000)
        length = rng.choice((0.0, 0.99, rng.uniform(0, 30), rng.uniform(0, 2_000)))
        out.append(Span(t0, t0 + length, k, rng.uniform(10, 200)))
    return out


def _as_set(ix: LaneIndex) -> set[tuple]:
    return set(zip(ix.keys, ix.t0, ix.t1, ix.label_w, strict=True))


def test_patched_matches_a_fresh_build() -> None:
    rng = random.Random(3)
    spans = _spans(rng, 3_000)
    ix = LaneIndex.build(spans)
    live = {s.key: s for s in spans}
    next_key = 10_000
    for step in range(60):
        gone = set(rng.sample(sorted(live), rng.randint(0, 6)))
        moved = [Span(live[k].t0 + 3, live[k].t1 + 3, k, live[k].label_w)
                 for k in list(gone)[: len(gone) // 2]]
        new = _spans(rng, rng.randint(0, 3), next_key)
        next_key += len(new)
        ix = ix.patched(gone, moved + new)
        for k in gone:
            del live[k]
        for s in moved + new:
            live[s.key] = s
        fresh = LaneIndex.build(list(live.values()))
        assert _as_set(ix) == _as_set(fresh)
        assert list(ix.t0) == sorted(ix.t0)
        for _ in range(5):
            lo = rng.uniform(-100, 10_100)
            hi = lo + rng.choice((1.0, 50.0, 3_000.0))
            mine = {ix.keys[i] for i in ix.visible(lo, hi)}
            truth = {k for k, s in live.items() if s.t0 <= hi and max(s.t1, s.t0) >= lo}
            assert truth <= mine, step  # visible() may over-report, never miss
            assert {k for k in mine if live[k].t0 <= hi and max(live[k].t1, live[k].t0) >= lo
                    } == truth
        assert ix.count_starting(2_000, 4_000) == fresh.count_starting(2_000, 4_000)


def test_many_changes_rebuild() -> None:
    rng = random.Random(4)
    spans = _spans(rng, 200)
    ix = LaneIndex.build(spans)
    gone = {s.key for s in spans[:150]}
    patched = ix.patched(gone, [])
    assert sorted(patched.keys) == sorted(s.key for s in spans[150:])
    assert len(patched.reach) == len(patched.short)


def test_an_import_slice_patched_in_is_the_lane_built_whole() -> None:
    """Hundreds of spans into one lane (an import's slice) go in by splicing: the same
    arrays, in the same order, as a build of the whole lane, slice after slice."""
    rng = random.Random(6)
    spans = _spans(rng, 2_000)
    ix = LaneIndex.build(spans)
    live = list(spans)
    next_key = 10_000
    for size in (400, 17, 400, 250, 5, 400):
        new = _spans(rng, size, next_key)
        next_key += size
        new += [Span(live[0].t0, live[0].t1, next_key, 12.0)]  # a tie with a stored span
        next_key += 1
        gone = {s.key for s in rng.sample(live, 8)}
        ix = ix.patched(gone, new)
        live = [s for s in live if s.key not in gone] + new
        fresh = LaneIndex.build(live)
        assert (list(ix.t0), list(ix.t1)) == (list(fresh.t0), list(fresh.t1))
        assert sorted(ix.keys) == sorted(fresh.keys)
        assert _as_set(ix) == _as_set(fresh)
        assert list(ix.reach) == list(accumulate((ix.t1[i] for i in ix.short), max))
