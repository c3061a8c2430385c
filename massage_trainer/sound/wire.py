"""The messages between the window and a sound or speech worker: one JSON object a line.

Both sides write UTF-8 lines ending in "\\n" on binary pipes (the worker's stdin and stdout), so
the format is the same on Linux, macOS and Windows. A line that is not a JSON object, or has no
known "op" / "ev", is ignored by the reader.

Window -> worker (key "op"):

    {"op": "ping", "n": 7}                              answer with a pong carrying the same n
    {"op": "play", "sound": "tick", "volume": 0.5}      sound worker: start a pre-decoded sound
    {"op": "say", "text": "...", "volume": 0.9, "lang": "ru"}   speech worker: speak, in that
                                                        language, cutting off what is being said
    {"op": "hush"}                                      stop what is playing or being said

Worker -> window (key "ev"):

    {"ev": "ready"}                  the output works: cues from now on are heard
    {"ev": "pong", "n": 7}
    {"ev": "down", "why": CODE}      the output stopped or could not start; the worker exits and
                                     the window starts a new one after a pause
    {"ev": "off", "why": CODE}       this cue cannot work on this machine (a Qt module or a speech
                                     engine is missing); the worker exits, the window stops trying
    {"ev": "novoice", "lang": "ru"}  the speech engine has no voice for that language; those
                                     texts are skipped (the worker stays)

End of input (the window closed or died) makes a worker quit. A worker that does not say
"ready" in time, or stops answering pings, is killed by the window (see supervisor).
"""

from __future__ import annotations

import json
from typing import Any

SOUNDS = ("chime", "tick")
"""The bundled cue sounds (assets/sounds/NAME.wav)."""

ROLES = ("sound", "speech")

# Reasons a worker gives in "down" and "off".
NO_MODULE = "no-module"
"""The Qt module the worker needs (QtMultimedia, QtTextToSpeech) is not installed."""
NO_DEVICE = "no-device"
"""No audio output (no sound server, no sound card)."""
NO_SOUNDS = "no-sounds"
"""The cue sounds could not be read."""
STALLED = "stalled"
"""The audio output stopped taking samples (its sound server went away)."""
DEVICE_ERROR = "device-error"
"""The audio output reported an error."""
NO_ENGINE = "no-engine"
"""No speech engine is installed."""
ENGINE_ERROR = "engine-error"
"""The speech engine did not start or reported an error."""

WINDOW_PID_ENV = "MASSAGE_TRAINER_WINDOW_PID"
"""The window's process id, given to each worker so it can tell the window has already ended."""

MAX_LINE = 64 * 1024
"""Longer lines are cut off by the reader and ignored: a spoken cue is a sentence or two."""


def encode(message: dict[str, Any]) -> bytes:
    """One message as a line of ASCII-safe JSON (non-ASCII text is escaped)."""
    return json.dumps(message, separators=(",", ":")).encode("ascii") + b"\n"


def decode(line: bytes) -> dict[str, Any] | None:
    """The message on one line, or None when the line is not a message."""
    if len(line) > MAX_LINE:
        return None
    try:
        value = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(value, dict):
        return None
    if not isinstance(value.get("op", value.get("ev")), str):
        return None
    return value


def number(message: dict[str, Any], key: str, default: float, low: float, high: float) -> float:
    """A numeric field clamped to [low, high]; the default when missing or not a number."""
    value = message.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return default
    return min(high, max(low, float(value)))


class Quit(Exception):
    """A worker cannot go on: it sends {"ev": event, "why": why} and exits."""

    def __init__(self, event: str, why: str) -> None:
        super().__init__(f"{event}: {why}")
        self.event, self.why = event, why
