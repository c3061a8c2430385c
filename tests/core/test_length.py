"""One length for a protocol, from its steps: what the picker, status bar, handout and CLI say."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from massage_trainer.core.protocol import catalog
from massage_trainer.core.protocol.model import whole_minutes

BUNDLED_IDS = ("back-pain-relief", "gentle-pregnancy", "therapeutic-lower-back")


@pytest.mark.parametrize(
    ("seconds", "minutes"),
    [(0, 0), (1, 1), (29, 1), (89, 1), (90, 2), (480, 8), (652.5, 11), (840, 14), (869, 14)],
)
def test_whole_minutes_round_half_up_and_never_say_zero_for_something(
    seconds: float, minutes: int
) -> None:
    assert whole_minutes(seconds) == minutes


@given(st.floats(min_value=0.001, max_value=6 * 3600))
def test_whole_minutes_are_within_half_a_minute(seconds: float) -> None:
    m = whole_minutes(seconds)
    assert m >= 1 and (abs(m - seconds / 60) <= 0.5 or m == 1)


@pytest.mark.parametrize("pid", BUNDLED_IDS)
def test_bundled_lengths_come_from_their_steps_and_agree_with_their_estimate(pid: str) -> None:
    p = catalog.bundled(pid)
    assert p.planned_s == sum(s.planned_s for s in p.steps)
    assert p.length_minutes == whole_minutes(p.planned_s)
    assert not p.estimate_is_far()


def test_an_estimate_far_from_the_steps_is_flagged_and_a_near_one_is_not() -> None:
    p = catalog.bundled("back-pain-relief")  # steps: 8 minutes
    assert p.planned_s == 480
    assert dataclasses.replace(p, estimated_minutes=10).estimate_is_far()  # 2 min, 25 % off
    assert dataclasses.replace(p, estimated_minutes=6).estimate_is_far()
    assert not dataclasses.replace(p, estimated_minutes=9).estimate_is_far()  # 1 min: within
    long = catalog.bundled("gentle-pregnancy")  # 14 minutes: 15 % is 2.1 minutes
    assert not dataclasses.replace(long, estimated_minutes=16).estimate_is_far()
    assert dataclasses.replace(long, estimated_minutes=17).estimate_is_far()
