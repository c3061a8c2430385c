"""Renders the diagrams of the docs as `massage-trainer render` draws them (1920x1080, captioned):
docs/diagram-*.png.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/diagram-shots.py
"""

from __future__ import annotations

import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS.parent))

from massage_trainer.cli import main as cli  # noqa: E402

RENDERS = {  # name: protocol, step, seconds into it, extra options
    "diagram-kneading-light": ("back-pain-relief", 6, 3.0, ["--theme", "light"]),
    "diagram-thumb-circles-high-contrast": (
        "back-pain-relief",
        3,
        10.0,
        ["--theme", "high-contrast"],
    ),
    "diagram-tapping-dark": ("back-pain-relief", 7, 2.0, ["--theme", "dark"]),
    "diagram-spine-stretch-light": ("therapeutic-lower-back", 9, 3.0, ["--theme", "light"]),
    "diagram-stroking-labels": ("back-pain-relief", 1, 2.0, ["--theme", "light", "--labels"]),
}


def main() -> None:
    for name, (protocol, step, at, extra) in RENDERS.items():
        out = DOCS / f"{name}.png"
        code = cli(
            ["render", protocol, "--step", str(step), "--at", f"{at:g}", "-o", str(out), *extra]
        )
        if code:
            sys.exit(f"{name}: render failed ({code})")


if __name__ == "__main__":
    main()
