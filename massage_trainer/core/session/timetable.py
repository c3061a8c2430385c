"""The player's clockwork: anchors, motion and body time, and the timetable of due events.

Player (player.py) adds the commands. Nothing here counts ticks: every due moment is worked out
from the clock time and the motion time at the last anchor.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from massage_trainer.core.session.clock import Clock
from massage_trainer.core.session.events import (
    ENDING_SOON_S,
    EPS,
    OVER,
    Event,
    EventKind,
    State,
    step_marks,
)

if TYPE_CHECKING:  # the protocol model loads with the first protocol, after the first paint
    from massage_trainer.core.protocol.model import Protocol, Step


class Timetable:
    """The state and timing of one session; Player drives it with commands."""

    def __init__(
        self,
        protocol: Protocol,
        clock: Clock,
        *,
        get_ready_s: float = 5.0,
        limit_s: float | None = None,
    ) -> None:
        if not protocol.steps:
            raise ValueError("a protocol without steps cannot be played")
        if get_ready_s < 0:
            raise ValueError("get_ready_s cannot be negative")
        self.protocol = protocol
        self.get_ready_s = float(get_ready_s)
        self.limit_s = protocol.max_minutes * 60.0 if limit_s is None else float(limit_s)
        """Clock seconds on the body this session may last (see set_limit)."""
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
        self._anchor_body = 0.0
        """Clock seconds on the body (running or waiting) up to the anchor."""
        self._lead_in = False
        """The get-ready countdown leads back into the paused step (not a new one)."""
        self._ready_deadline = 0.0
        self._ready_left = 0.0
        self.step_marks: list[tuple[float, EventKind, int | None]] = []
        self._mark_i = 0
        self._ending_soon_done = False
        self._completed: list[int] = []
        self._backlog: list[Event] = []

    # ---- queries -------------------------------------------------------------------------

    @property
    def step(self) -> Step | None:
        if self.state in OVER:
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

    def _body_at(self, when: float) -> float:
        if not self._counting():
            return self._anchor_body
        return self._anchor_body + max(0.0, when - self._anchor_clock)

    def massaged_s(self) -> float:
        """Clock seconds the hands have been on the body in this session (running or waiting;
        not the get-ready countdown, not pauses), whatever the speed: what the limit counts."""
        return self._body_at(self._clock.now())

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
        if self.state in OVER or self.state is State.WAITING:
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
        """(current 1-based, total) for a repetition step, counting up; after a stop, the
        repetition the hands had reached (a session stopped at 0:03 did not do all of them)."""
        step = self.protocol.steps[self.step_index]
        if step.repetitions is None:
            return None
        total = step.repetitions
        current = math.floor(self.step_time() / step.period_s + EPS) + 1
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
        return self._anchor_clock + (self.limit_s - self._anchor_body)

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
            if self._mark_i < len(self.step_marks):
                cands.append((self._clock_at_t(self.step_marks[self._mark_i][0]), 2, "mark"))
            if not self._ending_soon_done and planned / self._speed > ENDING_SOON_S + EPS:
                cands.append((max(end - ENDING_SOON_S, self._anchor_clock), 3, "soon"))
        return min(cands)

    def _reanchor(self, when: float) -> None:
        """Fix motion and session time at `when` so a state or speed change starts from there."""
        t = self._t_at(when)
        s = self._s_at(when)
        body = self._body_at(when)
        self._anchor_clock = when
        self._anchor_t = t
        self._anchor_s = s
        self._anchor_body = body

    def _enter_step(self, index: int, when: float, detail: str = "") -> list[Event]:
        """Begin step `index` at clock time `when`, in the running state."""
        self._reanchor(when)
        self.step_index = index
        self._anchor_t = 0.0
        self._lead_in = False
        self.state = State.RUNNING
        step = self.protocol.steps[index]
        self.step_marks = step_marks(step)
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
            if self._lead_in:  # back into the step where it was paused
                self._lead_in = False
                self._anchor_clock = when
                self.state = State.RUNNING
                return [Event(EventKind.RESUMED, self.step_index, when, detail="lead-in")]
            return self._enter_step(self.step_index, when)
        if what == "max":
            self._reanchor(when)
            self.state = State.STOPPED
            detail = f"{self.limit_s / 60:g} minutes"
            return [
                Event(EventKind.MAX_DURATION, self.step_index, when, detail=detail),
                Event(EventKind.STOPPED, self.step_index, when, detail="max-duration"),
            ]
        if what == "mark":
            _, kind, rep = self.step_marks[self._mark_i]
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
        """Idle or counting down (maybe paused): navigation only picks the step to begin with.
        A lead-in back into a paused step has begun."""
        if self._lead_in:
            return False
        return self.state in (State.IDLE, State.GET_READY) or (
            self.state is State.PAUSED and self._resume_to is State.GET_READY
        )
