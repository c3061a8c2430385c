"""Practice minutes: the seconds spent on each step, from the player's events on a fake clock."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from massage_trainer.core.protocol import loader
from massage_trainer.core.protocol.model import Protocol
from massage_trainer.core.session.clock import FakeClock
from massage_trainer.core.session.player import Player, State
from massage_trainer.core.session.practice import PracticeTally

RELIEF = Path(__file__).resolve().parents[2] / "protocols" / "back-pain-relief.yaml"
KNEADING = 5


@pytest.fixture(scope="module")
def relief() -> Protocol:
    return loader.load(RELIEF)


def run(player: Player, tally: PracticeTally, events: list) -> list[tuple[int, float]]:  # type: ignore[type-arg]
    out = []
    for e in events:
        done = tally.feed(e)
        if done:
            out.append(done)
    return out


def test_looping_kneading_at_half_speed_counts_clock_time(relief: Protocol) -> None:
    clock, tally = FakeClock(), PracticeTally()
    p = Player(relief, clock, get_ready_s=0)
    p.set_speed(0.5)
    p.loop_step = True
    pieces = run(p, tally, p.start())
    pieces += run(p, tally, p.jump_to(KNEADING))
    clock.advance(200)  # 90 s of kneading at half speed = 180 clock seconds, then it loops
    events = p.tick()
    assert p.step_index == KNEADING and p.step_time() == pytest.approx(10.0)
    pieces += run(p, tally, events)
    assert pieces[-1] == (KNEADING, pytest.approx(180.0))
    pieces += run(p, tally, p.pause())
    clock.advance(1000)  # a long pause does not count
    pieces += run(p, tally, p.resume())
    clock.advance(30)
    pieces += run(p, tally, p.stop())
    assert pieces[-1] == (KNEADING, pytest.approx(50.0))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["next", "previous", "toggle_pause", "tick"]), st.floats(0, 120)),
        max_size=25,
    )
)
def test_pieces_add_up_to_the_unpaused_clock_time(
    relief: Protocol, script: list[tuple[str, float]]
) -> None:
    clock, tally = FakeClock(), PracticeTally()
    p = Player(relief, clock, get_ready_s=0)
    pieces = run(p, tally, p.start())
    for command, dt in script:
        clock.advance(dt)
        pieces += run(p, tally, getattr(p, command)())
        if p.state in (State.FINISHED, State.STOPPED):
            break
    pieces += run(p, tally, p.stop())
    # at speed 1 the player's active session time is the unpaused clock time
    assert sum(s for _, s in pieces) == pytest.approx(p.session_elapsed_s(), abs=1e-6)
    assert all(s > 0 for _, s in pieces)
