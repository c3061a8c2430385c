"""The session player: exact step boundaries on a fake clock, and invariants under random commands."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from massage_trainer.core.protocol import loader
from massage_trainer.core.protocol.model import Protocol
from massage_trainer.core.session.clock import FakeClock
from massage_trainer.core.session.player import Event, EventKind, Player, State
from tests.conftest import BUNDLED

K = EventKind


def load(path: Path) -> Protocol:
    return loader.load(path)


@pytest.fixture(scope="module")
def relief() -> Protocol:
    return loader.load(Path(__file__).resolve().parents[2] / "protocols" / "back-pain-relief.yaml")


def kinds(events: list[Event]) -> list[EventKind]:
    return [e.kind for e in events]


def boundaries(events: list[Event]) -> list[tuple[EventKind, int, float]]:
    keep = {K.STEP_STARTED, K.STEP_COMPLETED, K.FINISHED}
    return [(e.kind, e.step_index, e.at) for e in events if e.kind in keep]


def expected_boundaries(p: Protocol, t0: float) -> list[tuple[EventKind, int, float]]:
    out = []
    t = t0
    for i, s in enumerate(p.steps):
        out.append((K.STEP_STARTED, i, t))
        t += s.planned_s
        out.append((K.STEP_COMPLETED, i, t))
    out.append((K.FINISHED, len(p.steps) - 1, t))
    return out


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_bundled_protocol_plays_to_the_end_with_exact_boundaries(path: Path) -> None:
    p = load(path)
    clock = FakeClock(100.0)
    player = Player(p, clock)
    events = player.start()
    assert kinds(events) == [K.GET_READY] and player.state is State.GET_READY
    while player.state is not State.FINISHED:
        deadline = player.next_deadline()
        assert deadline is not None and deadline >= clock.now()
        clock.set(deadline)
        events += player.tick()
    got = boundaries(events)
    want = expected_boundaries(p, 105.0)
    assert [(k, i) for k, i, _ in got] == [(k, i) for k, i, _ in want]
    assert [t for *_, t in got] == pytest.approx([t for *_, t in want], abs=1e-9)
    assert player.completed_steps() == tuple(range(len(p.steps)))
    assert player.tick() == [] and player.next_deadline() is None
    assert player.session_elapsed_s() == pytest.approx(p.planned_s)


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_one_long_stall_still_yields_every_boundary_at_its_due_time(path: Path) -> None:
    p = load(path)
    clock = FakeClock()
    player = Player(p, clock, get_ready_s=5)
    player.start()
    clock.advance(5 + p.planned_s + 3600)
    events = player.tick()
    got, want = boundaries(events), expected_boundaries(p, 5.0)
    assert [(k, i) for k, i, _ in got] == [(k, i) for k, i, _ in want]
    assert [t for *_, t in got] == pytest.approx([t for *_, t in want], abs=1e-9)
    ats = [e.at for e in events]
    assert ats == sorted(ats)
    assert player.state is State.FINISHED


def test_repetition_step_counts_up_and_beats_each_cycle(relief: Protocol) -> None:
    clock = FakeClock()
    player = Player(relief, clock, get_ready_s=0)
    step = relief.steps[0]  # 12 repetitions at 12 per minute: 5 s a cycle, 60 s in all
    assert step.repetitions == 12 and step.period_s == 5.0
    events = player.start()
    assert kinds(events) == [K.STEP_STARTED]
    assert player.repetition() == (1, 12)
    clock.advance(32.0)
    assert player.repetition() == (7, 12)
    events = player.tick()
    reps = [(e.repetition, e.at) for e in events if e.kind is K.REPETITION]
    assert reps == [(n, 5.0 * (n - 1)) for n in range(2, 8)]
    assert [e.at for e in events if e.kind is K.HALFWAY] == [30.0]
    assert player.remaining_s() == pytest.approx(28.0)
    clock.advance(28.0 - 5.0)
    assert [e.at for e in player.tick() if e.kind is K.ENDING_SOON] == [55.0]


def test_a_stopped_session_counts_the_repetitions_reached_not_all(relief: Protocol) -> None:
    clock = FakeClock()
    player = Player(relief, clock, get_ready_s=0)
    player.start()  # step 1: 12 repetitions of 5 s
    clock.advance(3.0)
    player.stop("user")
    assert player.repetition() == (1, 12)
    player.start()
    clock.advance(27.0)
    player.stop("user")
    assert player.repetition() == (6, 12)
    clock.advance(100.0)  # stopped: the count stays where the hands were
    assert player.repetition() == (6, 12)


def test_a_finished_session_counts_every_repetition_of_its_last_step(relief: Protocol) -> None:
    last = relief.steps[0]
    assert last.repetitions is not None
    one_step = dataclasses.replace(relief, steps=(last,))
    clock = FakeClock()
    player = Player(one_step, clock, get_ready_s=0)
    player.start()
    clock.advance(last.planned_s + 1.0)
    player.tick()
    assert player.state is State.FINISHED
    assert player.repetition() == (last.repetitions, last.repetitions)


def test_duration_step_counts_down_and_has_no_repetition_counter(relief: Protocol) -> None:
    clock = FakeClock()
    player = Player(relief, clock, get_ready_s=0)
    player.start()
    player.jump_to(2)
    assert relief.steps[2].duration_s == 60
    clock.advance(15)
    assert player.repetition() is None
    assert player.remaining_s() == pytest.approx(45.0)


def test_pause_freezes_time_and_resume_goes_on_from_there(relief: Protocol) -> None:
    clock = FakeClock()
    player = Player(relief, clock, get_ready_s=0)
    player.start()
    clock.advance(10)
    assert kinds(player.pause()) == [K.REPETITION, K.REPETITION, K.PAUSED]
    assert player.next_deadline() is None
    clock.advance(1000)
    assert player.tick() == []
    assert player.step_time() == 10 and player.remaining_s() == 50
    assert player.session_elapsed_s() == 10
    assert kinds(player.toggle_pause()) == [K.RESUMED]
    assert player.next_deadline() == pytest.approx(1015.0)
    clock.advance(50)
    events = player.tick()
    assert (K.STEP_COMPLETED, 0, 1060.0) in boundaries(events)


def test_get_ready_counts_down_and_can_be_paused_or_cut_short(relief: Protocol) -> None:
    clock = FakeClock()
    player = Player(relief, clock, get_ready_s=5)
    player.start()
    clock.advance(2)
    assert player.get_ready_remaining_s() == 3
    player.pause()
    clock.advance(100)
    assert player.get_ready_remaining_s() == 3
    player.resume()
    clock.advance(1)
    assert kinds(player.next()) == [K.STEP_STARTED]
    assert player.state is State.RUNNING and player.step_time() == 0


def test_next_skips_previous_goes_back_restart_begins_again(relief: Protocol) -> None:
    clock = FakeClock()
    player = Player(relief, clock, get_ready_s=0)
    player.start()
    clock.advance(3)
    ev = player.next()
    assert [(e.kind, e.step_index) for e in ev] == [(K.STEP_SKIPPED, 0), (K.STEP_STARTED, 1)]
    clock.advance(4)
    ev = player.previous()
    assert [(e.kind, e.step_index) for e in ev] == [(K.STEP_SKIPPED, 1), (K.STEP_STARTED, 0)]
    clock.advance(4)
    ev = player.restart_step()
    assert [e.detail for e in ev if e.kind is K.STEP_STARTED] == ["restart"]
    assert player.step_time() == 0
    assert player.completed_steps() == ()


def test_commands_while_paused_keep_it_paused(relief: Protocol) -> None:
    clock = FakeClock()
    player = Player(relief, clock, get_ready_s=0)
    player.start()
    player.pause()
    player.jump_to(4)
    assert player.state is State.PAUSED and player.step_index == 4
    clock.advance(30)
    assert player.step_time() == 0
    player.resume()
    clock.advance(30)
    assert player.step_time() == 30


def test_next_on_the_last_step_finishes(relief: Protocol) -> None:
    clock = FakeClock()
    player = Player(relief, clock, get_ready_s=0)
    player.start()
    player.jump_to(len(relief.steps) - 1)
    assert kinds(player.next()) == [K.STEP_SKIPPED, K.FINISHED]
    assert player.state is State.FINISHED and player.step is None


def _until_next(p: Protocol, index: int, duration: float | None) -> Protocol:
    step = dataclasses.replace(
        p.steps[index], until_next=True, repetitions=None, duration_s=duration
    )
    steps = list(p.steps)
    steps[index] = step
    return dataclasses.replace(p, steps=tuple(steps))


def test_until_next_step_waits_after_its_suggested_time(relief: Protocol) -> None:
    p = _until_next(relief, 0, 20.0)
    clock = FakeClock()
    player = Player(p, clock, get_ready_s=0)
    player.start()
    clock.advance(25)
    events = player.tick()
    assert events[-1] == Event(K.WAITING_FOR_USER, 0, 20.0)
    assert player.state is State.WAITING and player.remaining_s() == 0
    clock.advance(100)
    assert player.tick() == []
    ev = player.next()
    assert [(e.kind, e.step_index, e.at) for e in ev] == [
        (K.STEP_COMPLETED, 0, 125.0),
        (K.STEP_STARTED, 1, 125.0),
    ]
    assert player.completed_steps() == (0,)
    assert player.session_elapsed_s() == pytest.approx(125.0)


def test_until_next_without_duration_waits_at_once(relief: Protocol) -> None:
    p = _until_next(relief, 0, None)
    clock = FakeClock()
    player = Player(p, clock, get_ready_s=0)
    assert kinds(player.start()) == [K.STEP_STARTED, K.WAITING_FOR_USER]
    assert player.remaining_s() is None and player.repetition() is None


def test_max_duration_stops_the_session(relief: Protocol) -> None:
    p = _until_next(relief, 1, None)
    clock = FakeClock()
    player = Player(p, clock, get_ready_s=0)
    player.start()
    clock.advance(60)
    player.tick()
    assert player.state is State.WAITING
    limit = p.max_minutes * 60
    assert player.next_deadline() == pytest.approx(limit)
    clock.advance(10_000)
    events = player.tick()
    assert kinds(events) == [K.MAX_DURATION, K.STOPPED]
    assert events[0].at == pytest.approx(limit)
    assert player.state is State.STOPPED and player.tick() == []


def test_loop_step_repeats_the_step_for_practice(relief: Protocol) -> None:
    clock = FakeClock()
    player = Player(relief, clock, get_ready_s=0)
    player.loop_step = True
    player.start()
    clock.advance(130)
    started = [(e.step_index, e.at) for e in player.tick() if e.kind is K.STEP_STARTED]
    assert started == [(0, 60.0), (0, 120.0)]


def test_half_speed_doubles_clock_time_but_not_motion_time(relief: Protocol) -> None:
    clock = FakeClock()
    player = Player(relief, clock, get_ready_s=0)
    player.set_speed(0.5)
    player.start()
    clock.advance(60)
    assert player.step_time() == 30 and player.remaining_s() == 60
    clock.advance(60)
    events = player.tick()
    assert (K.STEP_COMPLETED, 0, 120.0) in boundaries(events)
    with pytest.raises(ValueError):
        player.set_speed(0)


def test_speed_change_mid_step_keeps_motion_time_continuous(relief: Protocol) -> None:
    clock = FakeClock()
    player = Player(relief, clock, get_ready_s=0)
    player.start()
    clock.advance(20)
    player.set_speed(4)
    assert player.step_time() == 20
    clock.advance(10)
    assert player.step_time() == 60
    events = player.tick()
    assert [e.repetition for e in events if e.kind is K.REPETITION][:4] == [2, 3, 4, 5]
    assert (K.STEP_COMPLETED, 0, 30.0) in boundaries(events)


def test_stop_ends_everything(relief: Protocol) -> None:
    clock = FakeClock()
    player = Player(relief, clock)
    assert player.stop() == []  # nothing to stop yet
    player.start()
    assert kinds(player.stop("pain")) == [K.STOPPED]
    assert player.next_deadline() is None
    clock.advance(1000)
    assert player.tick() == [] and player.next() == [] and player.pause() == []
    assert kinds(player.start()) == [K.GET_READY]  # a new session
    assert player.step_index == 0


COMMANDS = ["start", "pause", "resume", "toggle", "next", "previous", "restart", "jump", "stop"]


@settings(max_examples=150, deadline=None)
@given(
    path=st.sampled_from(BUNDLED),
    script=st.lists(
        st.tuples(
            st.sampled_from([*COMMANDS, "tick", "tick", "tick"]),
            st.floats(min_value=0, max_value=400, allow_nan=False),
            st.integers(min_value=0, max_value=20),
        ),
        max_size=40,
    ),
    speed=st.sampled_from([0.25, 0.5, 1.0, 3.0]),
)
def test_random_commands_keep_the_invariants(
    path: Path, script: list[tuple[str, float, int]], speed: float
) -> None:
    p = _cached(path)
    clock = FakeClock()
    player = Player(p, clock, get_ready_s=3)
    player.set_speed(speed)
    last_at = -1.0
    for command, dt, n in script:
        before = player.state
        paused = before is State.PAUSED
        t0, s0 = player.step_time(), player.session_elapsed_s()
        clock.advance(dt)
        if paused:
            assert player.step_time() == t0 and player.session_elapsed_s() == s0
        events = _run(player, command, n % len(p.steps))
        if before in (State.FINISHED, State.STOPPED) and command != "start":
            assert events == [], "no events after the session ended"
        for e in events:
            assert e.at <= clock.now() + 1e-9 and e.at >= last_at - 1e-9
            last_at = e.at
            if e.kind is K.FINISHED:
                assert e.step_index == len(p.steps) - 1
        assert 0 <= player.step_index < len(p.steps)
        remaining = player.remaining_s()
        assert remaining is None or remaining >= 0
        assert player.step_time() >= 0
        assert player.session_elapsed_s() <= p.max_minutes * 60 + 1e-6
        if player.state is State.FINISHED:
            assert player.step_index == len(p.steps) - 1
        deadline = player.next_deadline()
        if player.state in (State.PAUSED, State.IDLE, State.FINISHED, State.STOPPED):
            assert deadline is None
        else:
            assert deadline is not None


_CACHE: dict[Path, Protocol] = {}


def _cached(path: Path) -> Protocol:
    if path not in _CACHE:
        _CACHE[path] = load(path)
    return _CACHE[path]


def _run(player: Player, command: str, n: int) -> list[Event]:
    match command:
        case "tick":
            return player.tick()
        case "toggle":
            return player.toggle_pause()
        case "restart":
            return player.restart_step()
        case "jump":
            return player.jump_to(n)
        case _:
            result: list[Event] = getattr(player, command)()
            return result
