"""The recording analysis finds what it should in synthetic recordings (no sound server needed)."""

from __future__ import annotations

import numpy as np

from tests.audio.analysis import RATE, matches, onsets, period, subtract, template


def test_ticks_are_found_to_the_sample_under_a_chime_and_noise() -> None:
    rng = np.random.default_rng(1)
    tick, chime = template("tick"), template("chime")
    rec = rng.normal(0, 0.003, RATE * 4).astype(np.float32)
    starts = [1000, 22050, 44100, 66150, 88200, 110250]
    for s in starts:
        rec[s : s + len(tick)] += 0.5 * tick
    rec[22050 : 22050 + len(chime)] += 0.7 * chime  # a chime starting with the second tick
    chimes = matches(rec, chime, 0.5)
    assert [s for s, _ in chimes] == [22050]
    found = matches(subtract(rec, chime, [s for s, _ in chimes]), tick, 0.5)
    assert [s for s, _ in found] == starts


def test_nothing_matches_silence_or_speech_like_noise() -> None:
    rng = np.random.default_rng(2)
    rec = np.zeros(RATE * 2, dtype=np.float32)
    rec[RATE // 2 : RATE] = rng.normal(0, 0.2, RATE // 2)
    assert matches(rec, template("tick"), 0.5) == []
    assert matches(rec, template("chime"), 0.5) == []


def test_onsets_after_quiet() -> None:
    rec = np.zeros(RATE * 3, dtype=np.float32)
    rec[10_000:20_000] = 0.2
    rec[20_500:21_000] = 0.2  # within the quiet time: the same sound
    rec[80_000:90_000] = 0.2
    assert onsets(rec, 0.01, 0.25) == [10_000, 80_000]


def test_the_period_is_fitted_through_jittered_ticks() -> None:
    rng = np.random.default_rng(3)
    true = 0.5
    times = [10 + k * true + rng.uniform(-0.008, 0.008) for k in range(9)]
    assert abs(period(times, 0.5) - true) / true < 0.01
    assert abs(period([0.0, 5.0, 10.0, 15.01], 5.0) - 5.003) < 0.001
