"""How a step's hands are set out before they move: each hand's area, start point, side, lane
and travel, worked out once per step and body (motion asks every frame).

Hands stay inside the step's target zones (per side; midline zones serve both hands) and outside
its avoid zones. A hand placed at a landmark starts there; a steadying hand rests at its start.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from dataclasses import dataclass, replace
from functools import lru_cache

from massage_trainer.core.body import hand_shape
from massage_trainer.core.body.geometry import Body, Point
from massage_trainer.core.body.motion_anchor import landmark
from massage_trainer.core.body.motion_area import Area
from massage_trainer.core.body.motion_grip import carried, fitted, held
from massage_trainer.core.body.motion_hand import Hand
from massage_trainer.core.protocol.model import Step
from massage_trainer.core.protocol.vocab import (
    Contact,
    Coordination,
    Orientation,
    Pattern,
    Role,
    Technique,
)

_SPINE_CLEAR = 1.9
"""Centimetres from the midline every part of a hand keeps when the step avoids the spine
(the spine column is 1.5 cm either side of it)."""
_MID_CLEAR = 0.5
"""Centimetres from the midline for hands working on opposite sides (they never touch)."""


@dataclass(frozen=True)
class Plan:
    left: Hand
    right: Hand


_PLANS: OrderedDict[tuple[Step, int], Plan] = OrderedDict()
_LAST_PLAN: list[tuple[Step, Body, Plan] | None] = [None]


def _natural_side(step: Step, which: str) -> str:
    """The receiver's side a practitioner's hand goes to on a zone across the midline (the neck,
    the sacrum): its own side, or the other one when the fingers point toward the feet (the
    practitioner stands at the head, facing the feet, and the arms do not cross)."""
    if step.hands.orientation is Orientation.FINGERS_TOWARD_FEET:
        return "right" if which == "left" else "left"
    return which


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
    if spread(step):  # the open thumbs reach toward the spine: the palms sit further out
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
    """A convex part grown by the margin all round (its edges moved out along their normals, its
    corners rounded), as points every centimetre or less (so no notch of a zone slips between
    them; a long thin part, the palm edge, grows sideways as much as lengthways)."""
    m = _OUTLINE_MARGIN + 1e-6  # never exactly on a zone's edge, where left and right differ
    area2 = sum(
        x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(part, part[1:] + part[:1], strict=True)
    )
    turn = 1.0 if area2 > 0 else -1.0
    out: list[Point] = []
    for (x0, y0), (x1, y1) in zip(part, part[1:] + part[:1], strict=True):
        length = math.hypot(x1 - x0, y1 - y0)
        if length < 1e-9:
            continue
        nx, ny = turn * (y1 - y0) / length, -turn * (x1 - x0) / length
        k = max(1, math.ceil(length))
        out.extend(
            (x0 + (x1 - x0) * j / k + nx * m, y0 + (y1 - y0) * j / k + ny * m) for j in range(k + 1)
        )
        out.extend((x1 + math.cos(a) * m, y1 + math.sin(a) * m) for a in _CORNER)
    return out


_CORNER = tuple(math.pi * (i + 0.5) / 4 for i in range(8))


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
            contact, step.hands.orientation, squeeze, thumbs_spread=spread(step)
        )
        at = hand_shape.anchor(contact, sh)
        for a in angles:
            for k, part in enumerate(hand_shape.contact_parts(contact, sh)):
                per_part.setdefault(k, []).extend(hand_shape.place(part, (0.0, 0.0), a, at, right))
    out: list[Point] = []
    for pts in per_part.values():
        out.extend(_grown_edge(list(hand_shape.convex_hull(pts))))
    return tuple(out)


def _start_point(step: Step, body: Body, which: str) -> Point | None:
    """Where a hand placed at a landmark starts (landmark plus offset), else None."""
    at = step.hands.anchor(which)
    if at is None:
        return None
    try:
        lx, ly = landmark(body, at.landmark)
    except KeyError:
        return None
    return lx + at.dx, ly + at.dy


def _plan_hand(
    step: Step,
    body: Body,
    which: str,
    shared: bool,
    bounds: tuple[float, float] = (-math.inf, math.inf),
) -> Hand:
    start = step.hands.zone(which)
    point = _start_point(step, body, which)
    side = _side_of(body, start, _natural_side(step, which))
    if point is not None and abs(point[0]) > 0.5 and side not in ("left", "right"):
        side = "left" if point[0] < 0 else "right"
    sx = -1.0 if side == "left" else 1.0
    zones = tuple(
        body.zones[z]
        for z in step.target_zones
        if z in body.zones and body.zones[z].side in (side, "middle")
    )
    steady = step.hands.role(which) is Role.STEADYING
    if (steady or not zones) and start in body.zones and body.zones[start] not in zones:
        zones = (*zones, body.zones[start])
    avoid = tuple(body.zones[z] for z in step.avoid_zones if z in body.zones)
    area = Area(
        zones,
        avoid,
        _outline(step, which == "right", _angle(step.hands.orientation, sx), sx),
        bounds,
    )
    if point is not None:
        cx, cy = point
    elif start in body.zones:
        cx, cy = body.zones[start].centroid()
        cx = min(max(cx, bounds[0]), bounds[1])
    else:
        cx, cy = area.nearest_inner(sx * 7.0, 70.0)
    anchor = area.nearest_inner(cx, cy)
    clear = _SPINE_CLEAR if "spine" in step.avoid_zones else (0.0 if shared else _MID_CLEAR)
    angle = _angle(step.hands.orientation, sx)
    placed = point is not None or bool(step.motion.path)
    lane = anchor[0] if placed or bounds[0] > -math.inf else _lane_x(step, anchor, sx)
    if clear > 0:  # the lane already keeps the whole hand off the midline, as every frame will
        sh = hand_shape.shape_for(
            step.hands.contact, step.hands.orientation, thumbs_spread=spread(step)
        )
        nearest = sx * lane + reach(step.hands.contact, sh, angle, which == "right", sx)
        if nearest < clear:
            lane += sx * (clear - nearest)
    if not area.inner(lane, anchor[1]):
        lane = area.nearest_inner(lane, anchor[1])[0]
    top, bottom = area.span(lane, area.nearest_inner(lane, anchor[1])[1], vertical=True)
    alternating = step.motion.hands is Coordination.ALTERNATING
    offset = 0.5 if (alternating and which == "right") else 0.0
    return Hand(
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
        steady=steady,
        placed=placed,
    )


def _extent_y(step: Step, h: Hand) -> tuple[float, float]:
    """How far the hand's footprint reaches above and below its contact point (cm, widest grip)."""
    sh = hand_shape.shape_for(
        step.hands.contact, step.hands.orientation, thumbs_spread=spread(step)
    )
    at = hand_shape.anchor(step.hands.contact, sh)
    ys = [
        y
        for a in (h.base_angle - 10.0, h.base_angle, h.base_angle + 10.0)
        for part in hand_shape.parts(step.hands.contact, sh)
        for _x, y in hand_shape.place(part, (0.0, 0.0), a, at, h.right)
    ]
    return min(ys), max(ys)


