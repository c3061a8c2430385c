"""Property: for any step the spatial check accepts, every frame's contact lies inside the work area
the diagram draws (targets minus avoid and forbidden zones), at any moment, not only the sampled."""

from __future__ import annotations

import dataclasses

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from massage_trainer.core.body import motion
from massage_trainer.core.body.geometry import load_body
from massage_trainer.core.protocol import catalog
from massage_trainer.core.protocol.model import HandPlacement, Motion, Step
from massage_trainer.core.protocol.vocab import (
    Contact,
    Coordination,
    Direction,
    Orientation,
    Pattern,
    Pressure,
    Technique,
)
from massage_trainer.core.safety import spatial
from massage_trainer.core.safety.rules import load as load_rules

RULES = load_rules()
BODY = load_body()
BASE = catalog.bundled("back-pain-relief")
WORK = sorted(z.id for z in BODY.zones.values() if not z.is_caution)
CAUTION = sorted(z.id for z in BODY.zones.values() if z.is_caution)


@st.composite
def steps(draw: st.DrawFn) -> Step:
    targets = draw(st.lists(st.sampled_from(WORK), min_size=1, max_size=4, unique=True))
    avoid = draw(st.lists(st.sampled_from(CAUTION), max_size=3, unique=True))
    return dataclasses.replace(
        BASE.steps[0],
        id="generated",
        technique=draw(st.sampled_from(list(Technique))),
        target_zones=tuple(targets),
        avoid_zones=tuple(avoid),
        hands=HandPlacement(
            draw(st.sampled_from(list(Contact))),
            draw(st.sampled_from(list(Orientation))),
            draw(st.sampled_from(targets)),
            draw(st.sampled_from(targets)),
        ),
        motion=Motion(
            draw(st.sampled_from(list(Pattern))),
            draw(st.sampled_from(list(Direction))),
            draw(st.sampled_from(list(Coordination))),
        ),
        pressure=draw(st.sampled_from(list(Pressure))),
        tempo=float(draw(st.integers(6, 120))),
    )


def _inside(area: spatial.WorkArea, shape: spatial.Polygon) -> bool:
    for x, y in spatial._edge_points(shape):
        if not area.contains(x, y):
            return False
    return all(spatial.overlap_point(shape, z) is None for z in area.exclude)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(step=steps(), moments=st.lists(st.floats(0, 1), min_size=5, max_size=12))
def test_every_frame_of_an_accepted_step_touches_only_its_drawn_work_area(
    step: Step, moments: list[float]
) -> None:
    protocol = dataclasses.replace(BASE, steps=(step,))
    assume(not spatial.step_findings(RULES, protocol, 0, BODY))  # refused steps never play
    area = spatial.work_area(RULES.zones, step, BODY)
    total = motion.loop_s(step)
    for m in moments:
        t = m * total * 2  # any moment of the first two loops
        pose = motion.pose_at(step, t, BODY)
        for hand, right in ((pose.left, False), (pose.right, True)):
            for shape in spatial.contact_shapes(hand, right):
                assert _inside(area, shape), (step, t)
