"""The Qt adapter: one precise timer that runs only while something moves, events as signals."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from massage_trainer.core.protocol import loader
from massage_trainer.core.protocol.model import Protocol
from massage_trainer.core.session.clock import FakeClock
from massage_trainer.core.session.player import EventKind, State
from massage_trainer.ui.session.controller import FRAME_MS, SessionController

PROTOCOLS = Path(__file__).resolve().parents[2] / "protocols"


@pytest.fixture
def protocol() -> Protocol:
    return loader.load(PROTOCOLS / "back-pain-relief.yaml")


@pytest.fixture
def session(qtbot: object, protocol: Protocol) -> SessionController:
    s = SessionController(FakeClock(), get_ready_s=5)
    s.load(protocol)
    return s


def test_timer_is_precise_and_off_until_start(session: SessionController) -> None:
    assert session.timer.timerType() == Qt.TimerType.PreciseTimer
    assert not session.timer.isActive()
    session.start()
    assert session.timer.isActive() and FRAME_MS // 2 <= session.timer.interval() <= 25
    session.stop()
    assert not session.timer.isActive()


def test_beats_fall_sixty_a_second_on_the_clock_grid(session: SessionController) -> None:
    """Each beat waits for the next point of a 60-per-second grid (16 or 17 ms), so a second of
    animation is 60 frames, not the 62.5 a fixed 16 ms gave; a beat that fires a little early
    does not bring a second beat at once."""
    clock = session.clock
    assert isinstance(clock, FakeClock)
    session.start()
    clock.advance(5.0)  # past the get-ready countdown
    session.poll()
    beats, start = 0, clock.now()
    while clock.now() - start < 2.0 - 1e-9:
        interval = session.timer.interval()
        assert interval in (8, 9, 16, 17) or interval > 17, interval
        clock.advance(interval / 1000.0)
        session.poll()
        beats += 1
    assert 119 <= beats <= 121
    early = clock.now() + (1 / 60 - clock.now() % (1 / 60)) - 0.0004  # 0.4 ms before a grid point
    clock.advance(early - clock.now())
    session.poll()
    assert session.timer.interval() >= FRAME_MS
    session.stop()


def test_no_timer_runs_while_paused(session: SessionController) -> None:
    clock = session.clock
    assert isinstance(clock, FakeClock)
    session.start()
    clock.advance(6)
    session.poll()
    assert session.state is State.RUNNING and session.timer.isActive()
    session.pause()
    assert session.state is State.PAUSED
    assert not session.timer.isActive()
    session.resume()
    assert session.timer.isActive()
    session.stop()
    assert not session.timer.isActive()


def test_events_come_out_as_signals_in_order(qtbot, session: SessionController) -> None:  # type: ignore[no-untyped-def]
    clock = session.clock
    assert isinstance(clock, FakeClock)
    seen: list[EventKind] = []
    session.event.connect(lambda e: seen.append(e.kind))
    frames: list[float] = []
    session.frame.connect(frames.append)
    with qtbot.waitSignal(session.stateChanged, check_params_cb=lambda s: s == "get-ready"):
        session.start()
    clock.advance(5 + 12)
    with qtbot.waitSignal(session.stepStarted, check_params_cb=lambda i: i == 0):
        session.poll()
    assert seen[:3] == [EventKind.GET_READY, EventKind.STEP_STARTED, EventKind.REPETITION]
    assert frames[-1] == pytest.approx(12.0)
    with qtbot.waitSignal(session.stopped, check_params_cb=lambda why: why == "user"):
        session.stop()


def test_finishing_stops_the_timer(qtbot, session: SessionController, protocol: Protocol) -> None:  # type: ignore[no-untyped-def]
    clock = session.clock
    assert isinstance(clock, FakeClock)
    session.start()
    clock.advance(5 + protocol.planned_s + 1)
    with qtbot.waitSignal(session.finished):
        session.poll()
    assert session.state is State.FINISHED and not session.timer.isActive()


def test_waiting_arms_the_timer_only_for_the_time_limit(qtbot, protocol: Protocol) -> None:  # type: ignore[no-untyped-def]
    import dataclasses

    steps = list(protocol.steps)
    steps[0] = dataclasses.replace(steps[0], until_next=True, repetitions=None, duration_s=None)
    p = dataclasses.replace(protocol, steps=tuple(steps))
    clock = FakeClock()
    session = SessionController(clock, get_ready_s=0)
    session.load(p)
    with qtbot.waitSignal(session.waitingForUser):
        session.start()
    assert session.state is State.WAITING
    assert session.timer.interval() >= (p.max_minutes * 60 - 1) * 1000
    clock.advance(p.max_minutes * 60)
    with qtbot.waitSignal(session.stopped, check_params_cb=lambda why: why == "max-duration"):
        session.poll()
    assert not session.timer.isActive()


def test_the_gate_can_refuse_a_command(qtbot, session: SessionController) -> None:  # type: ignore[no-untyped-def]
    session.gate = lambda command: "not yet" if command == "start" else None
    with qtbot.waitSignal(session.refused, check_params_cb=lambda c, why: c == "start"):
        assert not session.start()
    assert session.state is State.IDLE and not session.timer.isActive()


def test_loading_another_protocol_stops_the_running_one(session: SessionController) -> None:
    session.start()
    other = loader.load(PROTOCOLS / "gentle-pregnancy.yaml")
    session.load(other)
    assert session.protocol is other and session.state is State.IDLE
    assert not session.timer.isActive()
