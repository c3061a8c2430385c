"""Soak on a fake clock: the longest bundled protocol played end to end in 16 ms ticks, as the
window's timer would, with every step starting exactly on time (no drift, however many ticks)."""

from __future__ import annotations

from itertools import accumulate

from massage_trainer.core.protocol import catalog
from massage_trainer.core.session.clock import FakeClock
from massage_trainer.core.session.player import EventKind, Player, State

TICK_S = 0.016
GET_READY_S = 5.0


def test_longest_protocol_plays_to_the_end_in_frame_ticks_without_drift() -> None:
    protocols = [catalog.bundled(e.protocol.id) for e in catalog.scan(None) if e.protocol]
    longest = max(protocols, key=lambda p: p.planned_s)
    assert all(not s.until_next for s in longest.steps)
    start = 1000.0
    clock = FakeClock(start)
    player = Player(longest, clock, get_ready_s=GET_READY_S)
    events = player.start()
    k = 0
    while player.state is not State.FINISHED:
        k += 1
        clock.set(start + k * TICK_S)  # no summed float error in the test's own clock
        for e in player.tick():
            events.append(e)
            assert e.at <= clock.now() < e.at + TICK_S + 1e-9  # delivered at the first tick due
        assert k < 10_000_000
    first = start + GET_READY_S
    due = [first + t for t in accumulate((s.planned_s for s in longest.steps), initial=0.0)]
    started = [e.at for e in events if e.kind is EventKind.STEP_STARTED]
    assert len(started) == len(longest.steps)
    for got, want in zip(started, due, strict=False):
        assert abs(got - want) < 1e-6
    finished = next(e for e in events if e.kind is EventKind.FINISHED)
    assert abs(finished.at - due[-1]) < 1e-6
    assert player.completed_steps() == tuple(range(len(longest.steps)))
    assert abs(player.session_elapsed_s() - longest.planned_s) < 1e-6
    assert k * TICK_S >= longest.planned_s + GET_READY_S
