"""The body's data types: Bezier curves to draw, zones to work in, and the Body of one pose.

Coordinates are centimetres on the picture of one pose: x grows to the viewer's right, y grows
downward on the page (toward the feet when lying prone). Each pose's JSON says in "axes" how that
maps onto the receiver, and its "frame" gives the receiver's right and feet as page directions.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from massage_trainer.core.protocol.localtext import LocalText

Point = tuple[float, float]
Segment = tuple[Point, Point, Point]
"""One cubic Bezier segment after the previous end point: (control 1, control 2, end)."""


@dataclass(frozen=True)
class Curve:
    """A chain of cubic Bezier segments, open or closed."""

    start: Point
    segments: tuple[Segment, ...]
    closed: bool = False

    @property
    def end(self) -> Point:
        return self.segments[-1][2] if self.segments else self.start

    def mirrored(self) -> Curve:
        """The reflection in the midline (x -> -x)."""

        def m(p: Point) -> Point:
            return (-p[0], p[1])

        return Curve(
            m(self.start), tuple((m(a), m(b), m(c)) for a, b, c in self.segments), self.closed
        )

    def reversed(self) -> Curve:
        pts = [self.start] + [s[2] for s in self.segments]
        segs = tuple(
            (self.segments[i][1], self.segments[i][0], pts[i])
            for i in range(len(self.segments) - 1, -1, -1)
        )
        return Curve(self.end, segs, self.closed)

    def points(self) -> tuple[Point, ...]:
        """Every start, control and end point (for extents and tests)."""
        return (self.start, *(p for seg in self.segments for p in seg))


@dataclass(frozen=True)
class Zone:
    id: str
    name: LocalText
    kind: str
    """'work' for an ordinary area, 'caution' for one to spare (spine, kidneys), 'avoid' for one
    never to touch."""
    side: str
    polygon: tuple[Point, ...]
    fine: bool = False
    """A finer zone inside the broad ones (top of the shoulder, inner edge of the blade...):
    drawn on the zone map and on hover, not outlined on every diagram."""

    @property
    def is_caution(self) -> bool:
        """Spared or avoided: hatched, never labelled as a place to work."""
        return self.kind in ("caution", "avoid")

    def bbox(self) -> tuple[float, float, float, float]:
        xs = [p[0] for p in self.polygon]
        ys = [p[1] for p in self.polygon]
        return min(xs), min(ys), max(xs), max(ys)

    def centroid(self) -> Point:
        """Area centroid of the polygon (shoelace formula)."""
        pts = self.polygon
        a = cx = cy = 0.0
        for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1], strict=True):
            cross = x0 * y1 - x1 * y0
            a += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
        if abs(a) < 1e-12:
            return pts[0]
        a *= 0.5
        return cx / (6 * a), cy / (6 * a)

    def area(self) -> float:
        pts = self.polygon
        s = 0.0
        for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1], strict=True):
            s += x0 * y1 - x1 * y0
        return abs(s) / 2

    @cached_property
    def _box(self) -> tuple[float, float, float, float]:
        return self.bbox()

    def contains(self, x: float, y: float) -> bool:
        """Even-odd ray casting; points on an edge may fall either way."""
        x0, y0, x1, y1 = self._box
        if x < x0 or x > x1 or y < y0 or y > y1:
            return False
        return point_in_polygon(self.polygon, x, y)


@dataclass(frozen=True)
class Body:
    zones: dict[str, Zone]
    raw: dict[str, Any] = field(repr=False, compare=False, hash=False)
    shapes: dict[str, tuple[Curve, ...]] = field(default_factory=dict, repr=False, compare=False)
    """Drawing geometry by name (torso, arm, head, hair, scapula, ...): one or two (mirrored) curves."""
    vertebrae: tuple[tuple[str, float], ...] = ()
    """Spinous processes from C7 down to L5: (name, page y) - a level only when the spine runs
    down the page (prone, seated); `landmark(name)` is the place in every pose."""
    levels: dict[str, float] = field(default_factory=dict, compare=False)
    """The vertebral levels labelled on the drawing (C7, T3, T7, T12, L4, S2...) as page y, in
    order; see `vertebrae` for when y is a level."""
    extent: tuple[float, float, float, float] = (-27.0, -1.5, 27.0, 110.0)
    """The drawn area (x0, y0, x1, y1) that a view should fit."""
    pose: str = "prone"
    landmarks: dict[str, Point] = field(default_factory=dict, compare=False)
    """Named surface landmarks (C7..S2, scapula-*, acromion-*, rib12-*, iliac-crest-*, midline...)."""
    outline: tuple[Point, ...] = field(default=(), compare=False)
    """The receiver's silhouette as one polygon (body cm), for "is it on the body" checks."""
    right_dir: Point = (1.0, 0.0)
    """The receiver's right as a unit direction on the page."""
    feet_dir: Point = (0.0, 1.0)
    """Toward the receiver's feet as a unit direction on the page."""
    back_transform: tuple[float, float, float, float, float, float] | None = None
    """For a pose drawn from the prone back: (a, b, c, d, e, f) with page x = a*x + c*y + e and
    page y = b*x + d*y + f of a prone point (x, y). None for prone itself."""

    def shape(self, name: str) -> tuple[Curve, ...]:
        return self.shapes.get(name, ())

    def zone(self, zone_id: str) -> Zone:
        return self.zones[zone_id]

    def landmark(self, name: str) -> Point:
        """A named landmark's place; KeyError names the landmark if this pose has none."""
        try:
            return self.landmarks[name]
        except KeyError:
            raise KeyError(f"no landmark {name!r} in the {self.pose} pose") from None

    def zones_at(self, x: float, y: float) -> list[Zone]:
        """Every zone under a point, caution zones first, then the smallest."""
        hits = [z for z in self.zones.values() if z.contains(x, y)]
        hits.sort(key=lambda z: (not z.is_caution, z.area()))
        return hits

    def zone_at(self, x: float, y: float) -> Zone | None:
        hits = self.zones_at(x, y)
        return hits[0] if hits else None

    def on_body(self, x: float, y: float) -> bool:
        """Inside the silhouette (always true for a body without one)."""
        if not self.outline:
            return True
        x0, y0, x1, y1 = self._outline_box
        return x0 <= x <= x1 and y0 <= y <= y1 and point_in_polygon(self.outline, x, y)

    @cached_property
    def _outline_box(self) -> tuple[float, float, float, float]:
        xs = [p[0] for p in self.outline]
        ys = [p[1] for p in self.outline]
        return min(xs), min(ys), max(xs), max(ys)


