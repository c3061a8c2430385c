"""Shared helpers for the benchmarks: merge figures into bench/results.json, medians."""

from __future__ import annotations

import json
import os
import statistics
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
RESULTS = BENCH / "results.json"

# key -> (budget, "max" | "min", unit, what it measures)
BUDGETS: dict[str, tuple[float, str, str, str]] = {
    "startup_ratio": (1.7, "max", "×", "start to first painted main window ÷ bare PySide6 window"),
    "frame_ms_p99": (4.0, "max", "ms", "one 1920×1080 body-view frame, both hands moving (p99)"),
    "frame_ms_p99_4k": (
        8.0,
        "max",
        "ms",
        "one 3840×2160 audience-screen diagram frame, framed, both hands moving (p99)",
    ),
    "cpu_pct_animating": (6.0, "max", "% of a core", "session animating at 60 fps, 1920×1080"),
    "cpu_pct_paused": (0.5, "max", "% of a core", "session paused"),
    "step_boundary_error_ms_max": (17.0, "max", "ms", "real-time step start vs. due time (worst)"),
    "peak_rss_over_bare_mb": (60.0, "max", "MB", "peak memory in a session minus a bare window"),
    "validate_100_s": (0.3, "max", "s", "load and validate 100 protocol files"),
    "pdf_export_s": (2.0, "max", "s", "export a 10-step PDF handout"),
    "soak_rss_growth_mb": (10.0, "max", "MB", "memory growth over a real-time soak"),
    "history_10k_csv_s": (
        1.0,
        "max",
        "s",
        "`history --csv` of a 10,000-session log, whole command",
    ),
    "history_10k_view_s": (1.0, "max", "s", "History window opened and painted on 10,000 sessions"),
}


def merge(figures: dict[str, float]) -> None:
    """Add figures to bench/results.json (flat keys, numbers), keeping other benchmarks' keys."""
    data: dict[str, float] = {}
    if RESULTS.exists():
        try:
            data = json.loads(RESULTS.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
    data.update({k: round(float(v), 4) for k, v in figures.items()})
    tmp = RESULTS.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(dict(sorted(data.items())), indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, RESULTS)
    for k, v in figures.items():
        print(f"{k} = {v:.4g}")


def median(values: list[float]) -> float:
    return float(statistics.median(values))


def offscreen() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
