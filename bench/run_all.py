"""`make bench`: run every benchmark, then write docs/performance.md from bench/results.json.

Each bench_*.py prints its figures and merges them into results.json; this script only runs them
one after another (never in parallel: they would disturb each other) and judges against budgets.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
from datetime import date

from common import BENCH, BUDGETS, RESULTS, ROOT

DOC = ROOT / "docs" / "performance.md"
STARTUP_NOTE = [
    "## Start-up",
    "",
    "`startup_ratio` is the time from starting the `massage-trainer` command to the window's first",
    "paint, divided by the same for a bare PySide6 window in the same run (bench_startup.py: eleven",
    "runs of each, alternating; the median of the eleven app / bare ratios, each app run over the",
    "bare run just before it, since the machine changes speed from second to second and a pair",
    "shares its moment; `startup_ratio_of_medians` is the older figure, the ratio of the two",
    "medians, kept for comparison). Nothing is parsed before that paint, which shows the",
    "window saying it is opening the protocol; it loads neither the protocol model nor the body",
    "model (poses, landmarks, framing), the key guard or the screen-reader announcements. Right",
    "after it the key guard and the announcements attach, the protocol is read (PyYAML, the",
    "loader and the safety rules it checks against), the classroom tools, the safety check and the",
    "history attach, and the diagram and the timeline are built. `protocol_shown_s` is when the",
    "default protocol is on screen. The code is plain: standard dataclasses, Qt's enums, the YAML",
    "parsed on every start, icons drawn from their SVGs; no cache of any of them is kept on disk.",
]


FRAME_NOTE = [
    "## Frames",
    "",
    "`frame_ms_p99` and `frame_ms_p99_4k` are whole repaints of the diagram, framed on the step",
    "as every window frames it (bench_frame.py: the kneading step, both hands moving, 600 frames",
    "after one whole loop of warm-up, p99). The 4K figure is the audience screen's diagram at",
    "3840×2160: the size the audience window gives it, high contrast, words at 1/36 of the",
    "height. A window repaints less than that: only the hands and the pulsing outline",
    "of the work area, each where it moved. When the step changes, the view glides to the new",
    "framing in half a second without drawing the body anew: the picture it leaves and the one",
    "it reaches are each drawn once and scaled to the moment's framing. A repaint the view asks",
    "for itself, while only time changed, is drawn from the parts of the last whole paint and the",
    "hand places worked out with the time (ui/diagram/frame_paint.py). The hands are drawn at",
    "the nearest of 120 points a second of the step's loop (the motion repeats every loop), and",
    "what a point needs (pose, sprites, pixel places) is kept, so from the second time round a",
    "frame looks it up. A hand that slid less than 2 device pixels since it was last drawn, with",
    "the same sprite, waits for a later frame: slow drift is drawn in 2-px steps, faster moves,",
    "lifts and squeezes at once. The target glow pulses once every 4 s, so its outline is",
    "repainted 6 times a second. `cpu_pct_animating` is the whole window playing the default",
    "protocol at 60 fps (beats on a 60-per-second grid): the median of seven 4-second windows of",
    "its first half-minute, each printed by bench_session.py; the step's first loops fill the",
    "hand sprites and places at the framed size then, so the first window is the highest.",
]


def run_benchmarks(only: list[str]) -> list[str]:
    failed = []
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    for script in sorted(BENCH.glob("bench_*.py")):
        if only and not any(o in script.stem for o in only):
            continue
        print(f"== {script.name}", flush=True)
        r = subprocess.run([sys.executable, str(script)], cwd=BENCH, env=env, check=False)
        if r.returncode != 0:
            failed.append(script.name)
    return failed


def judge(results: dict[str, float]) -> tuple[list[tuple[str, str, str, str, str]], bool]:
    rows = []
    all_pass = True
    for key, (budget, kind, unit, what) in BUDGETS.items():
        if key not in results:
            rows.append((key, "not measured", f"≤ {budget:g} {unit}", "MISSING", what))
            all_pass = False
            continue
        value = results[key]
        ok = value <= budget if kind == "max" else value >= budget
        all_pass &= ok
        rows.append(
            (key, f"{value:.3g} {unit}", f"≤ {budget:g} {unit}", "PASS" if ok else "FAIL", what)
        )
    return rows, all_pass


def write_doc(results: dict[str, float], rows: list[tuple[str, str, str, str, str]]) -> None:
    lines = [
        "# Performance",
        "",
        f"Measured by `make bench` on {date.today().isoformat()}, {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, offscreen Qt. "
        "Each timing is the median of several runs; ratios are measured against their reference "
        "in the same run. Raw figures: [`bench/results.json`](../bench/results.json).",
        "",
        "| figure | measured | budget | verdict | what it measures |",
        "|---|---|---|---|---|",
    ]
    lines += [f"| `{k}` | {v} | {b} | {verdict} | {what} |" for k, v, b, verdict, what in rows]
    lines += ["", *STARTUP_NOTE, "", *FRAME_NOTE]
    others = sorted(set(results) - set(BUDGETS))
    if others:
        lines += ["", "Reference figures (no budget of their own):", ""]
        lines += [f"- `{k}` = {results[k]:.4g}" for k in others]
    DOC.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    only = sys.argv[1:]
    failed = run_benchmarks(only)
    results = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    rows, all_pass = judge(results)
    write_doc(results, rows)
    print()
    for k, v, b, verdict, _ in rows:
        print(f"{verdict:8} {k:30} {v:>18}   budget {b}")
    if failed:
        print(f"benchmarks that failed to run: {', '.join(failed)}")
    print(f"table written to {DOC.relative_to(ROOT)}")
    return 0 if all_pass and not failed else 1


if __name__ == "__main__":
    raise SystemExit(main())
