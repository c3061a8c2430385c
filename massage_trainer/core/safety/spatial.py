"""Zones are geometry: where a step may work, and whether its hands' contact stays there.

The work area of a step is its target zones minus its avoid zones and minus every zone a rule
keeps this step's work out of (the spine always, the kidney areas for blows and deep work, the
neck for tapping). The check takes contact shapes over time (`Contact`: which hand, when, which
convex polygons touch the skin) and the work area, and reports where contact leaves the targets
or touches a forbidden zone. `contacts()` samples today's hand motion over one whole loop; another
body pose or hand model only has to supply its own contacts to be checked the same way. The
diagram draws exactly `work_area()` as "Work here".
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from massage_trainer.core.body import hand_shape, motion
from massage_trainer.core.body.geometry import Body, Point, Zone, load_body
from massage_trainer.core.body.motion_anchor import body_for
from massage_trainer.core.protocol.localtext import LocalText
from massage_trainer.core.protocol.model import Protocol, Step
from massage_trainer.core.protocol.vocab import Role
from massage_trainer.core.safety.finding import Finding, step_name
from massage_trainer.core.safety.rules_model import Rules, ZoneRule

Polygon = tuple[Point, ...]

SAMPLES_PER_STROKE = 16
"""Contact is checked this many times per stroke over a whole loop of the motion."""
MARGIN_CM = 0.3
"""Contact shapes are checked grown by this much, so the moments between samples are covered."""
TOUCHING_LIFT = 0.35
"""A hand lifted less than this (0 flat on the skin, 1 lifted) is touching; the diagram's
arrows use the same line between a stroke and the hand's way back in the air."""
_STEP_CM = 1.0
"""Greatest gap between the points checked along a contact shape's edge."""


@dataclass(frozen=True)
class WorkArea:
    """Where a step's hands may touch: inside one of `include`, outside every one of `exclude`."""

    include: tuple[Zone, ...]
    exclude: tuple[Zone, ...]
    why: tuple[tuple[str, LocalText], ...] = ()
    """(zone id, why it is left out) for the zones a rule keeps the step out of."""

    def contains(self, x: float, y: float) -> bool:
        return any(z.contains(x, y) for z in self.include) and not any(
            z.contains(x, y) for z in self.exclude
        )

    def reason(self, zone_id: str) -> LocalText | None:
        return next((r for z, r in self.why if z == zone_id), None)


@dataclass(frozen=True)
class Contact:
    """What of one hand touches the skin at one moment, as convex polygons in body centimetres."""

    t: float
    hand: str
    """'left' or 'right' (the caregiver's hands)."""
    shapes: tuple[Polygon, ...]
    steadying: bool = False
    """A hand that only rests and steadies: it may rest outside the targets (on the shoulder the
    other hand works beside), never on a zone the step keeps out of."""


@dataclass(frozen=True)
class Violation:
    hand: str
    t: float
    kind: str
    """'leaves' (outside every target zone) or 'touches' (a zone it must keep out of)."""
    zone: str | None
    """The zone touched (for 'touches'), or the zone under the stray point if any."""
    point: Point


def work_area(zone_rules: Iterable[ZoneRule], step: Step, body: Body | None = None) -> WorkArea:
    """The step's work area: target zones minus avoid zones and the zones the rules (the rules
    file's `zones`) keep this step out of."""
    b = body or load_body()
    forbidden: list[tuple[str, ZoneRule]] = [
        (z, rule) for rule in zone_rules if rule.forbids(step) for z in rule.zones
    ]
    out_ids = list(dict.fromkeys([*step.avoid_zones, *(z for z, _ in forbidden)]))
    return WorkArea(
        include=tuple(b.zones[z] for z in step.target_zones if z in b.zones),
        exclude=tuple(b.zones[z] for z in out_ids if z in b.zones),
        why=tuple((z, rule.reason) for z, rule in forbidden),
    )


def contact_shapes(pose: motion.HandPose, right: bool) -> tuple[Polygon, ...]:
    """The touching parts of one placed hand, in body centimetres (none while it is lifted)."""
    if not pose.active or pose.lift >= TOUCHING_LIFT:
        return ()
    sh = pose.shape
    at = hand_shape.anchor(pose.contact, sh)
    return tuple(
        tuple(hand_shape.place(part, (pose.x, pose.y), pose.angle_deg, at, right))
        for part in hand_shape.contact_parts(pose.contact, sh)
    )


