"""The body coordinate system and its named zones, loaded from assets/body.json (data, not code).

Coordinates are centimetres of an average adult seen from above, lying prone: x grows toward the
receiver's right (the viewer's right), y grows toward the feet, (0, 0) is the top of the head.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from massage_trainer.core.schema import LocalText
from massage_trainer.resources import asset

Point = tuple[float, float]


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

    def contains(self, x: float, y: float) -> bool:
        """Even-odd ray casting; points on an edge may fall either way."""
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


def parse_body(data: dict[str, Any]) -> Body:
    zones = {}
    for z in data["zones"]:
        poly = tuple((float(p[0]), float(p[1])) for p in z["polygon"])
        zones[z["id"]] = Zone(z["id"], _text(z["name"]), z["kind"], z["side"], poly)
    return Body(zones, data)


@cache
def load_body(path: Path | None = None) -> Body:
    p = path or asset("body.json")
    with p.open(encoding="utf-8") as fh:
        return parse_body(json.load(fh))


def zone_ids() -> tuple[str, ...]:
    return tuple(load_body().zones)
