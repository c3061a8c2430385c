"""The caregiver's hand as plain geometry, shared by the drawing and the motion planner.

The diagram draws exactly these proportions and the motion keeps this footprint off the spine and
away from the other hand. Hand-local centimetres: a LEFT hand lying palm down seen from above,
palm centre at the origin, fingers toward -y, thumb on +x; the right hand is its mirror (x -> -x).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from massage_trainer.core.body.geometry import Point
from massage_trainer.core.protocol.vocab import Contact, Orientation


@dataclass(frozen=True)
class Finger:
    x: float
    y: float
    """Knuckle (base) of the finger."""
    length: float
    width: float
    tilt: float
    """Degrees from straight ahead (-y) toward +x."""


FINGERS = (  # index, middle, ring, little
    Finger(2.72, -3.95, 6.9, 1.78, -4.0),
    Finger(0.9, -4.25, 7.7, 1.84, -1.0),
    Finger(-0.93, -4.05, 7.2, 1.74, 2.5),
    Finger(-2.68, -3.5, 5.7, 1.52, 7.0),
)
THUMB_BASE: Point = (3.35, 2.3)
THUMB_LEN = 5.6
THUMB_W = 2.1
PALM: tuple[Point, ...] = (
    (-2.7, 5.2),
    (-3.5, 4.2),
    (-3.85, 2.0),
    (-3.95, -1.5),
    (-3.55, -3.6),
    (-2.2, -4.3),
    (0.9, -4.6),
    (2.9, -4.4),
    (3.85, -3.7),
    (3.95, -0.8),
    (3.7, 2.4),
    (3.0, 4.4),
    (2.2, 5.2),
)
"""The palm (back of the hand seen from above) as a convex outline; the wrist starts at +y."""
EDGE_HALF_W = 2.2
"""Half the width of a hand standing on its little-finger edge, seen from above."""
EDGE_TIP_Y = -10.4
WRIST_Y = 4.4


SQUEEZE_STEPS = 16


@dataclass(frozen=True)
class Shape:
    """How the hand is held: where the thumb points and how far the fingers curl."""

    thumb_deg: float
    """Thumb direction: 0 alongside the fingers, 90 straight across the palm's width."""
    curl: float
    """1 for straight fingers; smaller when curled (they look shorter from above)."""


def shape_for(
    contact: Contact, orientation: Orientation, squeeze: float = 0.0, *, thumbs_spread: bool = False
) -> Shape:
    """The hand shape for a contact; `squeeze` 0..1 closes a grip around its fold of skin;
    `thumbs_spread` opens the thumbs square to the fingers (the spine stretch: thumbs toward
    each other across the spine while the palms rest on the sides)."""
    outward = orientation is Orientation.FINGERS_OUTWARD
    if contact in (Contact.PALM, Contact.PALM_HEEL):
        if thumbs_spread:
            return Shape(52.0, 1.0)
        if outward:  # thumbs side by side along the spine, fingers toward the flanks
            return Shape(82.0, 0.9)
        if orientation is Orientation.FINGERS_TOWARD_HEAD:  # thumbs along the spine
            return Shape(13.0, 1.0)
        return Shape(26.0, 1.0)
    if contact is Contact.THUMBS:  # thumbs apart from the fingers, pressing with their pads
        return Shape(74.0 if outward else 46.0, 0.88)
    if contact is Contact.FINGER_PADS:
        return Shape(20.0, 0.9)
    if contact is Contact.FINGERTIPS:  # a skin fold between thumb and fingertips
        return Shape(30.0, 0.6)
    if contact is Contact.GRIP:  # a C-shaped hand closing round a fold of muscle
        # In 1/16 steps: the shape keys caches and sprites, so it must take few distinct values.
        closed = round(max(0.0, min(1.0, squeeze)) * SQUEEZE_STEPS) / SQUEEZE_STEPS
        return Shape(64.0 - 28.0 * closed, 0.74)
    if contact is Contact.CUPPED_PALM:
        return Shape(5.0, 0.8)
    return Shape(0.0, 1.0)  # palm edge


