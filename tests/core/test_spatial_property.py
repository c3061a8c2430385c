"""Property: for any step the spatial check accepts, every frame's contact lies inside the work area
the diagram draws (targets minus avoid and forbidden zones), at any moment, not only the sampled."""

from __future__ import annotations

import dataclasses
import math

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
WORK = sorted(z.id for z in BODY.zones.values() if not z.is_caution and not z.fine)
"""The broad zones: they meet edge to edge, so the union of any of them has no narrow notches."""
WORK_AND_FINE = sorted(z.id for z in BODY.zones.values() if not z.is_caution)
CAUTION = sorted(z.id for z in BODY.zones.values() if z.is_caution)
RESOLUTION_CM = 1.0
"""The check samples contact edges every centimetre (spatial._STEP_CM): where a finer zone lies
inside a broad one, their union can have a concave corner narrower than that, and a hand's edge
may cross it by a fraction of a centimetre unseen. It never reaches an excluded zone (checked
exactly) and never goes further than this outside the targets."""


@st.composite
def steps(draw: st.DrawFn, work: list[str] = WORK) -> Step:
    targets = draw(st.lists(st.sampled_from(work), min_size=1, max_size=4, unique=True))
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


def _inside(area: spatial.WorkArea, shape: spatial.Polygon, within: float = 0.0) -> bool:
    for x, y in spatial._edge_points(shape):
        if not area.contains(x, y) and not _near_targets(area, x, y, within):
            return False
    return all(spatial.overlap_point(shape, z) is None for z in area.exclude)


def _near_targets(area: spatial.WorkArea, x: float, y: float, within: float) -> bool:
    if within <= 0 or any(z.contains(x, y) for z in area.exclude):
        return False
    return any(_distance(z.polygon, x, y) <= within for z in area.include)


def _distance(poly: spatial.Polygon, x: float, y: float) -> float:
    best = math.inf
    for (x0, y0), (x1, y1) in zip(poly, poly[1:] + poly[:1], strict=True):
        dx, dy = x1 - x0, y1 - y0
        t = max(0.0, min(1.0, ((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy or 1.0)))
        best = min(best, math.hypot(x - x0 - t * dx, y - y0 - t * dy))
    return best


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


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(step=steps(WORK_AND_FINE), moments=st.lists(st.floats(0, 1), min_size=5, max_size=12))
def test_with_finer_zones_contact_stays_within_the_check_resolution_of_the_work_area(
    step: Step, moments: list[float]
) -> None:
    protocol = dataclasses.replace(BASE, steps=(step,))
    assume(not spatial.step_findings(RULES, protocol, 0, BODY))
    area = spatial.work_area(RULES.zones, step, BODY)
    total = motion.loop_s(step)
    for m in moments:
        t = m * total * 2
        pose = motion.pose_at(step, t, BODY)
        for hand, right in ((pose.left, False), (pose.right, True)):
            for shape in spatial.contact_shapes(hand, right):
                assert _inside(area, shape, within=RESOLUTION_CM), (step, t)
