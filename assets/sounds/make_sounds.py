"""Synthesises the cue sounds (chime, metronome tick) so no third-party audio is bundled.

Run: python assets/sounds/make_sounds.py  -> writes chime.wav and tick.wav next to this file.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22050


def _write(path: Path, samples: list[float]) -> None:
    peak = max(1e-9, *(abs(s) for s in samples))
    frames = b"".join(struct.pack("<h", int(32000 * 0.8 * s / peak)) for s in samples)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(frames)


def chime(seconds: float = 1.2) -> list[float]:
    """A soft bell: a few inharmonic partials, each decaying at its own rate."""
    partials = [(660.0, 1.0, 2.5), (1320.0, 0.45, 3.5), (1980.0, 0.2, 5.0), (2640 * 1.01, 0.1, 7.0)]
    n = int(RATE * seconds)
    out = []
    for i in range(n):
        t = i / RATE
        attack = min(1.0, t / 0.008)
        s = sum(a * math.exp(-d * t) * math.sin(2 * math.pi * f * t) for f, a, d in partials)
        out.append(attack * s)
    return out


def tick(seconds: float = 0.06) -> list[float]:
    """A short woodblock-like click for the metronome."""
    n = int(RATE * seconds)
    return [
        math.exp(-90 * (i / RATE)) * math.sin(2 * math.pi * 1800 * i / RATE)
        + 0.5 * math.exp(-60 * (i / RATE)) * math.sin(2 * math.pi * 900 * i / RATE)
        for i in range(n)
    ]


if __name__ == "__main__":
    here = Path(__file__).resolve().parent
    _write(here / "chime.wav", chime())
    _write(here / "tick.wav", tick())