def contacts(
    step: Step, body: Body | None = None, per_stroke: int = SAMPLES_PER_STROKE
) -> Iterator[Contact]:
    """Both hands' contact over one whole loop of today's motion (motion.pose_at)."""
    b = body or load_body()
    n = motion.LOOP_CYCLES.get(step.motion.pattern, 1) * per_stroke
    total = motion.loop_s(step)
    for i in range(n):
        t = total * i / n
        pose = motion.pose_at(step, t, b)
        for name, hp, right in (("left", pose.left, False), ("right", pose.right, True)):
            shapes = contact_shapes(hp, right)
            if shapes:
                yield Contact(t, name, shapes, step.hands.role(name) is Role.STEADYING)


def _grow(poly: Polygon, d: float) -> Polygon:
    cx = sum(p[0] for p in poly) / len(poly)
    cy = sum(p[1] for p in poly) / len(poly)
    out = []
    for x, y in poly:
        dx, dy = x - cx, y - cy
        n = math.hypot(dx, dy) or 1.0
        out.append((x + dx / n * d, y + dy / n * d))
    return tuple(out)


def _edge_points(poly: Polygon) -> Iterator[Point]:
    for (x0, y0), (x1, y1) in zip(poly, poly[1:] + poly[:1], strict=True):
        k = max(1, math.ceil(math.hypot(x1 - x0, y1 - y0) / _STEP_CM))
        for j in range(k):
            yield x0 + (x1 - x0) * j / k, y0 + (y1 - y0) * j / k


def _bbox(poly: Polygon) -> tuple[float, float, float, float]:
    xs = [p[0] for p in poly]
    ys = [p[1] for p in poly]
    return min(xs), min(ys), max(xs), max(ys)


def _in_convex(poly: Polygon, x: float, y: float) -> bool:
    sign = 0.0
    for (x0, y0), (x1, y1) in zip(poly, poly[1:] + poly[:1], strict=True):
        cross = (x1 - x0) * (y - y0) - (y1 - y0) * (x - x0)
        if cross != 0:
            if sign and (cross > 0) != (sign > 0):
                return False
            sign = cross
    return True


def _cross(a: Point, b: Point, c: Point, d: Point) -> bool:
    """Do segments ab and cd cross?"""

    def orient(p: Point, q: Point, r: Point) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    o1, o2 = orient(a, b, c), orient(a, b, d)
    o3, o4 = orient(c, d, a), orient(c, d, b)
    return (o1 > 0) != (o2 > 0) and (o3 > 0) != (o4 > 0) and o1 * o2 < 0 and o3 * o4 < 0


