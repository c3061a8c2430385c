"""validate_100_s: load and validate 100 protocol files in one process (median of 11 runs).

Each run takes about a quarter of a second and the machine changes speed from second to second
(two runs of this script on the same code, one after the other, gave 0.24 and 0.34 s with five runs): eleven runs spread
the median over a few seconds, and every run is printed."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from common import ROOT, median, merge

from massage_trainer.core.protocol import loader


def main() -> None:
    sources = sorted(p for p in (ROOT / "protocols").glob("*.yaml") if "safety" not in p.name)
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for i in range(100):
            src = sources[i % len(sources)]
            text = src.read_text(encoding="utf-8")
            dst = Path(tmp) / f"p{i:03d}.yaml"
            dst.write_text(text.replace("\nid: ", f"\nid: copy-{i}-", 1), encoding="utf-8")
            files.append(dst)
        loader.load(files[0])  # warm imports and zone data, as in a running app
        runs = []
        for _ in range(11):
            t0 = time.perf_counter()
            for f in files:
                loader.load(f)
            runs.append(time.perf_counter() - t0)
    print("runs (s): " + " ".join(f"{r:.3f}" for r in runs))
    merge({"validate_100_s": median(runs)})


if __name__ == "__main__":
    main()
