"""Hands as a practitioner places them: the thumb on the correct side for each hand and
orientation, every pattern inside its work area in every pose, grips taking turns, two hands on
one shoulder blade that never cross, neck strokes on the neck, level and both moving."""

from __future__ import annotations

import math

import pytest

from massage_trainer.core.body import hand_shape, motion
from massage_trainer.core.body.motion_anchor import body_for
from massage_trainer.core.protocol import loader
from massage_trainer.core.protocol.model import Protocol
from massage_trainer.core.protocol.vocab import BodyPose, Orientation, Pattern, Role
from massage_trainer.core.safety import spatial
from massage_trainer.core.safety.rules import load as load_rules

RULES = load_rules()
POSE_PREP = {
    "prone": "receiver-prone",
    "side-left": "receiver-side-lying",
    "side-right": "receiver-side-lying",
    "seated": "receiver-seated",
}

HEAD = """\
schema_version: SCHEMA
id: hands
version: 1
POSE_LINE
title: Hands
summary: Hands for tests.
audience: [student]
sources:
  - {id: src, file: a.txt, title: A}
safety_profile: general
estimated_minutes: 2
max_minutes: 30
preparation: [PREP]
steps:
  - id: one
    title: Step
    technique: TECHNIQUE
    instructions: Do it.
    cue: Do it.
    target_zones: [TARGETS]
    avoid_zones: [AVOID]
"""


def protocol(hands: str, motion_: str, **kw: str) -> Protocol:
    """A one-step protocol; `hands` and `motion_` are the YAML of those keys."""
    schema = kw.pop("SCHEMA", "2")
    pose = kw.pop("POSE", "prone")
    values = {
        "SCHEMA": schema,
        "POSE_LINE": f"pose: {pose}" if schema == "2" else "",
        "PREP": POSE_PREP[pose],
        "TECHNIQUE": "stroking",
        "TARGETS": "lumbar-left, lumbar-right",
        "AVOID": "spine",
    }
    values.update(kw)
    text = HEAD
    for k, v in values.items():
        text = text.replace(k, v)
    text += f"    hands: {hands}\n    motion: {motion_}\n"
    text += "    pressure: light\n    tempo: 20\n    repetitions: 4\n"
    text += '    source: {id: src, section: "1"}\n'
    return loader.parse(text)


def _thumb_and_palm(hp: motion.HandPose, right: bool) -> tuple[tuple[float, float], ...]:
    sh = hp.shape
    at = hand_shape.anchor(hp.contact, sh)
    tip = hand_shape.thumb_tip(sh)
    thumb = hand_shape.place([tip], (hp.x, hp.y), hp.angle_deg, at, right)[0]
    return thumb, motion.palm_centre(hp, right)


@pytest.mark.parametrize("pose_name", ["prone", "side-left", "side-right"])
@pytest.mark.parametrize("orientation", list(Orientation))
def test_the_thumb_is_on_the_correct_side_for_each_hand_and_orientation(
    orientation: Orientation, pose_name: str
) -> None:
    # format 2 names the practitioner's hands: from the head (fingers toward the feet) the right
    # hand reaches the receiver's left side
    near, far = (
        ("right", "left") if orientation is Orientation.FINGERS_TOWARD_FEET else ("left", "right")
    )
    p = protocol(
        f"{{contact: palm, orientation: {orientation}, "
        f"left: {{zone: lumbar-{near}}}, right: {{zone: lumbar-{far}}}}}",
        "{pattern: long-strokes, direction: up, hands: mirrored}",
        POSE=pose_name,
    )
    step = p.steps[0]
    body = body_for(str(p.pose))
    spine = body.landmark("L2")

    def body_xy(pt: tuple[float, float]) -> tuple[float, float]:
        """A page point as (toward the receiver's right, toward the feet) from L2."""
        dx, dy = pt[0] - spine[0], pt[1] - spine[1]
        (rx, ry), (fx, fy) = body.right_dir, body.feet_dir
        return dx * rx + dy * ry, dx * fx + dy * fy

    for t in (0.0, step.period_s * 0.4):
        pose = motion.pose_at(step, t, body)
        for hp, right in ((pose.left, False), (pose.right, True)):
            thumb, palm = (body_xy(q) for q in _thumb_and_palm(hp, right))
            name = f"{pose_name}: {'right' if right else 'left'}"
            if orientation in (Orientation.FINGERS_TOWARD_HEAD, Orientation.FINGERS_TOWARD_FEET):
                # hands side by side: both thumbs toward the spine, the arms never crossed
                assert abs(thumb[0]) < abs(palm[0]), f"{name} hand's thumb points outward"
            elif orientation is Orientation.FINGERS_OUTWARD:
                assert thumb[1] < palm[1], f"{name} hand's thumb is not toward the head"
            else:
                assert thumb[1] > palm[1], f"{name} hand's thumb is not toward the feet"
        lx = body_xy(motion.palm_centre(pose.left, False))[0]
        rx = body_xy(motion.palm_centre(pose.right, True))[0]
        if orientation is Orientation.FINGERS_TOWARD_FEET:  # from the head, facing the feet
            assert rx < 0 < lx, "the practitioner's right hand reaches the receiver's left side"
        else:
            assert lx < 0 < rx


