"""Startup time and peak memory of the main window, each against a bare PySide6 window.

Each run is a fresh process (offscreen) with compiled byte-code and a user data folder that has
been used once, as an installed app that was started before has (one uncounted warm-up run of each
fills the byte-code and parsed-protocol caches). The parent notes the monotonic time just before
spawning; the child prints the monotonic time of its first paint (CLOCK_MONOTONIC is shared by
processes). The app child must show the default protocol at that paint. It then finishes its
start-up (diagram, safety panel, timeline, history, cues), starts a session (the safety gate is
opened for the benchmark) and shows every step of the default protocol in turn, a whole session
condensed; its peak RSS covers all of that. Both windows are WIDTH×HEIGHT.

Prints startup_s, bare_startup_s, startup_ratio, peak_rss_mb, bare_peak_rss_mb and
peak_rss_over_bare_mb (medians of RUNS runs) and merges them into results.json.
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
RUN_S = 1.0
WIDTH, HEIGHT = 1920, 1080


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
    w.resize(WIDTH, HEIGHT)
    w.show()
    app.exec()
    print(json.dumps({"painted": painted[0], "rss": _peak_rss_mb()}), flush=True)


def child_app() -> None:
    sys.path.insert(0, str(ROOT))
    import argparse

    from PySide6.QtCore import QTimer

    from massage_trainer.ui.app import DEFAULT_PROTOCOL, application, build_window

    app = application()  # as `massage-trainer gui` makes it
    data_dir = Path(os.environ["MASSAGE_TRAINER_DATA_DIR"])
    window = build_window(argparse.Namespace(data_dir=data_dir, protocol=None))
    window.resize(WIDTH, HEIGHT)
    out: dict[str, float] = {}
    visits: list[int] = []  # one whole session: every step of the default protocol

    def first_paint() -> None:
        out["painted"] = time.perf_counter()
        loaded = window.controller.protocol
        out["default"] = float(loaded is not None and loaded.id == DEFAULT_PROTOCOL)
        out["parsed"] = float("yaml" in sys.modules)  # 0: came from the parsed-protocol cache
        QTimer.singleShot(50, run_session)

    def run_session() -> None:
        window.controller.gate = lambda _command: None
        window.controller.get_ready_s = 0
        window.controller.start()
        protocol = window.controller.protocol
        visits.extend(range(len(protocol.steps)) if protocol is not None else ())
        QTimer.singleShot(int(RUN_S * 1000), visit)

    def visit() -> None:
        if not visits:
            window.controller.stop()
            app.quit()
            return
        window.controller.jump_to(visits.pop(0))
        QTimer.singleShot(150, visit)

    window.firstPainted.connect(first_paint)
    window.show()
    app.exec()
    window.save_settings()
    window.close()
    print(json.dumps({"painted": out["painted"], "rss": _peak_rss_mb(), **out}), flush=True)


def _spawn(mode: str, pycache: str, home: str) -> dict[str, float]:
    env = dict(
        os.environ,
        PYTHONPYCACHEPREFIX=pycache,
        QT_QPA_PLATFORM="offscreen",
        HOME=home,
        XDG_CONFIG_HOME=str(Path(home) / "config"),
        XDG_DATA_HOME=str(Path(home) / "data"),
        XDG_CACHE_HOME=str(Path(home) / "cache"),
        MASSAGE_TRAINER_DATA_DIR=str(Path(home) / "mt"),
    )
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    t0 = time.perf_counter()
    r = subprocess.run(
        [sys.executable, __file__, "--child", mode],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    if r.returncode != 0:
        raise SystemExit(f"{mode} child failed:\n{r.stderr[-2000:]}")
    data: dict[str, float] = json.loads(r.stdout.strip().splitlines()[-1])
    data["startup"] = data["painted"] - t0
    if mode == "app" and not data.get("default"):
        raise SystemExit("the app did not show the default protocol at its first paint")
    return data


def main() -> None:
    apps, bares = [], []
    with tempfile.TemporaryDirectory() as pycache, tempfile.TemporaryDirectory() as home:
        _spawn("bare", pycache, home)  # warm-up: byte-code compiled, the user folder used once
        _spawn("app", pycache, home)
        for _ in range(RUNS):
            bares.append(_spawn("bare", pycache, home))
            apps.append(_spawn("app", pycache, home))
    parsed = sum(a.get("parsed", 0.0) for a in apps)
    if parsed:
        print(f"note: {parsed:g} of {len(apps)} app runs parsed YAML before the first paint")
    for name, runs in (("app", apps), ("bare", bares)):
        times = " ".join(f"{1000 * r['startup']:.0f}" for r in runs)
        print(f"{name} start-up runs (ms): {times}")
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
        }
    )


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        {"bare": child_bare, "app": child_app}[sys.argv[2]]()
    else:
        main()
