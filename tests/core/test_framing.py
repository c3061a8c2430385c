"""Framing: every picture of a step shows its worked region large, with body round it."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from massage_trainer.core.body import framing
from massage_trainer.core.body.geometry import load_body
from massage_trainer.core.protocol import catalog
from tests.conftest import BUNDLED

BODY = load_body()
STEPS = [s for p in BUNDLED for s in catalog.resolve(str(p), None).steps]


def _inside(inner: framing.Box, outer: framing.Box, slack: float = 1e-6) -> bool:
    return (
        inner[0] >= outer[0] - slack
        and inner[1] >= outer[1] - slack
        and inner[2] <= outer[2] + slack
        and inner[3] <= outer[3] + slack
    )


def test_no_step_shows_the_whole_body() -> None:
    assert framing.frame_for(None, BODY) == BODY.extent


@pytest.mark.parametrize("step", STEPS, ids=[s.id for s in STEPS])
def test_frame_holds_the_worked_region_with_body_round_it(step: object) -> None:
    frame = framing.frame_for(step, BODY)  # type: ignore[arg-type]
    region = framing.worked_region(step, BODY)  # type: ignore[arg-type]
    assert region is not None
    clipped = (
        max(region[0], BODY.extent[0]),
        max(region[1], BODY.extent[1]),
        min(region[2], BODY.extent[2]),
        min(region[3], BODY.extent[3]),
    )
    assert _inside(clipped, frame)  # every target zone and the hands' whole travel
    assert _inside(frame, BODY.extent)
    if frame != BODY.extent:  # framed: some body round the region, and the region large
        fw, fh = frame[2] - frame[0], frame[3] - frame[1]
        rw, rh = clipped[2] - clipped[0], clipped[3] - clipped[1]
        assert rw * rh >= 0.25 * fw * fh
        assert fh > rh + 2 * framing.MIN_CONTEXT_CM * 0.99 or frame[1] <= BODY.extent[1]


def test_a_shoulder_step_is_framed_on_the_shoulders_not_the_whole_body() -> None:
    step = catalog.bundled("gentle-pregnancy").steps[3]  # slow stroking, upper back
    _x0, y0, _x1, y1 = framing.frame_for(step, BODY)
    ex = BODY.extent
    assert (y1 - y0) < 0.6 * (ex[3] - ex[1])
    assert y0 < BODY.levels["C7"] - 3  # the neck shows above the shoulders, to orient
    assert y1 < BODY.levels["L4"]  # and not the lower back


def test_fit_shows_the_frame_whole_and_no_more_past_the_body_than_it_must() -> None:
    frame = (-10.0, 0.0, 10.0, 30.0)  # at the head end
    s, _cx, cy = framing.fit(frame, 800.0, 400.0, BODY.extent)
    assert 400.0 / s >= 30.0 - 1e-9 and 800.0 / s >= 20.0 - 1e-9
    assert cy - 200.0 / s >= BODY.extent[1] - 1e-9  # slid down: nothing shown above the body


@settings(deadline=None)  # a loaded machine: speed is bench/'s business
@given(
    st.tuples(*[st.floats(-40, 120, allow_nan=False)] * 4),
    st.tuples(*[st.floats(-40, 120, allow_nan=False)] * 4),
    st.floats(0, 1),
)
def test_blend_goes_from_one_box_to_the_other(a: framing.Box, b: framing.Box, k: float) -> None:
    assert framing.blend(a, b, 0.0) == a
    assert framing.blend(a, b, 1.0) == pytest.approx(b)
    mid = framing.blend(a, b, k)
    for i in range(4):
        assert min(a[i], b[i]) - 1e-9 <= mid[i] <= max(a[i], b[i]) + 1e-9


def test_ease_starts_and_ends_at_rest_and_never_goes_back() -> None:
    ks = [i / 100 for i in range(101)]
    vals = [framing.ease(k) for k in ks]
    assert vals[0] == 0.0 and vals[-1] == 1.0
    assert all(b >= a for a, b in itertools.pairwise(vals))
    assert vals[1] - vals[0] < 0.01 and vals[-1] - vals[-2] < 0.01


def test_caution_zones_far_from_a_shoulder_step_are_quiet() -> None:
    shoulders = catalog.bundled("gentle-pregnancy").steps[3]
    quiet = framing.quiet_cautions(shoulders, BODY)
    kidneys = [z.id for z in BODY.zones.values() if z.is_caution and z.bbox()[1] > 55]
    assert kidneys and set(kidneys) <= set(quiet)
    spine = [z.id for z in BODY.zones.values() if z.is_caution and z.bbox()[1] <= 30]
    assert spine and not set(spine) & set(quiet)  # the spine runs through the worked region
    lower = catalog.bundled("back-pain-relief").steps[6]  # tapping the lower back
    assert not set(kidneys) & set(framing.quiet_cautions(lower, BODY))
    assert framing.quiet_cautions(None, BODY) == ()


def test_a_protocol_without_a_pose_is_drawn_lying_face_down() -> None:
    assert framing.body_of(object()) is load_body()
