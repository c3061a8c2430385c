"""Startup time and peak memory of the main window, each against a bare PySide6 window.

Each run is a fresh process (offscreen) with compiled byte-code and a user data folder that has
been used once, as an installed app that was started before has (one uncounted warm-up run of each
fills the byte-code cache). The parent notes the monotonic time just before
spawning; the child (startup_child.py) prints the monotonic time of its first paint
(CLOCK_MONOTONIC is shared by processes). The app child is the `massage-trainer` command itself;
its first paint shows the window saying the protocol is being opened, and right after it the
child must show the default protocol (the time until then is protocol_shown_s). It finishes its
start-up (protocol, diagram, safety panel, timeline, history, cues) and plays every step of the
default protocol in turn, a whole session condensed; its peak RSS covers all of that. Both windows are 1920×1080. Runs alternate
bare, app, bare, app… so a machine that slows down for a while slows both.

Prints startup_s, bare_startup_s, protocol_shown_s, peak_rss_mb, bare_peak_rss_mb and
peak_rss_over_bare_mb (medians of RUNS runs), startup_ratio (the median of the RUNS app / bare
ratios, each pair run back to back) and startup_ratio_of_medians, and merges them into
results.json.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import median, merge

RUNS = int(os.environ.get("BENCH_RUNS", "11"))
CHILD = Path(__file__).resolve().parent / "startup_child.py"


def _spawn(mode: str, pycache: str, home: str) -> dict[str, float]:
    env = dict(
        os.environ,
        PYTHONPYCACHEPREFIX=pycache,
        QT_QPA_PLATFORM="offscreen",
        HOME=home,
        XDG_CONFIG_HOME=str(Path(home) / "config"),
        XDG_DATA_HOME=str(Path(home) / "data"),
        XDG_CACHE_HOME=str(Path(home) / "cache"),
    )
    data_dir = Path(home) / "mt"
    if not data_dir.exists():  # a person who has started it before: notice read, no questions
        data_dir.mkdir(parents=True)
        (data_dir / "disclaimer-accepted").write_text("1\n", encoding="utf-8")
        (data_dir / "settings.ini").write_text("[history]\nask_before=false\n", encoding="utf-8")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    t0 = time.perf_counter()
    r = subprocess.run(
        [sys.executable, str(CHILD), mode, str(data_dir)],
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
    if mode == "app":
        if not data.get("default"):
            raise SystemExit("the app did not show the default protocol after its first paint")
        data["protocol_shown"] = data["shown"] - t0
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
    shown = " ".join(f"{1000 * a['protocol_shown']:.0f}" for a in apps)
    print(f"app default protocol on screen (ms): {shown}")
    startup = median([a["startup"] for a in apps])
    bare = median([b["startup"] for b in bares])
    # Each app run is paired with the bare run just before it: the machine changes speed from
    # second to second (up to 1.7x), and a pair shares the moment, so the ratio is taken within
    # each pair and the median of those is the figure. The ratio of the two medians is printed
    # too: when the runs fall into a fast and a slow phase, the two medians can come from
    # different phases and that ratio says more about the machine than the app.
    pair_ratios = [a["startup"] / b["startup"] for a, b in zip(apps, bares, strict=True)]
    print("app / bare, each pair: " + " ".join(f"{r:.2f}" for r in pair_ratios))
    rss = median([a["rss"] for a in apps])
    bare_rss = median([b["rss"] for b in bares])
    merge(
        {
            "startup_s": startup,
            "bare_startup_s": bare,
            "startup_ratio": median(pair_ratios),
            "startup_ratio_of_medians": startup / bare,
            "protocol_shown_s": median([a["protocol_shown"] for a in apps]),
            "peak_rss_mb": rss,
            "bare_peak_rss_mb": bare_rss,
            "peak_rss_over_bare_mb": rss - bare_rss,
        }
    )


if __name__ == "__main__":
    main()
