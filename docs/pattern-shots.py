"""Renders one picture of each motion pattern for docs/protocol-format.md: docs/patterns/<pattern>.png.

Each is a one-step format-2 protocol on the lower back, drawn by `massage-trainer render` (the
stroke path, the touching part of the hands, the work area) a third of the way into the motion.
Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/pattern-shots.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS.parent))

from massage_trainer.cli import main as cli  # noqa: E402
from massage_trainer.core.protocol.vocab import Pattern  # noqa: E402

SETUP = {  # pattern: (technique, contact, orientation, direction, hands, avoid)
    "long-strokes": ("stroking", "palm", "fingers-toward-head", "up", "mirrored", "spine"),
    "small-circles": ("rubbing", "thumbs", "fingers-outward", "up-and-down", "mirrored", "spine"),
    "diagonal": ("rubbing", "thumbs", "fingers-outward", "outward", "mirrored", "spine"),
    "side-to-side": ("rubbing", "palm-heel", "fingers-toward-head", "outward", "mirrored", "spine"),
    "kneading-grip": (
        "kneading", "grip", "fingers-toward-head", "up", "alternating",
        "spine, kidney-left, kidney-right",
    ),
    "alternating-taps": (
        "tapping", "palm-edge", "fingers-toward-head", "up", "alternating",
        "spine, kidney-left, kidney-right",
    ),
    "claps": (
        "clapping", "cupped-palm", "fingers-toward-head", "up", "alternating",
        "spine, kidney-left, kidney-right",
    ),
    "press-and-slide": ("deep-stroking", "palm", "fingers-toward-head", "down", "mirrored", "spine"),
    "pinch-roll": ("pinch-roll", "fingertips", "fingers-toward-head", "outward", "mirrored", "spine"),
    "vibration": ("vibration", "finger-pads", "fingers-toward-head", "up", "mirrored", "spine"),
}  # fmt: skip

TEXT = """\
schema_version: 2
id: pattern-{pattern}
version: 1
pose: prone
title: "{pattern}"
summary: One pattern, for the format's documentation.
audience: [instructor]
sources:
  - {{id: docs, file: docs/protocol-format.md, title: The protocol format}}
safety_profile: general
estimated_minutes: 1
max_minutes: 5
preparation: [receiver-prone]
steps:
  - id: one
    title: "{pattern}"
    technique: {technique}
    instructions: The pattern {pattern}.
    cue: "{pattern}"
    target_zones: [lumbar-left, lumbar-right, buttocks-top-left, buttocks-top-right]
    avoid_zones: [{avoid}]
    hands:
      contact: {contact}
      orientation: {orientation}
      left: {{zone: lumbar-left}}
      right: {{zone: lumbar-right}}
    motion: {{pattern: {pattern}, direction: {direction}, hands: {hands}}}
    pressure: light
    tempo: 30
    repetitions: 4
    source: {{id: docs, section: patterns}}
"""


def main() -> None:
    out = DOCS / "patterns"
    out.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for pattern in Pattern:
            technique, contact, orientation, direction, hands, avoid = SETUP[str(pattern)]
            src = Path(tmp) / f"{pattern}.yaml"
            src.write_text(
                TEXT.format(
                    pattern=pattern,
                    technique=technique,
                    contact=contact,
                    orientation=orientation,
                    direction=direction,
                    hands=hands,
                    avoid=avoid,
                ),
                encoding="utf-8",
            )
            png = out / f"{pattern}.png"
            args = [str(src), "--at", "0.7", "--size", "520x440", "--no-caption", "-o", str(png)]
            if cli(["render", *args]) != 0:
                raise SystemExit(f"could not render {pattern}")


if __name__ == "__main__":
    main()
