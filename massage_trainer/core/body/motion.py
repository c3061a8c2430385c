"""Where both hands are at any moment of a step: a pure, seekable function of (step, time).

The diagram, the headless render and the tests all ask `pose_at(step, t)`, so slow motion, seeking
and pictures of any instant come for free. Each stroke repeats every `step.period_s`; patterns that
also travel along the zone (circles, kneading, taps...) repeat as a whole every `loop_s(step)`, a
whole number of strokes. Hands stay inside the step's target zones (per side; midline zones serve
both hands) and outside its avoid zones: a planned point that would leave them is pulled back
toward a safe anchor.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from dataclasses import dataclass, replace
from functools import lru_cache

from massage_trainer.core.body import hand_shape
from massage_trainer.core.body.geometry import Body, Point, load_body
from massage_trainer.core.body.motion_area import Area
from massage_trainer.core.protocol.model import Step
from massage_trainer.core.protocol.vocab import (
    Contact,
    Coordination,
    Direction,
    Orientation,
    Pattern,
    Technique,
)

PRESSURE_LEVEL = {1: 0.33, 2: 0.66, 3: 1.0}
"""Pressure.level -> 0..1 as drawn (shadow depth, colour, gauge)."""

LOOP_CYCLES: dict[Pattern, int] = {
    Pattern.LONG_STROKES: 1,
    Pattern.SMALL_CIRCLES: 8,
    Pattern.DIAGONAL: 4,
    Pattern.SIDE_TO_SIDE: 6,
    Pattern.KNEADING_GRIP: 6,
    Pattern.ALTERNATING_TAPS: 8,
    Pattern.CLAPS: 8,
    Pattern.PRESS_AND_SLIDE: 1,
    Pattern.PINCH_ROLL: 4,
    Pattern.VIBRATION: 6,
}
"""Strokes in one full travel loop of each pattern."""

_SPINE_CLEAR = 1.9
"""Centimetres from the midline every part of a hand keeps when the step avoids the spine
(the spine column is 1.5 cm either side of it)."""
_MID_CLEAR = 0.5
"""Centimetres from the midline for hands working on opposite sides (they never touch)."""


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


@dataclass(frozen=True)
class _Hand:
    area: Area
    anchor: Point
    sx: float
    """-1 for a hand working on the receiver's left side, +1 on the right (outward = sx)."""
    lane_x: float
    y_top: float
    y_bottom: float
    base_angle: float
    offset: float
    """Phase offset in strokes (0.5 for the second of two alternating hands)."""
    dy: float
    """Vertical offset when both hands share one side (one above the other)."""
    right: bool
    """The caregiver's right hand (drawn mirrored)."""
    clear: float
    """How far (cm) the whole hand must stay from the midline: off the spine column and off the
    other hand's side; 0 when the hand may cross it."""


@dataclass(frozen=True)
class _Plan:
    left: _Hand
    right: _Hand


_PLANS: OrderedDict[tuple[Step, int], _Plan] = OrderedDict()
_LAST_PLAN: list[tuple[Step, Body, _Plan] | None] = [None]


def _side_of(body: Body, zone_id: str, fallback: str) -> str:
    z = body.zones.get(zone_id)
    if z is None or z.side == "middle":
        return fallback
    return z.side


def _angle(orientation: Orientation, sx: float) -> float:
    if orientation is Orientation.FINGERS_TOWARD_HEAD:
        return 0.0
    if orientation is Orientation.FINGERS_TOWARD_FEET:
        return 180.0
    if orientation is Orientation.FINGERS_OUTWARD:
        return 90.0 * sx
    return -90.0 * sx


def _lane_x(step: Step, anchor: Point, sx: float) -> float:
    """Strokes along the spine run close beside it; other work stays over the zone's middle."""
    contact = step.hands.contact
    pattern = step.motion.pattern
    if _spread(step):  # the open thumbs reach toward the spine: the palms sit further out
        return sx * 10.5
    if pattern in (Pattern.LONG_STROKES, Pattern.PRESS_AND_SLIDE):
        near = 4.2 if contact is Contact.PALM_EDGE else 6.0
        return sx * near
    if pattern is Pattern.SMALL_CIRCLES:
        return sx * (4.2 if contact is Contact.THUMBS else 6.0)
    if pattern is Pattern.KNEADING_GRIP and step.hands.orientation is Orientation.FINGERS_INWARD:
        return sx * 7.0  # the fold by the long back muscle; the hand then stays on the back
    return anchor[0]


_OUTLINE_MARGIN = 0.5
"""Centimetres kept between the touching part of the hand and the edge of its area."""


