"""The one Qt adapter over the core player: a single precise timer, commands in, signals out.

The timer polls the player only while something moves (get-ready, running). Paused, finished or
stopped it is off, so an idle window costs no CPU. While waiting for Next it is armed once, for the
protocol's maximum-duration deadline, so that limit is kept even when nobody presses anything.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from massage_trainer.core.session.clock import Clock, MonotonicClock
from massage_trainer.core.session.player import Event, EventKind, Player, State

if TYPE_CHECKING:  # the protocol model loads with the first protocol, after the first paint
    from massage_trainer.core.protocol.model import Protocol

FPS = 60
"""The beats land on a 60-per-second grid of the session clock: 16 or 17 ms apart, 60 a second
(a fixed 16 ms gave 62.5 a second: a frame more than a 60 Hz screen shows every 0.4 s)."""
FRAME_MS = 16
"""The shortest beat apart from an event falling due (1000 / FPS, rounded down)."""
COMMANDS = frozenset(
    {
        "start",
        "pause",
        "resume",
        "toggle_pause",
        "next",
        "previous",
        "restart_step",
        "jump_to",
        "stop",
    }
)


class SessionController(QObject):
    """Owns the player of the current protocol and the one timer that drives it."""

    event = Signal(object)
    """Every player event, in order (core.player.Event)."""
    stepStarted = Signal(int)  # noqa: N815 (Qt signal naming)
    repetition = Signal(int, int)
    endingSoon = Signal(int)  # noqa: N815 (Qt signal naming)
    waitingForUser = Signal(int)  # noqa: N815 (Qt signal naming)
    finished = Signal()
    stopped = Signal(str)
    stateChanged = Signal(str)  # noqa: N815 (Qt signal naming)
    frame = Signal(float)
    """Motion seconds into the current step, on every poll and after every command."""
    protocolChanged = Signal(object)  # noqa: N815 (Qt signal naming)
    refused = Signal(str, str)
    """(command, why): the gate said no."""
    stepMoved = Signal(int)  # noqa: N815 (Qt signal naming)
    """Before a session: Next, Previous or a jump chose another step (no step has started)."""

    def __init__(
        self,
        clock: Clock | None = None,
        *,
        get_ready_s: float = 5.0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.clock: Clock = clock or MonotonicClock()
        self.get_ready_s = get_ready_s
        self.player: Player | None = None
        self.gate: Callable[[str], str | None] = lambda _command: None
        """Returns why a command may not run now, or None to let it through."""
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self.poll)
        self._state = State.IDLE

    # ---- protocol ------------------------------------------------------------------------

    @property
    def protocol(self) -> Protocol | None:
        return None if self.player is None else self.player.protocol

    @property
    def state(self) -> State:
        return State.IDLE if self.player is None else self.player.state

    def load(self, protocol: Protocol) -> None:
        """Play `protocol` from now on; a session in progress is stopped first."""
        if self.player is not None and self.player.state in (
            State.GET_READY,
            State.RUNNING,
            State.PAUSED,
            State.WAITING,
        ):
            self._dispatch(self.player.stop("protocol-changed"))
        speed = 1.0 if self.player is None else self.player.speed
        loop = False if self.player is None else self.player.loop_step
        self.player = Player(protocol, self.clock, get_ready_s=self.get_ready_s)
        self.player.set_speed(speed)
        self.player.loop_step = loop
        self._sync()
        self.protocolChanged.emit(protocol)
        self.frame.emit(0.0)

    def replace_protocol(self, protocol: Protocol, index: int) -> None:
        """Live reload: the edited protocol takes over the running session at step `index`."""
        old = self.player
        self.player = Player(protocol, self.clock, get_ready_s=self.get_ready_s)
        if old is not None:
            self.player.carry_on_from(old, index)
        else:
            self.player.step_index = index
        self._sync()
        self.protocolChanged.emit(protocol)
        self.frame.emit(self.player.step_time())

    # ---- commands ------------------------------------------------------------------------

    def command(self, name: str, *args: object) -> bool:
        """Run one player command through the gate; True when it ran."""
        if name not in COMMANDS:
            raise ValueError(f"unknown session command {name!r}")
        if self.player is None:
            return False
        why = self.gate(name)
        if why:
            self.refused.emit(name, why)
            return False
        before = self.player.step_index
        events: list[Event] = getattr(self.player, name)(*args)
        self._dispatch(events)
        started = any(e.kind is EventKind.STEP_STARTED for e in events)
        if self.player.step_index != before and not started:
            self.stepMoved.emit(self.player.step_index)
        return True

    def start(self) -> bool:
        return self.command("start")

    def toggle_pause(self) -> bool:
        return self.command("toggle_pause")

    def next(self) -> bool:
        return self.command("next")

    def previous(self) -> bool:
        return self.command("previous")

    def restart_step(self) -> bool:
        return self.command("restart_step")

    def jump_to(self, index: int) -> bool:
        return self.command("jump_to", index)

    def stop(self, reason: str = "user") -> bool:
        return self.command("stop", reason)

    def pause(self) -> bool:
        return self.command("pause")

    def resume(self) -> bool:
        return self.command("resume")

    def set_speed(self, k: float) -> None:
        if self.player is not None:
            self.player.set_speed(k)
            self._dispatch([])

    def set_loop_step(self, on: bool) -> None:
        if self.player is not None and self.player.loop_step != on:
            self.player.loop_step = on
            self._dispatch([])  # the view shows "loop" and what comes next at once

    # ---- the clockwork -------------------------------------------------------------------

    def poll(self) -> None:
        """One timer beat: deliver what became due, then show where the hands are now."""
        if self.player is None:
            self.timer.stop()
            return
        self._dispatch(self.player.tick())

    def _dispatch(self, events: list[Event]) -> None:
        assert self.player is not None
        for e in events:
            self.event.emit(e)
            match e.kind:
                case EventKind.STEP_STARTED:
                    self.stepStarted.emit(e.step_index)
                case EventKind.REPETITION:
                    rep = self.player.repetition()
                    total = rep[1] if rep else 0
                    self.repetition.emit(e.repetition or 0, total)
                case EventKind.ENDING_SOON:
                    self.endingSoon.emit(e.step_index)
                case EventKind.WAITING_FOR_USER:
                    self.waitingForUser.emit(e.step_index)
                case EventKind.FINISHED:
                    self.finished.emit()
                case EventKind.STOPPED:
                    self.stopped.emit(e.detail)
                case _:
                    pass
        self._sync()
        self.frame.emit(self.player.step_time())

    def _sync(self) -> None:
        """Run the timer only while something moves; announce state changes."""
        assert self.player is not None
        state = self.player.state
        if state in (State.RUNNING, State.GET_READY):
            ms = self._frame_ms()
            if self.timer.interval() != ms or not self.timer.isActive():
                self.timer.start(ms)
        elif state is State.WAITING:
            deadline = self.player.next_deadline()
            if deadline is None:
                self.timer.stop()
            else:
                ms = max(FRAME_MS, int((deadline - self.clock.now()) * 1000) + 1)
                self.timer.start(min(ms, 2**31 - 1))
        else:
            self.timer.stop()
        if state is not self._state:
            self._state = state
            self.stateChanged.emit(str(state))

    def _frame_ms(self) -> int:
        """The next beat: the next point of the FPS grid at least half a frame away, or sooner
        when an event (a step boundary) falls due before it, so a step starts within a
        millisecond or two of its time instead of up to a frame late."""
        assert self.player is not None
        now = self.clock.now()
        ms = math.ceil(((math.floor(now * FPS) + 1) / FPS - now) * 1000.0)
        if ms < FRAME_MS // 2:  # a beat that came a little early: not a second one at once
            ms += math.ceil(1000 / FPS)
        deadline = self.player.next_deadline()
        if deadline is None:
            return ms
        due_ms = math.ceil((deadline - now) * 1000.0)
        return max(1, min(ms, due_ms))

    def shutdown(self) -> None:
        """Stop the session and the timer (window closing)."""
        if self.player is not None and self.player.state in (
            State.GET_READY,
            State.RUNNING,
            State.PAUSED,
            State.WAITING,
        ):
            self._dispatch(self.player.stop("closed"))
        self.timer.stop()
