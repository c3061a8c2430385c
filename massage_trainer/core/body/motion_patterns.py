"""Where one hand is planned to be at a moment of a step, pattern by pattern, before motion keeps
it inside its area: (x, y, angle, lift, pressure).

Each stroke repeats every `step.period_s`; patterns that also travel along the zone repeat as a
whole every LOOP_CYCLES strokes. A composite path (up, then out...) replaces the pattern's own
way; a steadying hand rests where it was put; alternating hands take turns.
"""

from __future__ import annotations

import itertools
import math
from typing import NamedTuple

from massage_trainer.core.body.geometry import Point
from massage_trainer.core.body.motion_hand import Hand
from massage_trainer.core.protocol.model import PathMove, Step
from massage_trainer.core.protocol.vocab import Coordination, Direction, Move, Pattern

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


class Planned(NamedTuple):
    x: float
    y: float
    angle: float
    lift: float
    pressure: float


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


def path_points(moves: tuple[PathMove, ...], start: Point, sx: float) -> list[Point]:
    """The composite path as points (every ~0.5 cm) from `start`, mirrored by the hand's side
    (`sx` -1 on the receiver's left: outward is toward -x there)."""
    pts = [start]
    x, y = start
    for m in moves:
        if m.move is Move.AROUND:  # half a circle down, bulging outward
            r = m.cm / 2
            cy = y + r
            k = max(6, math.ceil(math.pi * r / 0.5))
            for i in range(1, k + 1):
                a = math.pi * i / k
                pts.append((x + sx * r * math.sin(a), cy - r * math.cos(a)))
            y = cy + r
            continue
        dx, dy = {
            Move.UP: (0.0, -1.0),
            Move.DOWN: (0.0, 1.0),
            Move.OUTWARD: (sx, 0.0),
            Move.INWARD: (-sx, 0.0),
        }[m.move]
        k = max(1, math.ceil(m.cm / 0.5))
        for i in range(1, k + 1):
            pts.append((x + dx * m.cm * i / k, y + dy * m.cm * i / k))
        x, y = x + dx * m.cm, y + dy * m.cm
    return pts


def _along(pts: list[Point], q: float) -> Point:
    """The point a fraction q (0..1) of the way along a polyline, by length."""
    lengths = [math.dist(a, b) for a, b in itertools.pairwise(pts)]
    total = sum(lengths)
    if total <= 0:
        return pts[0]
    goal = q * total
    for (a, b), d in zip(itertools.pairwise(pts), lengths, strict=True):
        if goal <= d and d > 0:
            f = goal / d
            return a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f
        goal -= d
    return pts[-1]


WORK_SHARE = 0.7
"""Of each stroke along a composite path: the share pressing along it (the rest returns, lifted)."""


def _on_path(step: Step, h: Hand, s: float, base: float) -> Planned:
    pts = path_points(step.motion.path, h.anchor, h.sx)
    if s < WORK_SHARE:
        x, y = _along(pts, _smooth(s / WORK_SHARE))
        return Planned(x, y, h.base_angle, 0.0, base)
    q = (s - WORK_SHARE) / (1 - WORK_SHARE)
    x, y = _along(pts, 1.0 - _smooth(q))
    return Planned(x, y, h.base_angle, math.sin(math.pi * q), base * 0.3)


TURN_DOWN = 0.4
"""Alternating grips: the share of a stroke a hand grips; then it lifts while the other grips,
so the two never press at once (and never touch one another)."""


def _turns(s: float) -> float:
    """Lift of a hand taking turns, over its own stroke s: 0 while gripping (s < TURN_DOWN), up
    over the next twentieth, 1 until the last twentieth, down again to land."""
    if s < TURN_DOWN:
        return 0.0
    if s < TURN_DOWN + 0.05:
        return _smooth((s - TURN_DOWN) / 0.05)
    if s < 0.95:
        return 1.0
    return 1.0 - _smooth((s - 0.95) / 0.05)


def planned(step: Step, h: Hand, t: float, base: float) -> Planned:
    """Where hand `h` means to be `t` seconds into the step (before its area holds it back)."""
    if h.steady:  # resting where it was put, a light, even hold
        return Planned(h.anchor[0], h.anchor[1], h.base_angle, 0.0, base * 0.5)
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
    if step.motion.path:
        return _on_path(step, h, s, base)

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
        if step.motion.hands is Coordination.ALTERNATING:  # one grips, the other lifts
            g = math.sin(math.pi * min(1.0, s / TURN_DOWN)) if s < TURN_DOWN else 0.0
            lift = max(lift, _turns(s))
        else:
            g = (1 - math.cos(2 * math.pi * s)) / 2
        x = h.lane_x - h.sx * h.grip * g
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
    return Planned(x, y, angle, lift, pressure)
