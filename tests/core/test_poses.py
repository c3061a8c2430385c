"""Every pose: landmarks on the body, zones as valid areas on the body, the same zone ids where
the part can be seen, and prone's format-1 zones exactly where format 1 put them."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from massage_trainer.core.body.body_model import Point
from massage_trainer.core.body.geometry import POSES, load_body, zone_ids
from massage_trainer.core.body.landmarks import (
    LandmarkError,
    mirror_spec,
    resolve_point,
    swap_side,
)

FORMAT1 = json.loads((Path(__file__).parent / "data" / "prone_zones_format1.json").read_text())
REQUIRED_MARKS = (
    "C7",
    *(f"T{i}" for i in range(1, 13)),
    *(f"L{i}" for i in range(1, 6)),
    "S1",
    "S2",
    "midline",
    *(
        f"{n}-{side}"
        for side in ("left", "right")
        for n in (
            "scapula-superior-angle",
            "scapula-inferior-angle",
            "scapula-medial-border",
            "scapula-spine-root",
            "scapula-spine",
            "acromion",
            "rib12",
            "iliac-crest",
        )
    ),
)
INSIDE_SHARE = 0.9
"""A zone may reach over the silhouette's edge a little (it is drawn on a rounded body), but at
least this share of its area lies on the body."""
EDGE_CM = 1.0
"""...and none of its corners lies further than this off the body."""


def _segments_cross(a: Point, b: Point, c: Point, d: Point) -> bool:
    def orient(p: Point, q: Point, r: Point) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    d1, d2 = orient(c, d, a), orient(c, d, b)
    d3, d4 = orient(a, b, c), orient(a, b, d)
    return d1 * d2 < 0 and d3 * d4 < 0


def _simple(poly: tuple[Point, ...]) -> bool:
    n = len(poly)
    edges = [(poly[i], poly[(i + 1) % n]) for i in range(n)]
    for i in range(n):
        for j in range(i + 2, n):
            if i == 0 and j == n - 1:
                continue
            if _segments_cross(*edges[i], *edges[j]):
                return False
    return True


def _distance_to_outline(outline: tuple[Point, ...], p: Point) -> float:
    best = math.inf
    for (x0, y0), (x1, y1) in zip(outline, outline[1:] + outline[:1], strict=True):
        dx, dy = x1 - x0, y1 - y0
        t = max(0.0, min(1.0, ((p[0] - x0) * dx + (p[1] - y0) * dy) / (dx * dx + dy * dy or 1)))
        best = min(best, math.hypot(p[0] - x0 - t * dx, p[1] - y0 - t * dy))
    return best


@pytest.mark.parametrize("pose", POSES)
def test_every_landmark_lies_inside_the_silhouette(pose: str) -> None:
    body = load_body(pose)
    assert body.pose == pose and len(body.outline) > 50
    for name in REQUIRED_MARKS:
        assert name in body.landmarks, (pose, name)
    outside = [n for n, p in body.landmarks.items() if not body.on_body(*p)]
    assert outside == []


@pytest.mark.parametrize("pose", POSES)
def test_every_zone_is_a_simple_area_on_the_body(pose: str) -> None:
    body = load_body(pose)
    assert _simple(body.outline)
    for z in body.zones.values():
        assert len(z.polygon) >= 3 and z.area() > 1.0, z.id
        assert _simple(z.polygon), (pose, z.id)
        far = [p for p in z.polygon if not body.on_body(*p)]
        assert all(_distance_to_outline(body.outline, p) <= EDGE_CM for p in far), (pose, z.id)
        x0, y0, x1, y1 = z.bbox()
        grid = [
            (x0 + (x1 - x0) * (i + 0.5) / 12, y0 + (y1 - y0) * (j + 0.5) / 12)
            for i in range(12)
            for j in range(12)
        ]
        inside = [p for p in grid if z.contains(*p)]
        on_body = sum(1 for p in inside if body.on_body(*p))
        assert on_body >= INSIDE_SHARE * len(inside), (pose, z.id, on_body, len(inside))


@pytest.mark.parametrize("pose", POSES)
def test_zone_ids_are_the_same_in_every_pose_but_the_hidden(pose: str) -> None:
    body, prone = load_body(pose), load_body("prone")
    hidden = set(body.raw.get("hidden_zones", ()))
    assert set(body.zones) == set(prone.zones) - hidden
    assert hidden <= set(prone.zones)
    for z in body.zones.values():
        p = prone.zone(z.id)
        assert (z.name, z.kind, z.side, z.fine) == (p.name, p.kind, p.side, p.fine)


@pytest.mark.parametrize("pose", POSES)
def test_spine_and_kidneys_are_cautions_in_every_pose(pose: str) -> None:
    body = load_body(pose)
    for zid in ("spine", "kidney-left", "kidney-right"):
        assert body.zone(zid).is_caution
    c7, l5 = body.landmark("C7"), body.landmark("L5")
    spine = body.zone("spine")
    for t in (0.0, 0.25, 0.5, 0.75, 1.0):
        assert spine.contains(c7[0] + (l5[0] - c7[0]) * t, c7[1] + (l5[1] - c7[1]) * t)
    for side in ("left", "right"):
        assert body.zone(f"kidney-{side}").contains(*body.landmark(f"rib12-{side}")) or (
            math.dist(body.zone(f"kidney-{side}").centroid(), body.landmark(f"rib12-{side}")) < 8
        )


def test_prone_format1_zones_are_where_format1_put_them() -> None:
    body = load_body("prone")
    for zid, poly in FORMAT1.items():
        if zid == "spine":
            continue  # now the whole spine: it also runs up the neck to the skull
        got = body.zone(zid).polygon
        assert len(got) == len(poly), zid
        for (x, y), (ex, ey) in zip(got, poly, strict=True):
            assert x == pytest.approx(ex, abs=1e-6) and y == pytest.approx(ey, abs=1e-6), zid


def test_prone_spine_keeps_its_format1_part_and_runs_up_the_neck() -> None:
    body = load_body("prone")
    spine = body.zone("spine")
    old = FORMAT1["spine"]
    for x, y in old:
        assert spine.contains(x * 0.95, min(max(y, 28.5), 81.0))
    assert spine.contains(0.0, 22.0) and not spine.contains(0.0, 18.0)


def test_a_zone_naming_a_missing_landmark_is_a_clear_error() -> None:
    with pytest.raises(LandmarkError, match="no landmark 'knee'"):
        resolve_point(["knee", 0, 0], {}, ((1.0, 0.0), (0.0, 1.0)), "zone x")


_names = st.sampled_from(["acromion-left", "acromion-right", "C7", "rib12-left", "T3"])
_cm = st.floats(min_value=-20, max_value=20, allow_nan=False)


@settings(max_examples=200, deadline=None)
@given(
    name=_names,
    dr=_cm,
    df=_cm,
    right=st.sampled_from([(1.0, 0.0), (0.0, -1.0), (0.0, 0.9)]),
    feet=st.sampled_from([(0.0, 1.0), (-1.0, 0.0), (1.0, 0.0)]),
)
def test_a_mirrored_point_lands_on_the_mirror_of_the_point(
    name: str, dr: float, df: float, right: Point, feet: Point
) -> None:
    """The other side's zone, resolved on the mirrored pose, is the mirror image of this one:
    what lets side-right be drawn as the mirror of side-left with the same zone data."""
    marks = {
        n: (float(i * 3 - 5), float(i * 7))
        for i, n in enumerate(
            ["acromion-left", "acromion-right", "C7", "rib12-left", "rib12-right", "T3"]
        )
    }
    mirrored = {swap_side(n): (-x, y) for n, (x, y) in marks.items()}
    m_frame = ((right[0], -right[1]), (-feet[0], feet[1]))
    x, y = resolve_point([name, dr, df], marks, (right, feet))
    mx, my = resolve_point(mirror_spec([name, dr, df]), mirrored, m_frame)
    assert mx == pytest.approx(-x, abs=1e-9) and my == pytest.approx(y, abs=1e-9)


def test_side_right_is_the_mirror_of_side_left_with_the_sides_swapped() -> None:
    left, right = load_body("side-left"), load_body("side-right")
    assert set(right.zones) == {swap_side(z) for z in left.zones}
    for zid, z in left.zones.items():
        if zid.startswith("kidney-"):
            continue  # not symmetric: below
        mirrored = sorted((round(-x, 6), round(y, 6)) for x, y in z.polygon)
        got = sorted((round(x, 6), round(y, 6)) for x, y in right.zone(swap_side(zid)).polygon)
        assert got == mirrored, zid
    for name, (x, y) in left.landmarks.items():
        assert right.landmark(swap_side(name)) == pytest.approx((-x, y))
    # the kidneys keep their anatomy in every pose: the right one a little nearer the feet
    for body in (left, right, load_body("seated"), load_body("prone")):
        fx, fy = body.feet_dir
        kl, kr = body.zone("kidney-left").centroid(), body.zone("kidney-right").centroid()
        assert (kr[0] - kl[0]) * fx + (kr[1] - kl[1]) * fy > 0.5, body.pose


def test_each_pose_says_where_the_receiver_faces() -> None:
    """The receiver's right and feet as page directions: what a hand placement turns by."""
    want = {
        "prone": ((1, 0), (0, 1)),  # from above: right is the viewer's right, feet down the page
        "side-left": ((0, -1), (1, 0)),  # lying on the left side: right side up, feet to the right
        "side-right": ((0, 1), (-1, 0)),  # lying on the right side: left side up, feet to the left
        "seated": ((1, 0), (0, 1)),  # from behind: right is the viewer's right, the seat below
    }
    for pose in POSES:
        body = load_body(pose)
        (rx, ry), (fx, fy) = want[pose]
        assert body.right_dir == pytest.approx((rx, ry)) and body.feet_dir == pytest.approx(
            (fx, fy)
        )
        head, feet = body.landmark("C7"), body.landmark("L5")
        along = (feet[0] - head[0]) * fx + (feet[1] - head[1]) * fy
        assert along > 30  # the spine runs toward the feet


