"""Hand motion: inside the body and the step's zones, off the spine and avoid zones, periodic."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from massage_trainer.core.body import motion
from massage_trainer.core.body.geometry import Body, Curve, load_body
from massage_trainer.core.protocol import catalog
from massage_trainer.core.protocol.model import Step
from massage_trainer.core.protocol.vocab import PERCUSSION, Pattern
from massage_trainer.core.safety import spatial

BODY = load_body()
STEPS: list[Step] = [
    s
    for pid in ("back-pain-relief", "therapeutic-lower-back", "gentle-pregnancy")
    for s in catalog.bundled(pid).steps
]
IDS = [s.id for s in STEPS]


def _flatten(c: Curve, n: int = 12) -> list[tuple[float, float]]:
    pts = [c.start]
    p0 = c.start
    for c1, c2, p1 in c.segments:
        for i in range(1, n + 1):
            t = i / n
            a, b, cc, d = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t**2, t**3
            pts.append(
                (
                    a * p0[0] + b * c1[0] + cc * c2[0] + d * p1[0],
                    a * p0[1] + b * c1[1] + cc * c2[1] + d * p1[1],
                )
            )
        p0 = p1
    return pts


def _inside(poly: list[tuple[float, float]], x: float, y: float) -> bool:
    inside = False
    j = len(poly) - 1
    for i in range(len(poly)):
        xi, yi = poly[i]
        xj, yj = poly[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


TORSO = _flatten(BODY.shape("torso")[0])


def _allowed_zones(step: Step, body: Body, start: str) -> list[str]:
    side = body.zones[start].side
    return [z for z in step.target_zones if body.zones[z].side in (side, "middle")]


def _check(step: Step, t: float) -> None:
    pose = motion.pose_at(step, t, BODY)
    for hand, start in ((pose.left, step.hands.left), (pose.right, step.hands.right)):
        assert math.isfinite(hand.x) and math.isfinite(hand.y)
        assert _inside(TORSO, hand.x, hand.y), (
            f"{step.id} t={t}: hand off the body at {hand.x, hand.y}"
        )
        zones = _allowed_zones(step, BODY, start)
        assert any(BODY.zones[z].contains(hand.x, hand.y) for z in zones), (
            f"{step.id} t={t}: hand at {hand.x:.2f},{hand.y:.2f} outside {zones}"
        )
        for z in step.avoid_zones:
            assert not BODY.zones[z].contains(hand.x, hand.y), (
                f"{step.id} t={t}: hand in avoid zone {z}"
            )
        if "spine" in step.avoid_zones:
            assert abs(hand.x) > 1.5, f"{step.id} t={t}: hand on the spine"
        assert 0.0 <= hand.pressure <= 1.0
        assert 0.0 <= hand.lift <= 1.0
    assert 0.0 <= pose.phase < 1.0


@pytest.mark.parametrize("step", STEPS, ids=IDS)
@settings(max_examples=60, deadline=None)
@given(t=st.floats(min_value=-1000, max_value=5000, allow_nan=False))
def test_hands_stay_in_the_steps_zones(step: Step, t: float) -> None:
    _check(step, t)


@pytest.mark.parametrize("step", STEPS, ids=IDS)
def test_dense_sweep_of_one_loop_stays_in_zones(step: Step) -> None:
    total = motion.loop_s(step)
    for i in range(400):
        _check(step, total * i / 400)


@pytest.mark.parametrize("step", STEPS, ids=IDS)
@settings(max_examples=40, deadline=None)
@given(
    t=st.floats(min_value=0, max_value=2000, allow_nan=False),
    k=st.integers(min_value=1, max_value=5),
)
def test_motion_repeats_exactly_every_loop(step: Step, t: float, k: int) -> None:
    a = motion.pose_at(step, t, BODY)
    b = motion.pose_at(step, t + k * motion.loop_s(step), BODY)
    for ha, hb in ((a.left, b.left), (a.right, b.right)):
        assert ha.x == pytest.approx(hb.x, abs=1e-6)
        assert ha.y == pytest.approx(hb.y, abs=1e-6)
        assert ha.lift == pytest.approx(hb.lift, abs=1e-6)
        assert ha.angle_deg == pytest.approx(hb.angle_deg, abs=1e-6)
    assert a.phase == pytest.approx(b.phase, abs=1e-6) or abs(a.phase - b.phase) == pytest.approx(
        1.0, abs=1e-6
    )


@pytest.mark.parametrize("step", STEPS, ids=IDS)
@settings(max_examples=30, deadline=None)
@given(t=st.floats(min_value=0, max_value=2000, allow_nan=False))
def test_stroke_phase_follows_the_tempo(step: Step, t: float) -> None:
    a = motion.pose_at(step, t, BODY).phase
    b = motion.pose_at(step, t + step.period_s, BODY).phase
    assert min(abs(a - b), 1 - abs(a - b)) == pytest.approx(0.0, abs=1e-6)


def test_loop_is_a_whole_number_of_strokes() -> None:
    for s in STEPS:
        n = motion.loop_s(s) / s.period_s
        assert n == pytest.approx(round(n)) and n >= 1


@pytest.mark.parametrize("step", STEPS, ids=IDS)
@settings(max_examples=40, deadline=None)
@given(t=st.floats(min_value=-30, max_value=5000, allow_nan=False))
def test_loop_grid_is_the_nearest_grid_point_round_the_loop(step: Step, t: float) -> None:
    loop = motion.loop_s(step)
    n = math.ceil(loop * motion.GRID_PER_S)
    g = motion.on_loop_grid(step, t)
    assert 0 <= g < loop
    assert round(g / loop * n, 6) == round(g / loop * n)  # a point of the grid
    apart = abs(g - t % loop)
    assert min(apart, loop - apart) <= loop / n / 2 + 1e-6
    assert loop / n <= 1 / motion.GRID_PER_S + 1e-12  # never coarser than asked


@pytest.mark.parametrize("step", STEPS, ids=IDS)
def test_frames_on_the_loop_grid_meet_one_loops_poses_again_and_again(step: Step) -> None:
    """A minute of 60 Hz frames lands on at most one loop's grid points, and the hands there
    are where pose_at puts them at the frame's own time, give or take 1/240 s of motion."""
    loop = motion.loop_s(step)
    start = 0.37  # a step starts anywhere between two beats
    times = [start + i / 60 for i in range(60 * 60)]
    grid = {motion.on_loop_grid(step, t) for t in times}
    assert len(grid) <= math.ceil(loop * motion.GRID_PER_S)
    for t in times[::97]:
        a, b = (
            motion.pose_at(step, t, BODY),
            motion.pose_at(step, motion.on_loop_grid(step, t), BODY),
        )
        c = motion.pose_at(step, t + 1 / 240, BODY)
        d = motion.pose_at(step, t - 1 / 240, BODY)
        for ha, hb, hc, hd in (
            (a.left, b.left, c.left, d.left),
            (a.right, b.right, c.right, d.right),
        ):
            reach = max(
                math.dist((ha.x, ha.y), (hc.x, hc.y)), math.dist((ha.x, ha.y), (hd.x, hd.y))
            )
            assert math.dist((ha.x, ha.y), (hb.x, hb.y)) <= reach + 0.2