def finger_tip(f: Finger, curl: float, back: float = 0.0) -> Point:
    """The tip of a finger (or a point `back` cm behind it along the finger)."""
    a = math.radians(f.tilt)
    d = max(0.0, f.length * curl - back)
    return f.x + math.sin(a) * d, f.y - math.cos(a) * d


def thumb_tip(shape: Shape, back: float = 0.0) -> Point:
    a = math.radians(shape.thumb_deg)
    d = THUMB_LEN - back
    return THUMB_BASE[0] + math.sin(a) * d, THUMB_BASE[1] - math.cos(a) * d


def fold_of(contact: Contact, shape: Shape) -> tuple[Point, float, float, float] | None:
    """The skin fold held by a grip or a pinch: (centre, half length, half width, degrees of its
    long axis from +x), hand-local; None for other contacts."""
    if contact in (Contact.GRIP, Contact.FINGERTIPS):
        small = contact is Contact.FINGERTIPS
        tx, ty = thumb_tip(shape, 0.7 if small else 1.0)
        ix, iy = finger_tip(FINGERS[0], shape.curl, 0.5 if small else 0.9)
        cx, cy = (tx + ix) / 2, (ty + iy) / 2
        gap = math.hypot(tx - ix, ty - iy)
        axis = math.degrees(math.atan2(iy - ty, ix - tx)) + 180.0
        width = max(0.8, min(1.0 if small else 1.3, gap / 2 - 0.3))
        return (cx - 0.3, cy + 0.3), 2.4 if small else 2.6, width, axis
    return None


@lru_cache(maxsize=512)
def anchor(contact: Contact, shape: Shape) -> Point:
    """The hand-local point that touches the skin: it is placed at the pose's (x, y)."""
    if contact is Contact.PALM_HEEL:
        return 0.0, 2.9
    if contact is Contact.THUMBS:
        return thumb_tip(shape, 0.9)
    if contact is Contact.FINGER_PADS:
        xs = [finger_tip(f, shape.curl, 0.9) for f in FINGERS[:3]]
        return sum(p[0] for p in xs) / 3, sum(p[1] for p in xs) / 3
    fold = fold_of(contact, shape)
    if fold is not None:
        return fold[0]
    if contact is Contact.CUPPED_PALM:
        return 0.0, -1.4
    if contact is Contact.PALM_EDGE:
        return 0.0, -2.0
    return 0.0, -0.3


def _capsule(x0: float, y0: float, x1: float, y1: float, w: float) -> list[Point]:
    """A finger-like capsule from (x0, y0) to (x1, y1) as a polygon (convex)."""
    dx, dy = x1 - x0, y1 - y0
    n = math.hypot(dx, dy) or 1.0
    ux, uy = dx / n, dy / n
    nx, ny = -uy, ux
    r = w / 2
    pts = [(x0 + nx * r, y0 + ny * r), (x0 - nx * r, y0 - ny * r)]
    for i in range(7):  # the rounded tip
        a = math.pi * i / 6
        c, s = math.cos(a), math.sin(a)
        pts.append((x1 + (-nx * c + ux * s) * r, y1 + (-ny * c + uy * s) * r))
    return pts


@lru_cache(maxsize=512)
def parts(contact: Contact, shape: Shape) -> tuple[tuple[Point, ...], ...]:
    """Convex hand-local polygons covering the hand (palm, fingers, thumb): its footprint."""
    return tuple(tuple(part) for part in _parts(contact, shape))


def _parts(contact: Contact, shape: Shape) -> list[list[Point]]:
    if contact is Contact.PALM_EDGE:
        w = EDGE_HALF_W
        return [[(-w, WRIST_Y), (w, WRIST_Y), (w, -7.5), (0.3, EDGE_TIP_Y), (-w, -8.0)]]
    out = [list(PALM)]
    for f in FINGERS:
        tx, ty = finger_tip(f, shape.curl)
        out.append(_capsule(f.x, f.y + 0.6, tx, ty, f.width))
    tx, ty = thumb_tip(shape)
    out.append(_capsule(*THUMB_BASE, tx, ty, THUMB_W))
    return out


