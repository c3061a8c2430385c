"""The sound worker's output: the cue sounds, decoded once, mixed into one low-latency stream.

QSoundEffect is not used: in the Qt this app ships, a QSoundEffect voice can be destroyed on the
audio thread and take the event loop down with it. Instead the WAV files are decoded and
resampled to the device's rate at start, and a QAudioSink in push mode gets the mixed samples
only while something plays: an idle stream holds no queued silence, so a new sound is heard one
short buffer (BUFFER_MS) after `play`. Once a second a few milliseconds of silence go out; when
the sink stops taking them (its sound server went away: the sink reports no error then, it simply
stops) the worker gives up with `stalled` and the window starts a new one. After IDLE_S of
silence the stream is suspended until the next sound.
"""

from __future__ import annotations

import time
import wave
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtMultimedia import QAudioFormat, QAudioSink, QMediaDevices, QtAudio

from massage_trainer.sound import wire
from massage_trainer.sound.mixing import Voice, decode, encode, mix

BUFFER_MS = 20
"""The sink's buffer: the longest a sound waits behind one already playing."""
FEED_MS = 5
"""How often the mix is topped up while a sound plays."""
PROBE_S = 1.0
"""How often an idle stream is checked (with a few milliseconds of silence)."""
PROBE_MS = 5
STALL_S = 1.5
"""Queued samples not taken for this long: the output is gone."""
START_S = 3.0
"""The output must take its first samples within this time."""
IDLE_S = 8.0
"""Silent this long (longer than the slowest usual metronome beat), the stream is suspended:
Qt keeps a running stream busy (about 1 % of a core here) even when nothing plays."""

Report = Callable[[dict[str, object]], None]


class Output(QObject):
    """Plays the named cue sounds; says `ready` once samples flow, and quits when they stop."""

    def __init__(self, sounds: dict[str, Path], report: Report, fail: Callable[[str], None]):
        super().__init__()
        self._report, self._fail = report, fail
        device = QMediaDevices.defaultAudioOutput()
        if device.isNull() or not QMediaDevices.audioOutputs():
            raise wire.Quit("down", wire.NO_DEVICE)
        fmt = device.preferredFormat()
        if fmt.sampleFormat() not in (
            QAudioFormat.SampleFormat.Int16,
            QAudioFormat.SampleFormat.Float,
        ):
            fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        if not device.isFormatSupported(fmt):
            raise wire.Quit("down", wire.DEVICE_ERROR)
        self._float = fmt.sampleFormat() == QAudioFormat.SampleFormat.Float
        self._channels = max(1, fmt.channelCount())
        self._rate = fmt.sampleRate()
        self._frame_bytes = fmt.bytesPerFrame()
        try:
            self._samples = {name: decode(path, self._rate) for name, path in sounds.items()}
        except (OSError, ValueError, EOFError, wave.Error) as exc:
            raise wire.Quit("off", wire.NO_SOUNDS) from exc
        self._voices: list[Voice] = []
        self._feed_soon = False
        self._sink = QAudioSink(device, fmt, self)
        self._sink.setBufferSize(self._frame_bytes * self._rate * BUFFER_MS // 1000)
        self._io = self._sink.start()
        self._written_frames = 0
        self._seen_us = -1
        self._seen_at = time.monotonic()
        self._ready = False
        self._suspended = False
        self._idle_since = time.monotonic()
        self._feed_timer = QTimer(self)
        self._feed_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._feed_timer.timeout.connect(self._feed)
        self._probe_timer = QTimer(self)
        self._probe_timer.timeout.connect(self._probe)
        self._write(self._silence(BUFFER_MS))
        self._probe_timer.start(10)  # quickly at first: `ready` as soon as samples flow

    # ---- commands ------------------------------------------------------------------------

    def play(self, name: str, volume: float) -> None:
        samples = self._samples.get(name)
        if samples is None or volume <= 0:
            return
        self._voices.append(Voice(samples, volume))
        if self._suspended:
            self._suspended = False
            self._seen_at = time.monotonic()
            self._sink.resume()
        if not self._feed_timer.isActive():
            self._feed_timer.start(FEED_MS)
        if not self._feed_soon:  # after the other commands that came with this one: sounds
            self._feed_soon = True  # due together start together
            QTimer.singleShot(0, self, self._feed_now)

    def _feed_now(self) -> None:
        self._feed_soon = False
        self._feed()

    def hush(self) -> None:
        self._voices.clear()

    # ---- the stream ----------------------------------------------------------------------

    def _silence(self, ms: int) -> bytes:
        return bytes(self._frame_bytes * (self._rate * ms // 1000))

    def _write(self, data: bytes) -> None:
        written = self._io.write(data) if data else 0
        if written > 0:
            self._written_frames += written // self._frame_bytes

    def _feed(self) -> None:
        frames = self._sink.bytesFree() // self._frame_bytes
        if frames > 0 and self._voices:
            self._write(encode(mix(self._voices, frames), self._channels, self._float))
        if not self._voices and self._feed_timer.isActive():
            self._feed_timer.stop()
            self._idle_since = time.monotonic()

    def _probe(self) -> None:
        """Is the stream still taking samples? Tell the window once it is, give up when not."""
        error = self._sink.error()
        if error not in (QtAudio.Error.NoError, QtAudio.Error.UnderrunError):
            self._fail(wire.DEVICE_ERROR)
            return
        now = time.monotonic()
        if self._suspended:
            return  # nothing flows; a lost server shows at the next sound
        processed = self._sink.processedUSecs()
        if processed != self._seen_us:
            self._seen_us, self._seen_at = processed, now
            if not self._ready and processed > 0:
                self._ready = True
                self._report({"ev": "ready"})
                self._probe_timer.start(round(PROBE_S * 1000))
        elif self._written_frames * 1e6 / self._rate - processed > 1000 and now - self._seen_at > (
            STALL_S if self._ready else START_S
        ):
            self._fail(wire.STALLED)
            return
        if self._ready and not self._voices:
            if now - self._idle_since > IDLE_S:
                self._suspended = True
                self._sink.suspend()
            else:
                self._write(self._silence(PROBE_MS))

    def close(self) -> None:
        self._feed_timer.stop()
        self._probe_timer.stop()
        self._sink.stop()
