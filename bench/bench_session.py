"""A session in the real main window at 1920×1080: step-boundary timing, CPU, memory.

- step_boundary_error_ms_max: a generated 4-step protocol (1-2 s steps) played in real time; for
  each step, the monotonic time at which the window receives STEP_STARTED (and the step-start
  cues fire) minus the time the step was due. The worst boundary of a run; median over RUNS runs
  (the worst of all runs is kept as step_boundary_error_ms_worst). step_shown_ms_max is the same
  up to the moment the window has handled the event (panel, diagram and timeline updated; the
  progress bar's synchronous repaint paints the new step's diagram frame inside that handler).
- cpu_pct_animating: process CPU time over wall time while the default protocol plays at 60 fps
  (diagram, countdown, timeline cursor, cues and the history all live): the median of
  ANIMATE_WINDOWS windows of ANIMATE_S seconds each, one after the other, each printed. One
  10-second window gave 5.8 and 7.3 % in two runs of the same code a minute apart: the machine's
  speed changes from second to second.
- cpu_pct_paused: the same session paused, over PAUSED_S seconds.
- session_peak_rss_mb: the process's peak RSS at the end, after visiting every step.

The window is built exactly as the app builds it (build_window), with a monotonic clock; only the
safety gate is opened, since nobody answers its questions here.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from common import median, merge, offscreen

offscreen()

from dataclasses import replace  # noqa: E402

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from massage_trainer.core.protocol import catalog  # noqa: E402
from massage_trainer.core.protocol.model import Protocol  # noqa: E402
from massage_trainer.core.session.player import Event, EventKind, State  # noqa: E402
from massage_trainer.ui.app import build_window  # noqa: E402
from massage_trainer.ui.session.main_window import MainWindow  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "3"))
ANIMATE_S = float(os.environ.get("BENCH_ANIMATE_S", "4"))
ANIMATE_WINDOWS = int(os.environ.get("BENCH_ANIMATE_WINDOWS", "7"))
PAUSED_S = float(os.environ.get("BENCH_PAUSED_S", "5"))
STEP_SECONDS = (1.0, 1.5, 2.0, 1.2)


def short_protocol() -> Protocol:
    """Four real steps of the therapeutic protocol, each cut to 1-2 s."""
    base = catalog.bundled("therapeutic-lower-back")
    steps = tuple(
        replace(s, duration_s=d, repetitions=None, until_next=False)
        for s, d in zip(base.steps[:4], STEP_SECONDS, strict=True)
    )
    return replace(base, id="bench-short", steps=steps)


def run_loop(app: QApplication, seconds: float) -> None:
    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()


def wait_for(app: QApplication, condition: object, timeout_s: float) -> None:
    end = time.monotonic() + timeout_s
    while not condition() and time.monotonic() < end:  # type: ignore[operator]
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 20)
    if not condition():  # type: ignore[operator]
        raise SystemExit("the window did not get there in time")


def boundary_errors(app: QApplication, window: MainWindow) -> tuple[list[float], list[float]]:
    """For each step start of one real-time run of the short protocol, milliseconds after its
    due time at which (1) the window receives STEP_STARTED and (2) it has shown the new step."""
    c = window.controller
    window.load_protocol(short_protocol())
    seen: list[float] = []
    shown: list[float] = []

    def on_seen(e: Event) -> None:
        if e.kind is EventKind.STEP_STARTED:
            seen.append((c.clock.now() - e.at) * 1000.0)
            due.append(e.at)

    def on_shown(_index: int) -> None:  # stepStarted follows the window's own handling
        shown.append((c.clock.now() - due[-1]) * 1000.0)

    due: list[float] = []
    c.event.disconnect(window._on_event)  # our stopwatch first, then the window as before
    c.event.connect(on_seen)
    c.event.connect(window._on_event)
    c.stepStarted.connect(on_shown)
    c.get_ready_s = 1.0
    c.start()
    wait_for(app, lambda: c.state is State.FINISHED, 30)
    c.event.disconnect(on_seen)
    c.stepStarted.disconnect(on_shown)
    assert len(seen) == len(shown) == len(STEP_SECONDS), (seen, shown)
    return seen, shown


def cpu_percent(app: QApplication, seconds: float) -> float:
    c0, w0 = time.process_time(), time.perf_counter()
    run_loop(app, seconds)
    return 100.0 * (time.process_time() - c0) / (time.perf_counter() - w0)


def visit_every_step(app: QApplication, window: MainWindow) -> None:
    """Show each step of each bundled protocol once, so every cache a session fills is filled."""
    for pid in ("back-pain-relief", "therapeutic-lower-back", "gentle-pregnancy"):
        window.load_protocol(catalog.bundled(pid))
        window.controller.start()
        for i in range(len(window.controller.protocol.steps)):  # type: ignore[union-attr]
            window.controller.jump_to(i)
            run_loop(app, 0.25)
        window.controller.stop()


def sprite_cache_mb() -> float:
    """Memory held by the hand-sprite cache of ui/hands.py (for the report; 0 if it has none)."""
    try:
        from massage_trainer.ui.diagram import hands
    except ImportError:
        return 0.0
    cache = getattr(hands, "_SPRITES", {})
    total = 0
    for value in cache.values():
        img = value[0] if isinstance(value, tuple) else value
        size = getattr(img, "sizeInBytes", None)
        total += int(size()) if callable(size) else 0
    return total / 2**20


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setStyle("Fusion")
    with tempfile.TemporaryDirectory() as tmp:
        window = build_window(argparse.Namespace(data_dir=Path(tmp), protocol=None))
        window.resize(1920, 1080)
        window.show()
        wait_for(app, lambda: window.startup.started, 10)  # the deferred parts are built
        c = window.controller
        c.gate = lambda _command: None  # nobody answers the safety questions in a benchmark
        run_loop(app, 0.5)

        per_run = [boundary_errors(app, window) for _ in range(RUNS)]
        worst_each = [max(seen) for seen, _shown in per_run]
        shown_each = [max(shown) for _seen, shown in per_run]

        window.load_protocol(catalog.bundled("back-pain-relief"))
        c.get_ready_s = 0.0
        c.start()
        run_loop(app, 0.5)  # first frames build the cached layers
        windows = [cpu_percent(app, ANIMATE_S) for _ in range(ANIMATE_WINDOWS)]
        print("cpu_pct_animating windows:", " ".join(f"{w:.2f}" for w in windows))
        animating = median(windows)
        c.pause()
        run_loop(app, 0.5)
        paused = cpu_percent(app, PAUSED_S)
        timer_on = c.timer.isActive()
        c.stop()

        visit_every_step(app, window)
        sprites = sprite_cache_mb()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
        window.close()
    if timer_on:
        print("warning: the session timer was still running while paused")
    merge(
        {
            "step_boundary_error_ms_max": median(worst_each),
            "step_boundary_error_ms_worst": max(worst_each),
            "step_shown_ms_max": median(shown_each),
            "cpu_pct_animating": animating,
            "cpu_pct_animating_worst_window": max(windows),
            "cpu_pct_paused": paused,
            "session_peak_rss_mb": peak,
            "hand_sprite_cache_mb": sprites,
        }
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