def _ellipse(c: Point, rx: float, ry: float, deg: float = 0.0, n: int = 12) -> tuple[Point, ...]:
    """An ellipse as an n-gon, its ry axis turned `deg` degrees like a finger of that tilt."""
    a = math.radians(deg)
    ca, sa = math.cos(a), math.sin(a)
    out = []
    for i in range(n):
        u = 2 * math.pi * i / n
        x, y = rx * math.cos(u), ry * math.sin(u)
        out.append((c[0] + x * ca - y * sa, c[1] + x * sa + y * ca))
    return tuple(out)


EDGE_TOUCH: tuple[Point, ...] = ((-2.2, 4.4), (-1.3, 4.4), (-1.3, -8.6), (-2.2, -8.0))
"""The little-finger edge that lands in palm-edge tapping (hand-local)."""


@lru_cache(maxsize=512)
def contact_parts(contact: Contact, shape: Shape) -> tuple[tuple[Point, ...], ...]:
    """The parts of the hand that touch the skin for a contact, as convex hand-local polygons.

    The diagram draws exactly these as the touching part and the spatial safety check keeps
    exactly these inside the step's work area."""
    if contact is Contact.PALM_EDGE:
        return (EDGE_TOUCH,)
    if contact is Contact.PALM:
        return (PALM,)
    if contact is Contact.PALM_HEEL:
        return (tuple(p for p in _ellipse((0.0, 2.9), 3.3, 1.7) if p[1] <= 5.2),)
    if contact is Contact.THUMBS:
        return (_ellipse(thumb_tip(shape, 1.0), 0.95, 1.3, shape.thumb_deg),)
    if contact is Contact.CUPPED_PALM:  # the rim: heel, finger pads and thumb edge
        rim = [*PALM, thumb_tip(shape)] + [finger_tip(f, shape.curl) for f in FINGERS]
        return (convex_hull(rim),)
    back = 0.45 if contact is Contact.FINGERTIPS else 0.85
    # a grip or a pinch holds the fold between the thumb and the first two fingers
    fingers = FINGERS if contact is Contact.FINGER_PADS else FINGERS[:2]
    pads = [
        _ellipse(finger_tip(f, shape.curl, back), f.width * 0.36, 0.75, f.tilt) for f in fingers
    ]
    if contact is not Contact.FINGER_PADS:
        pads.append(_ellipse(thumb_tip(shape, 0.9), 0.85, 1.1, shape.thumb_deg))
    return tuple(pads)


def convex_hull(pts: Sequence[Point]) -> tuple[Point, ...]:
    """The convex hull, counter-clockwise (Andrew's monotone chain)."""
    ps = sorted(set(pts))
    if len(ps) <= 2:
        return tuple(ps)

    def half(seq: list[Point]) -> list[Point]:
        out: list[Point] = []
        for p in seq:
            while (
                len(out) >= 2
                and (
                    (out[-1][0] - out[-2][0]) * (p[1] - out[-2][1])
                    - (out[-1][1] - out[-2][1]) * (p[0] - out[-2][0])
                )
                <= 0
            ):
                out.pop()
            out.append(p)
        return out

    lower, upper = half(ps), half(ps[::-1])
    return tuple(lower[:-1] + upper[:-1])


def place(
    pts: Sequence[Point], at: Point, angle_deg: float, anchor_pt: Point, right: bool
) -> list[Point]:
    """Hand-local points to body centimetres: mirrored for the right hand, turned so the fingers
    point `angle_deg` (0 toward the head, clockwise), the anchor put at `at`."""
    a = math.radians(angle_deg)
    c, s = math.cos(a), math.sin(a)
    m = -1.0 if right else 1.0
    ax, ay = anchor_pt[0] * m, anchor_pt[1]
    out = []
    for px, py in pts:
        lx, ly = px * m - ax, py - ay
        out.append((at[0] + lx * c - ly * s, at[1] + lx * s + ly * c))
    return out


__all__ = [
    "EDGE_HALF_W",
    "FINGERS",
    "PALM",
    "THUMB_BASE",
    "THUMB_LEN",
    "THUMB_W",
    "Finger",
    "Shape",
    "anchor",
    "contact_parts",
    "convex_hull",
    "finger_tip",
    "fold_of",
    "parts",
    "place",
    "shape_for",
    "thumb_tip",
]