def overlap_point(poly: Polygon, zone: Zone) -> Point | None:
    """A point where a convex polygon and a zone overlap, or None when they do not."""
    ax0, ay0, ax1, ay1 = _bbox(poly)
    bx0, by0, bx1, by1 = zone.bbox()
    if ax1 < bx0 or bx1 < ax0 or ay1 < by0 or by1 < ay0:
        return None
    for p in _edge_points(poly):
        if zone.contains(*p):
            return p
    for q in zone.polygon:
        if _in_convex(poly, *q):
            return q
    edges = list(zip(poly, poly[1:] + poly[:1], strict=True))
    zp = zone.polygon
    for c, d in zip(zp, zp[1:] + zp[:1], strict=True):
        for a, b in edges:
            if _cross(a, b, c, d):
                return (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
    return None


def check(
    contacts: Iterable[Contact], area: WorkArea, margin: float = MARGIN_CM
) -> list[Violation]:
    """Every moment a hand's contact leaves the area's targets or touches an excluded zone;
    at most one violation per hand, kind and zone (the first in time)."""
    out: dict[tuple[str, str, str | None], Violation] = {}
    for c in contacts:
        for shape in c.shapes:
            poly = _grow(shape, margin) if margin > 0 else shape
            for z in area.exclude:
                key = (c.hand, "touches", z.id)
                if key in out:
                    continue
                hit = overlap_point(poly, z)
                if hit is not None:
                    out[key] = Violation(c.hand, c.t, "touches", z.id, hit)
            if c.steadying or (c.hand, "leaves", None) in out:
                continue
            for p in _edge_points(poly):
                if not any(z.contains(*p) for z in area.include):
                    out[(c.hand, "leaves", None)] = Violation(c.hand, c.t, "leaves", None, p)
                    break
    return sorted(out.values(), key=lambda v: (v.t, v.hand, v.kind))


def _t(en: str, ru: str) -> LocalText:
    return LocalText.of(en, ru=ru)


_HAND = {"left": ("left hand", "левая рука"), "right": ("right hand", "правая рука")}


def _start_findings(rules: Rules, protocol: Protocol, index: int, area: WorkArea) -> list[Finding]:
    """A working hand must start inside the targets and outside every zone kept out of."""
    step = protocol.steps[index]
    name = step_name(protocol, index)
    out: list[Finding] = []
    targets = ", ".join(step.target_zones)
    for hand in ("left", "right"):
        start = step.hands.zone(hand)
        en_hand, ru_hand = _HAND[hand]
        where = ("steps", index + 1, "hands", hand)
        if start in {z.id for z in area.exclude}:
            why = area.reason(start)
            out.append(
                Finding(
                    where,
                    _t(
                        f"{name.get('en')}: the {en_hand} starts in {start}, which this step "
                        f"must not touch{': ' + why.get('en') if why else ''}. Start it in one "
                        f"of the targets ({targets}).",
                        f"{name.get('ru')}: {ru_hand} начинает движение в зоне {start}, которой этот шаг "
                        f"не должен касаться{': ' + why.get('ru') if why else ''}. Начните в "
                        f"одной из целевых зон ({targets}).",
                    ),
                )
            )
        elif start not in step.target_zones and step.hands.role(hand) is not Role.STEADYING:
            out.append(
                Finding(
                    where,
                    _t(
                        f"{name.get('en')}: the {en_hand} starts in {start}, which is not one of "
                        f"the step's target zones; start it in one of: {targets}.",
                        f"{name.get('ru')}: {ru_hand} начинает движение в зоне {start}, которой нет среди "
                        f"целевых зон шага; начните в одной из них: {targets}.",
                    ),
                )
            )
    return out


def _violation_finding(protocol: Protocol, index: int, v: Violation, area: WorkArea) -> Finding:
    step = protocol.steps[index]
    name = step_name(protocol, index)
    en_hand, ru_hand = _HAND[v.hand]
    at = f"{v.t:.1f} s"
    at_ru = f"{v.t:.1f} с".replace(".", ",")
    if v.kind == "touches":
        assert v.zone is not None
        why = area.reason(v.zone)
        listed = v.zone in step.avoid_zones
        fix_en = (
            "the hands cannot keep out of it in this motion: choose targets further from it, "
            "another pattern or a smaller contact"
            if listed
            else f"add {v.zone} to avoid_zones so the hands keep out of it"
        )
        fix_ru = (
            "в этом движении руки не могут его обойти: выберите цели дальше от него, другой "
            "рисунок движения или меньший контакт"
            if listed
            else f"добавьте {v.zone} в avoid_zones, чтобы руки обходили эту зону"
        )
        return Finding(
            ("steps", index + 1, "avoid_zones" if not listed else "target_zones"),
            _t(
                f"{name.get('en')}: at {at} the {en_hand} touches {v.zone}"
                f"{' (' + why.get('en').rstrip('.') + ')' if why else ''}; {fix_en}.",
                f"{name.get('ru')}: на отметке {at_ru} {ru_hand} касается зоны {v.zone}"
                f"{' (' + why.get('ru').rstrip('.') + ')' if why else ''}; {fix_ru}.",
            ),
        )
    return Finding(
        ("steps", index + 1, "target_zones"),
        _t(
            f"{name.get('en')}: at {at} the {en_hand}'s contact leaves the target zones (near "
            f"x {v.point[0]:.0f} cm, y {v.point[1]:.0f} cm); add the zone it reaches to "
            "target_zones if it belongs to this step, or choose a smaller contact or motion.",
            f"{name.get('ru')}: на отметке {at_ru} {ru_hand} выходит за целевые зоны (около "
            f"x {v.point[0]:.0f} см, y {v.point[1]:.0f} см); добавьте эту зону в target_zones, "
            "если она относится к шагу, или выберите меньший контакт или движение.",
        ),
    )


_CHECKED: dict[tuple[Step, tuple[ZoneRule, ...], int], tuple[Violation, ...]] = {}


def _step_check(step: Step, zones: tuple[ZoneRule, ...], body: Body) -> tuple[Violation, ...]:
    """The sampled check of one step, kept per step content (the picker, a live reload and the
    verdict ask again for the same steps)."""
    key = (step, zones, id(body))
    hit = _CHECKED.get(key)
    if hit is None:
        hit = tuple(check(contacts(step, body), work_area(zones, step, body)))
        if len(_CHECKED) > 512:
            _CHECKED.clear()
        _CHECKED[key] = hit
    return hit


def step_findings(
    rules: Rules, protocol: Protocol, index: int, body: Body | None = None
) -> list[Finding]:
    """What keeps step `index` of `protocol` from being played, spatially; empty when it is fine.
    The body is the protocol's pose (prone, side-lying, seated) unless one is given."""
    b = body or body_for(str(protocol.pose))
    step = protocol.steps[index]
    area = work_area(rules.zones, step, b)
    start = _start_findings(rules, protocol, index, area)
    if start:
        return start
    violations = _step_check(step, rules.zones, b)
    return [_violation_finding(protocol, index, v, area) for v in violations]