@pytest.mark.parametrize("step", STEPS, ids=IDS)
def test_hands_actually_move(step: Step) -> None:
    pts = {
        (round(p.left.x, 2), round(p.left.y, 2), round(p.left.lift, 2))
        for p in motion.poses_of(step, BODY, 16)
    }
    assert len(pts) > 8, f"{step.id}: the left hand hardly moves"


def test_percussion_never_touches_the_kidneys_and_lifts() -> None:
    taps = [s for s in STEPS if s.technique in PERCUSSION]
    assert taps
    for s in taps:
        lifts = [p.left.lift for p in motion.poses_of(s, BODY, 32)]
        assert max(lifts) > 0.9 and min(lifts) < 0.05


def test_alternating_hands_are_out_of_step() -> None:
    s = next(s for s in STEPS if s.id == "palm-edge-tapping")
    p = motion.pose_at(s, 0.0, BODY)
    assert abs(p.left.lift - p.right.lift) > 0.5


def test_one_side_kneading_keeps_both_hands_on_that_side() -> None:
    s = next(s for s in STEPS if s.id == "press-knead-left")
    for p in motion.poses_of(s, BODY, 16):
        assert p.left.x < -1.5 and p.right.x < -1.5
        assert p.left.y != pytest.approx(p.right.y)


