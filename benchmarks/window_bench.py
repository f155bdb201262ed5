"""The real window at the size of a real corpus: from the store to the screen.

Builds a workspace of N accepted events over 10 lanes and 30 years plus pending
suggestions (default 100,000 + 2,000), opens the real MainWindow on it offscreen and
measures: the open time until every view shows content; 50 accepts and 50 rejects in
the review queue by key presses and 20 timeline drags and 20 title edits, each timed
until the event loop is idle again and the queue, table and timeline show the change;
the longest stall of a 10 ms timer during an import of 2,000 files from the window,
and the time from the last file stored to the window showing the summary.
Targets at 100,000 events: open <= 2 s; median edit <= 50 ms, p95 <= 100 ms;
longest stall during import <= 100 ms; summary <= 1 s after the last file.
The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import statistics
import sys
import tempfile
import threading
import time
import traceback
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import _articles  # noqa: E402
import _workspace  # noqa: E402
from PySide6.QtCore import QElapsedTimer, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.services import import_store  # noqa: E402
from desktop.store import open_workspace  # noqa: E402
from desktop.ui.app import create_app, make_settings  # noqa: E402
from desktop.ui.main_window import MainWindow  # noqa: E402


def idle(app: QApplication) -> None:
    """Run the event loop until what the action posted (queued signals, repaints) is done."""
    for _ in range(3):
        app.processEvents()


def wait_until(app: QApplication, done, timeout_s: float = 120.0) -> float:
    start = time.perf_counter()
    while not done():
        app.processEvents()
        if time.perf_counter() - start > timeout_s:
            raise TimeoutError("the window did not get there")
        time.sleep(0.001)
    return time.perf_counter() - start


def cpu_stats(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {"ui_cpu_median_ms": round(statistics.median(ordered), 1),
            "ui_cpu_p95_ms": round(ordered[max(0, int(len(ordered) * 0.95) - 1)], 1)}


UI_CPU: list[float] = []  # the UI thread's CPU time per timed action (ms), beside the wall


def timed(app: QApplication, action, shown) -> float:
    """Wall-clock ms until shown and idle; the UI thread's CPU ms go to UI_CPU (on a
    loaded machine the wall clock also counts the time the thread waited for a core)."""
    start, cpu = time.perf_counter(), time.thread_time()
    action()
    wait_until(app, shown, 10.0)
    idle(app)
    UI_CPU.append((time.thread_time() - cpu) * 1000)
    return (time.perf_counter() - start) * 1000


def stats(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {"median_ms": round(statistics.median(ordered), 1),
            "p95_ms": round(ordered[max(0, int(len(ordered) * 0.95) - 1)], 1),
            "max_ms": round(ordered[-1], 1), "n": len(ordered)}


def review_edits(app: QApplication, window: MainWindow, n: int) -> list[float]:
    view = window.review.view
    view.setFocus()
    out = []
    for i in range(n):
        key, status = (Qt.Key.Key_A, "accepted") if i % 2 == 0 else (Qt.Key.Key_R, "rejected")
        event_id = window.review.current_id()

        def shown(event_id=event_id, status=status) -> bool:
            e = window.model.events[event_id]
            row = window.table.model.row_of(event_id)
            return (e.status == status and window.review.model.row_of(event_id) is None
                    and row is not None and window.table.model.record(row).status == status
                    and window.central.timeline.model.events[event_id].status == status)

        out.append(timed(app, lambda k=key: QTest.keyClick(view, k), shown))
    return out


def drags(app: QApplication, window: MainWindow, n: int, rng: random.Random) -> list[float]:
    view = window.central.timeline
    out = []
    # day-precision events: a one-day move of a year-precision one (an accepted suggestion
    # from an earlier run on a kept workspace) snaps back to the same year, showing nothing
    ids = [e.id for e in window.model.events.values()
           if e.status == "accepted" and e.precision == "day"]
    for event_id in rng.sample(ids, n):
        before = window.model.events[event_id].earliest

        def shown(event_id=event_id, before=before) -> bool:
            return (window.model.events[event_id].earliest != before
                    and view.model.events[event_id].earliest != before)

        # what the canvas calls when a drag is released one day to the right
        out.append(timed(app, lambda i=event_id: view._dropped(i, 1.0, None), shown))
    return out


def title_edits(app: QApplication, window: MainWindow, n: int, rng: random.Random) -> list[float]:
    out = []
    ids = [e.id for e in window.model.events.values() if e.status == "accepted"]
    for k, event_id in enumerate(rng.sample(ids, n)):
        window.select_event(event_id, reveal=False)
        app.processEvents()
        title = f"Edited title {k}"
        window.editor.title.setFocus()
        window.editor.title.selectAll()
        QTest.keyClicks(window.editor.title, title)

        def shown(event_id=event_id, title=title) -> bool:
            row = window.table.model.row_of(event_id)
            return (window.model.events[event_id].title == title and row is not None
                    and window.central.timeline.model.events[event_id].title == title)

        out.append(timed(app, lambda: QTest.keyClick(window.editor.title, Qt.Key.Key_Return),
                         shown))
    return out


class StallSampler(threading.Thread):
    """Where the UI thread is when the 10 ms timer is late: every 5 ms, once the last tick
    is more than `late_ms` old, the main thread's stack is taken (sys._current_frames),
    so the stalls are found by measuring, not by reading the code."""

    def __init__(self, late_ms: float = 30.0) -> None:
        super().__init__(daemon=True)
        self.late_s = late_ms / 1000
        self.main_id = threading.main_thread().ident
        self.last_tick = time.perf_counter()
        self.stopped = threading.Event()
        self.samples: Counter[tuple[str, ...]] = Counter()  # stack -> 5 ms samples seen late
        self.stalls: list[tuple[float, tuple[str, ...]]] = []  # (ms late, first stack)
        self._current: tuple[float, tuple[str, ...]] | None = None

    def tick(self) -> None:
        if self._current is not None:
            self.stalls.append(((time.perf_counter() - self._current[0]) * 1000,
                                self._current[1]))
            self._current = None
        self.last_tick = time.perf_counter()

    def run(self) -> None:
        while not self.stopped.wait(0.005):
            late = time.perf_counter() - self.last_tick
            if late < self.late_s:
                continue
            frame = sys._current_frames().get(self.main_id)
            if frame is None:
                continue
            stack = tuple(f"{Path(f.filename).name}:{f.lineno} {f.name}"
                          for f in traceback.extract_stack(frame)[-14:])
            self.samples[stack] += 1
            if self._current is None:
                self._current = (self.last_tick, stack)

    def report(self, out=sys.stderr, top: int = 8) -> None:
        """The longest stalls with the stack seen first in each, and the stacks most often
        seen late (each sample is ~5 ms of lateness)."""
        print(f"-- {len(self.stalls)} stalls over {self.late_s * 1000:.0f} ms", file=out)
        for ms, stack in sorted(self.stalls, reverse=True)[:top]:
            print(f"stall {ms:.0f} ms:", file=out)
            for line in stack:
                print(f"    {line}", file=out)
        print("-- stacks most often seen late:", file=out)
        for stack, n in self.samples.most_common(top):
            print(f"{n} samples:", file=out)
            for line in stack:
                print(f"    {line}", file=out)


class GcPauses:
    """Every garbage-collection pass during the import: its generation, length and the
    thread that ran it (a pass holds the GIL, so the UI thread waits for it anywhere)."""

    def __init__(self) -> None:
        self.passes: list[tuple[int, float, bool]] = []  # (generation, ms, on the UI thread)
        self._start = 0.0

    def __call__(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._start = time.perf_counter()
        else:
            self.passes.append((info["generation"], (time.perf_counter() - self._start) * 1000,
                                threading.current_thread() is threading.main_thread()))

    def summary(self) -> dict[str, float]:
        full = [ms for g, ms, _ in self.passes if g == 2]
        ui = [ms for _, ms, on_ui in self.passes if on_ui]
        return {"gc_passes": len(self.passes), "gc_full_passes": len(full),
                "gc_longest_full_ms": round(max(full, default=0.0), 1),
                "gc_longest_on_ui_thread_ms": round(max(ui, default=0.0), 1),
                "gc_total_ms": round(sum(ms for _, ms, _ in self.passes), 1)}


def import_run(app: QApplication, window: MainWindow, folder: Path,
               sampler: StallSampler | None = None) -> dict[str, float]:  # fmt: skip
    stored_at: list[float] = []
    real_store, real_batch = import_store.store_prepared, import_store.store_batch

    def store(*args, **kwargs):  # instrumentation: when each file (or batch) is committed
        result = real_store(*args, **kwargs)
        stored_at.append(time.monotonic())
        return result

    def batch(*args, **kwargs):  # files without suggestions are stored a few dozen at a time
        result = real_batch(*args, **kwargs)
        stored_at.append(time.monotonic())
        return result

    import_store.store_prepared, import_store.store_batch = store, batch
    longest = 0.0
    # the UI thread's CPU time between two ticks: on a loaded machine the wall-clock gap
    # also counts waiting for a core and for the GIL; this is what the window itself spent
    longest_cpu, last_cpu = 0.0, time.thread_time()
    clock = QElapsedTimer()
    timer = QTimer()
    timer.setInterval(10)

    def tick() -> None:
        nonlocal longest, longest_cpu, last_cpu
        longest = max(longest, clock.restart() - 10)
        cpu = time.thread_time()
        longest_cpu, last_cpu = max(longest_cpu, (cpu - last_cpu) * 1000), cpu
        if sampler is not None:
            sampler.tick()

    timer.timeout.connect(tick)
    clock.start()
    timer.start()
    if sampler is not None:
        sampler.start()
    pauses = GcPauses()
    gc.callbacks.append(pauses)
    started = time.monotonic()
    window.import_paths([folder])
    try:
        wait_until(app, lambda: not window.importer.running and window.importer.summary
                   is not None, 3600)
    finally:
        gc.callbacks.remove(pauses)
        timer.stop()
        import_store.store_prepared, import_store.store_batch = real_store, real_batch
        if sampler is not None:
            sampler.stopped.set()
            sampler.report()
    # an import in a child process (ui.import_process) stores there: the child says when
    # its last file was stored (the system's monotonic clock, the same in both processes)
    job = getattr(window.importer, "job", None)
    last_stored = max(stored_at[-1] if stored_at else 0.0, getattr(job, "stored_at", 0.0))
    summary_after = window.importer.finished_at - last_stored if last_stored else float("nan")
    report = window.importer.last_report
    return {"files": len(report.results), "imported": report.count("imported"),
            "seconds": round(time.monotonic() - started, 1),
            "longest_stall_ms": round(longest, 1),
            "longest_gap_ui_cpu_ms": round(longest_cpu, 1),
            "summary_after_last_file_s": round(summary_after, 3),
            "summary_visible": bool(window.importer.summary.isVisible()),
            "in_child_process": bool(getattr(job, "in_child", False)),
            **pauses.summary()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--pending", type=int, default=2_000)
    parser.add_argument("--files", type=int, default=2_000)
    parser.add_argument("--keep", type=Path, help="reuse (or keep) this workspace file")
    parser.add_argument("--screenshot", type=Path, help="save the timeline at year scale")
    parser.add_argument("--stacks", action="store_true",
                        help="print where the UI thread was during the import's stalls (stderr)")
    parser.add_argument("--import-only", action="store_true",
                        help="skip the edits: open, then import (a kept workspace: copy it)")
    parser.add_argument("--profile", type=Path,
                        help="write the UI thread's cProfile of the import to this file")
    args = parser.parse_args()
    rng = random.Random(5)
    tmp = Path(tempfile.mkdtemp(prefix="chronologue-window-"))
    path = args.keep or tmp / "big.chronologue"
    if not path.exists():
        ws = open_workspace(path, backups=False)
        t = time.perf_counter()
        _workspace.fill(ws, events=args.events, pending=args.pending)
        print(f"built {args.events} + {args.pending} events in {time.perf_counter() - t:.1f} s",
              file=sys.stderr)
        ws.close()
    app = create_app()
    settings = make_settings(tmp / "settings.ini")
    ws = open_workspace(path, backups=False)
    t, t_cpu, p_cpu = time.perf_counter(), time.thread_time(), time.process_time()
    window = MainWindow(ws, settings)
    window.show()
    wait_until(app, lambda: (window.model.ready and window.review.model.rowCount() > 0
                             and window.table.model.rowCount() == len(window.model.events)
                             and len(window.central.timeline.model.lane_of) > 0))
    window.central.timeline.canvas.repaint()
    open_s = time.perf_counter() - t
    open_cpu = {"ui_thread_cpu_s": round(time.thread_time() - t_cpu, 2),
                "process_cpu_s": round(time.process_time() - p_cpu, 2)}
    window.central.timeline.canvas.set_viewport(window.central.timeline.canvas.vp)
    idle(app)
    edited = not args.import_only
    queue = review_edits(app, window, 100) if edited else []
    queue_cpu = UI_CPU[:]
    drag = drags(app, window, 20, rng) if edited else []
    drag_cpu = UI_CPU[len(queue_cpu):]
    titles = title_edits(app, window, 20, rng) if edited else []
    title_cpu = UI_CPU[len(queue_cpu) + len(drag_cpu):]
    edits = queue + drag + titles
    if args.screenshot:
        window.central.setCurrentIndex(0)
        window.central.timeline.fit_all()
        idle(app)
        window.grab().save(str(args.screenshot))
    folder = tmp / "articles"
    folder.mkdir()
    for i in range(args.files):
        (folder / f"a{i:05d}.txt").write_text(_articles.article(i, rng, 2500), encoding="utf-8")
    profile = None
    if args.profile:
        import cProfile

        profile = cProfile.Profile()  # profiles the thread that enables it: the UI thread
        profile.enable()
    imported = import_run(app, window, folder, StallSampler() if args.stacks else None)
    if profile is not None:
        profile.disable()
        profile.dump_stats(str(args.profile))
    figures = {
        "queue_accept_reject": {**stats(queue), **cpu_stats(queue_cpu)},
        "timeline_drags": {**stats(drag), **cpu_stats(drag_cpu)},
        "title_edits": {**stats(titles), **cpu_stats(title_cpu)},
        "all_edits": {**stats(edits), **cpu_stats(UI_CPU)}} if edited else {}
    result = {
        "events": args.events, "pending": args.pending, "open_s": round(open_s, 2),
        "open_cpu": open_cpu, **figures, "import": imported,
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "targets": {"open_s": 2.0, "median_edit_ms": 50, "p95_edit_ms": 100,
                    "longest_stall_ms": 100, "summary_after_last_file_s": 1.0},
    }
    window.importer.summary.close()
    window.close()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
