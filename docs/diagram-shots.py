"""Renders the diagrams of the docs as `massage-trainer render` draws them (1920x1080, captioned):
docs/diagram-*.png, and the handout page of the side-lying shoulder step, docs/handout-shoulders.png
(with poppler's pdftoppm, when it is installed).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/diagram-shots.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
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
    # the pregnancy protocol lies on the side: up from each blade's lower tip, then out
    "diagram-shoulders-light": (
        "gentle-pregnancy",
        4,
        3.2,
        ["--theme", "light", "--size", "1200x800"],
    ),
}
HANDOUT = ("gentle-pregnancy", 5, "handout-shoulders")
"""The handout page of that step (page 5: the cover, the checklist, then a page per step)."""


def main() -> None:
    for name, (protocol, step, at, extra) in RENDERS.items():
        out = DOCS / f"{name}.png"
        code = cli(
            ["render", protocol, "--step", str(step), "--at", f"{at:g}", "-o", str(out), *extra]
        )
        if code:
            sys.exit(f"{name}: render failed ({code})")
    protocol, page, name = HANDOUT
    if shutil.which("pdftoppm") is None:
        print(f"{name}: pdftoppm (poppler-utils) is missing; left as it is")
        return
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "handout.pdf"
        if cli(["export-pdf", protocol, "-o", str(pdf)]):
            sys.exit(f"{name}: export-pdf failed")
        pages = ["-f", str(page), "-l", str(page), "-singlefile"]
        subprocess.run(
            ["pdftoppm", "-png", "-r", "80", *pages, str(pdf), str(DOCS / name)], check=True
        )


if __name__ == "__main__":
    main()
