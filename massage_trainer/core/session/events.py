"""The player's vocabulary: its states, the events it emits, and the timed marks inside a step."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the protocol model loads with the first protocol, after the first paint
    from massage_trainer.core.protocol.model import Step


ENDING_SOON_S = 5.0
"""Clock seconds before a timed step ends when ENDING_SOON is announced."""

MIN_SPEED = 0.05
MAX_SPEED = 1000.0


class State(StrEnum):
    IDLE = "idle"
    GET_READY = "get-ready"
    RUNNING = "running"
    PAUSED = "paused"
    WAITING = "waiting"
    """The step's time is up (or it is an until_next step) and it waits for Next."""
    FINISHED = "finished"
    STOPPED = "stopped"


class EventKind(StrEnum):
    GET_READY = "get-ready"
    STEP_STARTED = "step-started"
    REPETITION = "repetition"
    """A new motion cycle begins (cycle 2, 3, ...); the metronome beats on these."""
    HALFWAY = "halfway"
    ENDING_SOON = "ending-soon"
    """ENDING_SOON_S clock seconds before a timed step ends."""
    STEP_COMPLETED = "step-completed"
    """The step ran to its end (not skipped)."""
    STEP_SKIPPED = "step-skipped"
    WAITING_FOR_USER = "waiting-for-user"
    PAUSED = "paused"
    RESUMED = "resumed"
    FINISHED = "finished"
    STOPPED = "stopped"
    MAX_DURATION = "max-duration"
    """The protocol's max_minutes is reached; a STOPPED event follows."""


@dataclass(frozen=True, slots=True)
class Event:
    kind: EventKind
    step_index: int
    at: float
    """Clock time the event was due (not the time tick() happened to be called)."""
    repetition: int | None = None
    detail: str = ""


ACTIVE = frozenset({State.GET_READY, State.RUNNING, State.PAUSED, State.WAITING})
OVER = frozenset({State.FINISHED, State.STOPPED})
EPS = 1e-9


def step_marks(step: Step) -> list[tuple[float, EventKind, int | None]]:
    """Events inside a step at fixed motion times: cycle starts and the halfway point."""
    planned = step.planned_s
    out: list[tuple[float, EventKind, int | None]] = []
    if planned <= 0:
        return out
    period = step.period_s
    k = 1
    while k * period < planned - EPS:
        out.append((k * period, EventKind.REPETITION, k + 1))
        k += 1
    out.append((planned / 2.0, EventKind.HALFWAY, None))
    out.sort(key=lambda m: (m[0], 0 if m[1] is EventKind.REPETITION else 1))
    return out