CONTACT_FOR = {
    Pattern.LONG_STROKES: "palm",
    Pattern.SMALL_CIRCLES: "thumbs",
    Pattern.DIAGONAL: "thumbs",
    Pattern.SIDE_TO_SIDE: "palm-heel",
    Pattern.KNEADING_GRIP: "grip",
    Pattern.ALTERNATING_TAPS: "palm-edge",
    Pattern.CLAPS: "cupped-palm",
    Pattern.PRESS_AND_SLIDE: "palm",
    Pattern.PINCH_ROLL: "fingertips",
    Pattern.VIBRATION: "finger-pads",
}
TECHNIQUE_FOR = {
    Pattern.KNEADING_GRIP: "kneading",
    Pattern.ALTERNATING_TAPS: "tapping",
    Pattern.CLAPS: "clapping",
    Pattern.PINCH_ROLL: "pinch-roll",
    Pattern.VIBRATION: "vibration",
    Pattern.SMALL_CIRCLES: "rubbing",
    Pattern.DIAGONAL: "rubbing",
    Pattern.SIDE_TO_SIDE: "rubbing",
}


BLOWS = frozenset({Pattern.ALTERNATING_TAPS, Pattern.CLAPS, Pattern.KNEADING_GRIP})


def _violations(p: Protocol) -> list[spatial.Violation]:
    step = p.steps[0]
    body = body_for(str(p.pose))
    return spatial.check(spatial.contacts(step, body), spatial.work_area(RULES.zones, step, body))


@pytest.mark.parametrize("pose", list(BodyPose))
@pytest.mark.parametrize("pattern", list(Pattern))
def test_every_pattern_stays_in_its_work_area_over_a_whole_loop_in_every_pose(
    pose: BodyPose, pattern: Pattern
) -> None:
    for coordination in ("mirrored", "alternating"):
        p = protocol(
            f"{{contact: {CONTACT_FOR[pattern]}, orientation: fingers-toward-head, "
            "left: {zone: lumbar-left}, right: {zone: lumbar-right}}",
            f"{{pattern: {pattern}, direction: up, hands: {coordination}}}",
            POSE=str(pose),
            TECHNIQUE=TECHNIQUE_FOR.get(pattern, "stroking"),
            TARGETS="lumbar-left, lumbar-right, buttocks-top-left, buttocks-top-right",
            # blows and deep work keep off the kidneys (the rules say so; the step must too)
            AVOID="spine, kidney-left, kidney-right" if pattern in BLOWS else "spine",
        )
        assert _violations(p) == [], (pose, pattern, coordination)
        assert spatial.step_findings(RULES, p, 0) == []


def test_a_composite_path_and_a_steadying_hand_stay_in_their_areas() -> None:
    p = protocol(
        "{contact: finger-pads, orientation: fingers-toward-head, "
        "left: {landmark: T9, offset: {x: -5}}, right: {zone: mid-back-right, role: steadying}}",
        "{pattern: long-strokes, direction: up, hands: mirrored, path: "
        "[{move: up, cm: 8}, {move: outward, cm: 5}, {move: around, cm: 6}, {move: inward, cm: 3}]}",
        TARGETS="mid-back-left, shoulder-blade-left",
    )
    step = p.steps[0]
    assert step.hands.right_role is Role.STEADYING
    assert _violations(p) == []
    body = body_for("prone")
    poses = motion.poses_of(step, body, 32)
    lys = [q.left.y for q in poses]
    lxs = [q.left.x for q in poses]
    assert max(lys) - min(lys) > 6 and max(lxs) - min(lxs) > 3  # up, then out, around
    assert {(q.right.x, q.right.y) for q in poses} == {(poses[0].right.x, poses[0].right.y)}
    assert all(q.right.lift == 0 for q in poses)  # the steadying hand rests