def point_in_polygon(pts: tuple[Point, ...], x: float, y: float) -> bool:
    """Even-odd ray casting; points on an edge may fall either way."""
    inside = False
    j = len(pts) - 1
    for i in range(len(pts)):
        xi, yi = pts[i]
        xj, yj = pts[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def _on_chord(a: Point, c: Point, b: Point) -> bool:
    """Whether control point c lies on the line a-b (within a thousandth of a centimetre)."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    n = math.hypot(dx, dy)
    if n < 1e-9:
        return math.dist(a, c) < 1e-3
    return abs((c[0] - a[0]) * dy - (c[1] - a[1]) * dx) / n < 1e-3


def flatten(curve: Curve, per_segment: int = 10) -> tuple[Point, ...]:
    """The curve as a polyline (closing point not repeated)."""
    out: list[Point] = [curve.start]
    p0 = curve.start
    for c1, c2, p3 in curve.segments:
        if _on_chord(p0, c1, p3) and _on_chord(p0, c2, p3):
            out.append(p3)  # a straight segment: its end is enough
            p0 = p3
            continue
        for k in range(1, per_segment + 1):
            t = k / per_segment
            u = 1 - t
            a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
            out.append(
                (
                    a * p0[0] + b * c1[0] + c * c2[0] + d * p3[0],
                    a * p0[1] + b * c1[1] + c * c2[1] + d * p3[1],
                )
            )
        p0 = p3
    if len(out) > 1 and math.dist(out[0], out[-1]) < 1e-9:
        out.pop()
    return tuple(out)
