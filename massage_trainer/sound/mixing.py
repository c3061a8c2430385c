"""Mixing the cue sounds, without Qt: decode a WAV once, sum the sounds playing, encode PCM."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np


def decode(path: Path, rate: int) -> np.ndarray:
    """A 16-bit PCM WAV as mono float32 samples at `rate` (linear interpolation)."""
    with wave.open(str(path), "rb") as w:
        if w.getsampwidth() != 2:
            raise ValueError(f"{path.name}: 16-bit PCM expected")
        raw = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float32)
        channels, source_rate = w.getnchannels(), w.getframerate()
    mono = raw.reshape(-1, channels).mean(axis=1) / 32768.0
    if source_rate == rate or len(mono) < 2:
        return mono.astype(np.float32)
    n = round(len(mono) * rate / source_rate)
    positions = np.arange(n, dtype=np.float64) * (source_rate / rate)
    return np.interp(positions, np.arange(len(mono)), mono).astype(np.float32)


class Voice:
    """One sound being played: its samples, how far it got, how loud."""

    __slots__ = ("gain", "position", "samples")

    def __init__(self, samples: np.ndarray, gain: float) -> None:
        self.samples, self.gain, self.position = samples, gain, 0


def mix(voices: list[Voice], frames: int) -> np.ndarray:
    """The next `frames` mono samples of all voices summed (clipped to [-1, 1]); finished voices
    are removed from the list."""
    out = np.zeros(frames, dtype=np.float32)
    for v in list(voices):
        take = min(frames, len(v.samples) - v.position)
        out[:take] += v.gain * v.samples[v.position : v.position + take]
        v.position += take
        if v.position >= len(v.samples):
            voices.remove(v)
    return np.clip(out, -1.0, 1.0, out=out)


def encode(mono: np.ndarray, channels: int, as_float: bool) -> bytes:
    """Mono samples in [-1, 1] as interleaved PCM frames: 32-bit float or 16-bit integer."""
    frames = np.repeat(mono, channels) if channels > 1 else mono
    if as_float:
        return frames.astype("<f4").tobytes()
    return (frames * 32767.0).astype("<i2").tobytes()
