"""Where both hands are at any moment of a step: a pure, seekable function of (step, time).

The diagram, the headless render and the tests all ask `pose_at(step, t)`, so slow motion, seeking
and pictures of any instant come for free. Each stroke repeats every `step.period_s`; patterns that
also travel along the zone (circles, kneading, taps...) repeat as a whole every `loop_s(step)`, a
whole number of strokes. The hands are set out once per step (motion_plan), each pattern says
where a hand means to be (motion_patterns), and here a planned point that would leave the hand's
area is pulled back toward a safe anchor, and the whole hand kept off the midline.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from massage_trainer.core.body import hand_shape
from massage_trainer.core.body.geometry import Body, Point, load_body
from massage_trainer.core.body.motion_hand import Hand
from massage_trainer.core.body.motion_patterns import LOOP_CYCLES, planned
from massage_trainer.core.body.motion_plan import plan, reach, spread
from massage_trainer.core.protocol.model import Step
from massage_trainer.core.protocol.vocab import Contact, Pattern

__all__ = [
    "LOOP_CYCLES",
    "PRESSURE_LEVEL",
    "HandPose",
    "Pose",
    "footprint",
    "loop_s",
    "on_loop_grid",
    "palm_centre",
    "path_of",
    "pose_at",
    "poses_of",
]

PRESSURE_LEVEL = {1: 0.33, 2: 0.66, 3: 1.0}
"""Pressure.level -> 0..1 as drawn (shadow depth, colour, gauge)."""


@dataclass(frozen=True)
class HandPose:
    """One hand: where its touching part is (cm), where its fingers point, how it touches."""

    x: float
    y: float
    angle_deg: float
    """Direction the fingers point: 0 toward the head, 90 toward the receiver's right (clockwise)."""
    contact: Contact
    pressure: float
    """0..1 of full firm pressure at this instant."""
    lift: float
    """0 touching, 1 lifted (taps, claps, return strokes)."""
    active: bool = True
    thumb_deg: float = 26.0
    """How the hand is held (see hand_shape.Shape): thumb direction from the fingers' line."""
    curl: float = 1.0
    """1 straight fingers, smaller when curled (a grip, a pinch, a cupped palm)."""

    @property
    def shape(self) -> hand_shape.Shape:
        return hand_shape.Shape(self.thumb_deg, self.curl)


def footprint(pose: HandPose, right: bool) -> list[list[Point]]:
    """The hand's outline as convex polygons in body centimetres (palm, fingers, thumb)."""
    sh = pose.shape
    at = hand_shape.anchor(pose.contact, sh)
    return [
        hand_shape.place(part, (pose.x, pose.y), pose.angle_deg, at, right)
        for part in hand_shape.parts(pose.contact, sh)
    ]


def palm_centre(pose: HandPose, right: bool) -> Point:
    """Where the middle of the palm is, in body centimetres."""
    sh = pose.shape
    at = hand_shape.anchor(pose.contact, sh)
    return hand_shape.place([(0.0, 0.0)], (pose.x, pose.y), pose.angle_deg, at, right)[0]


@dataclass(frozen=True)
class Pose:
    left: HandPose
    right: HandPose
    phase: float
    """0..1 within the current stroke."""


def loop_s(step: Step) -> float:
    """Seconds after which the whole motion, travel included, repeats exactly."""
    return step.period_s * LOOP_CYCLES.get(step.motion.pattern, 1)


GRID_PER_S = 120
"""Points a second on which a moving picture samples the loop: twice a 60 Hz screen's frames."""


def on_loop_grid(step: Step, t: float, per_s: int = GRID_PER_S) -> float:
    """The point of an even grid of `per_s` points a second over the step's loop (from 0 to just
    under loop_s) nearest to `t` taken round the loop. The motion repeats every loop, so the pose
    there is the pose at `t` moved by at most half a grid step of time (1/240 s): a view that
    draws at these points meets the same few hundred poses every loop and can keep them."""
    loop = loop_s(step)
    n = max(1, math.ceil(loop * per_s))
    return (round(t / loop * n) % n) * loop / n


def _frac(v: float) -> float:
    """v mod 1 in [0, 1) (Python's % can round a tiny negative up to exactly 1.0)."""
    r = v % 1.0
    return 0.0 if r >= 1.0 else r


