"""Practice time per step from the player's events: clock seconds actually spent, pauses excluded.

Students practise slowly, loop a step or skip around, so "completed steps" says little; what they
want in the log is how long they worked on each technique. This turns the event stream into
(step index, seconds) pieces, one whenever a step is left.
"""

from __future__ import annotations

from massage_trainer.core.session.player import Event, EventKind

_CLOSE = frozenset(
    {EventKind.STEP_COMPLETED, EventKind.STEP_SKIPPED, EventKind.STOPPED, EventKind.FINISHED}
)


class PracticeTally:
    """Feed every event in order; get back a finished (step index, seconds) when a step is left."""

    def __init__(self) -> None:
        self._index = -1
        self._seconds = 0.0
        self._open_at: float | None = None
        self._paused = False

    def feed(self, e: Event) -> tuple[int, float] | None:
        """One event, in the order the player gave them."""
        k = e.kind
        if k is EventKind.STEP_STARTED:
            done = self._close(e.at)
            self._index, self._seconds = e.step_index, 0.0
            # a step entered while paused (Next pressed during a pause) starts counting on resume
            self._open_at = None if self._paused else e.at
            return done
        if k is EventKind.PAUSED:
            self._paused = True
            self._stop_clock(e.at)
        elif k is EventKind.RESUMED:
            self._paused = False
            if self._index >= 0 and self._open_at is None:
                self._open_at = e.at
        elif k is EventKind.GET_READY:
            self._paused = False
        elif k in _CLOSE:
            if k is not EventKind.STEP_COMPLETED and k is not EventKind.STEP_SKIPPED:
                self._paused = False
            return self._close(e.at)
        return None

    def _stop_clock(self, at: float) -> None:
        if self._open_at is not None:
            self._seconds += max(0.0, at - self._open_at)
            self._open_at = None

    def _close(self, at: float) -> tuple[int, float] | None:
        if self._index < 0:
            return None
        self._stop_clock(at)
        done = (self._index, self._seconds)
        self._index, self._seconds = -1, 0.0
        return done if done[1] > 0 else None
