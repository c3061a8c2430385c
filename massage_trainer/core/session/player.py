"""The guided session as a pure state machine: commands and a clock in, timed events out.

Everything is deadline-based: the player remembers the clock time and the motion time at its last
anchor, and works out every due moment from them. It never counts ticks, so a tick that comes late
(a stalled UI, a sleeping laptop, a headless runner that sleeps to `next_deadline`) still yields each
event in order with the clock time it was due in `Event.at`.

Motion time (step time, session time) runs at `speed` times the clock; the get-ready countdown and
`remaining_s` are in clock seconds, because that is what the person in front of the screen waits.
The time limit (the protocol's max_minutes, or less when the safety verdict says so) counts clock
seconds on the receiver's body (running or waiting), whatever the practice speed or a looped step:
reaching it ends the session with MAX_DURATION.
"""

from __future__ import annotations

from massage_trainer.core.session.events import (
    ACTIVE,
    ENDING_SOON_S,
    EPS,
    MAX_SPEED,
    MIN_SPEED,
    OVER,
    Event,
    EventKind,
    State,
    step_marks,
)

__all__ = [
    "ENDING_SOON_S",
    "MAX_SPEED",
    "MIN_SPEED",
    "Event",
    "EventKind",
    "Player",
    "State",
]


from massage_trainer.core.session.timetable import Timetable


class Player(Timetable):
    """One session of one protocol: idle -> get-ready -> running <-> paused -> ... -> finished."""

    # ---- commands ------------------------------------------------------------------------

    def tick(self) -> list[Event]:
        """Every event due since the last call, in order, each with the clock time it was due."""
        return self._catch_up()

    def start(self) -> list[Event]:
        """Begin the session (again, after it finished or stopped) with the get-ready countdown."""
        out = self._catch_up()
        if self.state in OVER:
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

    def resume(self, lead_in_s: float = 0.0) -> list[Event]:
        """Go on from a pause; with `lead_in_s`, after a get-ready countdown of that many seconds
        (after a pain stop the person gets ready again before the hands go back)."""
        out = self._catch_up()
        if self.state is not State.PAUSED:
            return out
        now = self._clock.now()
        self._anchor_clock = now
        self.state = self._resume_to
        if self.state is State.GET_READY:
            self._ready_deadline = now + self._ready_left
        elif lead_in_s > 0 and self.state is State.RUNNING:
            self.state, self._lead_in = State.GET_READY, True
            self._ready_deadline = now + lead_in_s
            out.append(Event(EventKind.GET_READY, self.step_index, now, detail=f"{lead_in_s:g}"))
            return out
        out.append(Event(EventKind.RESUMED, self.step_index, now))
        return out + self._catch_up()

    def toggle_pause(self) -> list[Event]:
        if self.state is State.PAUSED:
            return self.resume()
        return self.pause()

    def _go(self, index: int, detail: str, *, completed: bool = False) -> list[Event]:
        """Leave the current step for `index`, keeping a paused session paused."""
        out = self._catch_up()
        if self.state in OVER:
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
        if self.state is State.GET_READY and self._lead_in:  # cut the lead-in short
            return out + self._fire((self._clock.now(), 0, "ready")) + self._catch_up()
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
        if self.state not in ACTIVE:
            return out
        now = self._clock.now()
        self._reanchor(now)
        self.state = State.STOPPED
        out.append(Event(EventKind.STOPPED, self.step_index, now, detail=reason))
        return out

    def set_limit(self, limit_s: float) -> None:
        """How many clock seconds on the body this session may last in all (the safety verdict's
        limit: the protocol's max_minutes, the pregnancy limit, less what was already massaged)."""
        self._backlog = self._catch_up()
        self.limit_s = float(limit_s)

    def set_speed(self, k: float) -> None:
        """Practice slow motion (0.25..1) or fast headless play (>1), from now on."""
        if not (MIN_SPEED <= k <= MAX_SPEED):
            raise ValueError(f"speed must be between {MIN_SPEED:g} and {MAX_SPEED:g}, not {k:g}")
        self._backlog = self._catch_up()
        now = self._clock.now()
        if self.state is State.GET_READY or self.state in ACTIVE:
            self._reanchor(now)
        self._speed = float(k)

    def carry_on_from(self, old: Timetable, index: int) -> None:
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
        if old.state in (State.IDLE, *OVER):
            return
        self.state, self._resume_to = old.state, old._resume_to
        self.limit_s, self._lead_in = old.limit_s, old._lead_in
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
        self._anchor_body = old.massaged_s()
        self.step_marks = step_marks(step)
        self._mark_i = sum(1 for m in self.step_marks if m[0] <= t + EPS)
        planned = step.planned_s
        self._ending_soon_done = planned > 0 and (planned - t) / self._speed <= ENDING_SOON_S
        if planned > t:  # the edited step is longer now: its time runs again
            if self.state is State.WAITING:
                self.state = State.RUNNING
            if self._resume_to is State.WAITING:
                self._resume_to = State.RUNNING