def _hand_pose(step: Step, h: Hand, t: float, base: float) -> HandPose:
    x, y, angle, lift, pressure = planned(step, h, t, base)
    squeeze = (
        (pressure / base) if step.motion.pattern is Pattern.KNEADING_GRIP and base > 0 else 0.0
    )
    shape = hand_shape.shape_for(
        step.hands.contact, step.hands.orientation, squeeze, thumbs_spread=spread(step)
    )
    x, y = h.area.pull(h.anchor, x, y)
    if h.clear > 0:
        cleared = _clear_midline(step.hands.contact, shape, h, x=x, y=y, angle=angle)
        # the whole hand keeps off the midline where its touching part still fits; otherwise
        # the touching part wins (the thumbs may reach over, the contact never leaves its area)
        if cleared != x and h.area.allows(cleared, y) and h.area.fits(cleared, y):
            x = cleared
    return HandPose(
        x,
        y,
        angle,
        step.hands.contact,
        max(0.0, min(1.0, pressure)),
        max(0.0, min(1.0, lift)),
        True,
        shape.thumb_deg,
        shape.curl,
    )


def _clear_midline(
    contact: Contact, shape: hand_shape.Shape, h: Hand, *, x: float, y: float, angle: float
) -> float:
    """Slide the hand sideways, away from the midline, until no part of it is within h.clear."""
    nearest = h.sx * x + reach(contact, shape, round(angle * 4) / 4, h.right, h.sx)
    if nearest < h.clear:
        x += h.sx * (h.clear - nearest)
    return x


def _moved(hp: HandPose, bt: tuple[float, ...]) -> HandPose:
    """A hand placed on the prone back, carried onto a pose drawn from it (its back_transform:
    page x = a*x + c*y + e, page y = b*x + d*y + f): where it is and where its fingers point."""
    a, b, c, d, e, f = bt
    dx, dy = math.sin(math.radians(hp.angle_deg)), -math.cos(math.radians(hp.angle_deg))
    px, py = a * dx + c * dy, b * dx + d * dy
    return replace(
        hp,
        x=a * hp.x + c * hp.y + e,
        y=b * hp.x + d * hp.y + f,
        angle_deg=math.degrees(math.atan2(px, -py)),
    )


def _rigid(bt: tuple[float, ...]) -> bool:
    """Whether a back_transform only turns or mirrors (a hand keeps its size on it); a pose drawn
    otherwise (the seated back, a little shorter) has the hands planned on its own zones."""
    a, b, c, d = bt[:4]
    return (
        abs(a * a + b * b - 1) < 1e-6
        and abs(c * c + d * d - 1) < 1e-6
        and abs(a * c + b * d) < 1e-6
    )


def pose_at(step: Step, t: float, body: Body | None = None) -> Pose:
    """Both hands `t` seconds into the step (any t, also negative or beyond the step's end).
    On a pose drawn by turning the prone back (lying on the side) the hands move on the prone back
    and are carried onto the pose, so every pattern works the same in every pose."""
    b = body or load_body()
    last = _LAST_POSE[0]
    if last is not None and last[0] is step and last[1] == t and last[2] is b:
        return last[3]  # a view asks twice per frame (dirty region, then paint)
    if b.back_transform is not None and _rigid(b.back_transform):
        # the same turn that draws the back and places its landmarks (one source of truth)
        bt = b.back_transform
        on_back = pose_at(step, t, load_body())
        pose = Pose(_moved(on_back.left, bt), _moved(on_back.right, bt), on_back.phase)
        _LAST_POSE[0] = (step, t, b, pose)
        return pose
    hands = plan(step, b)
    base = PRESSURE_LEVEL[step.pressure.level]
    pose = Pose(
        _hand_pose(step, hands.left, t, base),
        _hand_pose(step, hands.right, t, base),
        _frac(t / step.period_s),
    )
    _LAST_POSE[0] = (step, t, b, pose)
    return pose


_LAST_POSE: list[tuple[Step, float, Body, Pose] | None] = [None]


def poses_of(step: Step, body: Body | None = None, samples: int = 64) -> list[Pose]:
    """`samples` poses per stroke over one whole loop (for trails and arrows)."""
    n = LOOP_CYCLES.get(step.motion.pattern, 1) * samples
    total = loop_s(step)
    return [pose_at(step, total * i / n, body) for i in range(n + 1)]


def path_of(
    step: Step, body: Body | None = None, samples: int = 64
) -> tuple[list[Point], list[Point]]:
    """Where the left and right hands go over one loop, `samples` points per stroke."""
    poses = poses_of(step, body, samples)
    return [(p.left.x, p.left.y) for p in poses], [(p.right.x, p.right.y) for p in poses]