KNEADING = [s for s in STEPS if s.motion.pattern is Pattern.KNEADING_GRIP]


@pytest.mark.parametrize("step", KNEADING, ids=[s.id for s in KNEADING])
def test_kneading_grips_fit_where_they_are_planned_so_no_hand_is_pulled_about(step: Step) -> None:
    """Where a work area cannot carry a grip up its stretch (one side beside a kidney), the hand
    kneads in place, closing as far as fits, rather than being pulled up and down by its area as
    the grip opens and closes (2.9 cm a stroke before): every planned point fits as planned."""
    from massage_trainer.core.body import motion_grip, motion_patterns, motion_plan

    hands = motion_plan.plan(step, BODY)
    loop = motion.loop_s(step)
    for h in (hands.left, hands.right):
        ys = []
        for i in range(241):
            x, y, *_ = motion_patterns.planned(step, h, loop * i / 240, 1.0)
            assert h.area.pull(h.anchor, x, y) == pytest.approx((x, y)), (h.right, x, y)
            ys.append(y)
        travel = max(ys) - min(ys)
        assert travel == pytest.approx(0.0) or travel >= motion_grip.MIN_TRAVEL_CM


def test_path_of_gives_both_hands_over_a_loop() -> None:
    s = STEPS[0]
    left, right = motion.path_of(s, BODY, 16)
    assert len(left) == len(right) > 16
    assert left[0] == pytest.approx(left[-1])


def test_pose_is_pure() -> None:
    s = STEPS[2]
    assert motion.pose_at(s, 3.21, BODY) == motion.pose_at(s, 3.21, BODY)


# --- the hands' footprint: own side, off the spine, never on each other ----------------------


def _convex_contains(poly: list[tuple[float, float]], x: float, y: float) -> bool:
    """Point in a convex polygon of either winding (strictly inside, 0.05 cm tolerance)."""
    sign = 0.0
    for (x0, y0), (x1, y1) in zip(poly, poly[1:] + poly[:1], strict=True):
        n = math.hypot(x1 - x0, y1 - y0)
        if n < 1e-9:
            continue
        cross = ((x1 - x0) * (y - y0) - (y1 - y0) * (x - x0)) / n
        if abs(cross) < 0.05:
            return False
        if sign == 0.0:
            sign = cross
        elif (cross > 0) != (sign > 0):
            return False
    return True


def _overlap(a: list[list[tuple[float, float]]], b: list[list[tuple[float, float]]]) -> bool:
    return any(
        _convex_contains(q, x, y)
        for pa, pb in ((a, b), (b, a))
        for part in pa
        for x, y in part
        for q in pb
    )


def _sides(step: Step) -> tuple[str, str]:
    return BODY.zones[step.hands.left].side, BODY.zones[step.hands.right].side


def _check_footprints(step: Step, t: float) -> None:
    pose = motion.pose_at(step, t, BODY)
    left = motion.footprint(pose.left, right=False)
    right = motion.footprint(pose.right, right=True)
    if "spine" in step.avoid_zones:
        # the spine stretch's thumbs point toward each other across the spine (the source); only
        # its touching part, the palms, must stay off it
        checked = [("left", left), ("right", right)]
        if step.technique.value == "spine-stretch":
            checked = [
                ("left", list(spatial.contact_shapes(pose.left, False))),
                ("right", list(spatial.contact_shapes(pose.right, True))),
            ]
        for name, parts in checked:  # type: ignore[assignment]
            for part in parts:
                for x, y in part:
                    assert abs(x) > 1.5 or not BODY.zones["spine"].contains(x, y), (
                        f"{step.id} t={t:.2f}: the {name} hand covers the spine at {x:.1f},{y:.1f}"
                    )
    if _sides(step) == ("left", "right"):
        lc, rc = motion.palm_centre(pose.left, False), motion.palm_centre(pose.right, True)
        assert lc[0] < 0 < rc[0], f"{step.id} t={t:.2f}: palm centres {lc} {rc}"
        if step.technique.value != "spine-stretch":  # its thumbs reach across (see above)
            assert max(x for part in left for x, _ in part) < 0, f"{step.id}: left crosses x=0"
            assert min(x for part in right for x, _ in part) > 0, f"{step.id}: right crosses x=0"
    if max(pose.left.lift, pose.right.lift) < 0.3:
        assert not _overlap(left, right), f"{step.id} t={t:.2f}: the hands overlap"