def _grown_edge(part: list[Point]) -> list[Point]:
    """A convex part grown by the margin, as points every centimetre along its edge (so no notch
    of a zone slips between them)."""
    cx = sum(p[0] for p in part) / len(part)
    cy = sum(p[1] for p in part) / len(part)
    grown = []
    for x, y in part:
        dx, dy = x - cx, y - cy
        n = math.hypot(dx, dy) or 1.0
        grown.append((x + dx / n * _OUTLINE_MARGIN, y + dy / n * _OUTLINE_MARGIN))
    out: list[Point] = []
    for (x0, y0), (x1, y1) in zip(grown, grown[1:] + grown[:1], strict=True):
        k = max(1, math.ceil(math.hypot(x1 - x0, y1 - y0)))
        out.extend((x0 + (x1 - x0) * j / k, y0 + (y1 - y0) * j / k) for j in range(k))
    return out


def _outline(step: Step, right: bool, angle: float, sx: float) -> tuple[Point, ...]:
    """The touching part of the hand (hand_shape.contact_parts) around its contact point at the
    step's hand angle, grown by a margin: what must stay inside the hand's area."""
    contact = step.hands.contact
    angles = [angle]
    if step.motion.pattern is Pattern.KNEADING_GRIP:  # the grip turns as it closes
        angles += [angle + sx * 5.0, angle + sx * 10.0]
    elif step.motion.pattern is Pattern.DIAGONAL:
        angles = [angle - sx * 25.0]
    # each touching part, wherever the grip's squeeze and turn take it, as one small hull
    per_part: dict[int, list[Point]] = {}
    for squeeze in (0.0, 0.5, 1.0) if contact is Contact.GRIP else (0.0,):
        sh = hand_shape.shape_for(
            contact, step.hands.orientation, squeeze, thumbs_spread=_spread(step)
        )
        at = hand_shape.anchor(contact, sh)
        for a in angles:
            for k, part in enumerate(hand_shape.contact_parts(contact, sh)):
                per_part.setdefault(k, []).extend(hand_shape.place(part, (0.0, 0.0), a, at, right))
    out: list[Point] = []
    for pts in per_part.values():
        out.extend(_grown_edge(list(hand_shape.convex_hull(pts))))
    return tuple(out)


def _plan_hand(step: Step, body: Body, which: str, shared: bool) -> _Hand:
    start = step.hands.left if which == "left" else step.hands.right
    side = _side_of(body, start, which)
    sx = -1.0 if side == "left" else 1.0
    zones = tuple(
        body.zones[z]
        for z in step.target_zones
        if z in body.zones and body.zones[z].side in (side, "middle")
    )
    if not zones and start in body.zones:
        zones = (body.zones[start],)
    avoid = tuple(body.zones[z] for z in step.avoid_zones if z in body.zones)
    area = Area(
        zones, avoid, _outline(step, which == "right", _angle(step.hands.orientation, sx), sx)
    )
    cx, cy = (
        body.zones[start].centroid() if start in body.zones else area.nearest_inner(sx * 7.0, 70.0)
    )
    anchor = area.nearest_inner(cx, cy)
    clear = _SPINE_CLEAR if "spine" in step.avoid_zones else (0.0 if shared else _MID_CLEAR)
    angle = _angle(step.hands.orientation, sx)
    lane = _lane_x(step, anchor, sx)
    if clear > 0:  # the lane already keeps the whole hand off the midline, as every frame will
        sh = hand_shape.shape_for(
            step.hands.contact, step.hands.orientation, thumbs_spread=_spread(step)
        )
        nearest = sx * lane + _reach(step.hands.contact, sh, angle, which == "right", sx)
        if nearest < clear:
            lane += sx * (clear - nearest)
    if not area.inner(lane, anchor[1]):
        lane = area.nearest_inner(lane, anchor[1])[0]
    top, bottom = area.span(lane, area.nearest_inner(lane, anchor[1])[1], vertical=True)
    alternating = step.motion.hands is Coordination.ALTERNATING
    offset = 0.5 if (alternating and which == "right") else 0.0
    return _Hand(
        area,
        anchor,
        sx,
        lane,
        top,
        bottom,
        _angle(step.hands.orientation, sx),
        offset,
        0.0,
        which == "right",
        clear,
    )


def _extent_y(step: Step, h: _Hand) -> tuple[float, float]:
    """How far the hand's footprint reaches above and below its contact point (cm, widest grip)."""
    sh = hand_shape.shape_for(
        step.hands.contact, step.hands.orientation, thumbs_spread=_spread(step)
    )
    at = hand_shape.anchor(step.hands.contact, sh)
    ys = [
        y
        for a in (h.base_angle - 10.0, h.base_angle, h.base_angle + 10.0)
        for part in hand_shape.parts(step.hands.contact, sh)
        for _x, y in hand_shape.place(part, (0.0, 0.0), a, at, h.right)
    ]
    return min(ys), max(ys)


