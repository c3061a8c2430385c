"""The body coordinate system, its named zones and its drawing geometry, from assets/body.json.

Coordinates are centimetres of an average adult seen from above, lying prone: x grows toward the
receiver's right (the viewer's right), y grows toward the feet, (0, 0) is the top of the head.
The silhouette and landmarks are data (cubic Bezier paths) so every renderer draws the same body.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from massage_trainer.core.protocol.localtext import LocalText
from massage_trainer.resources import asset

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
    """'work' for an ordinary area, 'caution' for one to spare (spine, kidneys)."""
    side: str
    polygon: tuple[Point, ...]

    @property
    def is_caution(self) -> bool:
        return self.kind == "caution"

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
        inside = False
        pts = self.polygon
        j = len(pts) - 1
        for i in range(len(pts)):
            xi, yi = pts[i]
            xj, yj = pts[j]
            if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
                inside = not inside
            j = i
        return inside


@dataclass(frozen=True)
class Body:
    zones: dict[str, Zone]
    raw: dict[str, Any] = field(repr=False, compare=False, hash=False)
    shapes: dict[str, tuple[Curve, ...]] = field(default_factory=dict, repr=False, compare=False)
    """Drawing geometry by name (torso, arm, head, hair, scapula, ...): one or two (mirrored) curves."""
    vertebrae: tuple[tuple[str, float], ...] = ()
    """Spinous processes from C7 down to L5: (name, y)."""
    levels: dict[str, float] = field(default_factory=dict, compare=False)
    """Named vertebral levels (C7, T3, T7, T12, L4, S2, coccyx) as y."""
    extent: tuple[float, float, float, float] = (-27.0, -1.5, 27.0, 110.0)
    """The drawn area (x0, y0, x1, y1) that a view should fit."""

    def shape(self, name: str) -> tuple[Curve, ...]:
        return self.shapes.get(name, ())

    def zone(self, zone_id: str) -> Zone:
        return self.zones[zone_id]

    def zones_at(self, x: float, y: float) -> list[Zone]:
        """Every zone under a point, caution zones first, then the smallest."""
        hits = [z for z in self.zones.values() if z.contains(x, y)]
        hits.sort(key=lambda z: (not z.is_caution, z.area()))
        return hits

    def zone_at(self, x: float, y: float) -> Zone | None:
        hits = self.zones_at(x, y)
        return hits[0] if hits else None


def _text(value: Any) -> LocalText:
    if isinstance(value, str):
        return LocalText((("en", value),))
    en = value["en"]
    return LocalText((("en", en), *sorted((k, v) for k, v in value.items() if k != "en")))


def _pt(v: Any) -> Point:
    return float(v[0]), float(v[1])


def _curves(d: dict[str, Any]) -> tuple[Curve, ...]:
    """One curve, or for mirror=true the given right half plus its reflection (joined when it is
    a half outline running from the midline back to the midline)."""
    segs = tuple(
        ((float(c[0]), float(c[1])), (float(c[2]), float(c[3])), (float(c[4]), float(c[5])))
        for c in d["curves"]
    )
    closed = bool(d.get("closed", False))
    right = Curve(_pt(d["start"]), segs, closed)
    if not d.get("mirror", False):
        return (right,)
    if abs(right.start[0]) < 1e-9 and abs(right.end[0]) < 1e-9:
        left = right.mirrored().reversed()
        return (Curve(right.start, right.segments + left.segments, True),)
    return (right, right.mirrored())


def parse_body(data: dict[str, Any]) -> Body:
    zones = {}
    for z in data["zones"]:
        poly = tuple((float(p[0]), float(p[1])) for p in z["polygon"])
        zones[z["id"]] = Zone(z["id"], _text(z["name"]), z["kind"], z["side"], poly)
    shapes = {name: _curves(d) for name, d in data.get("shapes", {}).items()}
    marks = data.get("landmarks", {})
    vertebrae = tuple((str(v["name"]), float(v["y"])) for v in marks.get("vertebrae", ()))
    levels = {str(k): float(v) for k, v in marks.get("levels", {}).items()}
    ext = marks.get("extent", (-27.0, -1.5, 27.0, 110.0))
    extent = (float(ext[0]), float(ext[1]), float(ext[2]), float(ext[3]))
    return Body(zones, data, shapes, vertebrae, levels, extent)


@cache
def load_body(path: Path | None = None) -> Body:
    p = path or asset("body.json")
    with p.open(encoding="utf-8") as fh:
        return parse_body(json.load(fh))


def zone_ids() -> tuple[str, ...]:
    return tuple(load_body().zones)
