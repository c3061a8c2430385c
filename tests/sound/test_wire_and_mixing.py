"""The worker's messages survive any text, and the mixer sums, clips and resamples correctly."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from massage_trainer.resources import asset
from massage_trainer.sound import wire
from massage_trainer.sound.mixing import Voice, decode, encode, mix


@given(st.text(max_size=300), st.floats(0, 1), st.sampled_from(["en", "ru"]))
def test_a_say_command_round_trips_as_one_ascii_line(text: str, volume: float, lang: str) -> None:
    message = {"op": "say", "text": text, "volume": volume, "lang": lang}
    line = wire.encode(message)
    assert line.endswith(b"\n") and line.count(b"\n") == 1 and line.isascii()
    assert wire.decode(line) == message


@given(st.binary(max_size=200))
def test_any_garbage_line_is_ignored_not_raised(raw: bytes) -> None:
    message = wire.decode(raw)
    assert message is None or isinstance(message.get("op", message.get("ev")), str)


def test_lines_that_are_not_messages_are_ignored() -> None:
    for raw in (b"[1,2]\n", b'{"x":1}\n', b'{"op":5}\n', b"\xff\xfe\n", b"{" * 10, b" " * 70_000):
        assert wire.decode(raw) is None


def test_numbers_are_clamped_and_defaulted() -> None:
    assert wire.number({"volume": 7}, "volume", 1.0, 0.0, 1.0) == 1.0
    assert wire.number({"volume": -1}, "volume", 1.0, 0.0, 1.0) == 0.0
    assert wire.number({"volume": "loud"}, "volume", 0.5, 0.0, 1.0) == 0.5
    assert wire.number({"volume": True}, "volume", 0.5, 0.0, 1.0) == 0.5
    assert wire.number({}, "volume", 0.5, 0.0, 1.0) == 0.5


def test_the_bundled_sounds_decode_at_the_device_rate() -> None:
    with wave.open(str(asset("sounds", "tick.wav"))) as w:
        seconds = w.getnframes() / w.getframerate()
    for rate in (22050, 44100, 48000):
        tick = decode(asset("sounds", "tick.wav"), rate)
        assert tick.dtype == np.float32
        assert abs(len(tick) / rate - seconds) < 1 / 1000
        assert 0.3 < float(np.abs(tick).max()) <= 1.0


def test_a_stereo_wav_is_mixed_down(tmp_path: Path) -> None:
    path = tmp_path / "s.wav"
    with wave.open(str(path), "wb") as w:
        w.setnchannels(2)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(np.array([16384, 0] * 100, dtype="<i2").tobytes())
    mono = decode(path, 8000)
    assert len(mono) == 100 and np.allclose(mono, 0.25)


def test_voices_sum_with_their_gains_clip_and_end() -> None:
    a = Voice(np.full(10, 0.5, dtype=np.float32), 1.0)
    b = Voice(np.full(4, 0.8, dtype=np.float32), 0.5)
    voices = [a, b]
    out = mix(voices, 6)
    assert np.allclose(out[:4], 0.9) and np.allclose(out[4:], 0.5)
    assert voices == [a]  # b has ended
    loud = [
        Voice(np.full(3, 0.9, dtype=np.float32), 1.0),
        Voice(np.full(3, 0.9, dtype=np.float32), 1.0),
    ]
    assert np.allclose(mix(loud, 5), [1.0, 1.0, 1.0, 0.0, 0.0])
    assert loud == []


def test_pcm_is_interleaved_for_each_channel() -> None:
    mono = np.array([0.5, -0.5], dtype=np.float32)
    ints = np.frombuffer(encode(mono, 2, False), dtype="<i2")
    assert ints.tolist() == [16383, 16383, -16383, -16383]
    floats = np.frombuffer(encode(mono, 1, True), dtype="<f4")
    assert floats.tolist() == [0.5, -0.5]
