"""The grid that answers `Area.allows` gives the same answer as testing every zone, everywhere:
near an edge (where it tests exactly) and far from one (where a cell's centre answers)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from massage_trainer.core.body.geometry import load_body
from massage_trainer.core.body.motion_area import Area
from massage_trainer.core.body.poses import POSES

BODIES = {pose: load_body(pose) for pose in POSES}


def _exact(area: Area, x: float, y: float) -> bool:
    if not area.bounds[0] <= x <= area.bounds[1]:
        return False
    return any(z.contains(x, y) for z in area.zones) and not any(
        a.contains(x, y) for a in area.avoid
    )


@st.composite
def areas(draw: st.DrawFn) -> Area:
    body = BODIES[draw(st.sampled_from(sorted(BODIES)))]
    work = sorted((z for z in body.zones.values() if not z.is_caution), key=lambda z: z.id)
    caution = sorted((z for z in body.zones.values() if z.is_caution), key=lambda z: z.id)
    zones = draw(st.lists(st.sampled_from(work), min_size=1, max_size=3, unique=True))
    avoid = draw(st.lists(st.sampled_from(caution), max_size=3, unique=True))
    bounds = draw(st.sampled_from([(-1e9, 1e9), (-40.0, 0.0), (0.0, 40.0)]))
    return Area(tuple(zones), tuple(avoid), bounds=bounds)


@settings(max_examples=60, deadline=None)
@given(
    area=areas(), points=st.lists(st.tuples(st.floats(-35, 35), st.floats(-10, 120)), max_size=300)
)
def test_the_grid_answers_as_the_zones_do(area: Area, points: list[tuple[float, float]]) -> None:
    for x, y in points:
        assert area.allows(x, y) == _exact(area, x, y), (x, y)
    # and on a fine lattice over the area, where most answers come from cached cells
    x0, y0, x1, y1 = area.bbox
    for i in range(40):
        for j in range(40):
            x, y = x0 - 1 + (x1 - x0 + 2) * i / 39, y0 - 1 + (y1 - y0 + 2) * j / 39
            assert area.allows(x, y) == _exact(area, x, y), (x, y)
