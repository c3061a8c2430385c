"""The guided session as a pure state machine: commands and a clock in, timed events out.

Everything is deadline-based: the player remembers the clock time and the motion time at its last
anchor, and works out every due moment from them. It never counts ticks, so a tick that comes late
(a stalled UI, a sleeping laptop, a headless runner that sleeps to `next_deadline`) still yields each
event in order with the clock time it was due in `Event.at`.

Motion time (step time, session time) runs at `speed` times the clock; the get-ready countdown and
`remaining_s` are in clock seconds, because that is what the person in front of the screen waits.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from massage_trainer.core.protocol.model import Protocol, Step
from massage_trainer.core.session.clock import Clock

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


_ACTIVE = frozenset({State.GET_READY, State.RUNNING, State.PAUSED, State.WAITING})
_OVER = frozenset({State.FINISHED, State.STOPPED})
_EPS = 1e-9


def _marks(step: Step) -> list[tuple[float, EventKind, int | None]]:
    """Events inside a step at fixed motion times: cycle starts and the halfway point."""
    planned = step.planned_s
    out: list[tuple[float, EventKind, int | None]] = []
    if planned <= 0:
        return out
    period = step.period_s
    k = 1
    while k * period < planned - _EPS:
        out.append((k * period, EventKind.REPETITION, k + 1))
        k += 1
    out.append((planned / 2.0, EventKind.HALFWAY, None))
    out.sort(key=lambda m: (m[0], 0 if m[1] is EventKind.REPETITION else 1))
    return out


class Player:
    """One session of one protocol: idle -> get-ready -> running <-> paused -> ... -> finished."""

    def __init__(self, protocol: Protocol, clock: Clock, *, get_ready_s: float = 5.0) -> None:
        if not protocol.steps:
            raise ValueError("a protocol without steps cannot be played")
        if get_ready_s < 0:
            raise ValueError("get_ready_s cannot be negative")
        self.protocol = protocol
        self.get_ready_s = float(get_ready_s)
        self.loop_step = False
        self._clock = clock
        self._speed = 1.0
        self._reset()

    def _reset(self) -> None:
        self.state = State.IDLE
        self.step_index = 0
        self._resume_to = State.RUNNING
        self._anchor_clock = self._clock.now()
        self._anchor_t = 0.0
        self._anchor_s = 0.0
        self._ready_deadline = 0.0
        self._ready_left = 0.0
        self._marks: list[tuple[float, EventKind, int | None]] = []
        self._mark_i = 0
        self._ending_soon_done = False
        self._completed: list[int] = []
        self._backlog: list[Event] = []

    # ---- queries -------------------------------------------------------------------------

    @property
    def step(self) -> Step | None:
        if self.state in _OVER:
            return None
        return self.protocol.steps[self.step_index]

    @property
    def speed(self) -> float:
        return self._speed

    def _moving(self) -> bool:
        return self.state is State.RUNNING

    def _counting(self) -> bool:
        return self.state in (State.RUNNING, State.WAITING)

    def _t_at(self, when: float) -> float:
        if not self._moving():
            return self._anchor_t
        return self._anchor_t + max(0.0, when - self._anchor_clock) * self._speed

    def _s_at(self, when: float) -> float:
        if not self._counting():
            return self._anchor_s
        return self._anchor_s + max(0.0, when - self._anchor_clock) * self._speed

    def _clock_at_t(self, t: float) -> float:
        return self._anchor_clock + (t - self._anchor_t) / self._speed

    def step_time(self) -> float:
        """Motion seconds into the current step (pauses excluded, speed applied): for pose_at."""
        return self._t_at(self._clock.now())

    def session_elapsed_s(self) -> float:
        """Active session motion time: running and waiting count; get-ready and pauses do not."""
        return self._s_at(self._clock.now())

    def _planned(self) -> float:
        return self.protocol.steps[self.step_index].planned_s

    def remaining_s(self) -> float | None:
        """Clock seconds left in the current step; None for an until_next step without a length."""
        step = self.protocol.steps[self.step_index]
        planned = step.planned_s
        if planned <= 0:
            return None
        if self.state in _OVER or self.state is State.WAITING:
            return 0.0
        if self.state is State.PAUSED and self._resume_to is State.WAITING:
            return 0.0
        left_motion = planned - self.step_time()
        return max(0.0, left_motion / self._speed)

    def get_ready_remaining_s(self) -> float:
        """Clock seconds left in the get-ready countdown (0 outside it)."""
        if self.state is State.GET_READY:
            return max(0.0, self._ready_deadline - self._clock.now())
        if self.state is State.PAUSED and self._resume_to is State.GET_READY:
            return self._ready_left
        return 0.0

    def repetition(self) -> tuple[int, int] | None:
        """(current 1-based, total) for a repetition step, counting up."""
        step = self.protocol.steps[self.step_index]
        if step.repetitions is None:
            return None
        total = step.repetitions
        if self.state in _OVER:
            return (total, total)
        current = math.floor(self.step_time() / step.period_s + _EPS) + 1
        return (max(1, min(total, current)), total)

    def completed_steps(self) -> tuple[int, ...]:
        return tuple(self._completed)

    def next_deadline(self) -> float | None:
        """Clock time of the next due event; None when nothing will happen without a command."""
        due = self._next_due()
        return None if due is None else due[0]

    def resume_state(self) -> State | None:
        """While paused: the state resume() returns to."""
        return self._resume_to if self.state is State.PAUSED else None

    # ---- the timetable -------------------------------------------------------------------

    def _max_deadline(self) -> float:
        limit = self.protocol.max_minutes * 60.0
        return self._anchor_clock + (limit - self._anchor_s) / self._speed

    def _next_due(self) -> tuple[float, int, str] | None:
        """(clock time, tie order, what) of the earliest pending moment."""
        if self.state is State.GET_READY:
            return (self._ready_deadline, 0, "ready")
        if self.state is State.WAITING:
            return (self._max_deadline(), 5, "max")
        if self.state is not State.RUNNING:
            return None
        cands: list[tuple[float, int, str]] = [(self._max_deadline(), 5, "max")]
        planned = self._planned()
        if planned <= 0:
            cands.append((self._anchor_clock, 1, "end"))
        else:
            end = self._clock_at_t(planned)
            cands.append((end, 4, "end"))
            if self._mark_i < len(self._marks):
                cands.append((self._clock_at_t(self._marks[self._mark_i][0]), 2, "mark"))
            if not self._ending_soon_done and planned / self._speed > ENDING_SOON_S + _EPS:
                cands.append((max(end - ENDING_SOON_S, self._anchor_clock), 3, "soon"))
        return min(cands)

    def _reanchor(self, when: float) -> None:
        """Fix motion and session time at `when` so a state or speed change starts from there."""
        t = self._t_at(when)
        s = self._s_at(when)
        self._anchor_clock = when
        self._anchor_t = t
        self._anchor_s = s

    def _enter_step(self, index: int, when: float, detail: str = "") -> list[Event]:
        """Begin step `index` at clock time `when`, in the running state."""
        self._reanchor(when)
        self.step_index = index
        self._anchor_t = 0.0
        self.state = State.RUNNING
        step = self.protocol.steps[index]
        self._marks = _marks(step)
        self._mark_i = 0
        self._ending_soon_done = False
        return [Event(EventKind.STEP_STARTED, index, when, detail=detail)]

    def _step_end(self, when: float) -> list[Event]:
        """The running step reached its planned length at `when`."""
        step = self.protocol.steps[self.step_index]
        if self.loop_step:
            done = [Event(EventKind.STEP_COMPLETED, self.step_index, when)]
            self._mark_done()
            return done + self._enter_step(self.step_index, when, "loop")
        if step.until_next or step.planned_s <= 0:
            self._reanchor(when)
            self.state = State.WAITING
            return [Event(EventKind.WAITING_FOR_USER, self.step_index, when)]
        return self._complete_and_advance(when)

    def _mark_done(self) -> None:
        if self.step_index not in self._completed:
            self._completed.append(self.step_index)

    def _complete_and_advance(self, when: float) -> list[Event]:
        out = [Event(EventKind.STEP_COMPLETED, self.step_index, when)]
        self._mark_done()
        if self.step_index + 1 >= len(self.protocol.steps):
            self._reanchor(when)
            self.state = State.FINISHED
            out.append(Event(EventKind.FINISHED, self.step_index, when))
            return out
        return out + self._enter_step(self.step_index + 1, when)

    def _fire(self, due: tuple[float, int, str]) -> list[Event]:
        when, _, what = due
        if what == "ready":
            return self._enter_step(self.step_index, when)
        if what == "max":
            self._reanchor(when)
            self.state = State.STOPPED
            detail = f"{self.protocol.max_minutes:g} minutes"
            return [
                Event(EventKind.MAX_DURATION, self.step_index, when, detail=detail),
                Event(EventKind.STOPPED, self.step_index, when, detail="max-duration"),
            ]
        if what == "mark":
            _, kind, rep = self._marks[self._mark_i]
            self._mark_i += 1
            return [Event(kind, self.step_index, when, repetition=rep)]
        if what == "soon":
            self._ending_soon_done = True
            return [Event(EventKind.ENDING_SOON, self.step_index, when)]
        return self._step_end(when)

    def _catch_up(self) -> list[Event]:
        out, self._backlog = self._backlog, []
        now = self._clock.now()
        while True:
            due = self._next_due()
            if due is None or due[0] > now:
                return out
            out.extend(self._fire(due))

    def _not_begun(self) -> bool:
        """Idle or counting down (maybe paused): navigation only picks the step to begin with."""
        return self.state in (State.IDLE, State.GET_READY) or (
            self.state is State.PAUSED and self._resume_to is State.GET_READY
        )

    # ---- commands ------------------------------------------------------------------------

    def tick(self) -> list[Event]:
        """Every event due since the last call, in order, each with the clock time it was due."""
        return self._catch_up()

    def start(self) -> list[Event]:
        """Begin the session (again, after it finished or stopped) with the get-ready countdown."""
        out = self._catch_up()
        if self.state in _OVER:
            index = 0
            self._reset()
        elif self.state is State.IDLE:
            index = self.step_index
        else:
            return out
        now = self._clock.now()
        self._anchor_clock = now
        self.step_index = index
        if self.get_ready_s <= 0:
            return out + self._enter_step(index, now) + self._catch_up()
        self.state = State.GET_READY
        self._ready_deadline = now + self.get_ready_s
        out.append(Event(EventKind.GET_READY, index, now, detail=f"{self.get_ready_s:g}"))
        return out

    def pause(self) -> list[Event]:
        out = self._catch_up()
        if self.state not in (State.GET_READY, State.RUNNING, State.WAITING):
            return out
        now = self._clock.now()
        if self.state is State.GET_READY:
            self._ready_left = max(0.0, self._ready_deadline - now)
        self._reanchor(now)
        self._resume_to = self.state
        self.state = State.PAUSED
        out.append(Event(EventKind.PAUSED, self.step_index, now))
        return out

    def resume(self) -> list[Event]:
        out = self._catch_up()
        if self.state is not State.PAUSED:
            return out
        now = self._clock.now()
        self._anchor_clock = now
        self.state = self._resume_to
        if self.state is State.GET_READY:
            self._ready_deadline = now + self._ready_left
        out.append(Event(EventKind.RESUMED, self.step_index, now))
        return out + self._catch_up()

    def toggle_pause(self) -> list[Event]:
        if self.state is State.PAUSED:
            return self.resume()
        return self.pause()

    def _go(self, index: int, detail: str, *, completed: bool = False) -> list[Event]:
        """Leave the current step for `index`, keeping a paused session paused."""
        out = self._catch_up()
        if self.state in _OVER:
            return out
        if self._not_begun():
            self.step_index = index
            return out
        now = self._clock.now()
        if completed:
            out.append(Event(EventKind.STEP_COMPLETED, self.step_index, now))
            self._mark_done()
        else:
            out.append(Event(EventKind.STEP_SKIPPED, self.step_index, now, detail=detail))
        was_paused = self.state is State.PAUSED
        out.extend(self._enter_step(index, now, detail))
        if was_paused:
            self._reanchor(now)
            self._resume_to = State.RUNNING
            self.state = State.PAUSED
        return out + self._catch_up()

    def next(self) -> list[Event]:
        """Move on: finish a waiting step, skip a running one, or cut the get-ready short."""
        out = self._catch_up()
        if self.state is State.GET_READY:
            return (
                out + self._enter_step(self.step_index, self._clock.now(), "go") + self._catch_up()
            )
        if self._not_begun():
            self.step_index = min(self.step_index + 1, len(self.protocol.steps) - 1)
            return out
        if self.state not in (State.RUNNING, State.WAITING, State.PAUSED):
            return out
        waiting = self.state is State.WAITING or (
            self.state is State.PAUSED and self._resume_to is State.WAITING
        )
        last = self.step_index + 1 >= len(self.protocol.steps)
        if last:
            now = self._clock.now()
            self._reanchor(now)
            if waiting:
                out.append(Event(EventKind.STEP_COMPLETED, self.step_index, now))
                self._mark_done()
            else:
                out.append(Event(EventKind.STEP_SKIPPED, self.step_index, now, detail="next"))
            self.state = State.FINISHED
            out.append(Event(EventKind.FINISHED, self.step_index, now))
            return out
        self._backlog = out
        return self._go(self.step_index + 1, "next", completed=waiting)

    def previous(self) -> list[Event]:
        """Back to the previous step (or the start of the first one)."""
        return self.jump_to(max(0, self.step_index - 1), "previous")

    def restart_step(self) -> list[Event]:
        """The current step again from its beginning."""
        if self._not_begun():
            return self._catch_up()
        return self.jump_to(self.step_index, "restart")

    def jump_to(self, index: int, detail: str = "jump") -> list[Event]:
        if not 0 <= index < len(self.protocol.steps):
            raise IndexError(f"step {index} is not in 0..{len(self.protocol.steps) - 1}")
        return self._go(index, detail)

    def stop(self, reason: str = "user") -> list[Event]:
        """End the session early (the user, the pain stop, a closing window)."""
        out = self._catch_up()
        if self.state not in _ACTIVE:
            return out
        now = self._clock.now()
        self._reanchor(now)
        self.state = State.STOPPED
        out.append(Event(EventKind.STOPPED, self.step_index, now, detail=reason))
        return out

    def set_speed(self, k: float) -> None:
        """Practice slow motion (0.25..1) or fast headless play (>1), from now on."""
        if not (MIN_SPEED <= k <= MAX_SPEED):
            raise ValueError(f"speed must be between {MIN_SPEED:g} and {MAX_SPEED:g}, not {k:g}")
        self._backlog = self._catch_up()
        now = self._clock.now()
        if self.state is State.GET_READY or self.state in _ACTIVE:
            self._reanchor(now)
        self._speed = float(k)

    def carry_on_from(self, old: Player, index: int) -> None:
        """Live reload: go on with `old`'s session in this (edited) protocol at step `index`.

        State, speed, loop, session time and completed steps carry over; the step time is kept
        when it still fits the (maybe changed) step. No events: nothing new happened to the person.
        """
        if not 0 <= index < len(self.protocol.steps):
            raise IndexError(f"step {index} is not in 0..{len(self.protocol.steps) - 1}")
        now = self._clock.now()
        self._speed, self.loop_step = old._speed, old.loop_step
        self.get_ready_s = old.get_ready_s
        self.step_index = index
        self._completed = [i for i in old._completed if i < len(self.protocol.steps)]
        if old.state in (State.IDLE, *_OVER):
            return
        self.state, self._resume_to = old.state, old._resume_to
        self._ready_deadline, self._ready_left = old._ready_deadline, old._ready_left
        if self._not_begun():
            self._anchor_clock = now
            return
        step = self.protocol.steps[index]
        t = old.step_time()
        if step.planned_s > 0 and t >= step.planned_s:
            t = 0.0  # the edited step got shorter than where we were: begin it again
        self._anchor_clock, self._anchor_t = now, t
        self._anchor_s = old.session_elapsed_s()
        self._marks = _marks(step)
        self._mark_i = sum(1 for m in self._marks if m[0] <= t + _EPS)
        planned = step.planned_s
        self._ending_soon_done = planned > 0 and (planned - t) / self._speed <= ENDING_SOON_S
        if planned > t:  # the edited step is longer now: its time runs again
            if self.state is State.WAITING:
                self.state = State.RUNNING
            if self._resume_to is State.WAITING:
                self._resume_to = State.RUNNING
