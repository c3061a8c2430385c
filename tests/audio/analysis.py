"""Finding the cues in a recording: matched filters for the chime and the tick, an energy onset
for speech, and the metronome's period fitted over a step's ticks."""

from __future__ import annotations

import numpy as np

from massage_trainer.resources import asset
from massage_trainer.sound.mixing import decode

RATE = 44100
REFINE = 150
"""Samples either side of a correlation peak searched for the true start (3.4 ms)."""


def template(name: str) -> np.ndarray:
    """A cue sound as the sound worker plays it at RATE."""
    return decode(asset("sounds", f"{name}.wav"), RATE)


def _correlate(signal: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """sum(signal[i + k] * kernel[k]) for every i where the kernel fits, by FFT."""
    n = len(signal) + len(kernel) - 1
    size = 1 << (n - 1).bit_length()
    spectrum = np.fft.rfft(signal, size) * np.conj(np.fft.rfft(kernel, size))
    return np.fft.irfft(spectrum, size)[: len(signal) - len(kernel) + 1]


def matches(
    recording: np.ndarray, sound: np.ndarray, threshold: float = 0.5
) -> list[tuple[int, float]]:
    """Where `sound` starts in `recording`: (sample, normalized correlation) at each peak above
    `threshold`, peaks at least one sound's length apart (any volume matches)."""
    if len(recording) < len(sound):
        return []
    dot = _correlate(recording.astype(np.float64), sound.astype(np.float64))
    energy = np.concatenate([[0.0], np.cumsum(recording.astype(np.float64) ** 2)])
    local = energy[len(sound) :] - energy[: len(energy) - len(sound)]
    ncc = dot / (np.sqrt(np.maximum(local, 1e-12)) * float(np.linalg.norm(sound)))
    ncc[local < 1e-7 * len(sound)] = 0.0  # silence is no match
    found: list[tuple[int, float]] = []
    i, gap = 0, len(sound)
    above = np.flatnonzero(ncc > threshold)
    while i < len(above):
        start = above[i]
        window = ncc[start : start + gap]
        peak = start + int(np.argmax(window))
        # A tonal sound (the chime) correlates almost as well one period early or late: the
        # start is where most of its energy lines up (the largest plain dot product near by).
        low, high = max(0, peak - REFINE), min(len(dot), peak + REFINE + 1)
        peak = low + int(np.argmax(dot[low:high]))
        found.append((int(peak), float(ncc[peak])))
        i = int(np.searchsorted(above, peak + gap))
    return found


def onsets(recording: np.ndarray, level: float = 0.01, quiet_s: float = 0.25) -> list[int]:
    """Samples where sound starts after at least `quiet_s` below `level` (5 ms resolution,
    refined to the first sample above the level)."""
    hop = RATE // 200
    frames = len(recording) // hop
    loud = np.abs(recording[: frames * hop]).reshape(frames, hop).max(axis=1) > level
    out: list[int] = []
    quiet_frames = round(quiet_s * 200)
    last_loud = -quiet_frames - 1
    for f in np.flatnonzero(loud):
        if f - last_loud > quiet_frames:
            block = np.abs(recording[f * hop : (f + 1) * hop])
            out.append(int(f * hop + int(np.argmax(block > level))))
        last_loud = int(f)
    return out


def period(times: list[float], nominal: float) -> float:
    """The period of evenly spaced events (least squares over all of them, each numbered by its
    nearest multiple of `nominal` from the first): robust to one frame of jitter per event."""
    t = np.asarray(times, dtype=np.float64)
    k = np.round((t - t[0]) / nominal)
    slope, _ = np.polyfit(k, t, 1)
    return float(slope)


def subtract(recording: np.ndarray, sound: np.ndarray, starts: list[int]) -> np.ndarray:
    """The recording without `sound` at `starts` (each at its best-fitting volume), so that what
    plays under it (a tick under a chime) can be found."""
    out = recording.astype(np.float64).copy()
    norm = float(np.dot(sound, sound))
    for s in starts:
        part = out[s : s + len(sound)]
        piece = sound[: len(part)].astype(np.float64)
        part -= (float(np.dot(part, piece)) / norm) * piece
    return out.astype(np.float32)