def _stack(step: Step, left: _Hand, right: _Hand) -> tuple[_Hand, _Hand]:
    """Both hands on one side: one above the other, far enough apart that they never overlap."""
    (l_top, l_bot), (r_top, r_bot) = _extent_y(step, left), _extent_y(step, right)
    # the hand reaching further up goes on top, so the thumbs point away from each other
    upper_is_left = l_top < r_top
    up_bot, lo_top = (l_bot, r_top) if upper_is_left else (r_bot, l_top)
    d = (up_bot - lo_top + 0.8) / 2
    dl = -d if upper_is_left else d
    # the pair travels together: its middle keeps d away from both ends of the stretch
    top, bottom = left.y_top + d, left.y_bottom - d
    if top > bottom:
        top = bottom = (left.y_top + left.y_bottom) / 2
    return (
        replace(left, dy=dl, y_top=top, y_bottom=bottom),
        replace(right, dy=-dl, y_top=top, y_bottom=bottom),
    )


def _plan(step: Step, body: Body) -> _Plan:
    key = (step, id(body))
    last = _LAST_PLAN[0]
    if last is not None and last[0] is step and last[1] is body:
        return last[2]  # the common case, every frame: no hashing of the whole step
    plan = _PLANS.get(key)
    if plan is not None:
        _PLANS.move_to_end(key)
        _LAST_PLAN[0] = (step, body, plan)
        return plan
    shared = step.motion.hands is Coordination.ONE_SIDE_AT_A_TIME or _side_of(
        body, step.hands.left, "left"
    ) == _side_of(body, step.hands.right, "right")
    left, right = _plan_hand(step, body, "left", shared), _plan_hand(step, body, "right", shared)
    if shared:
        left, right = _stack(step, left, right)
    plan = _Plan(left, right)
    _PLANS[key] = plan
    _LAST_PLAN[0] = (step, body, plan)
    while len(_PLANS) > 64:
        _PLANS.popitem(last=False)
    return plan


def _frac(v: float) -> float:
    """v mod 1 in [0, 1) (Python's % can round a tiny negative up to exactly 1.0)."""
    r = v % 1.0
    return 0.0 if r >= 1.0 else r


def _smooth(s: float) -> float:
    s = min(1.0, max(0.0, s))
    return s * s * (3 - 2 * s)


def _travel(p: float, n: int) -> tuple[float, float]:
    """Progress 0..1 (bottom to top) over a loop of n strokes, the last half stroke returning lifted.
    Returns (progress, lift)."""
    go = (n - 0.5) / n
    if p < go:
        return p / go, 0.0
    q = (p - go) / (1 - go)
    return 1.0 - _smooth(q), math.sin(math.pi * q)


def _triangle(p: float) -> float:
    """0 -> 1 -> 0 over p in 0..1."""
    return 1.0 - abs(2.0 * p - 1.0)


