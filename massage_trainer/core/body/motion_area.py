"""Where one hand may go during a step: inside its zones, outside the avoid zones, with a margin."""

from __future__ import annotations

import math

from massage_trainer.core.body.geometry import Point, Zone

_MARGIN = 1.6
"""Centimetres kept between a hand's contact point and the edge of its area."""


class Area:
    """Where one hand may be: inside any of its zones and outside every avoid zone."""

    def __init__(self, zones: tuple[Zone, ...], avoid: tuple[Zone, ...]) -> None:
        self.zones = zones
        self.avoid = avoid
        boxes = [z.bbox() for z in zones] or [(0.0, 0.0, 0.0, 0.0)]
        self.bbox = (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )

    def allows(self, x: float, y: float) -> bool:
        return any(z.contains(x, y) for z in self.zones) and not any(
            a.contains(x, y) for a in self.avoid
        )

    def inner(self, x: float, y: float, margin: float = _MARGIN) -> bool:
        """Allowed with a margin all round (so a hand does not sit on an edge)."""
        return all(
            self.allows(x + dx, y + dy)
            for dx, dy in ((0, 0), (margin, 0), (-margin, 0), (0, margin), (0, -margin))
        )

    def nearest_inner(self, x: float, y: float) -> Point:
        """The allowed point (with margin if possible) nearest to (x, y), searched on a 0.5 cm grid."""
        if self.inner(x, y):
            return x, y
        x0, y0, x1, y1 = self.bbox
        best: Point | None = None
        loose: Point | None = None
        bd = ld = math.inf
        n_x = int((x1 - x0) / 0.5) + 1
        n_y = int((y1 - y0) / 0.5) + 1
        for i in range(n_x):
            for j in range(n_y):
                px, py = x0 + i * 0.5, y0 + j * 0.5
                d = (px - x) ** 2 + (py - y) ** 2
                if d < bd and self.inner(px, py):
                    best, bd = (px, py), d
                elif d < ld and self.allows(px, py):
                    loose, ld = (px, py), d
        return best or loose or (x, y)

    def span(self, fixed: float, around: float, vertical: bool) -> tuple[float, float]:
        """The allowed stretch (with margin) of a vertical line x=fixed (or horizontal y=fixed)
        that contains `around`, scanned in 0.25 cm steps."""

        def ok(v: float) -> bool:
            return self.inner(fixed, v) if vertical else self.inner(v, fixed)

        lo = hi = around
        while ok(lo - 0.25) and lo - around > -200:
            lo -= 0.25
        while ok(hi + 0.25) and hi - around < 200:
            hi += 0.25
        return lo, hi

    def pull(self, anchor: Point, x: float, y: float) -> Point:
        """(x, y) itself when allowed, else the last allowed point on the way from the anchor."""
        if self.allows(x, y):
            return x, y
        lo, hi = 0.0, 1.0
        ax, ay = anchor
        for _ in range(14):
            mid = (lo + hi) / 2
            if self.allows(ax + (x - ax) * mid, ay + (y - ay) * mid):
                lo = mid
            else:
                hi = mid
        return ax + (x - ax) * lo, ay + (y - ay) * lo