_STACKED = frozenset({Pattern.KNEADING_GRIP, Pattern.ALTERNATING_TAPS, Pattern.CLAPS})
"""Patterns whose two hands on one side work one above the other (the rest: side by side)."""


def _stack(step: Step, left: Hand, right: Hand) -> tuple[Hand, Hand]:
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
    pair = (
        replace(left, dy=dl, y_top=top, y_bottom=bottom),
        replace(right, dy=-dl, y_top=top, y_bottom=bottom),
    )
    if step.motion.pattern is Pattern.KNEADING_GRIP and not all(carried(h) for h in pair):
        pair = (held(pair[0]), held(pair[1]))  # the pair moves together or not at all
    return pair


def plan(step: Step, body: Body) -> Plan:
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
        body, step.hands.left, _natural_side(step, "left")
    ) == _side_of(body, step.hands.right, _natural_side(step, "right"))
    left, right = _plan_hand(step, body, "left", shared), _plan_hand(step, body, "right", shared)
    if left.sx != right.sx:  # landmarks put the hands on opposite sides after all
        shared = False
    stacked = False
    if shared and not (left.placed or right.placed or left.steady or right.steady):
        if step.motion.pattern in _STACKED:
            left, right = _stack(step, left, right)  # a kneading pair is fitted there, as one
            stacked = True
        else:  # side by side, each on its own half: the practitioner's left hand to the left
            x0, _y0, x1, _y1 = left.area.bbox
            if left.sx < 0:
                x1 = min(x1, -left.clear - _SPINE_CLEAR)
            else:
                x0 = max(x0, left.clear + _SPINE_CLEAR)
            mid = (x0 + x1) / 2
            left = _plan_hand(step, body, "left", shared, (-math.inf, mid - 0.2))
            right = _plan_hand(step, body, "right", shared, (mid + 0.2, math.inf))
    if step.motion.pattern is Pattern.KNEADING_GRIP and not stacked:  # each its own stretch
        left, right = (h if h.steady else fitted(h) for h in (left, right))
    plan = Plan(left, right)
    _PLANS[key] = plan
    _LAST_PLAN[0] = (step, body, plan)
    while len(_PLANS) > 64:
        _PLANS.popitem(last=False)
    return plan


def spread(step: Step) -> bool:
    return step.technique is Technique.SPINE_STRETCH


@lru_cache(maxsize=4096)
def reach(contact: Contact, shape: hand_shape.Shape, angle: float, right: bool, sx: float) -> float:
    """How far (signed, toward the hand's own side) the hand's nearest-to-midline point is from
    its contact point, for a quarter-degree angle (cached: asked every frame)."""
    at = hand_shape.anchor(contact, shape)
    return min(
        sx * px
        for part in hand_shape.parts(contact, shape)
        for px, _py in hand_shape.place(part, (0.0, 0.0), angle, at, right)
    )
