"""Probe (not part of `make bench`): RSS of the main window while one step animates, per interval.

    cd bench && ../.venv/bin/python probe_rss.py [animate|blank] [seconds] [intervals]

"blank" hides the diagram (B key) with everything else running, to tell whose memory grows.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from common import offscreen

offscreen()

from bench_session import run_loop, wait_for  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from massage_trainer.core.protocol import catalog  # noqa: E402
from massage_trainer.ui.app import build_window  # noqa: E402


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return 0.0


def main() -> int:
    mode = sys.argv[1] if len(sys.argv) > 1 else "animate"
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 8.0
    intervals = int(sys.argv[3]) if len(sys.argv) > 3 else 6
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setStyle("Fusion")
    with tempfile.TemporaryDirectory() as tmp:
        w = build_window(argparse.Namespace(data_dir=Path(tmp), protocol=None), get_ready_s=0.2)
        w.resize(1920, 1080)
        w.show()
        wait_for(app, lambda: w.startup.started, 10)
        w.controller.gate = lambda _command: None
        w.load_protocol(catalog.bundled("therapeutic-lower-back"))
        w.controller.start()
        w.controller.jump_to(3)  # kneading, both hands
        if mode == "blank":
            w.set_blank(True)
        for i in range(intervals):
            run_loop(app, seconds)
            print(f"{mode} {i * seconds + seconds:5.0f} s  RSS {rss_mb():6.1f} MB", flush=True)
        w.controller.stop()
        w.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