@pytest.mark.parametrize("step", STEPS, ids=IDS)
def test_hands_keep_their_side_off_the_spine_and_apart(step: Step) -> None:
    total = motion.loop_s(step)
    for i in range(120):
        _check_footprints(step, total * i / 120)


def test_fingers_outward_point_to_their_own_flank_with_the_thumb_by_the_spine() -> None:
    outward = [s for s in STEPS if s.hands.orientation.value == "fingers-outward"]
    assert {s.id for s in outward} >= {"warm-up-stroking", "thumb-rubbing-up-down"}
    for s in outward:
        for t in (0.0, s.period_s * 0.3):
            pose = motion.pose_at(s, t, BODY)
            for hand, right in ((pose.left, False), (pose.right, True)):
                sx = 1.0 if right else -1.0
                parts = motion.footprint(hand, right)
                tip = parts[2]  # the middle finger
                cx, _ = motion.palm_centre(hand, right)
                assert sx * (max(tip, key=lambda p: sx * p[0])[0] - cx) > 5.0, s.id  # fingers out
                thumb = parts[-1]
                palm_near = min(sx * x for x, _ in parts[0])
                assert min(sx * x for x, _ in thumb) < palm_near + 2.2, s.id  # thumb by the spine


def test_right_hand_is_the_mirror_of_the_left() -> None:
    s = next(s for s in STEPS if s.id == "warm-up-stroking")
    pose = motion.pose_at(s, 1.0, BODY)
    lc, rc = motion.palm_centre(pose.left, False), motion.palm_centre(pose.right, True)
    assert lc[0] == pytest.approx(-rc[0], abs=1e-6) and lc[1] == pytest.approx(rc[1], abs=1e-6)
    # thumbs: left hand's on its right side (toward +x before turning), right hand's on its left
    lt, rt = motion.footprint(pose.left, False)[-1], motion.footprint(pose.right, True)[-1]
    assert sum(x for x, _ in lt) / len(lt) == pytest.approx(-sum(x for x, _ in rt) / len(rt))


def test_spine_stretch_thumbs_point_toward_each_other() -> None:
    """The source: palms at the sides, thumbs pointing toward each other across the spine."""
    s = next(s for s in STEPS if s.id == "spine-stretch")
    for t in (0.0, s.period_s * 0.5):
        pose = motion.pose_at(s, t, BODY)
        for hand, right in ((pose.left, False), (pose.right, True)):
            sx = 1.0 if right else -1.0
            thumb = motion.footprint(hand, right)[-1]
            cx, _ = motion.palm_centre(hand, right)
            inner = min(sx * x for x, _ in thumb)
            assert inner < sx * cx - 3.0  # the thumb reaches well toward the midline
            palm = spatial.contact_shapes(hand, right)[0]
            assert min(sx * x for x, _ in palm) >= 1.5  # ... while the palm stays off the spine


def test_hand_shapes_take_few_values_so_caches_stay_bounded() -> None:
    """Regression: a continuously varying grip shape keyed an unbounded cache, so memory grew
    by ~1 MB a second while a kneading step animated in the window."""
    for s in STEPS:
        shapes = {motion.pose_at(s, i * 0.013, BODY).left.shape for i in range(3000)}
        assert len(shapes) <= 20, (s.id, len(shapes))
    from massage_trainer.core.body import hand_shape

    assert hand_shape.parts.cache_info().maxsize is not None
