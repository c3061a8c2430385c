"""Live reload: an edited protocol takes over the session without losing the place or the time."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from massage_trainer.core.protocol import loader
from massage_trainer.core.protocol.authoring import carry_over_step
from massage_trainer.core.protocol.model import Protocol
from massage_trainer.core.session.clock import FakeClock
from massage_trainer.core.session.player import EventKind, Player, State

RELIEF = Path(__file__).resolve().parents[2] / "protocols" / "back-pain-relief.yaml"


@pytest.fixture(scope="module")
def relief() -> Protocol:
    return loader.load(RELIEF)


def running_at(p: Protocol, clock: FakeClock, index: int, t: float) -> Player:
    player = Player(p, clock, get_ready_s=0)
    player.start()
    player.jump_to(index)
    clock.advance(t)
    player.tick()
    return player


def test_running_session_keeps_step_time_and_session_time(relief: Protocol) -> None:
    clock = FakeClock()
    old = running_at(relief, clock, 5, 20.0)
    old.set_speed(0.5)
    clock.advance(10)
    old.tick()
    edited = dataclasses.replace(relief, steps=relief.steps[1:])  # a step was deleted above
    index = carry_over_step(relief, edited, old.step_index)
    assert edited.steps[index].id == "kneading"
    new = Player(edited, clock, get_ready_s=0)
    new.carry_on_from(old, index)
    assert new.state is State.RUNNING and new.step_index == index
    assert new.step_time() == pytest.approx(25.0)
    assert new.session_elapsed_s() == pytest.approx(old.session_elapsed_s())
    assert new.speed == 0.5
    clock.advance(10)
    assert new.step_time() == pytest.approx(30.0)  # still at half speed
    # the rest of the step still ends where the old one would have ended
    events = []
    clock.advance((90 - 30) / 0.5)
    events = new.tick()
    assert [e.kind for e in events][-2:] == [EventKind.STEP_COMPLETED, EventKind.STEP_STARTED]


def test_paused_stays_paused_and_idle_stays_idle(relief: Protocol) -> None:
    clock = FakeClock()
    old = running_at(relief, clock, 2, 5.0)
    old.pause()
    new = Player(relief, clock)
    new.carry_on_from(old, 2)
    assert new.state is State.PAUSED and new.step_time() == pytest.approx(5.0)
    new.resume()
    assert new.state is State.RUNNING
    idle = Player(relief, clock)
    fresh = Player(relief, clock)
    fresh.carry_on_from(idle, 3)
    assert fresh.state is State.IDLE and fresh.step_index == 3


def test_a_step_that_got_shorter_begins_again(relief: Protocol) -> None:
    clock = FakeClock()
    old = running_at(relief, clock, 5, 80.0)
    short = dataclasses.replace(relief.steps[5], duration_s=30.0)
    edited = dataclasses.replace(relief, steps=(*relief.steps[:5], short, *relief.steps[6:]))
    new = Player(edited, clock)
    new.carry_on_from(old, 5)
    assert new.state is State.RUNNING and new.step_time() == 0.0


def test_out_of_range_index_is_refused(relief: Protocol) -> None:
    clock = FakeClock()
    with pytest.raises(IndexError):
        Player(relief, clock).carry_on_from(Player(relief, clock), 99)