def _hand_pose(step: Step, h: _Hand, t: float, base: float) -> HandPose:
    period = step.period_s
    n = LOOP_CYCLES.get(step.motion.pattern, 1)
    u = t / period + h.offset
    s = _frac(u)
    p = _frac(u / n)
    pattern = step.motion.pattern
    direction = step.motion.direction
    top, bottom = h.y_top, h.y_bottom
    span = max(0.0, bottom - top)
    mid = (top + bottom) / 2
    x, y = h.lane_x, mid
    angle = h.base_angle
    lift = 0.0
    pressure = base

    if pattern is Pattern.LONG_STROKES:
        if direction is Direction.UP_AND_DOWN:
            y = bottom - span * (1 - math.cos(2 * math.pi * s)) / 2
            pressure = base * (1.0 if s < 0.5 else 0.6)
        else:
            up = direction is not Direction.DOWN
            a, b = (bottom, top) if up else (top, bottom)
            if s < 0.65:
                y = a + (b - a) * _smooth(s / 0.65)
            else:
                q = (s - 0.65) / 0.35
                y = b + (a - b) * _smooth(q)
                lift = math.sin(math.pi * q)
                pressure = base * 0.3
    elif pattern is Pattern.SMALL_CIRCLES:
        r = 1.3
        m = r + 0.2
        if direction is Direction.UP_AND_DOWN:
            prog, travel_lift = _triangle(p), 0.0
        else:
            prog, travel_lift = _travel(p, n)
        yc = (bottom - m) - max(0.0, span - 2 * m) * prog
        a = 2 * math.pi * s
        x = h.lane_x + h.sx * r * math.cos(a)
        y = yc - r * math.sin(a)
        lift = travel_lift
        pressure = base * (0.85 + 0.15 * math.sin(a))
    elif pattern is Pattern.DIAGONAL:
        k = int(p * n) % n
        level = top + (max(0.0, span - 5.0)) * (k / max(1, n - 1))
        x0, y0 = h.sx * 3.0, level
        x1, y1 = h.sx * 12.0, level + 5.0
        if s < 0.7:
            q = _smooth(s / 0.7)
        else:
            q = 1.0 - _smooth((s - 0.7) / 0.3)
            lift = math.sin(math.pi * (s - 0.7) / 0.3)
            pressure = base * 0.3
        x, y = x0 + (x1 - x0) * q, y0 + (y1 - y0) * q
        angle = h.base_angle + (-h.sx * 25.0)
    elif pattern is Pattern.SIDE_TO_SIDE:
        yc = bottom - span * _triangle(p)
        x = h.sx * (3.5 + 8.5 * (1 - math.cos(2 * math.pi * s)) / 2)
        y = yc
    elif pattern is Pattern.KNEADING_GRIP:
        prog, lift = _travel(_frac(t / period / n), n)  # both hands travel together
        y = bottom - span * prog + h.dy
        g = (1 - math.cos(2 * math.pi * s)) / 2
        x = h.lane_x - h.sx * 0.9 * g
        angle = h.base_angle + h.sx * 10.0 * g
        pressure = base * (0.35 + 0.65 * g) * (1 - lift)
    elif pattern in (Pattern.ALTERNATING_TAPS, Pattern.CLAPS):
        w = (1 - math.cos(2 * math.pi * p)) / 2
        x = h.anchor[0] + h.sx * 1.2 * math.sin(2 * math.pi * p)
        y = h.anchor[1] - min(6.0, span * 0.5) * w + h.dy
        lift = math.sin(math.pi * s) ** 1.5
        pressure = base if lift < 0.2 else 0.0
    elif pattern is Pattern.PRESS_AND_SLIDE:
        if s < 0.25:
            y = top
            pressure = base * (0.3 + 0.7 * _smooth(s / 0.25))
        elif s < 0.75:
            y = top + span * _smooth((s - 0.25) / 0.5)
        else:
            q = (s - 0.75) / 0.25
            y = bottom - span * _smooth(q)
            lift = math.sin(math.pi * q)
            pressure = base * 0.2
    elif pattern is Pattern.PINCH_ROLL:
        k = int(p * n) % n
        level = bottom - (max(0.0, span)) * (k / max(1, n - 1))
        y = level
        if s < 0.8:
            q = s / 0.8
            x = h.sx * (3.0 + 9.0 * q + 0.5 * math.sin(6 * math.pi * q))
        else:
            q = (s - 0.8) / 0.2
            x = h.sx * (12.0 - 9.0 * _smooth(q))
            lift = math.sin(math.pi * q)
            pressure = base * 0.2
    elif pattern is Pattern.VIBRATION:
        prog, lift = _travel(p, n)
        yc = bottom - span * prog
        x = h.lane_x + 0.35 * math.sin(2 * math.pi * 12 * s)
        y = yc + 0.25 * math.cos(2 * math.pi * 15 * s)

    squeeze = (pressure / base) if pattern is Pattern.KNEADING_GRIP and base > 0 else 0.0
    shape = hand_shape.shape_for(
        step.hands.contact, step.hands.orientation, squeeze, thumbs_spread=_spread(step)
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


def _spread(step: Step) -> bool:
    return step.technique is Technique.SPINE_STRETCH


def _clear_midline(
    contact: Contact, shape: hand_shape.Shape, h: _Hand, *, x: float, y: float, angle: float
) -> float:
    """Slide the hand sideways, away from the midline, until no part of it is within h.clear."""
    nearest = h.sx * x + _reach(contact, shape, round(angle * 4) / 4, h.right, h.sx)
    if nearest < h.clear:
        x += h.sx * (h.clear - nearest)
    return x


@lru_cache(maxsize=4096)
def _reach(
    contact: Contact, shape: hand_shape.Shape, angle: float, right: bool, sx: float
) -> float:
    """How far (signed, toward the hand's own side) the hand's nearest-to-midline point is from
    its contact point, for a quarter-degree angle (cached: asked every frame)."""
    at = hand_shape.anchor(contact, shape)
    return min(
        sx * px
        for part in hand_shape.parts(contact, shape)
        for px, _py in hand_shape.place(part, (0.0, 0.0), angle, at, right)
    )


def pose_at(step: Step, t: float, body: Body | None = None) -> Pose:
    """Both hands `t` seconds into the step (any t, also negative or beyond the step's end)."""
    b = body or load_body()
    last = _LAST_POSE[0]
    if last is not None and last[0] is step and last[1] == t and last[2] is b:
        return last[3]  # a view asks twice per frame (dirty region, then paint)
    plan = _plan(step, b)
    base = PRESSURE_LEVEL[step.pressure.level]
    pose = Pose(
        _hand_pose(step, plan.left, t, base),
        _hand_pose(step, plan.right, t, base),
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
