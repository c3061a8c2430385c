"""Startup time, peak memory and idle CPU of the main window, each against a bare PySide6 window.

Each run is a fresh process (offscreen) with compiled byte-code, as an installed app has (one
uncounted warm-up run compiles it into a temporary cache). The parent notes the monotonic time just before spawning;
the child prints the monotonic time of its first paint (CLOCK_MONOTONIC is shared by processes).
The app child then starts a session (the safety gate is opened for the benchmark), lets it run
for a moment, pauses it and measures its CPU use while paused; peak RSS covers all of that,
including the timeline plot that is built after the first paint.

Prints startup_s, bare_startup_s, startup_ratio, peak_rss_mb, bare_peak_rss_mb,
peak_rss_over_bare_mb and cpu_pct_paused (medians of RUNS runs) and merges them into results.json.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, median, merge

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
PAUSED_S = float(os.environ.get("BENCH_PAUSED_S", "3"))
RUN_S = 1.0


def _peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def child_bare() -> None:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    painted: list[float] = []

    class Bare(QMainWindow):
        def paintEvent(self, event: object) -> None:  # type: ignore[override]
            super().paintEvent(event)  # type: ignore[arg-type]
            if not painted:
                painted.append(time.perf_counter())
                from PySide6.QtCore import QTimer

                QTimer.singleShot(0, app.quit)

    w = Bare()
    w.setCentralWidget(QLabel("Massage Trainer"))
    w.resize(1280, 800)
    w.show()
    app.exec()
    print(json.dumps({"painted": painted[0], "rss": _peak_rss_mb()}), flush=True)


def child_app() -> None:
    sys.path.insert(0, str(ROOT))
    import argparse

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from massage_trainer.ui.app import build_window

    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    data_dir = Path(os.environ["MASSAGE_TRAINER_DATA_DIR"])
    window = build_window(argparse.Namespace(data_dir=data_dir, protocol=None))
    window.resize(1280, 800)
    out: dict[str, float] = {}

    def first_paint() -> None:
        out["painted"] = time.perf_counter()
        QTimer.singleShot(50, run_session)

    def run_session() -> None:
        window.controller.gate = lambda _command: None
        window.controller.get_ready_s = 0
        window.controller.start()
        QTimer.singleShot(int(RUN_S * 1000), pause)

    def pause() -> None:
        window.controller.pause()
        app.processEvents()
        out["cpu0"] = time.process_time()
        out["wall0"] = time.perf_counter()
        QTimer.singleShot(int(PAUSED_S * 1000), done)

    def done() -> None:
        out["cpu1"] = time.process_time()
        out["wall1"] = time.perf_counter()
        out["timer_active"] = float(window.controller.timer.isActive())
        app.quit()

    window.firstPainted.connect(first_paint)
    window.show()
    app.exec()
    cpu = (out["cpu1"] - out["cpu0"]) / (out["wall1"] - out["wall0"]) * 100.0
    print(json.dumps({"painted": out["painted"], "rss": _peak_rss_mb(), "cpu": cpu}), flush=True)


def _spawn(mode: str, pycache: str) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as home:
        env = dict(
            os.environ,
            PYTHONPYCACHEPREFIX=pycache,
            QT_QPA_PLATFORM="offscreen",
            HOME=home,
            XDG_CONFIG_HOME=str(Path(home) / "config"),
            XDG_DATA_HOME=str(Path(home) / "data"),
            MASSAGE_TRAINER_DATA_DIR=str(Path(home) / "mt"),
        )
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        t0 = time.perf_counter()
        r = subprocess.run(
            [sys.executable, __file__, "--child", mode],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if r.returncode != 0:
            raise SystemExit(f"{mode} child failed:\n{r.stderr[-2000:]}")
        data: dict[str, float] = json.loads(r.stdout.strip().splitlines()[-1])
        data["startup"] = data["painted"] - t0
        return data


def main() -> None:
    apps, bares = [], []
    with tempfile.TemporaryDirectory() as pycache:
        _spawn("bare", pycache)  # warm-up: byte-code compiled once, as an installed app has it
        _spawn("app", pycache)
        for _ in range(RUNS):
            bares.append(_spawn("bare", pycache))
            apps.append(_spawn("app", pycache))
    startup = median([a["startup"] for a in apps])
    bare = median([b["startup"] for b in bares])
    rss = median([a["rss"] for a in apps])
    bare_rss = median([b["rss"] for b in bares])
    merge(
        {
            "startup_s": startup,
            "bare_startup_s": bare,
            "startup_ratio": startup / bare,
            "peak_rss_mb": rss,
            "bare_peak_rss_mb": bare_rss,
            "peak_rss_over_bare_mb": rss - bare_rss,
            "cpu_pct_paused": median([a["cpu"] for a in apps]),
        }
    )


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        {"bare": child_bare, "app": child_app}[sys.argv[2]]()
    else:
        main()
