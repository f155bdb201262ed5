"""Timeline view speed: N events, rendered offscreen at 1600x900 through zoom and pan.

Default: 100,000 events over 50 years in 10 lanes (day, month, qualified, minute
precision and multi-day ranges). The script fits all, zooms in step by step to
minutes around a few points, pans at several levels, and zooms back out, timing every
frame (view state change + full widget render into an image).
Bars: layout <= 1 s, median frame <= 16 ms, p95 <= 33 ms, peak memory <= 1 GB.
Wall-clock figures are what a user waits; the CPU-time figures beside them (process
time) are what the frames cost, and compare across a loaded and a quiet machine.
The last line printed is one JSON object, with the load average it was measured at.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.layout.timeline import extent_of  # noqa: E402
from desktop.services.timeline_data import LaneInfo, TimelineEvent  # noqa: E402
from desktop.temporal import FuzzyDate, Precision, Qualifier  # noqa: E402
from desktop.ui.timeline import TimelineView  # noqa: E402

WORDS = ("Shelling", "Protest", "Summit", "Convoy", "Ceasefire", "Checkpoint", "Talks",
         "Air raid", "Crossing", "Statement", "Offensive", "Agreement")  # fmt: skip
PLACES = ("Idlib", "Aleppo", "Hama", "Saraqib", "Jisr al-Shughur", "Maarat al-Numan", "Ariha")


def make_events(n: int, lanes: int, years: int, seed: int = 7) -> list[TimelineEvent]:
    rng = random.Random(seed)
    base = datetime(1975, 1, 1)
    minutes = years * 365 * 24 * 60
    out = []
    for i in range(n):
        when = base + timedelta(minutes=rng.randrange(minutes))
        kind = rng.random()
        end = None
        if kind < 0.65:
            start = FuzzyDate.of(Precision.DAY, when)
        elif kind < 0.80:
            start = FuzzyDate.of(Precision.MONTH, when, rng.choice([None, Qualifier.EARLY,
                                                                   Qualifier.LATE]))  # fmt: skip
        elif kind < 0.92:
            start = FuzzyDate.of(Precision.MINUTE, when)
        else:
            start = FuzzyDate.of(Precision.DAY, when)
            end = FuzzyDate.of(Precision.DAY, when + timedelta(days=rng.randrange(2, 60)))
        lo, hi, open_start, open_end = extent_of(start, end)
        title = f"{rng.choice(WORDS)} near {rng.choice(PLACES)} ({i})"
        out.append(TimelineEvent(
            id=i + 1, title=title, lane=i % lanes + 1, earliest=lo, latest=hi,
            precision=str(start.precision), qualifier=start.qualifier, status="accepted",
            conflict=rng.random() < 0.01, quote=f"On {start.human()}, {title.lower()}.",
            start=start, end=end, open_start=open_start, open_end=open_end,
        ))  # fmt: skip
    return out


def script(view: TimelineView) -> list:
    """The steps: callables changing the view, each followed by one timed frame."""
    c = view.canvas
    steps = []
    lo, hi = view.model.extent()
    for frac in (0.31, 0.62, 0.87):
        target = lo + (hi - lo) * frac
        steps.append(lambda: c.fit_all())
        for _ in range(34):  # 50 years -> minutes in 1.6x steps, about the target
            steps.append(lambda t=target: c.zoom(1.6, c.vp.x(t)))
        for _ in range(8):
            steps.append(lambda: c.set_viewport(c.vp.panned(-180)))
        for _ in range(34):
            steps.append(lambda t=target: c.zoom(1 / 1.6, c.vp.x(t)))
            if len(steps) % 5 == 0:
                steps.append(lambda: c.set_viewport(c.vp.panned(120)))
    return steps


def _timed(work) -> tuple[float, float]:
    """(wall ms, CPU ms) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--lanes", type=int, default=10)
    parser.add_argument("--years", type=int, default=50)
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    events = make_events(args.events, args.lanes, args.years)
    lanes = [LaneInfo(i + 1, f"Lane {i + 1}", None, i) for i in range(args.lanes)]
    view = TimelineView()
    view.resize(1600, 900)
    view.show()
    app.processEvents()
    t, cpu = time.perf_counter(), time.process_time()
    view.set_lanes(lanes)
    view.set_events(events)
    layout_s, layout_cpu = time.perf_counter() - t, time.process_time() - cpu
    image = QImage(view.size(), QImage.Format.Format_ARGB32_Premultiplied)

    first = _timed(lambda: view.render(image))[0]
    times, cpu_times = [], []
    for step in script(view):
        wall, cpu_ms = _timed(lambda s=step: (s(), view.render(image)))
        times.append(wall)
        cpu_times.append(cpu_ms)
    times.sort()
    cpu_times.sort()
    result = {
        "events": args.events,
        "layout_s": round(layout_s, 3),
        "first_frame_ms": round(first, 1),
        "frame_ms_median": round(statistics.median(times), 1),
        "frame_ms_p95": round(times[int(len(times) * 0.95) - 1], 1),
        "frame_ms_max": round(times[-1], 1),
        "frames": len(times),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "layout_cpu_s": round(layout_cpu, 3),
        "frame_cpu_ms_median": round(statistics.median(cpu_times), 1),
        "frame_cpu_ms_p95": round(cpu_times[int(len(cpu_times) * 0.95) - 1], 1),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }
    print(f"{args.events:,} events: layout {layout_s:.2f} s, median frame "
          f"{result['frame_ms_median']} ms, p95 {result['frame_ms_p95']} ms")  # fmt: skip
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