def test_every_zone_corner_is_given_against_a_landmark() -> None:
    """No free coordinates in the shared zones: a new pose only places landmarks and a silhouette."""
    from massage_trainer.resources import asset

    data = json.loads(asset("body", "zones.json").read_text(encoding="utf-8"))
    for z in data["zones"]:
        if "mirror_of" in z:
            assert "polygon" not in z and z["mirror_of"] in {y["id"] for y in data["zones"]}
            continue
        for p in z["polygon"]:
            assert isinstance(p[0], str) and len(p) in (3, 5), (z["id"], p)


def test_zone_ids_per_pose() -> None:
    assert set(zone_ids("side-left")) == set(zone_ids()) - {
        "flank-left",
        "shoulder-joint-left",
        "shoulder-top-left",
    }
    assert set(zone_ids("seated")) == set(zone_ids("prone"))


@pytest.mark.parametrize("pose", ["side-left", "side-right"])
def test_the_back_transform_of_a_side_lying_pose_agrees_with_its_landmarks(pose: str) -> None:
    """The one turn that draws the prone back onto the pose, carries the hands onto it and
    places its landmarks: a turn (never a mirror, so each hand stays itself), and every landmark
    the pose does not lift onto the mattress is exactly the prone one turned."""
    prone, body = load_body("prone"), load_body(pose)
    assert body.back_transform is not None
    a, b, c, d, e, f = body.back_transform
    assert a * d - b * c == pytest.approx(1.0)  # a turn: lying on the other side is no mirror
    assert (a, b) == pytest.approx(body.right_dir) and (c, d) == pytest.approx(body.feet_dir)
    exact, lifted = 0, []
    for name, (x, y) in prone.landmarks.items():
        gx, gy = body.landmark(name)
        off = math.hypot(a * x + c * y + e - gx, b * x + d * y + f - gy)
        if off < 1e-6:
            exact += 1
        else:
            lifted.append(name)
            assert off < 2.5, (name, off)  # a bony point of the lower side, lifted a little
    assert exact >= len(prone.landmarks) - 4, lifted