def test_kneading_hands_take_turns_one_grips_while_the_other_lifts() -> None:
    for left, right in (("lumbar-left", "lumbar-right"), ("lumbar-left", "lumbar-left")):
        p = protocol(
            f"{{contact: grip, orientation: fingers-inward, left: {{zone: {left}}}, "
            f"right: {{zone: {right}}}}}",
            "{pattern: kneading-grip, direction: up, hands: alternating}",
            TECHNIQUE="kneading",
            TARGETS="lumbar-left, lumbar-right, buttocks-top-left, buttocks-top-right",
            AVOID="spine, kidney-left, kidney-right",
        )
        step = p.steps[0]
        down = {"left": 0, "right": 0}
        for q in motion.poses_of(step, body_for("prone"), 32):
            touching = [n for n, h in (("left", q.left), ("right", q.right)) if h.lift < 0.35]
            assert len(touching) <= 1, "both grips press at once"
            for n in touching:
                down[n] += 1
        assert min(down.values()) > 0, down


def _overlap(a: list[list[tuple[float, float]]], b: list[list[tuple[float, float]]]) -> bool:
    return any(spatial._in_convex(tuple(pb), x, y) for pa in a for x, y in pa for pb in b)


def test_thumb_circles_on_one_shoulder_blade_never_cross() -> None:
    p = protocol(
        "{contact: thumbs, orientation: fingers-toward-head, left: {zone: shoulder-blade-left}, "
        "right: {zone: shoulder-blade-left}}",
        "{pattern: small-circles, direction: up-and-down, hands: mirrored}",
        TECHNIQUE="rubbing",
        TARGETS="shoulder-blade-left",
    )
    step = p.steps[0]
    assert _violations(p) == []
    for q in motion.poses_of(step, body_for("prone"), 16):
        # each hand keeps its half: the left hand to the left, the touching thumbs never meet
        assert motion.palm_centre(q.left, False)[0] < motion.palm_centre(q.right, True)[0]
        a = [list(s) for s in spatial.contact_shapes(q.left, False)]
        b = [list(s) for s in spatial.contact_shapes(q.right, True)]
        assert not _overlap(a, b) and not _overlap(b, a), "the hands cross"
        assert max(x for part in a for x, _ in part) < min(x for part in b for x, _ in part)


def test_neck_strokes_are_on_the_neck_level_and_both_hands_move() -> None:
    neck, left, right = "neck", "neck", "neck"  # the whole back of the neck, both hands on it
    p = protocol(
        f"{{contact: thumbs, orientation: fingers-outward, left: {{zone: {left}}}, "
        f"right: {{zone: {right}}}}}",
        "{pattern: long-strokes, direction: down, hands: mirrored}",
        TARGETS=neck,
    )
    step = p.steps[0]
    assert _violations(p) == []
    body = body_for("prone")
    poses = motion.poses_of(step, body, 32)
    for q in poses:
        assert math.isclose(q.left.y, q.right.y, abs_tol=0.3), "the hands are not level"
        assert q.left.x < 0 < q.right.x
        for hp, r in ((q.left, False), (q.right, True)):
            for shape in spatial.contact_shapes(hp, r):
                for _x, y in shape:
                    assert y > body.zone(left).bbox()[1] - 0.5, "a finger is on the hair"
    for side in ("left", "right"):
        ys = [getattr(q, side).y for q in poses]
        assert max(ys) - min(ys) > 2.5, f"the {side} hand does not stroke"
        # the palms rest on the shoulders below the neck, not beside the head
        palm = motion.palm_centre(getattr(poses[0], side), side == "right")
        assert palm[1] > body.zone(left).bbox()[3] - 1.0
