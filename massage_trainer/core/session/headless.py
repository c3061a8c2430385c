"""Headless play: drive a Player to the end on a clock, sleeping until each next deadline.

Pure logic: the sleep function, the clock, the stop request and what to do with each event are
all injected, so tests run a 40-minute protocol on a FakeClock in milliseconds and the command
line runs it on a real (optionally sped-up) clock. Until-next steps are moved on automatically.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol as Interface

from massage_trainer.core.protocol.model import Protocol
from massage_trainer.core.safety.verdict import Answer, Verdict
from massage_trainer.core.session.clock import Clock
from massage_trainer.core.session.player import Event, EventKind, Player, State

MAX_SLEEP_S = 0.25
"""Longest single sleep in real seconds, so a stop request is noticed promptly."""

_OVER = (State.FINISHED, State.STOPPED)


@dataclass(frozen=True)
class Outcome:
    """How a headless run ended: 'completed' or 'stopped', and why it stopped."""

    status: str
    reason: str = ""
    events: int = 0

    @property
    def completed(self) -> bool:
        return self.status == "completed"


def run(
    player: Player,
    clock: Clock,
    sleep: Callable[[float], None],
    *,
    speed: float = 1.0,
    on_event: Callable[[Event], None] = lambda e: None,
    should_stop: Callable[[], bool] = lambda: False,
    max_sleep_s: float = MAX_SLEEP_S,
) -> Outcome:
    """Start `player` and play it out. `clock` runs `speed` times faster than `sleep` sleeps."""
    if not (speed > 0 and math.isfinite(speed)):
        raise ValueError("speed must be a positive number")
    count = 0
    stop_reason = ""

    def emit(events: Sequence[Event]) -> None:
        nonlocal count, stop_reason
        for e in events:
            count += 1
            if e.kind is EventKind.STOPPED:
                stop_reason = e.detail
            on_event(e)

    emit(player.start())
    while player.state not in _OVER:
        if should_stop():
            emit(player.stop("signal"))
            break
        if player.state is State.WAITING:
            emit(player.next())
            continue
        deadline = player.next_deadline()
        if deadline is None:  # nothing would ever happen: never hang, end the session instead
            emit(player.stop("stalled"))
            break
        wait = (deadline - clock.now()) / speed
        if wait > 0:
            sleep(min(wait, max_sleep_s))
        emit(player.tick())
    if player.state is State.FINISHED:
        return Outcome("completed", "", count)
    return Outcome("stopped", stop_reason or "stopped", count)


class SessionLog(Interface):
    """The part of core.history.History a headless run writes to."""

    def begin_session(
        self,
        *,
        protocol_id: str,
        protocol_version: int,
        answers: Mapping[str, object],
        verdict: str,
        verdict_reasons: Sequence[str],
        trial: bool = False,
    ) -> int: ...

    def step_completed(
        self, session_id: int, index: int, step_id: str, technique: str, seconds: float
    ) -> None: ...

    def note_event(self, session_id: int, kind: str, detail: str = "") -> None: ...

    def end_session(self, session_id: int, status: str, reason: str = "") -> None: ...

    def record_refused(
        self,
        *,
        protocol_id: str,
        protocol_version: int,
        answers: Mapping[str, object],
        verdict: str,
        reasons: Sequence[str],
        trial: bool = False,
    ) -> int: ...


def verdict_reasons(verdict: Verdict, lang: str = "en") -> list[str]:
    """Everything the verdict says, as plain lines for the session record."""
    lines = [t.get(lang) for t in (*verdict.reasons, *verdict.advice, *verdict.warnings)]
    if verdict.missing:
        lines.append("missing: " + ", ".join(verdict.missing))
    if verdict.wait_minutes is not None:
        lines.append(f"wait {verdict.wait_minutes:g} minutes")
    return lines


def record_refused(
    log: SessionLog,
    protocol: Protocol,
    answers: Mapping[str, Answer],
    verdict: Verdict,
    *,
    trial: bool = False,
) -> int:
    """Keep a refused session (answers and reasons) in the history; nothing was played."""
    return log.record_refused(
        protocol_id=protocol.id,
        protocol_version=protocol.version,
        answers=dict(answers),
        verdict=str(verdict.kind),
        reasons=verdict_reasons(verdict),
        trial=trial,
    )


class Recorder:
    """Feeds a session's events to the history: each completed step at once, then how it ended.

    A `trial` (a headless play from the command line: an author testing a file, a script) is kept
    with its answers and steps but never counts toward a receiver's course."""

    def __init__(
        self,
        log: SessionLog,
        protocol: Protocol,
        answers: Mapping[str, Answer],
        verdict: Verdict,
        *,
        trial: bool = False,
    ) -> None:
        self._log = log
        self._protocol = protocol
        self._started: dict[int, float] = {}
        self.session_id = log.begin_session(
            protocol_id=protocol.id,
            protocol_version=protocol.version,
            answers=dict(answers),
            verdict=str(verdict.kind),
            verdict_reasons=verdict_reasons(verdict),
            trial=trial,
        )

    def on_event(self, e: Event) -> None:
        if e.kind is EventKind.STEP_STARTED:
            self._started[e.step_index] = e.at
        elif e.kind is EventKind.STEP_COMPLETED:
            step = self._protocol.steps[e.step_index]
            began = self._started.get(e.step_index, e.at)
            self._log.step_completed(
                self.session_id, e.step_index, step.id, str(step.technique), max(0.0, e.at - began)
            )
        elif e.kind in (EventKind.STEP_SKIPPED, EventKind.MAX_DURATION):
            self._log.note_event(self.session_id, str(e.kind), e.detail)

    def finish(self, outcome: Outcome) -> None:
        self._log.end_session(self.session_id, outcome.status, outcome.reason)
