"""Injected clocks: the app reads a monotonic clock, tests drive a fake one and never sleep."""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    """Anything that tells the time in seconds on a monotonic scale."""

    def now(self) -> float: ...


class MonotonicClock:
    """The real clock: time.monotonic(), immune to wall-clock changes."""

    def now(self) -> float:
        return time.monotonic()


class FakeClock:
    """A clock that moves only when told to: for tests and for headless fast play."""

    def __init__(self, start: float = 0.0) -> None:
        self._now = float(start)

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a clock cannot go backwards")
        self._now += seconds

    def set(self, when: float) -> None:
        if when < self._now:
            raise ValueError("a clock cannot go backwards")
        self._now = when


class ScaledClock:
    """A clock that runs `speed` times faster (or slower) than another, from the moment it is made."""

    def __init__(self, base: Clock, speed: float) -> None:
        if not speed > 0:
            raise ValueError("speed must be above zero")
        self._base = base
        self._speed = speed
        self._origin = base.now()

    def now(self) -> float:
        return self._origin + (self._base.now() - self._origin) * self._speed
