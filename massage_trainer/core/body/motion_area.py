"""Where one hand may go during a step: inside its zones, outside the avoid zones, with a margin.

With a contact outline the whole touching part of the hand (not only its centre) must fit, so the
spatial safety check finds the contact inside the step's work area.
"""

from __future__ import annotations

import math

from massage_trainer.core.body.geometry import Point, Zone

_MARGIN = 1.6
"""Centimetres kept between a hand's contact point and the edge of its area."""

_CELL = 0.5
"""Side (cm) of the grid cells `allows` answers from: planning a step asks about hundreds of
thousands of points, nearly all far from any zone edge."""


def _edge_cells(polygons: list[tuple[Point, ...]]) -> set[tuple[int, int]]:
    """Every grid cell an edge of these polygons may pass through.

    Points are taken along each edge at a quarter of a cell; any cell the edge crosses holds an
    edge point within an eighth of a cell of one of them, so it is next to (or is) that sample's
    cell: marking each sample's cell and its eight neighbours covers every crossed cell."""
    cells: set[tuple[int, int]] = set()
    for poly in polygons:
        for (x0, y0), (x1, y1) in zip(poly, poly[1:] + poly[:1], strict=True):
            n = max(1, math.ceil(math.hypot(x1 - x0, y1 - y0) / (_CELL / 4)))
            for k in range(n + 1):
                cx = math.floor((x0 + (x1 - x0) * k / n) / _CELL)
                cy = math.floor((y0 + (y1 - y0) * k / n) / _CELL)
                for dx in (-1, 0, 1):
                    for dy in (-1, 0, 1):
                        cells.add((cx + dx, cy + dy))
    return cells


class Area:
    """Where one hand may be: inside any of its zones and outside every avoid zone."""

    def __init__(
        self,
        zones: tuple[Zone, ...],
        avoid: tuple[Zone, ...],
        outline: tuple[Point, ...] = (),
        bounds: tuple[float, float] = (-math.inf, math.inf),
    ) -> None:
        self.zones = zones
        self.avoid = avoid
        self.outline = outline
        self.bounds = bounds
        """The stretch of x the hand keeps to (its half, when two hands share one zone)."""
        """Points of the touching part of the hand relative to its contact point (cm)."""
        self._fits: dict[tuple[int, int], bool] = {}
        """fits() per 0.1 cm cell: the motion repeats, so every frame after the first loop
        finds its answer here (the outline's margin covers the rounding)."""
        self._edges = _edge_cells([z.polygon for z in (*zones, *avoid)])
        """Cells an edge may cross: answered exactly. In any other cell no edge separates two
        points, so the answer at its centre is the answer everywhere in it (kept in _cells)."""
        self._cells: dict[tuple[int, int], bool] = {}
        boxes = [z.bbox() for z in zones] or [(0.0, 0.0, 0.0, 0.0)]
        self.bbox = (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )

    def allows(self, x: float, y: float) -> bool:
        if not self.bounds[0] <= x <= self.bounds[1]:
            return False
        cell = (math.floor(x / _CELL), math.floor(y / _CELL))
        if cell in self._edges:
            return self._exactly(x, y)
        hit = self._cells.get(cell)
        if hit is None:
            hit = self._cells[cell] = self._exactly(
                (cell[0] + 0.5) * _CELL, (cell[1] + 0.5) * _CELL
            )
        return hit

    def _exactly(self, x: float, y: float) -> bool:
        return any(z.contains(x, y) for z in self.zones) and not any(
            a.contains(x, y) for a in self.avoid
        )

    def inner(self, x: float, y: float, margin: float = _MARGIN) -> bool:
        """Allowed with a margin all round (so a hand does not sit on an edge), and with the
        whole contact outline inside."""
        return all(
            self.allows(x + dx, y + dy)
            for dx, dy in ((0, 0), (margin, 0), (-margin, 0), (0, margin), (0, -margin))
        ) and self.fits(x, y)

    def fits(self, x: float, y: float) -> bool:
        """The contact outline placed at (x, y) lies inside the area."""
        key = (round(x * 10), round(y * 10))
        hit = self._fits.get(key)
        if hit is None:
            hit = all(self.allows(x + dx, y + dy) for dx, dy in self.outline)
            if len(self._fits) > 50_000:
                self._fits.clear()
            self._fits[key] = hit
        return hit

    def nearest_inner(self, x: float, y: float) -> Point:
        """The allowed point (with margin if possible) nearest to (x, y), searched on a 0.5 cm grid.

        Grid points are tried nearest first, so the search stops at the first that fits (the
        whole contact outline is checked at each, which is what costs)."""
        if self.inner(x, y):
            return x, y
        x0, y0, x1, y1 = self.bbox
        x0, y0 = math.floor(x0 / 0.5) * 0.5, math.floor(y0 / 0.5) * 0.5  # mirror-true grid
        n_x = int((x1 - x0) / 0.5) + 2
        n_y = int((y1 - y0) / 0.5) + 2
        # equally near points: the one nearer the midline first, so mirrored areas pick
        # mirrored points
        grid = sorted(
            (
                round((x0 + i * 0.5 - x) ** 2 + (y0 + j * 0.5 - y) ** 2, 6),
                abs(x0 + i * 0.5),
                j,
                i,
            )
            for i in range(n_x)
            for j in range(n_y)
        )
        for _d, _ax, j, i in grid:
            if self.inner(x0 + i * 0.5, y0 + j * 0.5):
                return x0 + i * 0.5, y0 + j * 0.5
        for _d, _ax, j, i in grid:
            if self.allows(x0 + i * 0.5, y0 + j * 0.5):
                return x0 + i * 0.5, y0 + j * 0.5
        return x, y

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
        """(x, y) itself when the contact fits there, else the last point where it fits on the
        straight way from the anchor (walked in small steps: the way may cross a zone to avoid,
        which a bisection could jump over)."""

        def ok(px: float, py: float) -> bool:
            return self.allows(px, py) and self.fits(px, py)

        if ok(x, y):
            return x, y
        ax, ay = anchor
        n = max(4, math.ceil(math.hypot(x - ax, y - ay) / 0.5))
        last = anchor
        for i in range(1, n):
            px, py = ax + (x - ax) * i / n, ay + (y - ay) * i / n
            if not ok(px, py):
                break
            last = (px, py)
        return last
